"""The s.9(1) count of probation units whose provider may be the Secretary of State (recheck51b).

PCSC Act 2022 s.9(1): a strategy for a relevant area is prepared by "two or more specified
authorities"; Offender Management Act 2007 s.3(6)(b): the Secretary of State is one
provider of probation services, however many units record it. recheck51 made two units
both recorded as the Secretary of State one authority (a ``DataError`` as the only
collaborators). With one unit's status not recorded, ``must_consult_s9`` counted the two as
two and, every table of the area known, answered ``yes`` naming nothing: giving the fact
(true) then turned that answer into the ``DataError``. Now the fact is named
(``undetermined``). The case file is ``tests/cases/authorities/recheck51b.toml``.
"""

from __future__ import annotations

import itertools

import pytest

from svduty.answers import Answer
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory, must_consult_s9
from svduty.errors import DataError
from svduty.sources import cite

K = AuthorityCategory
C = cite("pcsc-act-2022", "Sch 1")
SCH2 = cite("pcsc-act-2022", "Sch 2")
EAST, WEST = "E07000906", "E07000907"
AREA = [EAST, WEST]
WITHIN = {EAST: [EAST], WEST: [WEST]}
FLAGS = (True, False, None)


def _authorities(east: bool | None, west: bool | None) -> Authorities:
    """Every Schedule 1 table recorded and every Schedule 2 table known whole."""
    records = [
        Authority("d6", "Sixth District Council", K.DISTRICT_COUNCIL, (EAST,), C),
        Authority("d7", "Seventh District Council", K.DISTRICT_COUNCIL, (WEST,), C),
    ]
    for i, category in (
        ("cc", K.COUNTY_COUNCIL),
        ("police", K.CHIEF_OFFICER_OF_POLICE),
        ("fra", K.FIRE_AND_RESCUE_AUTHORITY),
        ("yot", K.YOUTH_OFFENDING_TEAM),
        ("icb", K.INTEGRATED_CARE_BOARD),
    ):
        records.append(Authority(i, i.upper(), category, (EAST, WEST), C))
    probation = K.PROVIDER_OF_PROBATION_SERVICES
    records.append(
        Authority("east", "East PDU", probation, (EAST,), C, provider_is_secretary_of_state=east)
    )
    records.append(
        Authority("west", "West PDU", probation, (WEST,), C, provider_is_secretary_of_state=west)
    )
    schedule_2 = (K.EDUCATIONAL_AUTHORITY, K.PRISON_AUTHORITY, K.YOUTH_CUSTODY_AUTHORITY)
    absent = [Absence(k, (a,), SCH2) for k in schedule_2 for a in AREA]
    return Authorities(tuple(records), absent).with_districts_within(WITHIN.__getitem__)


def _ask(east: bool | None, west: bool | None, team: list[str]) -> Answer | None:
    """The answer, or ``None`` where the collaborators are one authority (a DataError)."""
    try:
        return must_consult_s9(_authorities(east, west), AREA, team, on="2023-06-01")
    except DataError:
        return None


def test_the_complete_fixture_answers_yes_for_two_persons() -> None:
    """A guard: the fixture is complete, so only the provider's status can leave it open."""
    a = _ask(False, False, ["east", "west"])
    assert a is not None
    assert a.verdict.value == "yes", a.explain()


@pytest.mark.parametrize(("east", "west"), [(True, None), (None, None), (None, True)])
def test_units_that_may_be_one_secretary_of_state_name_the_fact(
    east: bool | None, west: bool | None
) -> None:
    """Fails before recheck51b: ``yes``, nothing missing."""
    a = _ask(east, west, ["east", "west"])
    assert a is not None
    assert a.verdict.value == "undetermined", a.explain()
    named = [m for m in a.missing if m.startswith("provider_is_secretary_of_state")]
    assert named, a.missing
    assert "s.9(1)" in named[0], a.missing


@pytest.mark.parametrize("team", [["east", "west"], ["d6", "east"], ["east", "west", "d6"]])
def test_knowing_the_providers_never_turns_a_settled_answer(team: list[str]) -> None:
    """Monotone: a settled answer (yes) stays so, and never becomes the DataError, when
    either unit's status is given; an error stays an error. Fails before recheck51b for
    the two units alone."""
    for east, west in itertools.product(FLAGS, repeat=2):
        now = _ask(east, west, team)
        for e, w in itertools.product(FLAGS, repeat=2):
            if (east is not None and e != east) or (west is not None and w != west):
                continue
            later = _ask(e, w, team)
            if now is None:
                assert later is None, (team, east, west, e, w)
            elif now.verdict.value != "undetermined":
                assert later is not None, (team, east, west, e, w)
                assert later.verdict == now.verdict, (team, east, west, e, w)
