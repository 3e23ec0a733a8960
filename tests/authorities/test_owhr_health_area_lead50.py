"""A health area given for one of the places of a death is no conflict (lead50, review50).

``health_area`` is the ICB (or local health board) area of the place whose review partners
are named: reg 6 names the death's place's, reg 8 (several deaths, more than one location)
where a body was recorded as found first (SI 2022/1261). With ``several_locations`` not
given, a health area for the death's place (Birmingham) was accepted (``undetermined``),
and giving ``several_locations=True`` then raised a ConflictError ("Coventry does not lie in
it"): knowing more turned an answer into an error though nothing given contradicts. A
health area that holds none of the places given is still a conflict.
"""

from __future__ import annotations

import pytest

from svduty.authorities import DeathPlaceFacts, relevant_review_partners
from svduty.errors import ConflictError

BIRMINGHAM, COVENTRY, RUGBY = "E08000025", "E08000026", "E07000220"
BIRMINGHAM_ICB, COVENTRY_ICB = "E54000055", "E54000018"
LEEDS_ICB = "E54000054"  # West Yorkshire: neither place's


@pytest.mark.parametrize("health", [BIRMINGHAM_ICB, COVENTRY_ICB])
@pytest.mark.parametrize("several", [None, True, False])
def test_a_health_area_of_either_place_is_no_conflict(health, several) -> None:
    facts = DeathPlaceFacts(
        death_area=BIRMINGHAM,
        body_found_area=COVENTRY,
        several_locations=several,
        health_area=health,
    )
    got = relevant_review_partners(facts)
    if several is None:
        assert got.verdict.value == "undetermined"
        assert got.missing == ("several_locations (reg 8(1))",)
    else:
        assert got.verdict.value == "yes"
        place = COVENTRY if several else BIRMINGHAM
        board = COVENTRY_ICB if several else BIRMINGHAM_ICB
        assert any(place in s for s in got.subjects)
        assert any(board in s for s in got.subjects)


@pytest.mark.parametrize("several", [None, True, False])
def test_a_health_area_of_neither_place_is_a_conflict(several) -> None:
    facts = DeathPlaceFacts(
        death_area=BIRMINGHAM,
        body_found_area=COVENTRY,
        several_locations=several,
        health_area=LEEDS_ICB,
    )
    with pytest.raises(ConflictError, match="health_area"):
        relevant_review_partners(facts)
