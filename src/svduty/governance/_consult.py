"""Section 8(4): the relevant authorities are consulted on the strategy (GOV-S8-CONSULT).

In preparing a strategy the specified authorities "must ensure that" each educational,
prison and youth custody authority for the area is consulted (s.8(4)). In a governance
graph a ``consults`` relation says who is consulted: a relevant authority recorded for a
local government area of the partnership must be reached by one (as its target, or as a
member of its target). A relevant authority the bundle does not record (schools are
usually a sector body, not a list of records) cannot be checked so; what a scenario can
be seen to take away is any body the partnership consulted: after it, nothing consults
that body, which, where it stands for relevant authorities, s.8(4) does not allow.

Example:
    >>> import svduty
    >>> from svduty.governance import RemoveBody, Scenario
    >>> p = svduty.warwickshire()
    >>> w = p.what_if(Scenario("s", "No schools", [RemoveBody("schools")]))
    >>> print(next(f for f in w.findings if f.rule == "GOV-S8-CONSULT").message)
    no body consults schools after the scenario (before: sv-prevention-coordinator consults schools): if it stood for any educational, prison or youth custody authority for the area, s.8(4) requires that authority to be consulted on the strategy; see changes[0] (remove_body)
"""  # noqa: E501

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from svduty.authorities._answering import in_force
from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._changes import Change, Merge
from svduty.governance._collaborate import collaboration_findings
from svduty.governance._model import RelationKind
from svduty.governance._reorganise import Reorganised
from svduty.governance._rules import GOVERNANCE_RULES
from svduty.governance._schedule_1 import schedule_1_findings

if TYPE_CHECKING:
    from svduty.authorities import Authorities
    from svduty.governance._graph import GovernanceGraph

__all__ = ["consultation_findings", "consultation_lost", "national_findings"]

_REQUIRES = (
    "s.8(4) requires each educational, prison and youth custody authority for the area to "
    "be consulted on the strategy"
)


def _reached(graph: GovernanceGraph) -> set[str]:
    """The ids a ``consults`` relation reaches: its targets and their members."""
    targets = {r.target for r in graph.relations if r.kind is RelationKind.CONSULTS}
    return targets | {m for b in graph.bodies if b.id in targets for m in b.members}


def consultation_findings(
    authorities: Authorities,
    areas: Iterable[str],
    graph: GovernanceGraph,
    *,
    on: _dt.date | str | None = None,
    before: GovernanceGraph | None = None,
) -> tuple[Finding, ...]:
    """Each recorded relevant authority of the areas that no ``consults`` relation reaches.

    The graph is an open world: a relation not recorded is a fact not known, so an
    authority no relation reaches is a warning (``not known: whether ... is consulted``),
    not a breach. A scenario that takes away the relation that reached it (``before``:
    the graph before the scenario) breaks s.8(4): an error.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()  # no prison or youth custody authority is recorded
        >>> consultation_findings(p.authorities, p.local_area.districts, p.governance)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-S8-CONSULT"]
    reached, was = _reached(graph), set() if before is None else _reached(before)
    out, seen = [], set()
    for lga in areas:
        for a in authorities.relevant_for(lga, on=on):
            if a.id in reached or a.id in seen:
                continue
            seen.add(a.id)
            who = f"{named(a.id, 'an id')}, {a.category.a} for {lga}"
            lost = a.id in was
            out.append(
                Finding(
                    rule.id,
                    Severity.ERROR if lost else Severity.WARNING,
                    f"{who}, is consulted by no body after the scenario: {_REQUIRES}"
                    if lost
                    else f"not known: whether {who}, is consulted on the strategy (no consults "
                    f"relation reaches it): {_REQUIRES}",
                    (rule.citation, a.info.citation),
                    (a.id, lga),
                )
            )
    return tuple(out)


def consultation_lost(
    before: GovernanceGraph,
    graph: GovernanceGraph,
    changes: Iterable[Change] = (),
    recorded: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """What a scenario stops consulting: each body consulted before and by nothing after.

    A warning (the body may stand for no relevant authority). A body merged into another
    is consulted as the body it joined; a recorded relevant authority (``recorded``), or
    a body with one among its members, is :func:`consultation_findings`' to report.

    Example:
        >>> import svduty
        >>> g = svduty.warwickshire().governance
        >>> consultation_lost(g, g)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-S8-CONSULT"]
    merges = {c.absorb: c.keep for c in changes if isinstance(c, Merge)}
    after = {r.target for r in graph.relations if r.kind is RelationKind.CONSULTS}
    theirs = set(recorded)
    lost: dict[str, list[str]] = {}
    for r in before.relations:
        target = r.target
        if r.kind is not RelationKind.CONSULTS or target in after or target in theirs:
            continue
        kept, joined = target, dict(merges)
        while kept in joined:  # merged, perhaps more than once: consulted as the last kept
            kept = joined.pop(kept)
        if kept in after or theirs & set(_members(before, target)):
            continue
        lost.setdefault(target, []).append(r.named())
    return tuple(
        Finding(
            rule.id,
            Severity.WARNING,
            f"no body consults {named(target, 'an id')} after the scenario (before: "
            f"{'; '.join(was)}): if it stood for any educational, prison or youth custody "
            "authority for the area, s.8(4) requires that authority to be consulted on the "
            "strategy",
            (rule.citation,),
            (target,),
        )
        for target, was in lost.items()
    )


def _members(graph: GovernanceGraph, body: str) -> tuple[str, ...]:
    return graph.get(body).members if body in graph else ()


def national_findings(
    before: Authorities,
    after: Reorganised,
    graph: GovernanceGraph,
    *,
    on: _dt.date | str | None = None,
    was: GovernanceGraph | None = None,
) -> tuple[Finding, ...]:
    """The rules of ``NEEDS_AUTHORITIES``: Schedule 1's gaps, then s.8(4)'s and s.8(1)'s.

    ``was``: the graph before a scenario (what it takes away is a breach).

    Example:
        >>> import svduty
        >>> from svduty.governance import reorganise
        >>> p = svduty.warwickshire()
        >>> same = reorganise(p.authorities, p.local_area.districts, None)
        >>> national_findings(p.authorities, same, p.governance)
        ()
    """
    gaps = schedule_1_findings(before, after, on=on)
    consulted = consultation_findings(after.authorities, after.areas, graph, on=on, before=was)
    consulted += collaboration_findings(after.authorities, after.areas, graph, on=on, before=was)
    commenced, not_yet = in_force("Part 2 Chapter 1", on)  # a day before the Duty applied
    if commenced is None or not not_yet:
        return gaps + consulted
    said = f"{commenced.says}; its rules do not apply to the governance of that day"
    note = Finding("GOV-SCHEDULE-1", Severity.WARNING, said, (commenced.citation,))
    return (note, *gaps, *consulted)
