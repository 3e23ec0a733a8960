"""What a what-if's findings add: what a scenario breaks, and which changes to look at.

A check of the graph after a scenario cannot see what the scenario took away (a chair
abolished with no successor, a grant with no recipient, a consultation lost):
:func:`scenario_breaks` finds those from the graph before and after. And each finding new
to the what-if is told which of the scenario's changes name it (:func:`named_by_changes`).
:mod:`~svduty.governance._whatif` holds the result these go into.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from svduty.authorities import Role
from svduty.errors import named
from svduty.findings import Finding, Findings, Severity
from svduty.governance._changes import Change, Merge, RemoveBody, RemoveRelation
from svduty.governance._consult import consultation_lost
from svduty.governance._graph import GovernanceGraph
from svduty.governance._model import RelationKind
from svduty.governance._paths import upward
from svduty.governance._reorganise import Reorganised
from svduty.governance._rules import GovernanceRule

__all__ = ["named_by_changes", "scenario_breaks"]


def scenario_breaks(
    before: GovernanceGraph,
    graph: GovernanceGraph,
    after: Reorganised,
    rules: tuple[GovernanceRule, ...],
    changes: Sequence[Change] = (),
) -> tuple[Finding, ...]:
    """What a scenario takes away that a check of the graph after it cannot see.

    Under the partnership's declared ``GOV-REF``, a body whose chair, host or member is
    no authority after the scenario (abolished with no ``transfer_functions`` to a
    successor, or not created) and, for a chair, no body of the graph either. Under its
    ``GOV-GRANT``, a grant the graph before it paid (a ``funds`` relation from a funder
    no one funds, such as the Home Office) that nothing receives after it: the
    recipient removed, the grant flow of ``funding.toml`` with it.

    Example:
        >>> import svduty
        >>> from svduty.governance import RemoveBody, Scenario
        >>> p = svduty.warwickshire()
        >>> w = p.what_if(Scenario("s", "No OPCC", [RemoveBody("warwickshire-opcc")]))
        >>> [f.message for f in w.findings.errors]
        ['the grant home-office funds warwickshire-opcc has no recipient after the scenario: changes[0] (remove_body) removes warwickshire-opcc']
    """  # noqa: E501
    declared = {r.id: r for r in rules}
    out = list(_unknown(graph, after, declared["GOV-REF"])) if "GOV-REF" in declared else []
    relevant = [a.id for a in after.authorities if a.role is Role.RELEVANT_AUTHORITY]
    out += consultation_lost(before, graph, changes, relevant)  # national law: always
    rule = declared.get("GOV-GRANT")
    funds = RelationKind.FUNDS
    funded = {r.target for r in before.relations if r.kind is funds}
    paying = {r.source for r in graph.relations if r.kind is funds}
    for r in before.relations:
        if rule is not None and r.kind is funds and {r.source} - funded - paying:
            out.append(
                Finding(
                    rule.id,
                    Severity.ERROR,
                    f"the grant {r.named()} has no recipient after the scenario: "
                    + (
                        _taken(changes, after, r.source, r.target)
                        or ("it funds no body" if r.source in graph else "the funder is removed")
                    ),
                    (rule.citation,),
                    (r.source, r.target),
                )
            )
    return tuple(out)


def _taken(changes: Sequence[Change], after: Reorganised, source: str, target: str) -> str:
    """Which change took a grant away: its recipient, its funder or the relation itself.

    Example:
        >>> import svduty
        >>> from svduty.governance import RemoveBody
        >>> p = svduty.warwickshire()
        >>> from svduty.governance._reorganise import reorganise
        >>> same = reorganise(p.authorities, p.local_area.districts, None)
        >>> _taken([RemoveBody("opcc")], same, "home-office", "opcc")
        'changes[0] (remove_body) removes opcc'
    """
    for i, c in enumerate(changes):
        for body in (target, source):
            if (isinstance(c, RemoveBody) and c.body == body) or (
                isinstance(c, Merge) and c.absorb == body
            ):
                return f"changes[{i}] ({c.op}) removes {body}"
        if isinstance(c, RemoveRelation) and (c.source, c.target) == (source, target):
            return f"changes[{i}] ({c.op}) removes the grant"
    for i, ids in after.abolished.items():
        for body in (target, source):
            if body in ids:
                return f"changes[{i}] (abolish_authority) abolishes {body}"
    return ""


def named_by_changes(
    findings: Findings,
    before: Findings,
    changes: Sequence[Change],
    after: Reorganised,
    graph: GovernanceGraph,
) -> Findings:
    """The what-if's findings, each new one saying which of the scenario's changes name it.

    A finding is new when the partnership before the scenario has none like it (rule,
    ids and words). Its message then ends with the changes that name one of its ids, or
    an id or district its words name (an abolition also names the records abolished with
    it; a district is also named by a change to a body that covered it in ``graph``, the
    graph before; a body without a reporting path, ``GOV-PATH``, by a change to a body its
    path went through): they are where to look, not proof that each caused it. A message
    that already names a change keeps its words.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> w = p.what_if("lgr-two-unitaries")
        >>> print([f for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"][1].message)
        north-warwickshire-unitary has no specified authority of the 'Fire and rescue' table of Schedule 1 (before: warwickshire-fire-and-rescue-authority); see changes[7] (change_districts), changes[8] (create_area), changes[17] (abolish_authority)
    """  # noqa: E501
    import networkx as nx  # as the checks import it: on first use

    old = {(f.rule, f.subjects, f.message) for f in before.findings}
    names = [_ids(c) | set(after.abolished.get(i, ())) for i, c in enumerate(changes)]
    up = upward((b.id for b in graph.bodies), graph.relations)
    out = []
    for f in findings.findings:
        said = set(_WORD.findall(f.message))  # ids and districts the message names
        about = set(f.subjects) | said
        about.update(b.id for b in graph.bodies if said.intersection(b.districts))
        if f.rule == "GOV-PATH":  # the bodies its reports went up through
            about.update(*(nx.descendants(up, s) for s in f.subjects if s in up))
        found = [i for i, ids in enumerate(names) if ids & about]
        if (f.rule, f.subjects, f.message) in old or not found or "changes[" in f.message:
            out.append(f)
            continue
        which = ", ".join(f"changes[{i}] ({changes[i].op})" for i in found)
        out.append(attrs.evolve(f, message=f"{f.message}; see {which}"))
    return attrs.evolve(findings, findings=tuple(out))


_WORD = re.compile(r"[A-Za-z0-9_-]+")
"""An id or a code in a finding's words."""

_NOT_IDS = frozenset({"reason", "name", "citation"})
"""The fields of a change that name no body, authority or area (words, a source)."""


def _ids(change: Change) -> set[str]:
    """The ids a change names: its bodies, authorities, areas and districts.

    Example:
        >>> sorted(_ids(Merge("keep", "absorb", name="Kept")))
        ['absorb', 'keep']
    """
    out: set[str] = set()
    for field in attrs.fields(type(change)):
        value = getattr(change, field.name)
        if field.name in _NOT_IDS:
            continue
        for v in value if isinstance(value, tuple) else (value,):
            if type(v) is str:
                out.add(v)
            elif hasattr(v, "source") and hasattr(v, "target"):  # a relation
                out.update((v.source, v.target))
            elif isinstance(getattr(v, "id", None), str):  # a body or an authority
                out.add(v.id)
    return out


def _unknown(graph: GovernanceGraph, after: Reorganised, rule: GovernanceRule) -> list[Finding]:
    """The chairs, hosts and members that name no authority (or, a chair, no body) after it."""
    known = {a.id for a in after.authorities.items}
    gone = {a: i for i, ids in after.abolished.items() for a in ids}
    out = []
    for b in graph.bodies:
        refs = [("chaired", b.chair), ("hosted", b.host), *(("joined", m) for m in b.members)]
        for how, value in refs:
            if value is None or value in known or (how == "chaired" and value in graph):
                continue
            why = (
                f"which changes[{gone[value]}] abolishes with no transfer_functions to a successor"
                if value in gone
                else "which is no authority (nor body) after the scenario"
            )
            what = "lists member" if how == "joined" else f"is {how} by"
            follows = "who " + {"chaired": "chairs it", "hosted": "hosts it"}.get(how, "")
            out.append(
                Finding(
                    rule.id,
                    Severity.ERROR,
                    f"{named(b.id, 'an id')} {what} {named(value, 'an id')}, {why}"
                    + (f": the scenario does not say {follows}" if how != "joined" else ""),
                    (rule.citation,),
                    (b.id, value),
                    data=(("field", {"chaired": "chair", "hosted": "host"}.get(how, "members")),),
                )
            )
    return out
