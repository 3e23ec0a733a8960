"""An independent re-check of law47's review-partner rules (recheck47).

s.27(8): "the period of one month beginning with the day on which the review partner
becomes aware". Every day has such a period, and its last day follows the calendar: the
day before the same-numbered day of the next month, or, where that month has no such day,
its last day (the corresponding date rule); between the 28th and the 31st day counting
the first, and never earlier for a later first day. law47 gave no last day for awareness
on the 29th, 30th or 31st before a shorter month (31 May, 31 August and 31 October 2023 in
the pilot; 30 and 31 January 2024).
"""

from __future__ import annotations

import calendar
import datetime

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import ReviewFacts, must_notify
from svduty.authorities._owhr_notices import notification_ends

days = st.dates(datetime.date(2023, 1, 1), datetime.date(2030, 12, 31))


def next_month(day: datetime.date) -> tuple[int, int]:
    return day.year + day.month // 12, day.month % 12 + 1


@given(day=days)
def test_the_period_ends_as_the_calendar_says(day: datetime.date) -> None:
    end = notification_ends(pendulum.Date(day.year, day.month, day.day))
    assert end is not None
    year, month = next_month(day)
    last = calendar.monthrange(year, month)[1]
    if day.day <= last:  # the day before the same-numbered day of the next month
        assert end == datetime.date(year, month, day.day) - datetime.timedelta(days=1)
    else:  # no such day: the next month's last day
        assert end == datetime.date(year, month, last)
    assert 28 <= (end - day).days + 1 <= 31  # the days of the period, the first counted


@given(day=days)
def test_a_later_first_day_never_ends_the_period_earlier(day: datetime.date) -> None:
    following = day + datetime.timedelta(days=1)
    first, then = (pendulum.Date(d.year, d.month, d.day) for d in (day, following))
    one, two = notification_ends(first), notification_ends(then)
    assert one is not None
    assert two is not None
    assert one <= two


def test_every_last_day_of_a_month_in_the_pilot_gets_a_last_day_for_notifying() -> None:
    for month in range(4, 13):
        aware = datetime.date(2023, month, calendar.monthrange(2023, month)[1])
        facts = ReviewFacts(
            in_force=True,
            aware_of_qualifying_circumstances=True,
            knew_no_duty_when_aware=False,
            aware_on=aware,
        )
        got = must_notify(facts)
        assert got.yes, aware
        assert got.value is not None, aware
