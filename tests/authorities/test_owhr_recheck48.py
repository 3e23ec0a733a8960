"""An independent re-check of law48 (recheck48): s.25's partners, s.24(1)(c), s.27(8).

The cases written from the text before svduty was run are
``tests/cases/reviews/owhr-recheck48.toml`` (run by ``test_owhr_partner_law47``'s runner)
and ``tests/cases/definitions/owhr-recheck48.toml``. Here: the partners s.25 names for
every local government area checked against the pilot partners of SI 2023/227 reg 1(2),
derived afresh from the regulation's words; knowing more of a place (any area, any health
board) never unsettles the partners; every answer cites its law; and a day of becoming
aware given with "not aware" is a conflict, not a quiet ``no``.
"""

from __future__ import annotations

import datetime
import functools
import re

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from svduty.areas import Area, AreaKind, national_areas
from svduty.authorities import (
    DeathPlaceFacts,
    ReviewFacts,
    must_arrange_review,
    must_notify,
    notification_deadline,
    relevant_review_partners,
)
from svduty.definitions import OWHR_PILOT_AS_MADE
from svduty.errors import ConflictError

HEALTH = (AreaKind.INTEGRATED_CARE_BOARD, AreaKind.LOCAL_HEALTH_BOARD)


@functools.cache
def _areas() -> dict[str, Area]:
    return {a.id: a for a in national_areas()}


@functools.cache
def _places() -> tuple[Area, ...]:
    return tuple(
        sorted(
            (a for a in _areas().values() if a.kind.is_local_government_area), key=lambda a: a.id
        )
    )


def _parents(area: Area, *kinds: AreaKind) -> list[str]:
    return [p for p in area.parents if p in _areas() and _areas()[p].kind in kinds]


def _reg_1_2_pilot_partners() -> set[str]:
    """The pilot partners of SI 2023/227 reg 1(2), as area codes, read from its words.

    (a) the chief officers of police for South Wales and for the police areas covering
    Barnet, Brent, Harrow, Lambeth, Southwark, Birmingham and Coventry; (b) the local
    authorities covering the South Wales police area and those seven councils; (c) the
    ICBs covering those seven councils' areas; (d) the local health boards covering the
    South Wales police area.
    """
    south_wales = "W15000003"
    named = [
        "E09000003",
        "E09000005",
        "E09000015",
        "E09000022",
        "E09000028",
        "E08000025",
        "E08000026",
    ]
    in_south_wales = [
        a.id for a in _places() if south_wales in _parents(a, AreaKind.POLICE_FORCE_AREA)
    ]
    partners = {south_wales, *named, *in_south_wales}
    for code in named:
        partners |= set(_parents(_areas()[code], AreaKind.POLICE_FORCE_AREA, *HEALTH))
    for code in in_south_wales:
        partners |= set(_parents(_areas()[code], AreaKind.LOCAL_HEALTH_BOARD))
    return partners


def test_south_wales_has_its_seven_councils_and_three_health_boards() -> None:
    partners = _reg_1_2_pilot_partners()
    assert {p for p in partners if p.startswith("W06")} == {
        "W06000011",
        "W06000012",
        "W06000013",
        "W06000014",
        "W06000015",
        "W06000016",
        "W06000024",
    }
    assert {p for p in partners if p.startswith("W11")} == {
        "W11000029",
        "W11000030",
        "W11000031",
    }
    assert {p for p in partners if p.startswith("E23")} == {"E23000001", "E23000014"}


@pytest.mark.parametrize("place", _places(), ids=lambda a: a.id)
def test_s25_partners_agree_with_the_pilot_areas(place: Area) -> None:
    """In a pilot area every relevant partner is a pilot partner; elsewhere none is named.

    The pilot data (``OWHR_PILOT_AS_MADE.partners``) was written by an earlier session from
    SI 2023/227 reg 1(2); ``relevant_review_partners`` reads SI 2022/1261 regs 6 to 10
    (owhr49): the fourteen pilot council areas are reg 2's pilot areas, and elsewhere regs
    6 to 9 do not apply, so only a direction (reg 10) names partners.
    """
    health = _parents(place, *HEALTH)
    answers = [
        relevant_review_partners(
            DeathPlaceFacts(death_area=place.id, health_area=h, several_locations=False)
        )
        for h in (health if len(health) > 1 else [None])
    ]
    pilot = _reg_1_2_pilot_partners()
    for got in answers:
        for reason in got.reasons:
            assert reason.citation.provision
        if place.id not in OWHR_PILOT_AS_MADE.partners:
            assert got.undetermined
            assert got.missing == ("direction (reg 10(1))",)
            continue
        assert got.yes
        codes = set(re.findall(r"\(([EW]\d{8})\)", " ".join(got.subjects)))
        assert codes <= pilot, (place.id, sorted(codes - pilot))
        # one police force, one health body of the place's nation, the council
        assert sum(s.startswith("chief officer of police") for s in got.subjects) == 1
        wales = place.id.startswith("W")
        assert sum(s.startswith("local health board") for s in got.subjects) == int(wales)
        assert sum(s.startswith("integrated care board") for s in got.subjects) == int(not wales)
        assert sum(s.startswith("local authority") for s in got.subjects) == 1


def test_the_pilot_data_has_the_fourteen_pilot_areas() -> None:
    """SI 2022/1261 reg 2: South Wales's seven councils, five boroughs, Birmingham, Coventry."""
    assert len(OWHR_PILOT_AS_MADE.partners) == 14


@st.composite
def _place_pairs(draw: st.DrawFn) -> tuple[DeathPlaceFacts, DeathPlaceFacts]:
    """Facts about any place in England and Wales, and the same with unknown facts given."""
    places = _places()
    death = draw(st.sampled_from(places))
    body = draw(st.sampled_from(places))
    known = draw(st.sampled_from([None, True, False]))
    # the area of death cannot be given with "its location is not known"
    death_given = draw(st.booleans()) and known is not False
    where = body if known is False else death
    health = _parents(where, *HEALTH)
    health_given = draw(st.booleans())
    less = DeathPlaceFacts(
        death_area=death.id if death_given else None,
        death_place_known=known,
        body_found_area=body.id if draw(st.booleans()) else None,
        health_area=draw(st.sampled_from(health)) if health_given else None,
        several_locations=draw(st.sampled_from([None, False])),  # law50: reg 8 in its own test
    )
    more_known = known
    if known is None:  # a given area of death means its location is known
        more_known = True if death_given else draw(st.sampled_from([True, False]))
    more_death = less.death_area
    if more_death is None and more_known:
        more_death = death.id
    more_where = _areas()[more_death] if more_death is not None else body
    more_health = less.health_area
    if more_health is None or more_health not in _parents(more_where, *HEALTH):
        if less.health_area is not None:  # a board of another place than the one found
            reject()
        more_health = draw(st.sampled_from(_parents(more_where, *HEALTH)))
    # owhr49: outside the pilot areas a direction (SI 2022/1261 reg 10) decides
    pilot = more_where.id in OWHR_PILOT_AS_MADE.partners
    more = DeathPlaceFacts(
        death_area=more_death,
        death_place_known=more_known,
        body_found_area=body.id,
        health_area=more_health,
        direction=None if pilot else draw(st.booleans()),
        several_locations=False,
    )
    return less, more


@given(pair=_place_pairs())
def test_knowing_more_of_any_place_never_unsettles_the_partners(
    pair: tuple[DeathPlaceFacts, DeathPlaceFacts],
) -> None:
    less, more = (relevant_review_partners(f) for f in pair)
    assert not less.no  # no direction known: never no
    assert not more.undetermined  # every fact that decides is given
    assert more.no is (pair[1].direction is False)
    if less.yes:
        assert more.subjects == less.subjects
    for got in (less, more):
        assert got.reasons
        assert all(r.citation.provision for r in got.reasons)


def test_a_day_of_becoming_aware_while_not_aware_is_a_conflict() -> None:
    """s.27(8): the period begins with the day the partner *became* aware (s.27(7)).

    A day given for it while the facts say the partner has not become aware contradicts:
    svduty answered ``no`` (no duty to notify) and dropped the day without a word.
    """
    with pytest.raises(ConflictError, match="aware_on") as info:
        ReviewFacts(aware_of_qualifying_circumstances=False, aware_on=datetime.date(2023, 6, 1))
    assert "2023" not in str(info.value)  # the message names the fields, not the value


@pytest.mark.parametrize("rule", [must_arrange_review, must_notify, notification_deadline])
@given(values=st.lists(st.sampled_from([None, True, False]), min_size=8, max_size=8))
def test_every_review_answer_cites_its_law(rule: object, values: list[bool | None]) -> None:
    names = [
        "in_force",
        "qualifying_homicide",
        "in_england_or_wales",
        "relevant_review_partner",
        "information_about_deceased",
        "information_about_suspect",
        "aware_of_qualifying_circumstances",
        "knew_no_duty_when_aware",
    ]
    got = rule(ReviewFacts(**dict(zip(names, values, strict=True))))  # type: ignore[operator]
    assert got.reasons
    assert all(r.citation.provision for r in got.reasons)
