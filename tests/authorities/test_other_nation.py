"""A body of one nation is never a specified authority for an area of the other.

Schedule 1 names integrated care boards for England and Local Health Boards for Wales
(s.11(4)): an ICB recorded as reaching Cardiff, or a Local Health Board reaching an
English district, was listed as a specified authority there (legal review).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    JoinRule,
    Nation,
    specified_authorities_for,
)
from svduty.authorities._areas_served import not_given
from svduty.errors import BundleError
from svduty.io import load_authorities
from svduty.sources import cite

SCH1 = cite("pcsc-act-2022", "Sch 1")
ENGLISH, WELSH = "E08000025", "W06000015"
ONE_NATION = {
    AuthorityCategory.INTEGRATED_CARE_BOARD: (ENGLISH, WELSH),
    AuthorityCategory.LOCAL_HEALTH_BOARD: (WELSH, ENGLISH),
}


def _same(code: str) -> tuple[str, ...]:
    return (code,)


@pytest.mark.parametrize(("category", "codes"), list(ONE_NATION.items()))
def test_a_body_of_one_nation_is_not_specified_for_the_other(category, codes):
    home, away = codes
    body = Authority("b", "Body", category, (home, away), SCH1)
    authorities = Authorities((body,))
    at_home = specified_authorities_for(authorities, home, districts_within=_same)
    away_answer = specified_authorities_for(authorities, away, districts_within=_same)
    assert at_home.subjects == ("b",)
    assert away_answer.subjects == ()
    assert authorities.specified_for(away, districts_within=_same) == ()
    said = [r.says for r in away_answer.reasons if "not a specified authority" in r.says]
    assert said
    assert f"for {away}, an area of the other nation" in said[0]


@given(st.sampled_from(sorted(AuthorityCategory, key=str)), st.sampled_from([ENGLISH, WELSH]))
def test_a_body_reaching_both_nations_is_for_the_areas_of_its_own(category, code):
    body = Authority("b", "Body", category, (ENGLISH, WELSH), SCH1)
    found = Authorities((body,)).for_area(code, districts_within=_same)
    nation = {"E": "england", "W": "wales"}[code[0]]
    joined = body.info.join is not JoinRule.NONE
    given_it = not_given(body, code) is None  # a council of another row's area: recheck45a
    assert (found == (body,)) is (
        joined and nation in {n.value for n in body.info.nations} and given_it
    )


@pytest.mark.parametrize(("category", "codes"), list(ONE_NATION.items()))
def test_the_loader_refuses_an_area_or_nation_of_the_other_nation(category, codes):
    home, away = codes
    record = {
        "id": "b",
        "name": "Body",
        "category": category.value,
        "areas": [home, away],
        "citation": {"source": "pcsc-act-2022", "provision": "Sch 1"},
    }
    with pytest.raises(BundleError) as info:
        load_authorities({"authorities": [record]}, file="a.toml")
    assert [p.field for p in info.value.problems] == ["authorities[0].areas[1]"]
    assert "only: Sch 1" in str(info.value)
    record = {**record, "areas": [home], "nation": "wales" if home == ENGLISH else "england"}
    with pytest.raises(BundleError) as info:
        load_authorities({"authorities": [record]}, file="a.toml")
    assert [p.field for p in info.value.problems] == ["authorities[0].nation"]


@pytest.mark.parametrize(
    "category",
    [AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES, AuthorityCategory.YOUTH_OFFENDING_TEAM],
)
def test_a_body_of_both_nations_is_for_its_areas_whatever_nation_it_records(category):
    """A probation provider (or a joint youth offending team) recorded with ``nation:
    england`` and a Welsh area was dropped for that area (legal review): Schedule 1 has
    them in both nations, for each area their join gives."""
    body = Authority("p", "P", category, ("E06000019", "W06000021"), SCH1, nation=Nation.ENGLAND)
    assert Authorities((body,)).for_area("W06000021", districts_within=_same) == (body,)
