"""Section 8(1)-(2): the specified authorities for an area collaborate (GOV-S8-COLLABORATE).

"The specified authorities for a local government area must collaborate with each other
to prevent and reduce serious violence in the area" (s.8(1)), a duty that "includes a
duty to plan together" (s.8(2)). The Act prescribes no board, group, membership or
meeting for it: how they collaborate is theirs to arrange. A governance graph records
collaboration as bodies the authorities are members of together; so each specified
authority for a local government area of the partnership should be a member of some
body with another specified authority for that area. The graph is an open world: an
authority it records with none of them is not known to collaborate (a warning), never
a breach, since the collaboration may simply not be recorded; and when a scenario takes
away the last body it shared with them, the warning says so.

What this rule does not ask (the statute does not): membership of a *strategic* or
*established* body, a countywide board, a reporting path, a chair. A partnership that
requires those (Warwickshire's ``GOV-SPECIFIED``, from the Home Office's March 2023
requirement reported in its council report) declares them as its own practice.

Example:
    >>> import svduty
    >>> from svduty.governance import RemoveBody, Scenario
    >>> p = svduty.warwickshire()
    >>> collaboration_findings(p.authorities, p.local_area.districts, p.governance)
    ()
    >>> gone = Scenario("s", "No JAG", [RemoveBody("soc-joint-action-group")])
    >>> w = p.what_if(gone)
    >>> [f.subjects for f in w.findings if f.rule == "GOV-S8-COLLABORATE"]
    [('warwickshire-youth-justice-service', 'E07000218')]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._rules import GOVERNANCE_RULES

if TYPE_CHECKING:
    from svduty.authorities import Authorities, Authority
    from svduty.governance._graph import GovernanceGraph

__all__ = ["REQUIRES_S8_1", "collaboration_findings"]

REQUIRES_S8_1 = (
    "s.8(1) requires the specified authorities for a local government area to collaborate "
    "with each other to prevent and reduce serious violence in the area (s.8(2): to plan "
    "together); the Act prescribes no body or membership for it"
)
"""What each GOV-S8-COLLABORATE finding says the Act requires, in its words."""


def _body(a: Authority) -> str:
    """The legal body a record is of: records joined by ``same_body_as`` are one."""
    return a.same_body_as or a.id


def _together(graph: GovernanceGraph | None, key: Mapping[str, str]) -> dict[str, set[str]]:
    """Each legal body -> the other legal bodies it is a member of some body with."""
    out: dict[str, set[str]] = {}
    for b in () if graph is None else graph.bodies:
        inside = {key[m] for m in b.members if m in key}
        for k in inside:
            out.setdefault(k, set()).update(inside - {k})
    return out


def collaboration_findings(
    authorities: Authorities,
    areas: Iterable[str],
    graph: GovernanceGraph,
    *,
    on: _dt.date | str | None = None,
    before: GovernanceGraph | None = None,
) -> tuple[Finding, ...]:
    """Each specified authority of an area that no body records with another one of its.

    A warning, ``not known: whether ... collaborates ...`` (the graph may not record it);
    after a scenario that took away the last body it shared with them (``before``: the
    graph before it), the warning names that. An area with one specified authority (or
    none) has no one to collaborate with; Schedule 1's gaps are ``GOV-SCHEDULE-1``'s.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> collaboration_findings(p.authorities, p.local_area.districts, p.governance)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-S8-COLLABORATE"]
    key = {a.id: _body(a) for a in authorities}
    now, was = _together(graph, key), None if before is None else _together(before, key)
    out: list[Finding] = []
    seen: set[str] = set()
    for lga in areas:
        found = authorities.specified_for(lga, on=on)
        bodies = {_body(a) for a in found}
        if len(bodies) < 2:
            continue
        for a in found:
            k = _body(a)
            if k in seen or now.get(k, set()) & (bodies - {k}):
                continue
            seen.add(k)
            who = f"{named(a.id, 'an id')}, {a.category.a} for {lga}"
            lost = was is not None and bool(was.get(k, set()) & (bodies - {k}))
            said = (
                "after the scenario no body has it as a member with another specified "
                "authority for the area (before: one did)"
                if lost
                else "no body of the governance has it as a member with another specified "
                "authority for the area"
            )
            out.append(
                Finding(
                    rule.id,
                    Severity.WARNING,
                    f"not known: whether {who}, collaborates with the other specified "
                    f"authorities for the area ({said}): {REQUIRES_S8_1}",
                    (rule.citation, a.info.citation),
                    (a.id, lga),
                )
            )
    return tuple(out)
