"""Standard output full after the files are in place: the "wrote" lines said on standard error.

``svduty classify m.csv -o rows.csv > /dev/full`` (and ``svduty report ... -o page.html``)
renamed the file into place, then failed on the summary with exit status 1 and only
"standard output: cannot write (No space left on device)": the line saying the file was
written went down with the summary, so a failed run left a file it never named
(hostile45). With ``--summary json`` the line was already on standard error.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import sample_police_uk


class _Full(io.StringIO):
    """A standard output on a full disk: every write fails."""

    def write(self, s: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _month(tmp_path: Path) -> Path:
    month = tmp_path / "m.csv"
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()[:30]
    month.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return month


@pytest.mark.parametrize(
    ("argv", "files"),
    [
        (["classify", "m.csv", "-o", "rows.csv"], ["rows.csv"]),
        (["classify", "m.csv", "-o", "rows.csv", "--rejected", "bad.csv"], ["rows.csv", "bad.csv"]),
        (["report", "m.csv", "-o", "page.html"], ["page.html"]),
    ],
)
def test_the_files_written_are_named_when_standard_output_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], files: list[str]
) -> None:
    _month(tmp_path)
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert main(argv, stdout=_Full(), stderr=err) == 1
    said = err.getvalue().splitlines()
    assert said[: len(files)] == [f"wrote {f}" for f in files]
    assert said[-1] == (
        f"svduty {argv[0]}: error: standard output: cannot write (No space left on device)"
    )
    assert all((tmp_path / f).is_file() for f in files)
