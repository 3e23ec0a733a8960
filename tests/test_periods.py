from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import ArgumentError, DataError, NotInForceError, PeriodError
from svduty.periods import Dated, FinancialYear, Period, Timeline, date

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


def test_date_accepts_iso_strings_and_dates():
    assert date("2023-01-31") == pendulum.Date(2023, 1, 31)
    assert date(dt.date(2023, 1, 31)) == pendulum.Date(2023, 1, 31)
    assert date(dt.datetime(2023, 1, 31, 12, 0)) == pendulum.Date(2023, 1, 31)
    assert type(date(dt.date(2023, 1, 31))) is pendulum.Date


@pytest.mark.parametrize("bad", ["2023-13-01", "31/01/2023", "", "2023-1-1", 20230131, None])
def test_date_rejects_malformed_values(bad):
    with pytest.raises(DataError):
        date(bad)


def test_date_error_hides_long_free_text():
    with pytest.raises(DataError) as info:
        date("x" * 100)
    assert info.value.problems[0].got is None


def test_period_is_closed_open():
    p = Period("2023-04-01", "2023-05-01")
    assert date("2023-04-01") in p
    assert date("2023-04-30") in p
    assert date("2023-05-01") not in p
    assert "2023-04-10" in p  # a day as text is read, as Period's own days are
    assert 20230410 not in p
    with pytest.raises(DataError):
        assert "2023-04-31" in p
    assert p.days() == 30
    assert Period("2023-01-01").days() is None
    assert str(Period("2023-01-01")) == "2023-01-01 onwards"


def test_period_end_must_follow_start():
    with pytest.raises(PeriodError):
        Period("2023-04-01", "2023-04-01")


@given(days, days, days, days)
def test_overlap_is_symmetric_and_matches_shared_days(a, b, c, d):
    a, b = sorted((a, b))
    c, d = sorted((c, d))
    if a == b or c == d:
        return
    p, q = Period(a, b), Period(c, d)
    assert p.overlaps(q) == q.overlaps(p)
    assert p.overlaps(q) == (max(a, c) < min(b, d))


@given(days)
def test_financial_year_contains_its_days(day):
    fy = FinancialYear.of(day)
    assert day in fy
    assert FinancialYear.parse(fy.label) == fy
    assert day not in fy.next()
    quarters = fy.quarters()
    assert sum(1 for q in quarters if day in q) == 1
    assert quarters[0].start == fy.period.start
    assert quarters[-1].end == fy.period.end


@pytest.mark.parametrize(
    ("label", "start"),
    [("2022/23", 2022), ("2023-24", 2023), ("2024/2025", 2024), ("1999/00", 1999)],
)
def test_financial_year_labels(label, start):
    assert FinancialYear.parse(label).start_year == start


@pytest.mark.parametrize("bad", ["2023/25", "2023", "23/24", "FY2023", "", "2023/2025"])
def test_financial_year_rejects_bad_labels(bad):
    with pytest.raises(DataError):
        FinancialYear.parse(bad)


@pytest.mark.parametrize("bad", ["0000/01", "9999/00", "9999/10000", "２０２３/２４", "2023/２４"])
def test_financial_year_labels_outside_the_calendar_are_data_errors(bad):
    # these parsed, and the year's period then raised a bare ValueError (year 0, 10000)
    with pytest.raises(DataError, match="financial_year: expected a UK financial year label"):
        FinancialYear.parse(bad)


@given(st.text(alphabet="0123456789/-２４ ", max_size=12))
def test_a_parsed_financial_year_has_its_days(label):
    try:
        fy = FinancialYear.parse(label)
    except DataError:
        return
    assert fy.period.start.year == fy.start_year
    assert len(fy.quarters()) == 4
    assert FinancialYear.parse(fy.label) == fy


def test_timeline_rejects_overlaps_and_gaps():
    with pytest.raises(PeriodError, match="overlaps"):
        Timeline.of([Dated(1, Period("2020-01-01", "2021-01-02")), Dated(2, Period("2021-01-01"))])
    with pytest.raises(PeriodError, match="gap"):
        Timeline.of([Dated(1, Period("2020-01-01", "2020-06-01")), Dated(2, Period("2021-01-01"))])
    gappy = Timeline.of(
        [Dated(1, Period("2020-01-01", "2020-06-01")), Dated(2, Period("2021-01-01"))],
        contiguous=False,
    )
    with pytest.raises(NotInForceError):
        gappy.as_at(date("2020-07-01"))
    with pytest.raises(PeriodError):
        Timeline((Dated(1, Period("2020-01-01")), Dated(2, Period("2020-02-01"))))


def test_empty_timeline_says_it_covers_nothing():
    with pytest.raises(NotInForceError, match="covered: nothing"):
        Timeline.of([]).as_at(date("2020-01-01"))


@given(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=8), days)
def test_contiguous_timeline_answers_every_covered_day(lengths, probe):
    start = pendulum.Date(2000, 1, 1)
    items = []
    for i, n in enumerate(lengths):
        end = start.add(days=n)
        items.append(Dated(i, Period(start, end)))
        start = end
    t = Timeline.of(reversed(items))
    assert t.values == tuple(range(len(lengths)))
    probe_day = date(probe)
    inside = items[0].valid.start <= probe_day < items[-1].valid.end
    if inside:
        value = t.as_at(probe_day)
        assert probe_day in items[value].valid
    else:
        with pytest.raises(NotInForceError):
            t.as_at(probe_day)
    assert len(list(t)) == len(t)


@pytest.mark.parametrize("bad", ["2023/24", "2023/25", 2023.5, -5, 0, 9999, 10**20, True, None])
def test_financial_year_refuses_what_is_not_a_start_year(bad: object) -> None:
    """A label, a fraction, a bool or a year whose days are not dates: a DataError naming
    the field, never a TypeError or a label like '-5/96'."""
    with pytest.raises(DataError, match="financial_year: expected a start year"):
        FinancialYear(bad)  # type: ignore[arg-type]


def test_a_period_to_the_last_day_there_is_is_open_ended() -> None:
    """9999-12-31 has no next day: the period holds the same days, without an overflow."""
    period = Period.from_last_day(dt.date(2020, 1, 1), dt.date(9999, 12, 31))
    assert period.end is None
    assert period.holds_month("9999-12")


@pytest.mark.parametrize("items", [["x"], "x", None, [None]])
def test_a_timeline_of_other_things_is_an_argument_error(items: object) -> None:
    with pytest.raises(ArgumentError, match=r"^Timeline\(items\)"):
        Timeline(items)  # type: ignore[arg-type]
