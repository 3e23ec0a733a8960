"""Dates that repeat are read once each, and read as every row read by itself would be."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions._columns import _days, _days_of

DATES = st.sampled_from(
    [None, "2024-02-29", "2023-02-29", "2024-06", "2024-13", " 2024-06", "x", ""]
)


@given(st.lists(DATES, min_size=0, max_size=60), st.integers(0, 5))
def test_repeated_dates_are_read_as_each_row_alone(values: list[str | None], start: int) -> None:
    raw = pa.array(values, pa.string()).slice(min(start, len(values)))
    first, last = _days(raw)
    one, other = _days_of(raw)
    assert first.to_pylist() == one.to_pylist()
    assert last.to_pylist() == other.to_pylist()


def test_a_month_of_many_rows_is_read_once() -> None:
    raw = pa.array(["2024-06"] * 50 + [None] * 10 + ["2024-02-29"] * 40)
    first, last = _days(raw)
    assert {str(d) for d in first.to_pylist()} == {"2024-06-01", "2024-02-29", "None"}
    assert str(last[0].as_py()) == "2024-06-30"
    assert last[55].as_py() is None
