"""Sch 1 names two councils by their one area: the City of London and the Isles of Scilly.

Sch 1, "Local government" table: "The Common Council of the City of London in its
capacity as a local authority | The City of London"; "The Council of the Isles of Scilly
| The Isles of Scilly"; "A London borough council | The London borough"; "A district
council | The district". s.11(4)(a) lists "a district, a London borough, the City of
London or the Isles of Scilly" apart: the City is no London borough and Scilly no
district, though the ONS codes them E09000001 and E06000053 (a London borough's and a
unitary's prefixes). The forty-fifth session's battery of cases found a Common Council
recorded for Camden, a London borough council for the City and a district council for
Scilly all accepted, and ``specified_authorities_for`` naming, for a two-tier district,
a London borough council or the Common Council as what it lacked.
"""

from __future__ import annotations

import pytest

from svduty.areas import Geography
from svduty.authorities import Authorities, Authority, AuthorityCategory, specified_authorities_for
from svduty.authorities._areas_served import area_problems
from svduty.sources import cite

C = AuthorityCategory
SCH1 = cite("pcsc-act-2022", "Sch 1")
CITY, SCILLY, CAMDEN, CORNWALL = "E09000001", "E06000053", "E09000007", "E06000052"


def _rules(category: AuthorityCategory, code: str) -> list[str]:
    a = Authority("x", "X", category, (code,), citation=SCH1)
    return [rule for rule, _ in area_problems(Geography.england_and_wales(), a, code)]


@pytest.mark.parametrize(
    ("category", "code"),
    [
        (C.COMMON_COUNCIL, CAMDEN),
        (C.LONDON_BOROUGH_COUNCIL, CITY),
        (C.COUNCIL_OF_THE_ISLES_OF_SCILLY, CORNWALL),
        (C.DISTRICT_COUNCIL, SCILLY),
        (C.COUNTY_COUNCIL_NO_DISTRICTS, SCILLY),
    ],
)
def test_a_council_named_by_an_area_sch_1_does_not_give_it_is_refused(
    category: AuthorityCategory, code: str
) -> None:
    assert _rules(category, code) == ["BUNDLE-CATEGORY-AREA"]


@pytest.mark.parametrize(
    ("category", "code"),
    [
        (C.COMMON_COUNCIL, CITY),
        (C.COUNCIL_OF_THE_ISLES_OF_SCILLY, SCILLY),
        (C.LONDON_BOROUGH_COUNCIL, CAMDEN),
        (C.COUNTY_COUNCIL_NO_DISTRICTS, CORNWALL),
        (C.DISTRICT_COUNCIL, "E06000001"),
        (C.DISTRICT_COUNCIL, "E08000026"),
        (C.FIRE_AND_RESCUE_AUTHORITY, CITY),
    ],
)
def test_a_council_named_by_its_own_area_is_accepted(
    category: AuthorityCategory, code: str
) -> None:
    assert _rules(category, code) == []


def test_the_refusal_says_which_area_sch_1_gives() -> None:
    a = Authority("lbc", "X", C.LONDON_BOROUGH_COUNCIL, (CITY,), citation=SCH1)
    [(_, message)] = area_problems(Geography.england_and_wales(), a, CITY)
    assert "the City of London" in message
    assert "s.11(4)(a)" in message
    assert "common council" in message


def _auths(*extra: Authority) -> Authorities:
    county = Authority("cc", "CC", C.COUNTY_COUNCIL, ("E10000999",), citation=SCH1)
    return Authorities([county, *extra], districts_within=lambda code: [code])


@pytest.mark.parametrize(
    ("code", "councils"),
    [
        ("E07000902", "(district council)"),
        ("E08000026", "(district council)"),
        (CAMDEN, "(london borough council)"),
        (CITY, "(common council)"),
        (SCILLY, "(council of the isles of scilly)"),
        (CORNWALL, "(county council no districts or district council)"),
    ],
)
def test_the_council_missing_is_the_one_sch_1_gives_the_area(code: str, councils: str) -> None:
    answer = specified_authorities_for(_auths(), code, on="2024-01-01")
    local = next(m for m in answer.missing if "'Local government' table" in m)
    assert f"table {councils} for {code}" in local, local


def test_a_london_borough_council_does_not_complete_a_district() -> None:
    """A record the bundle check refuses cannot make the answer a confident yes either."""
    lbc = Authority("lbc", "X", C.LONDON_BOROUGH_COUNCIL, ("E07000902",), citation=SCH1)
    answer = specified_authorities_for(_auths(lbc), "E07000902", on="2024-01-01")
    assert answer.verdict.value == "undetermined"
    assert any("(district council) for E07000902" in m for m in answer.missing), answer.missing
