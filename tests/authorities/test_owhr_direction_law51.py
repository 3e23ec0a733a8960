"""A direction under SI 2022/1261 reg 10(1) settles the partners whatever the place (law51).

Reg 10(1): "If regulations 6 to 9 do not apply, the Secretary of State may give a direction
specifying which review partners are the relevant review partners in respect of a person's
death." A direction given (``direction=True``) says regs 6 to 9 do not apply; a place where
one of them does contradicts it (a ConflictError). With the place not given, every value
of it gives the direction's partners or a conflict: it is no missing fact. The case file is
``tests/cases/reviews/direction-law51.toml``.
"""

from __future__ import annotations

import pytest

from svduty.authorities import DeathPlaceFacts, relevant_review_partners
from svduty.errors import ConflictError


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"death_place_known": True},
        {"death_place_known": False},
        {"several_locations": True},
        {"body_found_area": "E08000025"},
        {"body_found_area": "E07000220", "several_locations": False},
    ],
)
def test_a_direction_given_settles_the_partners_with_the_place_not_given(facts: dict) -> None:
    """Fails before law51: undetermined, naming death_area or body_found_area."""
    a = relevant_review_partners(DeathPlaceFacts(direction=True, **facts))
    assert a.yes, a.explain()
    assert a.subjects == (
        "the review partners the Secretary of State's direction specifies (reg 10(1))",
    )
    assert any(r.rule == "reg 10(1)" and r.citation.provision == "reg 10(1)" for r in a.reasons)


@pytest.mark.parametrize("place", ["E08000026", "W06000015"])
def test_a_direction_with_a_death_in_a_pilot_area_is_still_a_conflict(place: str) -> None:
    with pytest.raises(ConflictError):
        relevant_review_partners(
            DeathPlaceFacts(direction=True, death_area=place, several_locations=False)
        )


# recheck50's exhaustive check over the five place facts includes a direction given since
# law51 (tests/authorities/test_owhr_reg8_recheck50.py): it is not repeated here.
