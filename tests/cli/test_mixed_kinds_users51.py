"""Two kinds of input in one run are refused before any row is written (users51).

``svduty classify incidents.jsonl month.csv`` wrote the incidents' classifications to
standard output, then refused the police.uk month with exit status 1: a consumer of
the stream had ten classifications and a failure, though the help says an unusable
input means nothing is written. A named file of the other kind is now refused before
the first row is read, naming the file; the order of the two does not matter.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import svduty
from svduty.io import sample_police_uk

from ..cli_run import run


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    month = tmp_path / "2025-06-x-street.csv"
    shutil.copy(sample_police_uk(), month)
    incidents = tmp_path / "incidents.jsonl"
    shutil.copy(svduty.sample_path("incidents"), incidents)
    return month, incidents


def test_incidents_then_a_month_write_nothing(files: tuple[Path, Path]):
    month, incidents = files
    code, out, err = run("classify", incidents, month)
    assert (code, out) == (1, "")
    assert f"{month}: --input-format: expected incidents" in err
    assert "this file is police.uk street-level months (its header)" in err


def test_a_month_then_incidents_are_refused_naming_the_incident_file(
    files: tuple[Path, Path], tmp_path: Path
):
    month, incidents = files
    out_file = tmp_path / "rows.jsonl"
    code, out, err = run("classify", month, incidents, "-o", "-")
    assert (code, out) == (1, "")
    assert f"{incidents}: --input-format: expected police.uk street-level months" in err
    code, _, _ = run("classify", tmp_path, incidents, "-o", out_file)
    assert code == 1
    assert not out_file.exists()


def test_the_format_given_is_the_run_s_kind(files: tuple[Path, Path]):
    month, incidents = files
    code, out, err = run("classify", "--input-format", "incidents", incidents, month)
    assert (code, out) == (1, "")
    assert "this run's kind (its first input's, or --input-format's)" in err


def test_files_of_one_kind_still_run(files: tuple[Path, Path]):
    month, incidents = files
    assert run("classify", month, month.parent)[0] == 0
    code, out, _ = run("classify", incidents, incidents)
    assert code == 0
    assert out.count("\n") == 10  # a file named twice is read once
