"""A bundle file an editor saved as Windows-1252 says where and how to mend it (users51).

A researcher who types "Ynys Môn" or "£" into ``areas.toml`` in an editor that saves
Windows-1252 got ``areas.toml: not UTF-8 text``: no row, no hint, where a police.uk month
so saved names the row and the ``iconv`` command. The bundle file now does the same, and
never shows the bytes (a bundle may hold names of people).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import svduty
from svduty.io import validate_bundle

from ..cli_run import run

MARK = "ZQXMARK Ménard"


def _bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "b"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), folder)
    return folder


def test_validate_names_the_row_and_the_conversion_never_the_text(tmp_path: Path):
    folder = _bundle(tmp_path)
    f = folder / "bundle.toml"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, f"# {MARK}\n")
    f.write_bytes("".join(lines).encode("windows-1252"))
    (problem,) = validate_bundle(folder)
    assert (problem.file, problem.row) == ("bundle.toml", 4)
    assert "iconv -f windows-1252 -t utf-8" in str(problem)
    code, out, err = run("validate", folder)
    assert code == 1
    assert "bundle.toml: row 4: not UTF-8 text (a file saved as Windows-1252" in out
    assert "ZQXMARK" not in out + err
    assert "Ménard" not in out + err
