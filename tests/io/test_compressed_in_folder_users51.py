"""A compressed month in an input folder says it is compressed (users51).

``svduty classify FILE.csv.gz`` is refused naming gzip and ``gunzip``; the same file in
a folder was skipped as "not a .csv file", which tells an analyst with a folder of
``.csv.gz`` months nothing of what to do. The skip reason now names the compression and
the tool, as the refusal does; the file is still skipped, never read, and its rows are in
no count.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from svduty.io import sample_police_uk
from svduty.io._inputs import expand_inputs

from ..cli_run import run

ROWS = 4586  # the sample month's rows


@pytest.mark.parametrize(
    ("name", "kind", "tool"),
    [
        ("2025-05-x-street.csv.gz", "gzip", "gunzip"),
        ("2025-05-x-street.CSV.GZ", "gzip", "gunzip"),
        ("download.zip", "zip", "unzip"),
        ("2025-05-x-street.csv.bz2", "bzip2", "bunzip2"),
        ("2025-05-x-street.csv.xz", "xz", "unxz"),
    ],
)
def test_a_compressed_file_in_a_folder_is_skipped_naming_its_compression(
    tmp_path: Path, name: str, kind: str, tool: str
):
    month = tmp_path / "2025-06-x-street.csv"
    shutil.copy(sample_police_uk(), month)
    (tmp_path / name).write_bytes(b"anything")
    got = expand_inputs([tmp_path])
    assert got.files == (month,)
    expected = f"compressed ({kind}): decompress it first to read it, e.g. with {tool}"
    assert got.skipped == (f"{tmp_path / name} ({expected})",)


def test_other_files_are_still_not_a_csv_file(tmp_path: Path):
    shutil.copy(sample_police_uk(), tmp_path / "2025-06-x-street.csv")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "gz").write_text("x")  # no suffix: the name alone, not its letters
    got = expand_inputs([tmp_path])
    assert sorted(got.skipped) == [
        f"{tmp_path / 'gz'} (not a .csv file)",
        f"{tmp_path / 'notes.txt'} (not a .csv file)",
    ]


def test_a_folder_of_compressed_months_alone_is_refused_saying_why(tmp_path: Path):
    (tmp_path / "2025-05-x-street.csv.gz").write_bytes(b"anything")
    code, _, err = run("classify", str(tmp_path))
    assert code == 1
    assert "(compressed (gzip): decompress it first to read it, e.g. with gunzip)" in err


def test_classify_of_a_folder_says_so_and_counts_only_the_plain_month(tmp_path: Path):
    d = tmp_path / "months"
    d.mkdir()
    shutil.copy(sample_police_uk(), d / "2025-06-x-street.csv")
    (d / "2025-05-x-street.csv.gz").write_bytes(gzip.compress(sample_police_uk().read_bytes()))
    code, out, err = run("classify", str(d), "--summary", "json")
    assert code == 0, err
    s = json.loads(out)
    assert s["rows_in"] == ROWS
    why = "(compressed (gzip): decompress it first to read it, e.g. with gunzip)"
    assert [x.endswith(why) for x in s["skipped"]] == [True]
    assert run("classify", str(d), "--strict")[0] == 1
