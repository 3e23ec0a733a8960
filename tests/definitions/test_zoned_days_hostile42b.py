"""A zoned date and time is its day in England and Wales, in both engines (hostile42b).

contract42 read a ``datetime`` with a time zone as its day in ``Europe/London`` in the
one-incident classifier (:class:`Incident`) and in :func:`classify_table`. These check
that the two engines agree for any zoned time, in any zone and Arrow unit, with times
drawn near midnight and the BST/GMT changes, and that a zoned time whose day in England
is no day a ``datetime`` has (year 0 or 10000) is refused by name, not an
``OverflowError``.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.authorities import must_consult_s8
from svduty.definitions import Incident, classify, classify_table
from svduty.errors import DataError
from svduty.periods import date

LONDON = zoneinfo.ZoneInfo("Europe/London")
DEATH = {
    "id": "x",
    "offence_code": "1",
    "died": True,
    "weapon": "knife",
    "victim_age": 30,
    "place_of_death": "E07000222",
    "country": "england",
    "other_reviews": [],
    "care_and_support_needs": False,
}
ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati"]
EDGES = [  # UTC: the clocks change at 01:00 UTC; the pilot starts on 1 April 2023
    dt.datetime(2023, 3, 26, 1, 0),
    dt.datetime(2023, 10, 29, 1, 0),
    dt.datetime(2023, 3, 31, 23, 0),
    dt.datetime(2023, 12, 31, 23, 59, 59),
    dt.datetime(2024, 3, 31, 1, 0),
    dt.datetime(2024, 9, 30, 23, 0),
]
UNITS = {"s": 1_000_000, "ms": 1_000, "us": 1, "ns": 1}
"""Each Arrow unit and the microseconds a time of it is a whole number of."""

instants = st.sampled_from(EDGES) | st.datetimes(dt.datetime(2022, 6, 1), dt.datetime(2025, 6, 1))


@given(
    instant=instants,
    seconds=st.integers(-3 * 3600, 3 * 3600),
    zone=st.sampled_from(ZONES),
    unit=st.sampled_from(sorted(UNITS)),
)
def test_both_engines_give_any_zoned_time_its_day_in_england(instant, seconds, zone, unit):
    at = (instant + dt.timedelta(seconds=seconds)).replace(tzinfo=dt.UTC)
    at = at.replace(microsecond=at.microsecond // UNITS[unit] * UNITS[unit])
    at = at.astimezone(zoneinfo.ZoneInfo(zone))
    day = at.astimezone(LONDON).date().isoformat()
    incident = Incident(**DEATH, date=at, date_of_death=at)
    assert incident.date_of_death == day
    scalar = classify(incident)
    assert scalar == classify(Incident(**DEATH, date=day, date_of_death=day))
    stamp = pa.array([at], pa.timestamp(unit, tz=zone))
    table = pa.table({**{k: [v] for k, v in DEATH.items()}, "date": stamp, "date_of_death": stamp})
    row = classify_table(table).to_pylist()[0]
    assert row["homicide_review"] == scalar.homicide_review.value
    assert row["in_scope"] == scalar.in_scope.value


FAR = [
    dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=5))),  # 31 Dec, year 0
    dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-12))),  # year 10000
]


@pytest.mark.parametrize("at", FAR)
def test_a_zoned_time_with_no_day_in_england_is_refused_by_name(at):
    """It was an ``OverflowError`` from ``astimezone`` (Incident, ``date``, ``on=``)."""
    with pytest.raises(DataError, match=r"^date_of_death: expected a date and time whose day"):
        Incident(**{**DEATH, "date": "2023-06-01"}, date_of_death=at)
    with pytest.raises(DataError, match=r"^date: expected a date and time whose day"):
        date(at)
    authorities = svduty.warwickshire().authorities
    with pytest.raises(DataError, match=r"^date: expected a date and time whose day"):
        must_consult_s8(authorities, "E07000222", on=at)
