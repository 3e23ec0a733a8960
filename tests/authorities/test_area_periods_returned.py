"""An ``area_periods`` function that returns no periods is a specific error (contract43).

A council system passes its own ``area_periods`` (the periods of each area's record) to
the rules of s.8, s.9, s.11, s.16 and s.17. One that returned a string, a date, a single
``Period`` or a tuple of dates failed with an ``AttributeError`` ("'str' object has no
attribute 'start'") or a ``TypeError`` from deep inside. ``None`` (and an empty
iterable) stays "not recorded", as before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InformationFacts,
    may_assist,
    may_require_information,
    must_consult_s8,
    specified_authorities_for,
)
from svduty.authorities._specified import area_held
from svduty.errors import ArgumentError, SvdutyError
from svduty.periods import Period
from svduty.sources import cite

C = cite("pcsc-act-2022", "Sch 1")
FACTS = InformationFacts(True, True, True, True, False, True, False, False)
PCC = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), C)
DISTRICT = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), C)
JOIN = {"E23000099": ("E07000901",)}


def _join(code: str) -> tuple[str, ...]:
    return JOIN.get(code, (code,))


WRONG = {
    "a string": "2023-04-01",
    "a date": dt.date(2023, 4, 1),
    "a Period alone": Period("2023-04-01"),
    "a tuple of dates": (dt.date(2023, 4, 1),),
    "a tuple of strings": ("2023-04-01",),
    "a number": 5,
}
EXPECTED = (
    r"area_periods\(E07000901\)(: expected the periods of the area's record|\[0\]: expected "
    r"a svduty.periods.Period)"
)


def _asks(periods):  # every rule that takes area_periods, asked of a day
    on = "2023-06-01"
    auths = Authorities((PCC, DISTRICT)).with_area_periods(periods)
    auths = auths.with_districts_within(_join)
    yield lambda: area_held(periods, ["E07000901"], on)
    yield lambda: specified_authorities_for(auths, "E07000901", on=on)
    yield lambda: must_consult_s8(auths, "E07000901", on=on)
    yield lambda: may_assist(
        PCC, ["E07000901"], section="s.8", on=on, districts_within=_join, area_periods=periods
    )
    yield lambda: may_require_information(
        PCC, DISTRICT, FACTS, on=on, districts_within=_join, area_periods=periods
    )


@pytest.mark.parametrize("kind", list(WRONG))
def test_periods_of_the_wrong_kind_are_an_argument_error_naming_what_was_expected(
    kind: str,
) -> None:
    value = WRONG[kind]
    for ask in _asks(lambda code: value):
        with pytest.raises(ArgumentError, match=EXPECTED) as caught:
            ask()
        assert isinstance(caught.value, SvdutyError)
        assert "2023-04-01" not in str(caught.value)  # the value is never shown


@pytest.mark.parametrize("none", [None, (), []])
def test_none_or_no_period_is_not_recorded_as_before(none: object) -> None:
    reasons, missing, failed = area_held(lambda code: none, ["E07000901"], "2023-06-01")
    assert (reasons, failed) == ([], False)
    assert missing[0].startswith("the record of E07000901 as a local government area")


def test_periods_given_as_a_generator_or_list_are_read() -> None:
    for periods in (
        lambda c: [Period("2024-04-01")],
        lambda c: (p for p in [Period("2024-04-01")]),
    ):
        assert area_held(periods, ["E07000901"], "2023-06-01")[2] is True


def test_an_area_id_not_of_a_code_shape_is_not_shown() -> None:
    with pytest.raises(ArgumentError, match=r"area_periods\(an area\)") as caught:
        area_held(lambda code: "x", ["Jane Citizen"], "2023-06-01")
    assert "Jane" not in str(caught.value)
