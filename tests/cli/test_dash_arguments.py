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


@pytest.mark.parametrize(
    "argv",
    [
        ["classify", "-month.csv"],
        ["explain", "-month.csv"],
        ["classify", "./-month.csv", "-month.csv"],  # unrecognized, not a missing INPUT
    ],
)
def test_a_file_named_with_a_leading_dash_is_explained(here: Path, argv: list[str]) -> None:
    """argparse reads ``-month.csv`` as an option; the error says how to name the file."""
    (here / "-month.csv").write_bytes(sample_police_uk().read_bytes())
    code, _, err = run(*argv)
    assert code == 2
    assert "write ./ before it or -- first" in err.splitlines()[-1]
    assert "-month.csv" not in err.splitlines()[-1]  # a value typed is not repeated
    code, _, err = run("classify", "--summary", "json", "--", "-month.csv")
    assert code == 0


def test_no_file_of_that_name_no_hint(here: Path) -> None:
    code, _, err = run("classify", "-month.csv")
    assert code == 2
    assert "leading '-'" not in err


def test_a_folder_named_with_a_leading_dash_is_explained_and_other_errors_are_not(
    here: Path,
) -> None:
    """INPUT is files or folders: a folder ``-months`` got no hint; and the hint was added to
    errors a dashed file did not cause (an invalid choice elsewhere on the line)."""
    (here / "-months").mkdir()
    code, _, err = run("classify", "-months")
    assert code == 2
    assert "write ./ before it or -- first" in err
    (here / "in.jsonl").write_text('{"id": "a"}\n')
    code, _, err = run("classify", "--summary", "xml", "in.jsonl", "-months")
    assert code == 2
    assert "invalid choice" in err
    assert "leading '-'" not in err


@pytest.mark.parametrize("command", ["classify", "explain"])
def test_a_closed_standard_input_reads_as_empty(command, tmp_path):
    """``svduty classify - <&-`` (no standard input at all) stopped with "unexpected
    TypeError" (hostile review): it reads as an empty input, as ``< /dev/null`` does."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "svduty", command, "-"],
        preexec_fn=lambda: os.close(0),  # the child's standard input, closed
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert "unexpected" not in done.stderr
    assert done.returncode == 0, done.stderr
