"""Schedule 2 and s.12(2): the local government areas of an educational authority (law44).

Sch 2, first table, second column: "Each local government area in which the school is
located" (and "... in which the Academy is located"). A school recorded against its county
was joined to every district within the county, so the s.8(4) consultation rule listed it
among the educational authorities of districts it does not stand in.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.areas import AreaKind, Geography
from svduty.authorities import Authority, AuthorityCategory
from svduty.authorities._areas_served import area_problems
from svduty.sources import cite

SCH2 = cite("pcsc-act-2022", "Sch 2")
WARWICKSHIRE, RUGBY, POLICE_AREA = "E10000031", "E07000220", "E23000017"


def _school(area: str) -> Authority:
    return Authority("st-x", "St X", AuthorityCategory.EDUCATIONAL_AUTHORITY, (area,), SCH2)


@pytest.mark.parametrize("area", [WARWICKSHIRE, POLICE_AREA])
def test_a_school_named_by_a_county_or_police_area_is_refused(area: str) -> None:
    problems = list(area_problems(Geography.england_and_wales(), _school(area), area))
    assert [rule for rule, _ in problems] == ["BUNDLE-CATEGORY-AREA"]
    message = problems[0][1]
    assert "in which the school or Academy is located (s.12(2))" in message
    assert "name the district or districts it stands in" in message


@pytest.mark.parametrize("area", [RUGBY, "E06000001", "E09000033", "W06000015"])
def test_a_school_named_by_its_local_government_area_is_accepted(area: str) -> None:
    assert list(area_problems(Geography.england_and_wales(), _school(area), area)) == []


def test_a_prison_named_by_a_county_is_left_to_the_unconfirmed_row() -> None:
    """The prison and youth custody rows' second column is not confirmed: not refused."""
    prison = Authority("p", "P", AuthorityCategory.PRISON_AUTHORITY, (WARWICKSHIRE,), SCH2)
    assert list(area_problems(Geography.england_and_wales(), prison, WARWICKSHIRE)) == []


@given(st.sampled_from(list(AreaKind)))
def test_a_school_is_refused_exactly_for_an_area_not_a_local_government_area(
    kind: AreaKind,
) -> None:
    """Sch 2: a school is an authority for the local government area(s) it stands in;
    any other kind of area (named by an id a scenario creates, of a stated kind) is refused."""
    problems = list(area_problems(Geography.england_and_wales(), _school("x"), "x", kind=kind))
    refused = [rule for rule, _ in problems if rule == "BUNDLE-CATEGORY-AREA"]
    assert bool(refused) is not kind.is_local_government_area


def test_a_disclosure_s16_does_not_reach_names_s10_and_other_powers() -> None:
    """s.16's "no" for a partner in neither Schedule is no answer under s.10(2) or other
    powers (s.10(7), s.16(7)): the reason says so, with the doubt (no s.10 regulations)."""
    from svduty.authorities import InformationFacts, may_disclose

    charity = Authority(
        "c", "Charity", AuthorityCategory.OTHER_PARTNER, (), cite("pcsc-act-2022", "s.11(1)")
    )
    police = Authority("p", "P", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000017",), SCH2)
    facts = InformationFacts(held_for_own_functions=True, for_recipient_functions=True)
    for a, b in ((charity, police), (police, charity)):
        answer = may_disclose(a, b, facts)
        assert answer.verdict.value == "no"
        (s10,) = [r for r in answer.reasons if r.rule == "s.10(2)"]
        assert "Charity" in s10.says
        assert s10.citation.doubt
    school = _school("E07000220")
    assert not [r for r in may_disclose(police, school, facts).reasons if r.rule == "s.10(2)"]
