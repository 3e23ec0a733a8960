"""A symbolic link loop inside an input folder is listed as a loop, not a broken link (mend50).

mend49b made a loop named as an input say "a symbolic link loop"; inside a folder the same
loop (a link to itself, or two links to each other) was still listed as skipped "(a broken
link)", which sends the user looking for a file that was never there. A link to a missing
file is still "a broken link".
"""

from __future__ import annotations

import shutil
from pathlib import Path

from svduty.io import sample_police_uk
from svduty.io._inputs import expand_inputs

from ..cli_run import run


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "months"
    folder.mkdir()
    shutil.copy(sample_police_uk(), folder / "2025-06-x-street.csv")
    (folder / "self.csv").symlink_to("self.csv")
    (folder / "a.csv").symlink_to("b.csv")
    (folder / "b.csv").symlink_to("a.csv")
    (folder / "gone.csv").symlink_to(tmp_path / "nowhere.csv")
    return folder


def test_a_loop_in_a_folder_is_listed_as_a_loop(tmp_path: Path):
    folder = _folder(tmp_path)
    got = expand_inputs([folder])
    assert got.files == (folder / "2025-06-x-street.csv",)
    loop = "(a symbolic link loop: the link leads, through links, back to itself)"
    assert sorted(got.skipped) == [
        f"{folder / 'a.csv'} {loop}",
        f"{folder / 'b.csv'} {loop}",
        f"{folder / 'gone.csv'} (a broken link)",
        f"{folder / 'self.csv'} {loop}",
    ]


def test_classify_lists_it_so(tmp_path: Path):
    folder = _folder(tmp_path)
    code, out, err = run("classify", folder, "-o", tmp_path / "o.jsonl")
    assert code == 0
    assert f"skipped: {folder / 'self.csv'} (a symbolic link loop" in out + err
    assert f"skipped: {folder / 'gone.csv'} (a broken link)" in out + err
