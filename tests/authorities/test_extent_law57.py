"""An area outside England and Wales is answered ``no`` by every rule that takes an area.

law57: PCSC Act 2022 s.207(1) ("This Act extends to England and Wales only") and s.11(4)
(a local government area is one of England or of Wales). ``specified_authorities_for``
answered ``no`` for an area of Scotland; ``must_consult_s8``, ``must_consult_s9`` and
``may_assist`` refused the same code with a DataError about counties and police areas.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.answers import Answer, Verdict
from svduty.authorities import (
    DeathPlaceFacts,
    Role,
    may_assist,
    must_consult_s8,
    must_consult_s9,
    relevant_review_partners,
    specified_authorities_for,
)
from svduty.errors import AreaError, DataError, UnknownAreaError

P = svduty.warwickshire()
AUTHS = P.authorities
PCC = next(a for a in AUTHS if a.role is Role.LOCAL_POLICING_BODY)
WITHIN = AUTHS.districts_within
TEAM = ["rugby-borough-council", "warwickshire-county-council"]

outside = st.from_regex(r"[SNLM][0-9]{8}", fullmatch=True)
days = st.none() | st.dates(_dt.date(2022, 1, 1), _dt.date(2030, 12, 31))


def answers(code: str, on: _dt.date | None) -> list[Answer]:
    assert WITHIN is not None
    return [
        specified_authorities_for(AUTHS, code, on=on),
        must_consult_s8(AUTHS, code, on=on),
        must_consult_s9(AUTHS, ["E07000220", code], TEAM, on=on),
        may_assist(PCC, [code], districts_within=WITHIN, on=on),
        may_assist(PCC, ["E07000220", code], section="s.9", districts_within=WITHIN, on=on),
    ]


@given(code=outside, on=days)
def test_every_rule_answers_no_citing_the_extent(code: str, on: _dt.date | None) -> None:
    for a in answers(code, on):
        assert a.verdict is Verdict.NO, a.explain()
        assert not a.missing
        (why,) = [r for r in a.reasons if "s.207(1)" in r.citation.provision]
        assert why.rule == "s.11(4)"
        assert why.citation.provision == "s.11(4), s.207(1)"
        assert code in why.says


@pytest.mark.parametrize("code", ["E07000220", "W06000015"])
def test_an_area_of_england_or_wales_never_cites_the_extent(code: str) -> None:
    assert WITHIN is not None
    for a in (
        specified_authorities_for(AUTHS, code),
        must_consult_s8(AUTHS, code),
        may_assist(PCC, [code], districts_within=WITHIN),
    ):
        assert not any("s.207" in r.citation.provision for r in a.reasons), a.explain()


@pytest.mark.parametrize("code", ["E10000031", "E23000017", "K04000001"])
def test_a_code_of_england_and_wales_that_is_no_area_is_still_refused(code: str) -> None:
    """A county, a police force area or a code of several countries is a caller's mistake."""
    with pytest.raises(DataError, match="lga_code: expected a local government area's code"):
        must_consult_s8(AUTHS, code)
    with pytest.raises(DataError, match="relevant_area: expected a local government area"):
        must_consult_s9(AUTHS, ["E07000220", code], TEAM)


@given(code=outside)
def test_a_death_outside_england_and_wales_is_refused_naming_s24_1_b(code: str) -> None:
    """relevant_review_partners: a place of death outside England and Wales was an
    UnknownAreaError, "unknown area", for a code whose country is known; it is an AreaError
    naming the field and s.24(1)(b) ("occurred ... in England or Wales") and s.207(1)."""
    with pytest.raises(AreaError, match=r"death_area: .*s\.24\(1\)\(b\).*s\.207\(1\)") as info:
        relevant_review_partners(DeathPlaceFacts(death_area=code))
    assert not isinstance(info.value, UnknownAreaError)
