"""A police.uk row rejected for its month or crime type leaves no word in the good rows.

The reader numbers ``month`` and ``police_uk_category`` as it reads them (speed45b); the
writers turn a month's words into dates (speed45c). A rejected row's month ("2025-13", a
second file's header line "Month") or unknown crime type stayed among the words of the
rows kept, so every output format failed on it ("unexpected ArrowInvalid"), and a
Parquet file held, in its dictionary, the crime type of a row it does not hold.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.io import normalise_police_uk, sample_police_uk
from svduty.io._police_uk_words import WORDS

from ..cli_run import run


def _file(tmp_path: Path) -> Path:
    """A police.uk file of 30 rows, two files' worth joined, a bad month, an unknown type."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    first = lines[1]
    body = [
        *lines[:16],
        *lines[:16],  # a second file joined: its header is a row rejected
        first.replace(",2025-06,", ",2025-13,", 1),
        first.replace("Criminal damage and arson", "Not a crime type", 1),
    ]
    path = tmp_path / "joined.csv"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_rejected_month_and_type_do_not_stop_the_output(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    code, _, err = run("classify", _file(tmp_path), "-o", out, "--rejected", tmp_path / "r.csv")
    assert code == 0, err
    assert "unexpected" not in err
    rejected = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    assert len(rejected) == 1 + 3  # the header line, the month, the crime type
    if suffix == ".parquet":
        table = pq.read_table(out)
        assert table.num_rows == 30
        assert set(table.column("month").to_pylist()) == {datetime.date(2025, 6, 1)}
        words = table.column("police_uk_category").combine_chunks().dictionary.to_pylist()
        assert "Not a crime type" not in words
        assert "Crime type" not in words


def test_words_are_those_of_rows_not_rejected_for_them() -> None:
    months = pa.array(["2025-06", "2025-13", "Month", "2025-06"]).cast(WORDS)
    types = pa.array(["Robbery", "Robbery", "Crime type", "Not a crime type"]).cast(WORDS)
    raw = pa.table(
        {
            "Crime ID": ["a", "b", "c", "d"],
            "Month": months,
            "Reported by": ["x"] * 4,
            "Falls within": ["x"] * 4,
            "Longitude": [None] * 4,
            "Latitude": [None] * 4,
            "Location": ["No Location"] * 4,
            "LSOA code": [None] * 4,
            "LSOA name": [None] * 4,
            "Crime type": types,
            "Last outcome category": [None] * 4,
            "Context": [None] * 4,
        }
    )
    out = normalise_police_uk(raw, file="f.csv")
    assert out.column("rejected").null_count == 1
    assert out.column("month").dictionary.to_pylist() == ["2025-06"]
    assert out.column("police_uk_category").dictionary.to_pylist() == ["Robbery"]
