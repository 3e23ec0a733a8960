"""``classify -o -`` without ``--output-format`` writes JSON Lines (mend49).

A user writing rows to standard output (``svduty classify month.csv -o - | jq``) was told
"expected --output-format csv, parquet or jsonl for a device or pipe", exit status 1,
though classify's incident classifications already go to standard output as JSON Lines
when no ``-o`` is given. A device or pipe with no suffix to tell (``-``, ``/dev/stdout``,
``/dev/null``, a FIFO) is now written as JSON Lines, the same rows a ``.jsonl`` file gets;
a file whose suffix says no format (``rows``, ``rows.txt``) is refused as before.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import in_subprocess as _svduty
from ..cli_run import run

pytestmark = pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")

SAMPLE = str(sample_police_uk())


@pytest.fixture(scope="module")
def as_jsonl_file(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The lines ``-o rows.jsonl`` writes: what standard output must be given."""
    where = tmp_path_factory.mktemp("jsonl")
    done = _svduty("classify", SAMPLE, "-o", "rows.jsonl", cwd=where)
    assert done.returncode == 0, done.stderr
    return (where / "rows.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_rows_to_standard_output_are_json_lines(
    tmp_path: Path, target: str, as_jsonl_file: list[str]
) -> None:
    done = _svduty("classify", SAMPLE, "-o", target, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines == as_jsonl_file
    assert all(isinstance(json.loads(line), dict) for line in lines[:5])
    assert b"rows in: 4,586" in done.stderr  # the summary on standard error, as before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_fifo_without_a_format_gets_json_lines(tmp_path: Path, as_jsonl_file: list[str]):
    fifo = tmp_path / "rows"  # no suffix: a pipe
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = _svduty("classify", SAMPLE, "-o", fifo, cwd=tmp_path)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(got) == 1
    assert got[0].decode("utf-8").splitlines() == as_jsonl_file


def test_a_device_without_a_format_is_written(tmp_path: Path) -> None:
    code, _, err = run("classify", SAMPLE, "-o", "/dev/null")
    assert code == 0, err
    assert "error" not in err


@pytest.mark.parametrize("name", ["rows", "rows.txt"])
def test_a_file_whose_suffix_says_no_format_is_still_refused(tmp_path: Path, name: str):
    out = tmp_path / name
    code, _, err = run("classify", SAMPLE, "-o", out)
    assert code == 2  # a usage error (users52b; was 1)
    expected = "--output: expected a .csv, .parquet or .jsonl file"
    assert err == f"svduty classify: error: {out}: {expected}\n"
    assert not out.exists()


def test_the_help_says_standard_output_is_json_lines() -> None:
    code, out, _ = run("classify", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "- for standard output, as JSON Lines unless --output-format says otherwise" in flat
    assert "jsonl for a device or pipe with none, such as -o - (standard output)" in flat


@pytest.mark.parametrize("name", ["rows", "rows.d"])
def test_a_folder_without_a_suffix_is_told_it_is_a_folder(tmp_path: Path, name: str):
    """``-o rows/`` was told "expected a .csv, .parquet or .jsonl file" (mend49)."""
    (tmp_path / name).mkdir()
    code, _, err = run("classify", SAMPLE, "-o", tmp_path / name)
    assert code == 1
    said = "--output: expected a file, not a folder"
    assert err == f"svduty classify: error: {tmp_path / name}: {said}\n"
    assert list((tmp_path / name).iterdir()) == []
