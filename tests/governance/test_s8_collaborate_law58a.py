"""GOV-S8-COLLABORATE (law58a): s.8(1)-(2) is national law, checked for every area.

Before law58a the only check of who takes part was ``GOV-SPECIFIED``, which runs only
when a bundle declares it and asks for more than the Act (membership of an established
strategic body); a bundle of another area (``svduty init`` writes no rules) had no check
of s.8(1) at all. The national rule asks what the statute asks: that the specified
authorities for each local government area collaborate with each other; a graph that
records none is not known to, never a breach.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.findings import Severity
from svduty.governance import GOVERNANCE_RULES, Body, BodyKind, GovernanceGraph, Level
from svduty.governance._collaborate import REQUIRES_S8_1, collaboration_findings
from svduty.governance._rules import NEEDS_AUTHORITIES, PRACTICE_CHECKS, cites_legislation
from svduty.sources import cite

P = svduty.warwickshire()
RULE = "GOV-S8-COLLABORATE"


def test_the_rule_is_national_and_cites_the_act() -> None:
    rule = GOVERNANCE_RULES[RULE]
    assert cites_legislation(rule)
    assert (rule.citation.source.id, rule.citation.provision) == ("pcsc-act-2022", "s.8(1)-(2)")
    assert RULE in NEEDS_AUTHORITIES
    assert RULE not in PRACTICE_CHECKS
    # the statute's obligation, not an operational reading of it
    assert "strategic" not in rule.requires
    assert "established" not in rule.requires
    assert "collaborate with each other" in REQUIRES_S8_1


def test_it_runs_without_the_bundle_declaring_it() -> None:
    undeclared = attrs.evolve(P, governance_rules=())
    res = undeclared.validate_governance()
    assert RULE in res.checked
    assert "GOV-SPECIFIED" in dict(res.skipped)  # the practice rule is the bundle's to declare


def test_a_graph_recording_no_member_is_not_known_not_a_breach() -> None:
    board = Body("b", "B", BodyKind.BOARD, Level.COUNTYWIDE, citation=cite("svd-guidance"))
    empty = GovernanceGraph.of([board], [])
    found = collaboration_findings(P.authorities, P.local_area.districts, empty)
    assert found
    assert {f.severity for f in found} == {Severity.WARNING}
    assert all(f.message.startswith("not known: ") for f in found)
    assert all(REQUIRES_S8_1 in f.message for f in found)
    # one finding per legal body, each a specified authority of the partnership
    assert len({f.subjects[0] for f in found}) == len(found)
    specified = {a.id for a in P.authorities.by_role("specified_authority")}
    assert {f.subjects[0] for f in found} <= specified


JAG = P.governance.get("soc-joint-action-group")  # type: ignore[union-attr]


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(JAG.members)), st.sets(st.sampled_from(JAG.members)))
def test_monotone_in_recorded_members(fewer: set[str], more: set[str]) -> None:
    """Recording more memberships never adds a finding (answers monotone in knowledge)."""
    smaller = fewer & more

    def graph(kept: set[str]) -> GovernanceGraph:
        bodies = [
            attrs.evolve(b, members=tuple(m for m in b.members if m in kept))
            for b in P.governance.bodies  # type: ignore[union-attr]
        ]
        return GovernanceGraph.of(bodies, P.governance.relations, strict=False)  # type: ignore[union-attr]

    def found(kept: set[str]) -> set[str]:
        return {
            f.subjects[0]
            for f in collaboration_findings(P.authorities, P.local_area.districts, graph(kept))
        }

    assert found(more) <= found(smaller)
