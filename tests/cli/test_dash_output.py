"""``-o -`` is standard output, as ``-`` is standard input where a command reads one.

``svduty classify month.csv -o - --output-format csv`` and ``svduty report months/ -o -``
were refused ("expected a file, or /dev/stdout for standard output"; "expected an .html
file"): the common convention (``curl -o -``, ``tar -f -``) was told to spell its device.
``-`` now names standard output wherever ``/dev/stdout`` does (``-o`` of ``classify`` and
``report``, ``classify --rejected``), with what ``/dev/stdout`` does: the summary goes to
standard error, rows are JSON Lines unless a format is named (a stream has no suffix),
and standard output is never given two outputs. No file named ``-`` is ever made.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import in_subprocess as svduty

pytestmark = pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")

ROWS = 4586


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


@pytest.mark.slow
def test_classify_writes_its_rows_to_standard_output(tmp_path: Path) -> None:
    done = svduty(
        "classify", sample_police_uk(), "-o", "-", "--output-format", "jsonl", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert len(lines) == ROWS
    assert json.loads(lines[0])["row"] == 2
    assert b"rows in: 4,586" in done.stderr  # the summary is not mixed with the rows
    assert list(tmp_path.iterdir()) == []  # no file named '-'


@pytest.mark.slow
def test_report_writes_its_page_to_standard_output(tmp_path: Path) -> None:
    done = svduty("report", sample_police_uk(), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!DOCTYPE html>")
    assert done.stdout.rstrip().endswith(b"</html>")
    assert b"rows in: 4,586" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_rejected_rows_to_standard_output_beside_a_file(tmp_path: Path) -> None:
    month = tmp_path / "m.csv"
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()[:3]
    month.write_text("\n".join([*lines, "too,few,fields"]) + "\n", encoding="utf-8")
    done = svduty("classify", month, "-o", "rows.csv", "--rejected", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[0].startswith('"file","row"')
    assert "expected 12 fields" in done.stdout.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "rows.csv"]


@pytest.mark.slow
def test_rows_to_standard_output_without_a_format_are_json_lines(here: Path) -> None:
    """As ``/dev/stdout`` is (mend49; it was exit status 1, asking for --output-format)."""
    done = svduty("classify", sample_police_uk(), "-o", "-", cwd=here)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert len(lines) == ROWS
    assert json.loads(lines[0])["row"] == 2
    assert list(here.iterdir()) == []


@pytest.mark.slow
def test_standard_output_is_not_given_two_outputs(tmp_path: Path) -> None:
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"offence_code": "8N"}\n', encoding="utf-8")
    done = svduty("classify", incidents, "--rejected", "-", cwd=tmp_path)  # rows go there
    assert (done.returncode, done.stdout) == (2, b"")
    assert b"--rejected: expected a file other than standard output" in done.stderr
    done = svduty(
        "classify",
        sample_police_uk(),
        "-o",
        "-",
        "--output-format",
        "csv",
        "--rejected",
        "-",
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert b"--rejected: expected a file other than --output" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i.jsonl"]


def _closed_stdout(*argv: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The command run as ``svduty ... >&-``: its standard output closed."""
    return svduty(
        *argv,
        cwd=cwd,
        stdout=None,
        preexec_fn=lambda: os.close(1),  # after the child's descriptors are set up
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("classify", "m.csv", "-o", "-", "--output-format", "csv"), "-: --output"),
        (("classify", "m.csv", "--rejected", "-"), "-: --rejected"),
        (
            ("classify", "m.csv", "-o", "/dev/stdout", "--output-format", "csv"),
            "/dev/stdout: --output",
        ),
        (("report", "m.csv", "-o", "-"), "-: --output"),
        (("report", "m.csv", "-o", "/dev/stdout"), "/dev/stdout: --output"),
    ],
)
def test_a_closed_standard_output_is_told_so(
    tmp_path: Path, argv: tuple[str, ...], said: str
) -> None:
    """``svduty classify m.csv -o - >&-`` was told "expected a file, or /dev/stdout for
    standard output" (report: "expected an .html file"): a closed standard output has no
    /dev/stdout, and ``-`` was then taken for a file's name (hostile43b)."""
    month = tmp_path / "m.csv"
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()[:3]
    month.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _closed_stdout(*argv, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"svduty {argv[0]}: error: {said}: expected standard output open (it is closed)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_classifications_are_not_appended_to_their_input(tmp_path: Path) -> None:
    """``svduty classify i.jsonl >> i.jsonl`` appended the classifications to the file it
    read (exit status 0), where ``-o -`` so was refused: ``/dev/stdout`` is the input
    (hostile43b)."""
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"id": "1", "date": "2023-06-01"}\n', encoding="utf-8")
    with incidents.open("ab") as appended:
        done = svduty("classify", incidents, cwd=tmp_path, stdout=appended)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"svduty classify: error: {incidents}: standard output: expected a file other than "
        "the inputs (the classifications go there without --output)"
    ]
    assert incidents.read_text(encoding="utf-8") == '{"id": "1", "date": "2023-06-01"}\n'
