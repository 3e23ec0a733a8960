"""The vectorised row numbering of incident CSV files is the loop it replaced."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io._incident_lines import record_lines_of as _record_lines
from svduty.io._incident_tables import _line_of, _records
from svduty.io._lines import longest_record, record_lines


def _loop(start: int, n: int, skipped: set[int]) -> list[int]:
    numbers: list[int] = []
    record = start
    while len(numbers) < n:
        if record not in skipped:
            numbers.append(record)
        record += 1
    return numbers


@given(st.integers(1, 50), st.integers(0, 30), st.sets(st.integers(-1, 90)))
def test_records_skip_what_the_parser_skipped(start: int, n: int, skipped: set[int]) -> None:
    assert _records(start, n, skipped).tolist() == _loop(start, n, skipped)


@given(
    st.lists(st.integers(1, 9), max_size=20).map(lambda d: np.cumsum(d, dtype=np.int64)),
    st.lists(st.integers(-2, 25), max_size=20),
)
def test_line_of_a_record_or_null(lines: np.ndarray, records: list[int]) -> None:
    old = [int(lines[r - 1]) if 0 < r <= len(lines) else None for r in records]
    assert _line_of(lines, records).to_pylist() == old
    same = _line_of(None, records).to_pylist()  # record k on line k
    assert same == [r if r > 0 else None for r in records]


CELL = st.sampled_from(["a", '"b,c"', '"d\ne"', '"f""g"', "", " ", 'h"i'])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(CELL, min_size=1, max_size=3), min_size=0, max_size=8),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_record_lines_or_the_identity_as_record_lines_says(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], end: str, last: bool
) -> None:
    f = tmp_path_factory.mktemp("c") / "a.csv"
    f.write_bytes((end.join(",".join(r) for r in rows) + (end if last else "")).encode())
    fast, longest = _record_lines(f)
    full = record_lines(f)
    assert longest >= longest_record(f.read_bytes())  # the reader's block is sized by it
    if fast is None:
        assert full.tolist() == list(range(1, len(full) + 1))
    else:
        assert fast.tolist() == full.tolist()
