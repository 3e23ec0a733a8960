"""GOV-S8-CONSULT: the relevant authorities are consulted on the strategy (s.8(4)).

A policy review: a what-if that stopped consulting schools (or a prison) validated clean,
though s.8(4) says the specified authorities "must ensure" each educational, prison and
youth custody authority for the area is consulted.
"""

from __future__ import annotations

import attrs
import pytest

import svduty
from svduty.authorities import Authorities, Authority, AuthorityCategory
from svduty.findings import Severity
from svduty.governance import (
    GOVERNANCE_RULES,
    AddBody,
    AddRelation,
    Body,
    BodyKind,
    ChangeBody,
    Level,
    Merge,
    Relation,
    RelationKind,
    RemoveBody,
    RemoveRelation,
    Scenario,
)
from svduty.governance._consult import consultation_findings, consultation_lost
from svduty.sources import cite

P = svduty.warwickshire()
C = cite("pcsc-act-2022", "Sch 2")
COORDINATOR = "sv-prevention-coordinator"


def s8(findings: object) -> list:  # type: ignore[type-arg]
    return [f for f in findings if f.rule == "GOV-S8-CONSULT"]  # type: ignore[attr-defined]


def with_prison() -> svduty.Partnership:
    """Warwickshire with a prison authority recorded for Rugby (a hypothetical prison)."""
    prison = Authority(
        "hmp-rugby", "Governor of HMP Rugby", AuthorityCategory.PRISON_AUTHORITY, ("E07000220",), C
    )
    kept = Authorities(
        (*P.authorities, prison),
        P.authorities.absences,
        districts_within=P.authorities.districts_within,
    )
    return attrs.evolve(P, authorities=kept)


def test_the_rule_cites_section_8_4_and_is_checked_for_every_partnership():
    assert GOVERNANCE_RULES["GOV-S8-CONSULT"].citation.provision == "s.8(4)"
    assert "GOV-S8-CONSULT" in P.validate_governance().checked
    assert s8(P.validate_governance()) == []  # Warwickshire consults its schools
    skipped = dict(P.governance.validate().skipped)  # a graph alone has no authorities
    assert "authorities" in skipped["GOV-S8-CONSULT"]


@pytest.mark.parametrize(
    "change",
    [RemoveBody("schools"), RemoveRelation(COORDINATOR, "schools", RelationKind.CONSULTS)],
)
def test_a_scenario_that_stops_consulting_a_body_is_reported(change):
    w = P.what_if(Scenario("s", "S", [change]))
    (f,) = s8(w.findings)
    assert f.severity is Severity.WARNING  # schools may stand for no relevant authority
    assert f.subjects == ("schools",)
    assert f"before: {COORDINATOR} consults schools" in f.message
    assert "s.8(4)" in f.message
    assert f.message.endswith("see changes[0] (" + change.op + ")")
    strict = P.what_if(Scenario("s", "S", [change]), strict=True)
    assert s8(strict.findings)[0].severity is Severity.ERROR


def test_consulting_through_another_body_is_not_lost():
    other = Body("sv-board-2", "Board", BodyKind.BOARD, Level.COUNTYWIDE, C)
    w = P.what_if(
        Scenario(
            "s",
            "S",
            [
                AddBody(other),
                AddRelation(Relation(RelationKind.CONSULTS, "sv-board-2", "schools", C)),
                RemoveRelation(COORDINATOR, "schools", RelationKind.CONSULTS),
            ],
        )
    )
    assert s8(w.findings) == []


def test_a_recorded_relevant_authority_no_one_consults_is_not_known():
    """The graph is an open world: a consultation not recorded is a fact not known (a
    review of the session: it was an error, which a bundle that validated could not have
    known it lacked)."""
    p = with_prison()
    (f,) = s8(p.validate_governance())
    assert (f.severity, f.subjects) == (Severity.WARNING, ("hmp-rugby", "E07000220"))
    assert f.message.startswith("not known: whether hmp-rugby, a prison authority for E07000220")
    assert len(f.citations) == 2  # the rule's, then the category's row
    assert f.citations[0].provision == "s.8(4)"


@pytest.mark.parametrize("as_member", [False, True])
def test_a_relevant_authority_consulted_directly_or_as_a_member_is_not(as_member):
    p = with_prison()
    if as_member:  # a sector body the prison is a member of
        body = Body(
            "prisons", "Prisons", BodyKind.SECTOR, Level.COUNTYWIDE, C, members=("hmp-rugby",)
        )
    else:  # the prison's own node
        body = Body("hmp-rugby", "HMP Rugby", BodyKind.ORGANISATION, Level.LOCAL, C)
    target = body.id
    graph = p.governance.with_changes(
        (*p.governance.bodies, body),
        (*p.governance.relations, Relation(RelationKind.CONSULTS, COORDINATOR, target, C)),
    )
    areas = p.local_area.districts
    assert consultation_findings(p.authorities, areas, graph) == ()
    assert len(consultation_findings(p.authorities, areas, p.governance)) == 1
    assert consultation_lost(graph, graph) == ()


def _consulting(p: svduty.Partnership) -> svduty.Partnership:
    """``p`` with the prison's own node, consulted by the co-ordinator."""
    body = Body("hmp-rugby", "HMP Rugby", BodyKind.ORGANISATION, Level.LOCAL, C)
    graph = p.governance.with_changes(
        (*p.governance.bodies, body),
        (*p.governance.relations, Relation(RelationKind.CONSULTS, COORDINATOR, "hmp-rugby", C)),
    )
    return attrs.evolve(p, governance=graph)


def test_a_scenario_that_stops_consulting_a_recorded_relevant_authority_breaks_s8_4():
    p = _consulting(with_prison())
    assert s8(p.validate_governance()) == []
    w = p.what_if(Scenario("s", "S", [RemoveBody("hmp-rugby")]))
    (f,) = s8(w.findings)  # the breach, not also a "lost" warning for the same body
    assert f.severity is Severity.ERROR
    assert f.message.startswith("hmp-rugby, a prison authority for E07000220, is consulted by no")
    assert f.message.endswith("see changes[0] (remove_body)")


def test_a_body_merged_into_another_is_consulted_as_the_body_it_joined():
    """A review of the session: a merge moves the consults relation; no warning."""
    sector = Body("education-sector", "Education", BodyKind.SECTOR, Level.COUNTYWIDE, C)
    w = P.what_if(Scenario("s", "S", [AddBody(sector), Merge("education-sector", "schools")]))
    assert s8(w.findings) == []


def test_a_scenario_dated_before_the_duty_says_so():
    """A policy review: a scenario of 2020 validated clean, its warnings gone, with no word
    that the Duty came into force on 31 January 2023."""
    change = ChangeBody("soc-joint-action-group", add_members=("warwickshire-pcc",))
    early = P.what_if(Scenario("s", "S", [change], effective="2020-01-01")).findings
    (f,) = [f for f in early if "not in force" in f.message]
    assert f.severity is Severity.WARNING
    assert f.message.startswith("Part 2 Chapter 1 was not in force on 2020-01-01")
    assert f.citations[0].provision == "reg 4"
    late = P.what_if(Scenario("s", "S", [change], effective="2024-01-01")).findings
    assert not [f for f in late if "not in force" in f.message]


def test_a_body_merged_twice_is_consulted_as_the_last_body_kept():
    """A hostile review: only one merge was followed, so a chain warned falsely."""
    chain = [
        Merge("soc-tactical-group", "schools"),
        Merge("soc-joint-action-group", "soc-tactical-group"),
    ]
    assert s8(P.what_if(Scenario("s", "S", chain)).findings) == []
