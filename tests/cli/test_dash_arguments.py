"""'-' is standard input or output where a command reads or writes one; elsewhere refused.

``report`` reads no standard input (it said '-: No such file or directory', with nothing
expected), and ``report --tables -`` and ``init -`` made a folder named '-' (a hostile
review; ``classify -o -`` and ``--rejected -`` were refused before). ``report -o`` in a
folder that does not exist is refused as ``classify -o`` is (it made the folder).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["report", "-", "-o", "r.html"], "-: INPUT: expected files or folders of police.uk"),
        (
            ["report", str(sample_police_uk()), "-o", "r.html", "--tables", "-"],
            "-: --tables: expected a folder's name",
        ),
        (["init", "-", "--area", "E07000220"], "-: DIR: expected a folder's name"),
        (
            ["report", str(sample_police_uk()), "-o", "no-such-folder/r.html"],
            "no-such-folder/r.html: --output: expected a file in an existing folder",
        ),
    ],
)
def test_a_dash_or_a_missing_folder_is_refused_and_nothing_is_made(
    here: Path, argv: list[str], says: str
) -> None:
    code, _, err = run(*argv)
    assert code == 1
    assert says in err
    assert list(here.iterdir()) == []  # no folder '-', no 'no-such-folder', no page
