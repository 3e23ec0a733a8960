"""An input that is a symbolic link loop, or a broken link, says so (mend49b).

Before mend49b ``svduty classify loop.csv`` where ``loop.csv`` is a link round a loop of
links said "file not found", though ``ls`` lists the name. Now every command that reads
inputs (``classify``, ``report``, ``explain``) says it is a symbolic link loop, and a link
to a file that is not there is a broken symbolic link; a name that is not there at all is
still "file not found".
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from svduty.cli import main

BUNDLE = Path(__file__).parents[1] / "data" / "example-bundle"
LOOP = "a symbolic link loop"
BROKEN = "a broken symbolic link"


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, err.getvalue()


def _argv(command: str, path: Path, tmp_path: Path) -> list[str]:
    tail = {
        "classify": ["-o", str(tmp_path / "o.jsonl")],
        "report": ["-o", str(tmp_path / "r.html")],
        "explain": ["--row", "2"],
    }[command]
    return [command, str(path), "--partnership", str(BUNDLE), *tail]


@pytest.mark.parametrize(
    ("command", "suffix"),
    [
        ("classify", ".csv"),
        ("classify", ".jsonl"),
        ("report", ".csv"),
        ("explain", ".csv"),
        ("explain", ".jsonl"),
    ],  # report reads police.uk months only
)
def test_a_link_loop_is_named_as_one(tmp_path: Path, command: str, suffix: str) -> None:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    code, err = _run(_argv(command, a, tmp_path))
    assert code == 1, err
    assert f"{a}: {LOOP}" in err, err
    assert "file not found" not in err, err


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_broken_link_and_a_missing_name(tmp_path: Path, suffix: str) -> None:
    broken = tmp_path / f"broken{suffix}"
    broken.symlink_to(f"gone{suffix}")
    code, err = _run(_argv("classify", broken, tmp_path))
    assert code == 1
    assert f"{broken}: {BROKEN}" in err, err
    missing = tmp_path / f"missing{suffix}"
    code, err = _run(_argv("classify", missing, tmp_path))
    assert code == 1
    assert f"{missing}: file not found" in err, err


def test_a_loop_given_with_the_format_named(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    a.symlink_to("a.jsonl")  # a link to itself
    code, err = _run(["classify", str(a), "--input-format", "incidents", "-o", "-"])
    assert code == 1
    assert f"{a}: {LOOP}" in err, err
