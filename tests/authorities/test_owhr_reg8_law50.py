"""SI 2022/1261 reg 8: several deaths in one incident at more than one location (law50).

Reg 8(1) applies "where more than one person dies in the same incident, the location of the
deaths is not known, or there is more than one location", a body (or part of one) "recorded
as found first in a pilot area"; the partners are those "in whose area a body of a person
who died, or a part of a body of a person who died, was recorded as found first" (reg 8(2)),
"in respect of all the deaths" (reg 5). svduty read each death at a known place by reg 6
(owhr49 recorded the gap as a doubt); ``several_locations`` now says whether reg 8's case
holds, and where it is not known a death at a known place is answered only where reg 6 and
reg 8 agree. The case file ``tests/cases/reviews/reg8-law50.toml`` holds the answers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from svduty.authorities import DeathPlaceFacts, relevant_review_partners
from svduty.errors import ConflictError

# pilot areas (Lambeth, Southwark, Coventry, Cardiff), neighbours outside (Croydon,
# Westminster, Rugby, Newport) and a district in two ICBs (North Yorkshire)
AREAS = [
    "E09000022",
    "E09000028",
    "E08000026",
    "W06000015",
    "E09000008",
    "E09000033",
    "E07000220",
    "W06000022",
]
maybe = st.sampled_from([None, True, False])


@given(data=st.data())
def test_knowing_more_never_unsettles_the_partners(data: st.DataObject) -> None:
    """Giving an unknown fact, ``several_locations`` among them, never turns a settled
    answer or changes its partners (fails before: reg 6 named Lambeth's partners for a
    death in Lambeth whose incident's first body was found in Southwark)."""
    areas = st.one_of(st.none(), st.sampled_from(AREAS))
    less = {
        "death_area": data.draw(areas),
        "death_place_known": data.draw(maybe),
        "body_found_area": data.draw(areas),
        "direction": data.draw(maybe),
        "several_locations": data.draw(maybe),
    }
    more = dict(less)
    for name in list(more):
        if more[name] is None and data.draw(st.booleans()):
            pool = AREAS if name in {"death_area", "body_found_area"} else [True, False]
            more[name] = data.draw(st.sampled_from(pool))
    try:
        got = relevant_review_partners(DeathPlaceFacts(**less))  # type: ignore[arg-type]
        fuller = relevant_review_partners(DeathPlaceFacts(**more))  # type: ignore[arg-type]
    except ConflictError:
        reject()
    if not got.undetermined:
        assert fuller.verdict is got.verdict, (less, more)
        assert fuller.subjects == got.subjects, (less, more)
    for r in (*got.reasons, *fuller.reasons):
        assert r.citation.provision


def test_reg_8_names_the_partners_where_a_body_was_found_first_with_its_doubt() -> None:
    """Lambeth's death, the incident's first body found in Southwark: Southwark's partners,
    citing regs 5 and 8, the doubt that reg 6's words fit the Lambeth death recorded."""
    facts = DeathPlaceFacts(
        death_area="E09000022", several_locations=True, body_found_area="E09000028"
    )
    out = relevant_review_partners(facts)
    assert out.yes
    assert "local authority: the council for Southwark (E09000028)" in out.subjects
    reg8 = next(r for r in out.reasons if r.rule == "reg 8")
    assert reg8.citation.source.id == "si-2022-1261"
    assert "reg 8(1), (2)" in reg8.citation.provision
    assert reg8.citation.doubt is not None
    assert "reg 6" in reg8.citation.doubt


def test_one_death_is_read_by_reg_6_without_a_doubt() -> None:
    """``several_locations`` false settles it: reg 6, no doubt (owhr49 put reg 8's doubt on
    every reg 6 answer)."""
    out = relevant_review_partners(DeathPlaceFacts(death_area="E09000022", several_locations=False))
    reg6 = next(r for r in out.reasons if r.rule == "reg 6")
    assert reg6.citation.doubt is None


def test_reg_8_not_applying_leaves_reg_6_with_its_doubt() -> None:
    """The first body found outside the pilot areas: reg 8 does not apply; reg 6 for a
    death in a pilot area, its doubt (reg 5's "in respect of all the deaths") recorded."""
    out = relevant_review_partners(
        DeathPlaceFacts(death_area="E09000022", several_locations=True, body_found_area="E09000008")
    )
    assert out.yes
    reg6 = next(r for r in out.reasons if r.rule == "reg 6")
    assert reg6.citation.doubt is not None
    assert "reg 5" in reg6.citation.doubt


@pytest.mark.parametrize(
    "facts",
    [
        {"death_area": "E09000022", "direction": True},  # reg 6 or reg 8 applies either way
        {"death_area": "E09000008", "several_locations": True, "body_found_area": "E09000022"},
    ],
    ids=["pilot death, reg 8 unknown", "reg 8 applies to a death outside"],
)
def test_a_direction_where_regs_6_to_9_apply_is_a_conflict(facts: dict[str, object]) -> None:
    facts = {**facts, "direction": True}
    with pytest.raises(ConflictError, match="direction"):
        relevant_review_partners(DeathPlaceFacts(**facts))  # type: ignore[arg-type]


def test_a_health_board_the_place_is_not_in_is_a_conflict_while_reg_8_is_open() -> None:
    with pytest.raises(ConflictError, match="health_area"):
        relevant_review_partners(DeathPlaceFacts(death_area="E09000022", health_area="E54000018"))
