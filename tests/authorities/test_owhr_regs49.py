"""SI 2022/1261, the Offensive Weapons Homicide Reviews Regulations, read (owhr49).

The case file ``tests/cases/reviews/owhr-regs49.toml`` (run by ``test_owhr_partner_law47``)
holds the answers; these are the facts the regulations make contradictory, and the
regulations' own words where svduty answers by them.
"""

from __future__ import annotations

import pytest

from svduty.authorities import (
    DeathPlaceFacts,
    ReviewFacts,
    must_arrange_review,
    relevant_review_partners,
)
from svduty.errors import ConflictError


@pytest.mark.parametrize("area", ["E09000022", "W06000013", "E08000026"])
def test_a_direction_for_a_death_in_a_pilot_area_is_a_conflict(area: str) -> None:
    """Reg 10(1): "If regulations 6 to 9 do not apply" only: in a pilot area they do."""
    with pytest.raises(ConflictError, match="direction"):
        relevant_review_partners(DeathPlaceFacts(death_area=area, direction=True))


def test_a_direction_for_a_body_found_in_a_pilot_area_is_a_conflict() -> None:
    facts = DeathPlaceFacts(death_place_known=False, body_found_area="E09000003", direction=True)
    with pytest.raises(ConflictError, match="direction"):
        relevant_review_partners(facts)


@pytest.mark.parametrize(
    "failing",
    [
        {"body_located": False},
        {"identity_recorded": False},
        {"information_about_deceased": False, "information_about_suspect": False},
        {"dsi_matter": True},
    ],
)
def test_conditions_said_satisfied_while_one_of_reg_4_fails_is_a_conflict(
    failing: dict[str, bool],
) -> None:
    with pytest.raises(ConflictError, match="regulation_conditions"):
        ReviewFacts(regulation_conditions=True, **failing)


def test_conditions_said_not_satisfied_while_all_of_reg_4_hold_is_a_conflict() -> None:
    with pytest.raises(ConflictError, match="regulation_conditions"):
        ReviewFacts(
            regulation_conditions=False,
            body_located=True,
            identity_recorded=True,
            information_about_suspect=True,
            dsi_matter=False,
        )


def test_the_partner_s_word_agrees_with_reg_4_and_each_condition_is_cited() -> None:
    facts = ReviewFacts(
        regulation_conditions=True,
        body_located=True,
        identity_recorded=True,
        information_about_deceased=True,
        dsi_matter=False,
    )
    assert facts.reg_4_conditions is True
    out = must_arrange_review(ReviewFacts(body_located=True, dsi_matter=False))
    cited = {r.rule: r.citation for r in out.reasons}
    for rule in ("reg 4(2)(a)", "reg 4(2)(b)", "reg 4(2)(c), (3)", "reg 4(2)(d)"):
        assert cited[rule].source.id == "si-2022-1261"
        assert cited[rule].confidence.value == "confirmed"


def test_a_death_outside_the_pilot_areas_names_the_regulations_and_no_partner() -> None:
    out = relevant_review_partners(
        DeathPlaceFacts(death_area="E07000220", direction=False, several_locations=False)
    )
    assert out.no
    assert not out.subjects
    assert {r.citation.source.id for r in out.reasons} == {"si-2022-1261"}
    assert "not in a pilot area" in out.reasons[0].says
