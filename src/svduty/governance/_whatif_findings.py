"""What a what-if's findings add: what a scenario breaks, and which changes to look at.

A check of the graph after a scenario cannot see what the scenario took away (a chair
abolished with no successor, a grant with no recipient, a consultation lost):
:func:`scenario_breaks` finds those from the graph before and after. And each finding new
to the what-if is told which of the scenario's changes makes it (:func:`named_by_changes`).
:mod:`~svduty.governance._whatif` holds the result these go into.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from svduty.authorities import Role
from svduty.errors import SvdutyError, named
from svduty.findings import Finding, Findings, Severity
from svduty.governance._changes import Change, Merge, RemoveBody, RemoveRelation
from svduty.governance._consult import consultation_lost
from svduty.governance._graph import GovernanceGraph
from svduty.governance._model import RelationKind
from svduty.governance._paths import upward
from svduty.governance._reorganise import Reorganised
from svduty.governance._rules import GovernanceRule
from svduty.governance._scenario import Scenario

__all__ = ["named_by_changes", "prefixes", "scenario_breaks"]


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
    *,
    at: Callable[[int], Findings | None] | None = None,
) -> Findings:
    """The what-if's findings, each new one saying which of the scenario's changes makes it.

    A finding is new when the partnership before the scenario has none like it (rule,
    ids and words). The changes that could make it are those that name one of its ids,
    or an id or district its words name (an abolition also names the records abolished
    with it; a district is also named by a change to a body that covered it in
    ``graph``, the graph before; a body without a reporting path, ``GOV-PATH``, by a
    change to a body its path went through). ``at(k)`` gives the findings after the
    first ``k`` changes alone (``None`` when they cannot be applied alone: a change names
    an area a later one creates), and only where one of those changes could make the
    finding is it asked: from the last of them back, the first one before which the
    finding is not there, and after which it is, is named (``; see changes[17]
    (abolish_authority)``). When that cannot be told (the finding is there before the
    first of them, is not there after the one before which it is absent, or the first
    changes cannot be applied alone) the message says so, naming them: ``; see the
    changes together: changes[7] (change_districts), ...``. Without ``at`` (or with
    one change only) they are named as where to look: ``; see changes[7]
    (change_districts), changes[8] (create_area)``. A finding no change names, or whose
    message already names a change, keeps its words.

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> w = p.what_if("lgr-two-unitaries")
        >>> print([f for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"][1].message)
        north-warwickshire-unitary has no specified authority of the 'Fire and rescue' table of Schedule 1 (before: warwickshire-fire-and-rescue-authority); see changes[17] (abolish_authority)
    """  # noqa: E501
    old = {_key(f) for f in before.findings}
    seen: dict[int, set[_Key] | None] = {0: old, len(changes): set(map(_key, findings.findings))}

    def present(k: int) -> set[_Key] | None:  # validated only when asked, once
        if k not in seen:
            got = at(k) if at is not None else None
            seen[k] = None if got is None else set(map(_key, got.findings))
        return seen[k]

    out = []
    for f in findings.findings:
        named = _naming(f, changes, after, graph)
        if _key(f) in old or not named or "changes[" in f.message:
            out.append(f)
            continue
        k = _maker(_key(f), named, present) if at is not None else None
        which = ", ".join(f"changes[{i}] ({changes[i].op})" for i in named)
        if k is not None:
            which = f"changes[{k}] ({changes[k].op})"
        elif at is not None:
            which = f"the changes together: {which}"
        out.append(attrs.evolve(f, message=f"{f.message}; see {which}"))
    return attrs.evolve(findings, findings=tuple(out))


_Key = tuple[str, tuple[str, ...], str]
"""A finding as the what-if compares it: its rule, ids and words."""


def _maker(key: _Key, named: list[int], present: Callable[[int], set[_Key] | None]) -> int | None:
    """The change of ``named`` before which ``key`` is absent and after which it is present.

    From the last of them back: a finding present before a change was made by an earlier
    one. ``None`` when that cannot be told (see :func:`named_by_changes`).

    Example:
        >>> states = {0: set(), 1: set(), 2: {"f"}, 3: {"f"}}
        >>> _maker("f", [0, 1, 2], states.get), _maker("f", [0], states.get)
        (1, None)
    """
    for i in reversed(named):
        was = present(i)
        if was is None:  # the first i changes cannot be applied alone
            return None
        if key in was:  # there before change i: an earlier change made it
            continue
        now = present(i + 1)
        return i if now is not None and key in now else None
    return None


def _key(f: Finding) -> _Key:
    return (f.rule, f.subjects, f.message)


def _naming(
    f: Finding, changes: Sequence[Change], after: Reorganised, graph: GovernanceGraph
) -> list[int]:
    """The changes that name one of a finding's ids, or an id or district its words name."""
    import networkx as nx  # as the checks import it: on first use

    names = [_ids(c) | set(after.abolished.get(i, ())) for i, c in enumerate(changes)]
    said = set(_WORD.findall(f.message))  # ids and districts the message names
    about = set(f.subjects) | said
    about.update(b.id for b in graph.bodies if said.intersection(b.districts))
    if f.rule == "GOV-PATH":  # the bodies its reports went up through
        up = upward((b.id for b in graph.bodies), graph.relations)
        about.update(*(nx.descendants(up, s) for s in f.subjects if s in up))
    return [i for i, ids in enumerate(names) if ids & about]


def prefixes(
    scenario: Scenario, applied: Callable[[Scenario], Findings]
) -> Callable[[int], Findings | None]:
    """``at`` of :func:`named_by_changes`: the findings after a scenario's first k changes.

    ``applied`` validates a scenario (the findings without pointers); ``None`` when the
    first k changes cannot be applied alone.

    Example:
        >>> from svduty.errors import Problem, ScenarioError
        >>> from svduty.governance import RemoveBody, Scenario
        >>> def applied(part):  # "b" alone cannot be applied: it names what "a" makes
        ...     if part.changes[-1].body == "b" and len(part.changes) < 2:
        ...         raise ScenarioError(Problem(message="no body b"))
        ...     return Findings((), (), tuple(c.body for c in part.changes))
        >>> at = prefixes(Scenario("s", "S", [RemoveBody("b"), RemoveBody("a")]), applied)
        >>> at(2).checked, at(1)
        (('b', 'a'), None)
    """

    def at(k: int) -> Findings | None:
        try:
            return applied(attrs.evolve(scenario, changes=scenario.changes[:k]))
        except SvdutyError:  # a change names what a later one makes: cannot be told
            return None

    return at


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
