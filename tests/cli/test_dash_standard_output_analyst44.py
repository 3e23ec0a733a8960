"""``-o -`` is "standard output" in messages; Parquet to a terminal is a usage error (analyst44).

``-o -`` is written as ``/dev/stdout`` is, but the user never typed ``/dev/stdout``:
messages say "standard output". Parquet bytes to a terminal are refused as curl refuses
binary output there (exit status 2, with a hint to redirect), and written to a pipe or a
file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

SAMPLE = str(sample_police_uk())
COMMAND = [sys.executable, "-m", "svduty", "classify", SAMPLE, "-o", "-"]


def test_dash_in_an_error_names_standard_output(tmp_path: Path) -> None:
    """``-o -`` beside an input that is standard output too (without a format: mend49)."""
    code, _, err = run("classify", SAMPLE, "-o", "-", "--rejected", "-")
    assert code == 2
    assert "standard output: --rejected" in err
    assert "/dev/stdout" not in err


def test_two_outputs_to_standard_output_name_it() -> None:
    code, _, err = run("classify", SAMPLE, "-o", "-", "--rejected", "-", "--output-format", "csv")
    assert code == 2
    assert "standard output: --rejected" in err
    assert "/dev/stdout" not in err


def test_the_format_hint_says_dash() -> None:
    code, _, err = run("classify", SAMPLE, "--output-format", "csv")
    assert code == 2
    assert "-o - --output-format csv" in err
    assert "/dev/stdout" not in err


def test_report_to_standard_output_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "svduty", "report", SAMPLE, "-o", "-"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SVDUTY_CACHE": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert "wrote standard output" in done.stderr
    assert "/dev/stdout" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no terminals here")
def test_parquet_to_a_terminal_is_refused_with_a_hint() -> None:
    main, terminal = os.openpty()
    try:
        done = subprocess.run(
            [*COMMAND, "--output-format", "parquet"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(main)
    assert done.returncode == 2, done.stderr
    assert "standard output: --output:" in done.stderr
    assert "redirect it" in done.stderr
    assert "/dev/stdout" not in done.stderr


def test_parquet_into_a_pipe_and_a_file_is_written(tmp_path: Path) -> None:
    piped = subprocess.run(
        [*COMMAND, "--output-format", "parquet"], capture_output=True, check=False
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout[:4] == b"PAR1"
    target = tmp_path / "rows.parquet"
    with target.open("wb") as f:
        filed = subprocess.run(
            [*COMMAND, "--output-format", "parquet"], stdout=f, stderr=subprocess.PIPE, check=False
        )
    assert filed.returncode == 0, filed.stderr
    assert target.read_bytes()[:4] == b"PAR1"
    assert b"/dev/stdout" not in filed.stderr
