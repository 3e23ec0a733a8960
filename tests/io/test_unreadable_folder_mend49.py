"""A folder svduty may not list, inside an input folder or given itself, stops the run (mend49).

``Path.rglob`` passes over a folder it gets ``PermissionError`` listing: ``svduty classify
months/`` with ``months/2025-07`` unreadable classified the other months, exit status 0,
and the month's rows were in no count and no ``skipped`` line, where an unreadable file
stops the run (exit status 1). An unreadable input folder itself was told "expected a
folder holding police.uk CSV files". Both now name the folder: "cannot read the folder
(Permission denied)", exit status 1, nothing written.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from svduty.io import police_uk_paths, sample_police_uk

from ..cli_run import run


def _refusing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``os.scandir`` refuses ``folder`` as the system refuses a folder without ``r``."""
    real: Callable[..., Any] = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(os.fsdecode(path)).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def months(tmp_path: Path) -> Path:
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    for month, rows in (("2025-06", 30), ("2025-07", 20)):  # not copies: both are read
        (tmp_path / "months" / month).mkdir(parents=True)
        (tmp_path / "months" / month / f"{month}-street.csv").write_text(
            "".join(lines[: rows + 1]), encoding="utf-8"
        )
    return tmp_path / "months"


def test_an_unreadable_month_folder_stops_the_run(
    months: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refusing(monkeypatch, months / "2025-07")
    out = tmp_path / "rows.csv"
    code, stdout, err = run("classify", months, "-o", out, "--summary", "json")
    assert (code, stdout) == (1, "")
    assert err == (
        f"svduty classify: error: {months / '2025-07'}: cannot read the folder "
        f"({os.strerror(errno.EACCES)})\n"
    )
    assert not out.exists()


def test_an_unreadable_input_folder_is_named_as_such(
    months: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refusing(monkeypatch, months)
    code, _, err = run("report", months, "-o", months.parent / "r.html")
    assert code == 1
    assert f"{months}: cannot read the folder ({os.strerror(errno.EACCES)})" in err
    assert "police.uk CSV files" not in err


def test_the_public_lister_refuses_it_too(months: Path, monkeypatch: pytest.MonkeyPatch):
    from svduty.errors import InputFormatError

    _refusing(monkeypatch, months / "2025-06")
    with pytest.raises(InputFormatError, match="2025-06: cannot read the folder"):
        police_uk_paths([months])


def test_readable_folders_are_read_as_before(months: Path) -> None:
    assert [p.name for p in police_uk_paths([months])] == [
        "2025-06-street.csv",
        "2025-07-street.csv",
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_read_permission(months: Path) -> None:
    (months / "2025-07").chmod(0)
    try:
        code, _, err = run("classify", months, "--summary", "json")
    finally:
        (months / "2025-07").chmod(0o755)
    assert code == 1
    assert "2025-07: cannot read the folder" in err
