"""An incident CSV file of more columns than are read is refused before pyarrow reads it.

pyarrow's CSV reader takes about 10 KB of memory a column whatever the rows: a 0.9 MB file
of two rows and 100,000 columns took 1.34 GB to classify (hostile58). A header of more than
``MOST_COLUMNS`` columns is now refused, naming the file and the limit, before any reader
opens it: exit status 1, nothing written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import read_incident_table
from svduty.io._csv_width import MOST_COLUMNS, first_record_columns, refuse_too_wide
from tests.cli_run import run
from tests.fuzz.budget import budget


def _wide(tmp_path: Path, columns: int) -> Path:
    names = ["id", "offence_code", *(f"x{i}" for i in range(columns - 2))]
    f = tmp_path / "wide.csv"
    f.write_text(",".join(names) + "\n" + ",".join(["a", "8N", *[""] * (columns - 2)]) + "\n")
    return f


@pytest.mark.parametrize("command", [["classify", "--input-format", "incidents"], ["classify"]])
def test_a_file_of_too_many_columns_is_refused_naming_the_file_and_the_limit(
    tmp_path: Path, command: list[str]
) -> None:
    f = _wide(tmp_path, MOST_COLUMNS + 1)
    out = tmp_path / "out.jsonl"
    code, _, err = run(*command, f, "-o", out)
    assert code == 1
    assert str(f) in err
    assert f"at most {MOST_COLUMNS:,} are read" in err
    assert f"{MOST_COLUMNS + 1:,} columns" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_explain_refuses_it_too(tmp_path: Path) -> None:
    f = _wide(tmp_path, MOST_COLUMNS + 50)
    code, out, err = run("explain", f)
    assert code == 1
    assert f"at most {MOST_COLUMNS:,} are read" in err
    assert not out


def test_a_file_of_the_most_columns_is_read(tmp_path: Path) -> None:
    table = read_incident_table(_wide(tmp_path, MOST_COLUMNS))
    assert table.num_rows == 1


def test_the_reader_refuses_it_before_reading_rows(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="columns or more"):
        read_incident_table(_wide(tmp_path, MOST_COLUMNS + 1))


def test_a_header_longer_than_the_counted_start_is_refused_by_its_start(tmp_path: Path) -> None:
    f = tmp_path / "long.csv"
    f.write_bytes(b"id," + b"x," * (1 << 20) + b"\n")
    with pytest.raises(InputFormatError, match=f"at most {MOST_COLUMNS:,}"):
        refuse_too_wide(f)
    refuse_too_wide(tmp_path / "absent.csv")  # the reader says it is missing


_CELL = st.text(alphabet=st.sampled_from(["a", ",", '"', "\n", " ", "é"]), max_size=6)


@given(st.lists(st.lists(_CELL, min_size=1, max_size=8), min_size=1, max_size=3))
@example([["a\n,b", '"', ""], ["x"]])
@budget(100)
def test_the_count_is_the_csv_modules(rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    data = text.getvalue().encode()
    first = next(csv.reader(io.StringIO(text.getvalue())))
    assert first_record_columns(data) == len(first)
