"""Relevant review partners (s.25), the s.24(1)(c) condition and the last day to notify (law48).

The case file ``tests/cases/reviews/owhr-law48.toml`` runs through
``test_owhr_partner_law47``'s runner; these are the properties and the refusals.
"""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.authorities import (
    DeathPlaceFacts,
    ReviewFacts,
    must_arrange_review,
    must_notify,
    notification_deadline,
    relevant_review_partners,
)
from svduty.errors import AreaError, ConflictError, UnknownAreaError

PLACES = ["E07000220", "E08000026", "E09000022", "W06000015", "E06000065", "E06000053"]


@st.composite
def places_and_more(draw: st.DrawFn) -> tuple[DeathPlaceFacts, DeathPlaceFacts]:
    """Facts about the place, and the same facts with some unknown ones given."""
    known = draw(st.sampled_from([None, True, False]))
    death = None if known is False else draw(st.sampled_from([None, *PLACES]))
    body = draw(st.sampled_from([None, *PLACES]))
    # law50: one death, or several at one location (reg 8 has test_owhr_reg8_law50)
    less = DeathPlaceFacts(
        death_area=death, death_place_known=known, body_found_area=body, several_locations=False
    )
    more_known = known
    if known is None:  # a given area of death means its location is known
        more_known = True if death is not None else draw(st.sampled_from([True, False]))
    more_death = death
    if more_death is None and more_known:
        more_death = draw(st.sampled_from(PLACES))
    more_body = body if body is not None else draw(st.sampled_from(PLACES))
    more = DeathPlaceFacts(
        death_area=more_death,
        death_place_known=more_known,
        body_found_area=more_body,
        several_locations=False,
    )
    return less, more


@given(pair=places_and_more(), direction=st.sampled_from([None, True, False]))
def test_knowing_more_of_the_place_never_unsettles_the_partners(
    pair: tuple[DeathPlaceFacts, DeathPlaceFacts], direction: bool | None
) -> None:
    less, more = (relevant_review_partners(f) for f in pair)
    assert not less.no
    assert not more.no
    if less.yes:
        assert more.yes
        assert more.subjects == less.subjects
    # owhr49: a direction (SI 2022/1261 reg 10) given as well never unsettles either
    for facts, got in zip(pair, (less, more), strict=True):
        try:
            directed = relevant_review_partners(attrs.evolve(facts, direction=direction))
        except ConflictError:  # a direction for a place in a pilot area (reg 10(1))
            assert direction is not None
            assert got.yes or got.undetermined
            continue
        if not got.undetermined:
            assert directed.verdict is got.verdict
            assert directed.subjects == got.subjects


def test_outside_the_pilot_areas_the_direction_not_the_health_board_is_missing() -> None:
    """owhr49: SI 2022/1261 regs 6 to 9 name partners only in a pilot area (reg 10 else)."""
    open_ = relevant_review_partners(
        DeathPlaceFacts(death_area="E06000065", several_locations=False)
    )
    assert open_.undetermined
    assert open_.missing == ("direction (reg 10(1))",)
    given = relevant_review_partners(
        DeathPlaceFacts(death_area="E06000065", health_area="E54000051", several_locations=False)
    )
    assert given.missing == ("direction (reg 10(1))",)
    with pytest.raises(ConflictError, match="health_area"):  # still checked
        relevant_review_partners(DeathPlaceFacts(death_area="E06000065", health_area="E54000030"))


@pytest.mark.parametrize(
    ("facts", "error"),
    [
        ({"death_area": "S12000036"}, AreaError),  # Edinburgh: outside the extent (law57)
        ({"death_area": "E06999999"}, UnknownAreaError),  # no such area
        ({"body_found_area": "S12000036", "death_place_known": False}, UnknownAreaError),
        ({"death_area": "E10000031"}, AreaError),  # Warwickshire county: not an LGA
        ({"death_area": "E07000220", "health_area": "E54000055"}, ConflictError),
    ],
)
def test_a_place_svduty_cannot_use_is_refused(facts: dict[str, str], error: type) -> None:
    with pytest.raises(error):
        relevant_review_partners(DeathPlaceFacts(**facts))  # type: ignore[arg-type]


def test_a_known_area_of_death_whose_location_is_unknown_is_a_conflict() -> None:
    with pytest.raises(ConflictError, match="death_area"):
        DeathPlaceFacts(death_area="E07000220", death_place_known=False)


def test_conditions_met_without_any_relevant_information_is_a_conflict() -> None:
    with pytest.raises(ConflictError, match="regulation_conditions"):
        ReviewFacts(
            regulation_conditions=True,
            information_about_deceased=False,
            information_about_suspect=False,
        )


def test_no_relevant_information_cites_the_regulation() -> None:
    """owhr49: the condition is SI 2022/1261 reg 4(2)(c), read: no longer the minister's."""
    facts = ReviewFacts(information_about_deceased=False, information_about_suspect=False)
    out = must_arrange_review(facts)
    assert out.no
    (why,) = [r for r in out.reasons if r.rule == "reg 4(2)(c), (3)"]
    assert why.citation.source.id == "si-2022-1261"
    assert why.citation.confidence.value == "confirmed"
    assert "no review partner has information about" in why.says


def test_the_duty_to_notify_stands_without_the_day_and_the_deadline_names_it() -> None:
    facts = ReviewFacts(
        in_force=True, aware_of_qualifying_circumstances=True, knew_no_duty_when_aware=False
    )
    duty, deadline = must_notify(facts), notification_deadline(facts)
    assert duty.yes
    assert duty.value is None
    assert "aware_on (s.27(8))" in duty.reasons[-1].says
    assert deadline.undetermined
    assert deadline.missing == ("aware_on (s.27(8))",)
    dated = attrs.evolve(facts, aware_on=datetime.date(2023, 5, 31))
    assert notification_deadline(dated).value == must_notify(dated).value == "2023-06-30"
