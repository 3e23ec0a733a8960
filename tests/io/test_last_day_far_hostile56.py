"""A bundle's ``last_day = 9999-12-31`` is refused, not read as no end without a word.

``Period.from_last_day`` makes a period to 9999-12-31 open-ended (there is no day after
it to end on; the same days), so a bundle record with that ``last_day`` loaded as a fact
with no end and was written back without one: a database's mark of "no end" taken as a
day, and a day given taken as no end, unsaid. The design's periods are closed-open and
say no end by having none: a far ``last_day`` is a real end, kept; the last day a date
can hold is refused, naming the field and what to write instead (hostile56).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty import load_partnership
from svduty.errors import DataError
from svduty.io._converter import make_converter
from svduty.periods import Period

from .bundles import mutate, report


def test_a_bundle_last_day_of_9999_12_31_is_refused_naming_the_field(bundle: Path) -> None:
    mutate(
        bundle,
        "areas.toml",
        lambda d: d["areas"][0].update(valid={"start": "2023-01-31", "last_day": "9999-12-31"}),
    )
    (line,) = report(bundle)
    assert line.startswith("areas.toml: areas[0].valid.last_day: expected a day before 9999-12-31")
    assert "leave last_day out" in line


@pytest.mark.parametrize("last", [dt.date(9999, 12, 31), "9999-12-31"])
def test_the_converter_refuses_it_in_any_spelling(last: object) -> None:
    with pytest.raises(DataError, match=r"last_day: expected a day before 9999-12-31"):
        make_converter().structure({"start": "2023-01-31", "last_day": last}, Period)


@given(st.dates(dt.date(2023, 1, 31), dt.date(9999, 12, 30)))
def test_a_far_last_day_is_a_real_end_kept_as_written(last: dt.date) -> None:
    period = make_converter().structure({"start": "2023-01-31", "last_day": last}, Period)
    assert period.last_day == last
    assert last in period
    assert period.end is not None
    again = make_converter().structure(make_converter().unstructure(period), Period)
    assert again == period


def test_a_far_last_day_in_a_bundle_loads_as_an_end(bundle: Path) -> None:
    mutate(
        bundle,
        "areas.toml",
        lambda d: d["areas"][0].update(valid={"start": "2023-01-31", "last_day": "9999-12-30"}),
    )
    assert report(bundle) == []
    assert load_partnership(bundle).name


def test_no_end_is_said_by_having_none(bundle: Path) -> None:
    mutate(bundle, "areas.toml", lambda d: d["areas"][0].update(valid={"start": "2023-01-31"}))
    assert report(bundle) == []
    assert make_converter().structure({"start": "2023-01-31"}, Period).end is None
