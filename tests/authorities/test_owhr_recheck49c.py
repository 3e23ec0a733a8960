"""An independent re-check of owhr49 (recheck49c): SI 2022/1261 regs 4, 6 to 10.

The cases are in ``tests/cases/reviews/recheck49c.toml`` (run by
``test_owhr_partner_law47``); these are the facts the re-check found refused or
mis-answered, and the properties over the regulations' new facts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from svduty.authorities import (
    DeathPlaceFacts,
    ReviewFacts,
    must_arrange_review,
    relevant_review_partners,
)
from svduty.errors import ConflictError

PILOT = ["E09000003", "E09000022", "E08000025", "W06000015", "W06000024"]


@pytest.mark.parametrize("area", PILOT)
def test_no_direction_given_for_a_death_in_a_pilot_area_is_not_a_conflict(area: str) -> None:
    """Reg 10(1) bars a direction where regs 6 to 9 apply; that none was given agrees."""
    one = {"several_locations": False}  # law50: one death, or several at one location
    out = relevant_review_partners(DeathPlaceFacts(death_area=area, direction=False, **one))
    assert out.verdict.value == "yes"
    assert "reg 6" in {r.rule for r in out.reasons}
    same = relevant_review_partners(DeathPlaceFacts(death_area=area, **one))
    assert out.subjects == same.subjects


def test_no_direction_given_for_a_body_found_in_a_pilot_area_is_not_a_conflict() -> None:
    facts = DeathPlaceFacts(death_place_known=False, body_found_area="E09000028", direction=False)
    out = relevant_review_partners(facts)
    assert out.verdict.value == "yes"
    assert "reg 7, 8" in {r.rule for r in out.reasons}


AREAS = ["E09000022", "E09000033", "E08000029", "W06000013", "W06000018", "E07000219"]
maybe = st.sampled_from([None, True, False])


@given(
    area=st.one_of(st.none(), st.sampled_from(AREAS)),
    known=maybe,
    body=st.one_of(st.none(), st.sampled_from(AREAS)),
    direction=maybe,
    data=st.data(),
)
def test_places_monotone_in_direction_and_body(
    area: str | None,
    known: bool | None,
    body: str | None,
    direction: bool | None,
    data: st.DataObject,
) -> None:
    """Giving an unknown place fact never turns a settled answer or its subjects."""
    more = {
        "death_area": area,
        "death_place_known": known,
        "body_found_area": body,
        "direction": direction,
    }
    for name in list(more):
        if more[name] is None and data.draw(st.booleans()):
            pool = AREAS if name in {"death_area", "body_found_area"} else [True, False]
            more[name] = data.draw(st.sampled_from(pool))
    try:
        less_facts = DeathPlaceFacts(
            death_area=area, death_place_known=known, body_found_area=body, direction=direction
        )
        more_facts = DeathPlaceFacts(**more)
        less, fuller = relevant_review_partners(less_facts), relevant_review_partners(more_facts)
    except ConflictError:
        reject()
    if not less.undetermined:
        assert fuller.verdict is less.verdict
        assert fuller.subjects == less.subjects
    for r in fuller.reasons:
        assert r.citation.provision


REG4 = ["body_located", "identity_recorded", "information_about_deceased", "dsi_matter"]


@given(st.data())
def test_reg_4_monotone_and_a_contradiction_is_a_conflict(data: st.DataObject) -> None:
    """Over the four reg 4(2) facts and the partner's own view of them."""
    names = [*REG4, "information_about_suspect"]
    less = {n: data.draw(maybe) for n in names}
    less["regulation_conditions"] = data.draw(maybe)
    more = {n: data.draw(st.booleans()) if v is None else v for n, v in less.items()}
    more["regulation_conditions"] = less["regulation_conditions"]
    base = {
        "in_force": True,
        "qualifying_homicide": True,
        "in_england_or_wales": True,
        "relevant_review_partner": True,
        "review_by_others": False,
        "other_review": False,
        "mental_health_case": False,
    }
    holds = bool(
        more["body_located"]
        and more["identity_recorded"]
        and (more["information_about_deceased"] or more["information_about_suspect"])
        and not more["dsi_matter"]
    )
    said = more["regulation_conditions"]
    if said is not None and said is not holds:  # the partner's view against reg 4(2)
        with pytest.raises(ConflictError, match="regulation_conditions"):
            ReviewFacts(**base, **more)
        reject()
    try:
        fewer = must_arrange_review(ReviewFacts(**base, **less))
    except ConflictError:
        reject()
    fuller = must_arrange_review(ReviewFacts(**base, **more))
    assert fuller.verdict.value == ("yes" if holds else "no")
    if not fewer.undetermined:
        assert fewer.verdict is fuller.verdict
    for r in (*fewer.reasons, *fuller.reasons):
        assert r.citation.provision


def test_a_health_board_the_place_is_not_in_is_a_conflict() -> None:
    """Bridgend has been in Cwm Taf Morgannwg since 2019, not Swansea Bay (W11000031)."""
    with pytest.raises(ConflictError, match="health_area"):
        relevant_review_partners(DeathPlaceFacts(death_area="W06000013", health_area="W11000031"))


@pytest.mark.parametrize(("said", "dsi"), [(True, True), (False, False)])
def test_the_partners_view_against_reg_4_is_a_conflict(said: bool, dsi: bool) -> None:
    facts = {"body_located": True, "identity_recorded": True, "information_about_suspect": True}
    with pytest.raises(ConflictError, match="regulation_conditions"):
        ReviewFacts(regulation_conditions=said, dsi_matter=dsi, **facts)
