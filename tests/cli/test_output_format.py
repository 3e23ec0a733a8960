"""``--output-format``: classified rows to a file or device whatever its name.

A hostile review: ``svduty classify month.csv -o /dev/stdout`` was refused ("expected a
.csv, .parquet or .jsonl file"), so police.uk results could not be piped. The format
can now be named; a reader that closes the pipe ends the run quietly (exit status 141).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

ROWS = 4586


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_the_format_is_named_whatever_the_files_name(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "classified.dat"
    code, _said, err = run("classify", sample_police_uk(), "-o", out, "--output-format", fmt)
    assert (code, err) == (0, "")
    if fmt == "csv":
        assert pacsv.read_csv(out).num_rows == ROWS
    elif fmt == "parquet":
        assert pq.read_table(out).num_rows == ROWS
    else:
        assert len(out.read_text(encoding="utf-8").splitlines()) == ROWS


def test_without_it_a_name_with_no_suffix_is_refused(tmp_path: Path) -> None:
    code, _, err = run("classify", sample_police_uk(), "-o", tmp_path / "classified.dat")
    assert code == 2  # a usage error, as --output-format xlsx (users52b; was 1)
    assert "expected a .csv, .parquet or .jsonl file" in err
    assert not (tmp_path / "classified.dat").exists()


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(
        "classify", sample_police_uk(), "-o", tmp_path / "x", "--output-format", "xlsx"
    )
    assert code == 2
    assert "--output-format" in err
    assert not (tmp_path / "x").exists()


def _svduty(*argv: str) -> list[str]:
    return [sys.executable, "-m", "svduty", *argv]


def test_police_uk_rows_go_to_standard_output_as_json_lines() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    argv = _svduty("classify", str(sample_police_uk()), "-o", "/dev/stdout")
    done = subprocess.run(
        [*argv, "--output-format", "jsonl"], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert len(lines) == ROWS
    assert json.loads(lines[0])["row"] == 2
    assert b"rows in: 4,586" in done.stderr  # the summary goes to standard error


def test_a_reader_that_closes_the_pipe_ends_the_run_quietly() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    argv = _svduty("classify", str(sample_police_uk()), "-o", "/dev/stdout")
    with subprocess.Popen(
        [*argv, "--output-format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # as 'head -1' does
        err = proc.stderr.read()
        code = proc.wait()
    assert code == 141, err
    assert b"Broken pipe" not in err
