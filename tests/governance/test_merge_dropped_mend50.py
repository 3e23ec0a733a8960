"""A merge's log names the relations it dropped and why, not only how many (mend50).

A policy user reading ``3 dropped`` could not tell which lines of report, oversight or
support the merged board lost, nor whether anything was lost at all: the merged body
already had the same relation (its own is kept), or the relation joined the two bodies
merged (it would be the merged body's relation to itself).
"""

from __future__ import annotations

import svduty
from svduty.governance import (
    Body,
    BodyKind,
    Cadence,
    GovernanceGraph,
    Level,
    Merge,
    Relation,
    RelationKind,
    Scenario,
    Tier,
)
from svduty.sources import cite

C = cite("svd-guidance")


def _body(id_: str) -> Body:
    return Body(id_, id_.title(), BodyKind.GROUP, Level.LOCAL, C, Tier.OPERATIONAL)


def _rel(kind: str, s: str, t: str, cadence: Cadence | None = None) -> Relation:
    return Relation(RelationKind(kind), s, t, C, cadence=cadence)


def _merge_message(relations: list[Relation]) -> str:
    g = GovernanceGraph.of([_body(b) for b in ("keep", "gone", "board", "team")], relations)
    _, log = g.apply(Scenario("m", "M", (Merge("keep", "gone"),)))
    return log.entries[0].message


def test_a_relation_the_merged_body_already_has_is_named_as_dropped():
    message = _merge_message(
        [
            _rel("reports_to", "keep", "board"),
            _rel("reports_to", "gone", "board"),
            _rel("supports", "team", "gone"),
        ]
    )
    assert "1 relation(s) moved, 1 dropped" in message
    assert "dropped as keep has the same already: gone reports_to board" in message
    assert "team supports gone" not in message  # moved, not dropped


def test_a_relation_between_the_two_merged_bodies_is_named_as_dropped():
    message = _merge_message([_rel("oversees", "keep", "gone"), _rel("supports", "team", "gone")])
    assert "1 relation(s) moved, 1 dropped" in message
    assert "dropped as it would be keep's relation to itself: keep oversees gone" in message


def test_a_dropped_relation_whose_cadence_differs_says_which_is_kept():
    message = _merge_message(
        [
            _rel("reports_to", "keep", "board", Cadence.ANNUAL),
            _rel("reports_to", "gone", "board", Cadence.QUARTERLY),
        ]
    )
    assert "gone reports_to board (quarterly; keep's, kept, is annual)" in message


def test_nothing_dropped_names_nothing():
    message = _merge_message([_rel("supports", "team", "gone")])
    assert message.startswith("merged gone into keep: 1 relation(s) moved, 0 dropped")
    assert "dropped as" not in message


def test_the_two_unitaries_merge_names_its_three_dropped_relations():
    """The tutorial's scenario: Nuneaton and Bedworth's board's three lines already held."""
    p = svduty.warwickshire()
    _, log = p.governance.apply(p.scenarios["lgr-two-unitaries"])
    message = log.entries[2].message
    assert (
        "3 relation(s) moved, 3 dropped; dropped as north-unitary-csp-board has the same "
        "already: lead-sponsor reports_to nuneaton-and-bedworth-csp-board (quarterly), "
        "nuneaton-and-bedworth-csp-board reports_to safer-warwickshire-partnership-board, "
        "wcc-community-safety-team supports nuneaton-and-bedworth-csp-board;"
    ) in message
