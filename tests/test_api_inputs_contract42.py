"""What a developer passes the public API from its reference (contract42).

A code read from a file with its newline, a blank cell, or a space before it was
answered by the consultation rules as if it were an area of a bundle's own not yet
known; a date and time with a time zone was read on its own clock, so a death at 00:30
on 1 April 2023 (BST) sent in UTC fell outside the homicide review pilot.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

import svduty
from svduty.authorities import must_consult_s8, must_consult_s9, specified_authorities_for
from svduty.definitions import Incident, classify, classify_table
from svduty.errors import ArgumentError, DataError
from svduty.periods import Period, date

AUTHORITIES = svduty.warwickshire().authorities
UTC = dt.UTC


@pytest.mark.parametrize("code", ["", " ", "E07000222\n", " E07000222", "E07000222 "])
def test_a_code_of_no_area_is_refused_not_undetermined(code: str) -> None:
    for ask in (
        lambda: specified_authorities_for(AUTHORITIES, code),
        lambda: must_consult_s8(AUTHORITIES, code),
        lambda: must_consult_s9(AUTHORITIES, [code, "E07000218"], ["x"]),
    ):
        with pytest.raises(DataError, match="expected a GSS code") as info:
            ask()
        assert "E07000222" not in str(info.value).split("such as E07000222", 1)[1]


def test_a_code_and_an_id_are_still_asked_about() -> None:
    assert specified_authorities_for(AUTHORITIES, "E07000222").verdict.value == "yes"
    assert specified_authorities_for(AUTHORITIES, "north-unitary").verdict.value == ("undetermined")


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
AT = dt.datetime(2023, 3, 31, 23, 30, tzinfo=UTC)  # 00:30 BST on 1 April 2023


def test_a_zoned_time_is_its_day_in_england_in_both_engines() -> None:
    """SI 2023/227 reg 1(2): a relevant death occurred in the pilot period (from
    1 April 2023); the UTC time read on its own clock gave 31 March and a confident
    ``not_required`` (OWHR-PILOT-DATE-OUTSIDE)."""
    incident = Incident(**DEATH, date=AT, date_of_death=AT)
    assert incident.date_of_death == "2023-04-01"
    scalar = classify(incident)
    assert (
        scalar.homicide_review.value
        == classify(
            Incident(**DEATH, date="2023-04-01", date_of_death="2023-04-01")
        ).homicide_review.value
    )
    assert "OWHR-PILOT-DATE-OUTSIDE" not in [r.rule for r in scalar.reasons]
    stamp = pa.array([AT], pa.timestamp("us", tz="UTC"))
    table = pa.table({**{k: [v] for k, v in DEATH.items()}, "date": stamp, "date_of_death": stamp})
    row = classify_table(table).to_pylist()[0]
    assert row["homicide_review"] == scalar.homicide_review.value


def test_a_day_asked_as_a_time_is_its_day_in_england() -> None:
    assert date(AT) == date("2023-04-01")
    assert date(dt.datetime(2023, 3, 31, 23, 30)) == date("2023-03-31")  # no zone: as given
    assert Period(AT).start == date("2023-04-01")
    winter = dt.datetime(2023, 1, 30, 23, 30, tzinfo=UTC)  # GMT: the same day
    assert date(winter) == date("2023-01-30")


@pytest.mark.parametrize("code", [None, 1.5, 7000222, ["E07000222"], "", " ", "E07000222\n"])
@pytest.mark.parametrize("lookup", ["for_area", "specified_for", "relevant_for"])
def test_an_authorities_lookup_of_no_area_is_refused_not_empty(lookup: str, code: object) -> None:
    """``specified_for(None)`` and ``relevant_for("")`` answered ``()``: no authority,
    which reads as none to consult (s.8(4), Sch 2), for a mistake in the call."""
    with pytest.raises((ArgumentError, DataError), match=r"^lga_code: expected"):
        getattr(AUTHORITIES, lookup)(code)


@pytest.mark.parametrize("method", ["with_area_periods", "with_districts_within"])
def test_a_join_that_is_not_a_function_is_refused_when_given(method: str) -> None:
    with pytest.raises(ArgumentError, match=rf"^Authorities\.{method}\("):
        getattr(AUTHORITIES, method)("E07000222")
