"""An output in a read-only folder: the output named, not its temporary file.

``svduty classify m.csv -o /read-only/o.csv`` said ``/read-only/.o.csv.1234.9f75565e.tmp:
Read-only file system``: the temporary file could not be made, and removing it (it never
existed) raised ``EROFS`` rather than ``ENOENT``, which took the place of the right error
(hostile45, on a tmpfs mounted read-only). Where no temporary file exists, nothing is
left to remove, whatever the system says.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from svduty.cli import main
from svduty.io import _writers, sample_police_uk
from svduty.io._write_paths import OutputFile


def _read_only(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EROFS, os.strerror(errno.EROFS))


def test_discarding_a_temporary_file_never_made_raises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = OutputFile(tmp_path / "o.csv")
    monkeypatch.setattr(Path, "unlink", _read_only)
    out.discard()  # (raised OSError: Read-only file system, naming the temporary file)


def test_a_temporary_file_that_stays_is_still_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = OutputFile(tmp_path / "o.csv")
    assert out.temp is not None
    out.temp.write_text("part")
    monkeypatch.setattr(Path, "unlink", _read_only)
    with pytest.raises(OSError, match="Read-only"):
        out.discard()  # never silently left behind


@pytest.mark.parametrize("suffix", ["csv", "parquet", "jsonl"])
def test_an_output_in_a_read_only_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    month = tmp_path / "m.csv"
    month.write_bytes(sample_police_uk().read_bytes())
    monkeypatch.setattr(Path, "unlink", _read_only)
    monkeypatch.setattr(_writers.OutputFile, "sink", _read_only)
    monkeypatch.setattr(_writers.OutputFile, "open", _read_only)
    err = io.StringIO()
    target = tmp_path / f"o.{suffix}"
    assert main(["classify", str(month), "-o", str(target)], stderr=err) == 1
    assert err.getvalue() == (
        f"svduty classify: error: {target}: --output: cannot write the file "
        "(Read-only file system)\n"
    )
