"""``Period.intersection``: the days two periods both hold (mend51).

Properties over any two periods, open-ended or not, against the days themselves: it is
commutative, within both, ``None`` exactly when they share no day (as ``overlaps``), and
closed-open at its edges (the first day both hold is in it, the day either ends is not).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import ArgumentError
from svduty.periods import Period

_DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(_DAYS)
    length = draw(st.none() | st.integers(min_value=1, max_value=900))
    return Period(start, None if length is None else start + dt.timedelta(days=length))


def _holds(p: Period, day: dt.date) -> bool:
    return p.start <= day and (p.end is None or day < p.end)


@given(periods(), periods())
def test_it_is_commutative(a: Period, b: Period) -> None:
    assert a.intersection(b) == b.intersection(a)


@given(periods(), periods(), _DAYS)
def test_a_day_is_in_it_exactly_when_it_is_in_both(a: Period, b: Period, day: dt.date) -> None:
    both = a.intersection(b)
    assert (both is not None and day in both) == (day in a and day in b)
    assert (both is not None and _holds(both, day)) == (_holds(a, day) and _holds(b, day))


@given(periods(), periods())
def test_it_is_within_both(a: Period, b: Period) -> None:
    both = a.intersection(b)
    if both is None:
        return
    for p in (a, b):
        assert both.intersection(p) == both  # wholly within p
        assert p.start <= both.start
        assert p.end is None or (both.end is not None and both.end <= p.end)


@given(periods(), periods())
def test_none_exactly_when_disjoint(a: Period, b: Period) -> None:
    assert (a.intersection(b) is None) == (not a.overlaps(b))


@given(periods())
def test_a_period_with_itself_is_itself(a: Period) -> None:
    assert a.intersection(a) == a


def test_edges_are_closed_open() -> None:
    a = Period("2023-01-01", "2023-07-01")  # 1 January to 30 June
    meeting = Period("2023-07-01", "2024-01-01")
    assert a.intersection(meeting) is None  # a's end is meeting's first day: no day shared
    one_day = a.intersection(Period("2023-06-30"))
    assert one_day == Period("2023-06-30", "2023-07-01")
    assert one_day.days() == 1
    assert "2023-06-30" in one_day
    assert "2023-07-01" not in one_day
    assert Period("2023-01-01").intersection(Period("2024-01-01")) == Period("2024-01-01")


def test_a_wrong_argument_is_refused() -> None:
    with pytest.raises(ArgumentError):
        Period("2023-01-01").intersection("2023-01-01")  # type: ignore[arg-type]
