"""Validation of a governance graph: findings with severity, rule id and citation.

National rules (:data:`~svduty.governance.GOVERNANCE_RULES`) always run; the checks of
a partnership's practice run when it declares them (:data:`~svduty.governance.PRACTICE_CHECKS`).
Every rule that ran is listed in :attr:`Findings.checked <svduty.findings.Findings.checked>`
and every one that did not in ``skipped``, with the reason.

Example:
    >>> from svduty.governance import GovernanceGraph
    >>> res = GovernanceGraph.of([], []).validate()
    >>> res.checked, [rule for rule, _ in res.skipped][:2]
    (('GOV-CSP-COVERAGE',), ['GOV-SCHEDULE-1', 'GOV-S8-CONSULT'])
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from svduty._checked import checked
from svduty.authorities import Authorities, Role
from svduty.authorities._model import one_id_per_body
from svduty.errors import GovernanceError, Problem, named
from svduty.findings import Finding, Findings, Severity
from svduty.governance._csp_areas import district_named
from svduty.governance._model import BodyKind, BodyStatus, Level, RelationKind, Tier
from svduty.governance._paths import GraphView, oversight_cycles, upward
from svduty.governance._rules import (
    GOVERNANCE_RULES,
    NEEDS_AUTHORITIES,
    PRACTICE_CHECKS,
    PRACTICE_NOT_LAW,
    GovernanceRule,
    cites_legislation,
)
from svduty.governance._timetable import Timetable
from svduty.sources import Confidence

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "findings_html",
    "findings_text",
    "not_holding",
    "raise_for_errors",
    "validate_graph",
    "validate_on",
]


@checked
def findings_text(findings: Findings) -> str:
    """Findings as text: the counts, each finding, then every rule checked and not checked.

    The same as :meth:`svduty.findings.Findings.text`.

    Example:
        >>> print(findings_text(Findings((), (("GOV-SPECIFIED", "no list given"),),
        ...                              ("GOV-CSP-COVERAGE",))))
        0 error(s), 0 warning(s)
        checked: GOV-CSP-COVERAGE
        not checked: GOV-SPECIFIED (no list given)
    """
    return findings.text()


@checked
def findings_html(findings: Findings) -> str:
    """Findings as an HTML table with their citations, and the rules checked and skipped.

    The same as a notebook's view of :class:`~svduty.findings.Findings`.

    Example:
        >>> from svduty.sources import cite
        >>> f = Finding("GOV-CYCLE", Severity.ERROR, "a -> b", (cite("cda-1998"),), ("a",))
        >>> "<td>error</td>" in findings_html(Findings((f,)))
        True
    """
    return findings._repr_html_()


@checked
def raise_for_errors(findings: Findings) -> None:
    """Raise if there are errors.

    Raises:
        GovernanceError: listing every error.

    Example:
        >>> raise_for_errors(Findings(()))
    """
    if findings.errors:
        raise GovernanceError([Problem(field=f.rule, message=f.message) for f in findings.errors])


Add = Callable[[Severity, str, tuple[str, ...]], None]


def _id(value: str) -> str:
    """An id as a finding's message names it: not shown when it could be personal data."""
    return named(value, "an id")


def _ref(graph: GraphView, add: Add) -> None:
    for r in graph.dangling:
        missing = tuple(x for x in (r.source, r.target) if x not in graph)
        add(
            Severity.ERROR,
            f"{r.named()} names unknown body {', '.join(map(_id, missing))}",
            missing,
        )


def _cycle(graph: GraphView, add: Add) -> None:
    for cycle in oversight_cycles(graph.relations):
        add(Severity.ERROR, "oversight cycle " + " -> ".join(map(_id, cycle)), cycle)


def _coverage(graph: GraphView, add: Add, districts: tuple[str, ...] | None) -> None:
    csps = [b for b in graph.bodies if b.kind is BodyKind.COMMUNITY_SAFETY_PARTNERSHIP]
    area = (
        districts
        if districts is not None
        else tuple(sorted({d for b in graph.bodies for d in b.districts}))
    )
    for d in area:
        covering = tuple(b.id for b in csps if b.covers(d))
        if len(covering) != 1:
            what = "no" if not covering else f"{len(covering)}"
            add(
                Severity.ERROR,
                f"district {district_named(d)} is covered by {what} community safety partnership(s)"
                + (_several(d) if covering else ""),
                covering,
            )
    by_area: dict[str, list[str]] = {}
    for b in csps:  # one CSP area, one partnership (a hostile review: two boards named one)
        if b.area is not None:
            by_area.setdefault(b.area, []).append(b.id)
    for code, ids in sorted(by_area.items()):
        if len(ids) > 1:
            add(
                Severity.ERROR,
                f"the community safety partnership area {_id(code)} is named by "
                f"{len(ids)} community safety partnerships",
                tuple(ids),
            )
    if districts is not None:
        for b in csps:
            outside = sorted(set(b.districts) - set(districts))
            if outside:
                add(
                    Severity.ERROR,
                    f"{_id(b.id)} covers district(s) outside the area: "
                    + ", ".join(map(district_named, outside)),
                    (b.id,),
                )


def _several(district: str) -> str:
    """Why several CSPs may not share one district, with the ONS table's CSP areas in it."""
    from svduty.areas._national import district_partnerships  # read only for this finding

    onsed = district_partnerships().get(district, ("", ()))[1]
    ons = (
        f"; the ONS CSP table gives {len(onsed)} CSP areas in it ("
        + ", ".join(f"{code} {name}" for code, name in onsed)
        + "), named after the areas it replaced"
        if len(onsed) > 1
        else ""
    )
    return (
        ": the responsible authorities act for a whole local government area, or for several"
        " taken together as one (Crime and Disorder Act 1998 s.5(1), (1A)), never for part of"
        f" one{ons}; record one community safety partnership covering the district (and any"
        " others as its local groups)"
    )


def _path(graph: GraphView, add: Add) -> None:
    import networkx as nx  # imported on first use: it takes about 0.1 s

    tops = {
        b.id
        for b in graph.bodies
        if b.level in (Level.COUNTYWIDE, Level.NATIONAL, Level.REGIONAL)
        and b.tier is Tier.STRATEGIC
    }
    up = upward((b.id for b in graph.bodies), graph.relations)
    for b in graph.bodies:
        if b.level is not Level.LOCAL or b.tier is None:
            continue
        if not nx.descendants(up, b.id) & tops:
            add(
                Severity.ERROR,
                f"{_id(b.id)} has no reporting path to a countywide strategic body",
                (b.id,),
            )


def _deciding(graph: GraphView) -> list[Any]:
    """The established strategic bodies: those whose members take part (GOV-SPECIFIED)."""
    return [
        b for b in graph.bodies if b.tier is Tier.STRATEGIC and b.status is BodyStatus.ESTABLISHED
    ]


def specified_bodies(authorities: Authorities, graph: GraphView, on: Any) -> tuple[str, ...]:
    """The specified authorities GOV-SPECIFIED looks for: one id per legal body, on a day.

    The records that hold on the day (without one, today: a council abolished in a
    reorganisation is not looked for, one planned for later not yet). Records of one body
    (``same_body_as``) are one: it takes part when any of them is a member
    (:func:`~svduty.authorities._model.one_id_per_body`).

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> "warwickshire-police" in specified_bodies(p.authorities, p.governance, None)
        True
    """
    deciding = _deciding(graph)
    members = {m for b in deciding for m in b.members}
    firm = {m for b in deciding if _firm(b) for m in b.members}
    every = authorities.by_role(Role.SPECIFIED_AUTHORITY)
    day = on if on is not None else datetime.date.today().isoformat()
    held = {a.id for a in authorities.by_role(Role.SPECIFIED_AUTHORITY, on=day)}
    return one_id_per_body(every, members, held, prefer=firm)


def covering_new_areas(graph: Any, replaced: Mapping[str, str]) -> Any:
    """``graph`` with a community safety partnership's new area read as what it replaces.

    Community safety partnerships cover the partnership's districts; after a scenario's
    ``create_area`` a partnership may cover the new area (``change_districts`` to its
    code) or go on naming the districts it replaces: GOV-CSP-COVERAGE reads either as
    the districts replaced.

    Example:
        >>> import svduty
        >>> g = svduty.warwickshire().governance
        >>> covering_new_areas(g, {}) is g
        True
    """
    olds: dict[str, list[str]] = {}
    for old, new in replaced.items():
        olds.setdefault(new, []).append(old)
    csps = [b for b in graph.bodies if b.kind is BodyKind.COMMUNITY_SAFETY_PARTNERSHIP]
    if not any(d in olds for b in csps for d in b.districts):
        return graph
    bodies = [
        attrs.evolve(
            b, districts=tuple(dict.fromkeys(x for d in b.districts for x in olds.get(d, [d])))
        )
        if b in csps
        else b
        for b in graph.bodies
    ]
    return type(graph).of(bodies, (*graph.relations, *graph.dangling), strict=False)


def _firm(body: Any) -> bool:
    """Whether a body's membership is stated without doubt (not ``unconfirmed``)."""
    cited = body.members_citation
    return cited is None or cited.confidence is not Confidence.UNCONFIRMED


def _specified(graph: GraphView, add: Add, specified: tuple[str, ...]) -> None:
    deciding = _deciding(graph)
    for auth in specified:
        at = [b for b in deciding if auth in b.members]
        firm = [b for b in at if _firm(b)]
        if not at:
            add(
                Severity.ERROR,
                f"specified authority {_id(auth)} is a member of no established strategic body",
                (auth,),
            )
        elif not firm:
            add(
                Severity.WARNING,
                f"specified authority {_id(auth)} takes part only through unconfirmed membership",
                tuple(b.id for b in at),
            )


def _spend_managers(graph: GraphView, recipient: str) -> list[str]:
    """Bodies that manage spend, among the recipient and the bodies the money reaches."""
    seen, todo = {recipient}, [recipient]
    while todo:
        here = todo.pop()
        for x in graph.relations_of(here):
            if x.kind is RelationKind.FUNDS and x.source == here and x.target not in seen:
                seen.add(x.target)
                todo.append(x.target)
    return sorted(
        x.source
        for b in seen
        for x in graph.relations_of(b)
        if x.kind is RelationKind.MANAGES_SPEND_FOR and x.source == b
    )


def _grant(graph: GraphView, add: Add) -> None:
    funded = {r.target for r in graph.relations if r.kind is RelationKind.FUNDS}
    for r in graph.relations:
        if r.kind is not RelationKind.FUNDS or r.source in funded:
            continue
        if graph.relation(r.target, r.source, RelationKind.GRANT_RECIPIENT_FOR) is None:
            add(
                Severity.ERROR,
                f"the grant {r.named()} has no declared grant recipient",
                (r.source, r.target),
            )
        if not _spend_managers(graph, r.target):
            add(
                Severity.ERROR,
                f"the grant {r.named()} has no body managing its spend",
                (r.source, r.target),
            )


def _isolated(graph: GraphView, add: Add) -> None:
    for b in graph.bodies:
        if not graph.relations_of(b.id):
            add(Severity.WARNING, f"{_id(b.id)} has no relations", (b.id,))


def _timetable(graph: GraphView, add: Add, timetable: Timetable) -> None:
    for body_id in timetable.body_ids():
        if body_id not in graph:
            add(Severity.ERROR, f"the timetable names unknown body {_id(body_id)}", (body_id,))


def validate_graph(
    graph: GraphView,
    *,
    strict: bool = False,
    districts: tuple[str, ...] | None = None,
    specified_authorities: tuple[str, ...] | None = None,
    timetable: Timetable | None = None,
    rules: Iterable[GovernanceRule] = (),
) -> Findings:
    """Run the national rules and the declared practice rules; see :meth:`GovernanceGraph.validate`.

    Raises:
        GovernanceError: if a declared rule names no check svduty has, or a national rule,
            or cites legislation (a partnership's practice cites its own documents).

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> res = validate_graph(GovernanceGraph.of([], []), strict=True,
        ...                      districts=("E07000218",))
        >>> [f.rule for f in res]
        ['GOV-CSP-COVERAGE']
    """
    declared: dict[str, GovernanceRule] = {}
    for n, rule in enumerate(rules):
        if rule.id not in PRACTICE_CHECKS:
            raise GovernanceError.single(
                None,
                f"rules[{n}].id",
                expected="one of " + ", ".join(sorted(PRACTICE_CHECKS)),
                got=rule.id,
            )
        if cites_legislation(rule):
            raise GovernanceError.single(
                None,
                f"rules[{n}].citation",
                expected=PRACTICE_NOT_LAW,
                got=rule.citation.source.id,
            )
        declared[rule.id] = rule
    out: list[Finding] = []
    checked: list[str] = []
    skipped: list[tuple[str, str]] = []

    def run(rule: GovernanceRule, check: Callable[[Add], None]) -> None:
        def add(severity: Severity, message: str, subjects: tuple[str, ...]) -> None:
            severity = Severity.ERROR if strict else severity
            out.append(Finding(rule.id, severity, message, (rule.citation,), subjects))

        checked.append(rule.id)
        check(add)

    run(GOVERNANCE_RULES["GOV-CSP-COVERAGE"], lambda add: _coverage(graph, add, districts))
    skipped += [
        (rule, "needs the partnership's authorities and areas (Partnership.validate_governance)")
        for rule in NEEDS_AUTHORITIES
    ]
    needs: dict[str, tuple[object, str]] = {
        "GOV-SPECIFIED": (specified_authorities, "no specified authorities given"),
        "GOV-TIMETABLE": (timetable, "no timetable given"),
    }
    checks: dict[str, Callable[[Add], None]] = {
        "GOV-REF": lambda add: _ref(graph, add),
        "GOV-CYCLE": lambda add: _cycle(graph, add),
        "GOV-PATH": lambda add: _path(graph, add),
        "GOV-SPECIFIED": lambda add: _specified(graph, add, specified_authorities or ()),
        "GOV-GRANT": lambda add: _grant(graph, add),
        "GOV-ISOLATED": lambda add: _isolated(graph, add),
        "GOV-TIMETABLE": lambda add: _timetable(graph, add, timetable) if timetable else None,
    }
    for rule_id in PRACTICE_CHECKS:
        if rule_id not in declared:
            skipped.append((rule_id, "not a declared rule of the partnership (governance.toml)"))
        elif rule_id in needs and needs[rule_id][0] is None:
            skipped.append((rule_id, needs[rule_id][1]))
        else:
            run(declared[rule_id], checks[rule_id])
    return Findings(tuple(out), tuple(skipped), tuple(checked))


def not_holding(graph: GraphView, day: pendulum.Date) -> tuple[str, ...]:
    """The bodies and relations whose records do not hold on a day, as text, in order.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> from svduty.periods import date
        >>> not_holding(GovernanceGraph.of([], []), date("2025-04-01"))
        ()
    """
    bodies = [b.id for b in graph.bodies if not b.holds_on(day)]
    relations = [str(r) for r in graph.relations if not r.holds_on(day)]
    return (*bodies, *relations)


def _from(timetable: Timetable, day: pendulum.Date) -> Timetable:
    """The timetable's entries not over by ``day``: reviews not ended, milestones not due."""
    reviews = tuple(r for r in timetable.reviews if r.valid.end is None or r.valid.end > day)
    milestones = tuple(m for m in timetable.milestones if m.due >= day)
    return attrs.evolve(timetable, reviews=reviews, milestones=milestones)


def validate_on(
    whole: GraphView, dated: GraphView, day: pendulum.Date, *, strict: bool, **facts: Any
) -> Findings:
    """The checks of ``dated`` (``whole``'s records holding on ``day``), lapses not known.

    A finding that the records holding on the day give and the whole record does not
    (``GOV-GRANT`` without the recipient relation whose term ended, ``GOV-PATH`` for a
    group whose board's record lapsed, ``GOV-TIMETABLE`` for a lapsed body) exists only
    because a record does not hold that day. It is reported as a warning ``not known:
    ...`` (an error when ``strict``), never as a breach. Chapter 1 of Part 2 of the
    Police, Crime, Sentencing and Courts Act 2022 gives the duty to collaborate (s.8) no
    end and prescribes no board, group or agreement term (the arrangements are the
    specified authorities' to make, s.8(1)-(2)), so the end of a record's period is
    the end of what the record says (the agreement's term), not a record that the body
    or relation ceased: a renewal may simply not be recorded. That is the rule
    ``GOV-SCHEDULE-1`` follows: a breach is what a change takes away (a scenario's
    ``remove_body``), and what nothing records on the day is not known. A finding the
    whole record gives too is reported as it is. So with the timetable: a body that only
    reviews whose period ended, or milestones due, before the day name is not known to be
    needed (a ``not known`` warning; an agreement's renewal may not be recorded).

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> from svduty.periods import date
        >>> g = GovernanceGraph.of([], [])
        >>> validate_on(g, g, date("2025-04-01"), strict=False).ok
        True
    """
    severity = Severity.ERROR if strict else Severity.WARNING
    lapsed = not_holding(whole, day)
    data = (("on", day.isoformat()), ("not_holding", ", ".join(lapsed)))
    timetable = facts.get("timetable")
    current = facts if timetable is None else {**facts, "timetable": _from(timetable, day)}
    found = validate_graph(dated, strict=strict, **current)
    seen = {(f.rule, f.message, f.subjects) for f in found.findings}
    ended = tuple(  # what only the timetable's entries over by the day give: not known
        attrs.evolve(
            f,
            severity=severity,
            message=f"not known: {f.message} (the timetable's entries naming it are over "
            f"by {day.isoformat()}; a renewal may not be recorded)",
            data=(*f.data, *data),
        )
        for f in (validate_graph(dated, **facts).findings if timetable is not None else ())
        if (f.rule, f.message, f.subjects) not in seen
    )
    if dated is whole:
        return Findings((*found.findings, *ended), found.skipped, found.checked)
    usual = {(f.rule, f.message, f.subjects) for f in validate_graph(whole, **current).findings}
    note = f"{len(lapsed)} record(s) do not hold on {day.isoformat()}"
    out = tuple(
        f
        if (f.rule, f.message, f.subjects) in usual
        else attrs.evolve(
            f,
            severity=severity,
            message=f"not known: {f.message} ({note})",
            data=(*f.data, *data),
        )
        for f in found.findings
    )
    return Findings((*out, *ended), found.skipped, found.checked)
