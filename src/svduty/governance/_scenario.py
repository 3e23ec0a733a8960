"""What-if scenarios: named lists of typed changes to a governance graph."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

import attrs
import pendulum

from svduty.errors import GovernanceError, Problem, ScenarioError, quote
from svduty.governance._model import Body, Cadence, Relation, RelationKind, Responsibility
from svduty.sources import Citation

if TYPE_CHECKING:
    from svduty.governance._graph import GovernanceGraph

__all__ = [
    "AddBody",
    "AddRelation",
    "ApplyLog",
    "Change",
    "ChangeCadence",
    "ChangeDistricts",
    "LogEntry",
    "Merge",
    "MoveUnder",
    "RemoveBody",
    "RemoveRelation",
    "Rename",
    "Scenario",
]


def _tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(slots=True)
class AddBody:
    """Add a body.

    Example:
        >>> AddBody.op
        'add_body'
    """

    op: ClassVar[str] = "add_body"
    body: Body
    reason: str | None = None


@attrs.frozen(slots=True)
class RemoveBody:
    """Remove a body and every relation from or to it.

    Example:
        >>> RemoveBody("chief-officers-group").body
        'chief-officers-group'
    """

    op: ClassVar[str] = "remove_body"
    body: str
    reason: str | None = None


@attrs.frozen(slots=True)
class AddRelation:
    """Add a relation between two existing bodies.

    Example:
        >>> AddRelation.op
        'add_relation'
    """

    op: ClassVar[str] = "add_relation"
    relation: Relation
    reason: str | None = None


@attrs.frozen(slots=True)
class RemoveRelation:
    """Remove the relation of a kind from one body to another.

    Example:
        >>> RemoveRelation("a", "b", RelationKind.OVERSEES).kind.value
        'oversees'
    """

    op: ClassVar[str] = "remove_relation"
    source: str
    target: str
    kind: RelationKind
    reason: str | None = None


@attrs.frozen(slots=True)
class Rename:
    """Give a body a new name (its id stays).

    Example:
        >>> Rename("soc-joint-action-group", "Serious Violence Strategic Board").op
        'rename'
    """

    op: ClassVar[str] = "rename"
    body: str
    name: str
    reason: str | None = None


@attrs.frozen(slots=True)
class Merge:
    """Merge ``absorb`` into ``keep``: relations move over, coverage and members join.

    Relations that would become a body's relation to itself are dropped; where both
    bodies had the same relation to a third, ``keep``'s is kept.

    Example:
        >>> Merge("rugby-csp-board", "north-warwickshire-csp-board").op
        'merge'
    """

    op: ClassVar[str] = "merge"
    keep: str
    absorb: str
    name: str | None = None
    reason: str | None = None


@attrs.frozen(slots=True)
class MoveUnder:
    """Put a body under another: its ``oversees`` relations are replaced by one from ``parent``.

    The new relation cites the change's citation, else the scenario's.

    Example:
        >>> MoveUnder("soc-tactical-group", "safer-warwickshire-partnership-board").op
        'move_under'
    """

    op: ClassVar[str] = "move_under"
    body: str
    parent: str
    citation: Citation | None = None
    reason: str | None = None


@attrs.frozen(slots=True)
class ChangeCadence:
    """Change how often a body meets or, with ``target`` and ``kind``, a relation recurs.

    Example:
        >>> ChangeCadence("soc-tactical-group", Cadence.MONTHLY).cadence.value
        'monthly'
    """

    op: ClassVar[str] = "change_cadence"
    body: str
    cadence: Cadence | None
    target: str | None = None
    kind: RelationKind | None = None
    reason: str | None = None


@attrs.frozen(slots=True)
class ChangeDistricts:
    """Change which districts a body covers (and, optionally, the area it serves).

    Example:
        >>> ChangeDistricts("rugby-csp-board", ("E07000220",)).districts
        ('E07000220',)
    """

    op: ClassVar[str] = "change_districts"
    body: str
    districts: tuple[str, ...] = attrs.field(converter=_tuple)
    area: str | None = None
    reason: str | None = None


Change = (
    AddBody
    | RemoveBody
    | AddRelation
    | RemoveRelation
    | Rename
    | Merge
    | MoveUnder
    | ChangeCadence
    | ChangeDistricts
)
"""One typed change of a :class:`Scenario`."""

CHANGE_TYPES: dict[str, type[Change]] = {
    c.op: c
    for c in (
        AddBody,
        RemoveBody,
        AddRelation,
        RemoveRelation,
        Rename,
        Merge,
        MoveUnder,
        ChangeCadence,
        ChangeDistricts,
    )
}


@attrs.frozen(slots=True)
class Scenario:
    """A named, serialisable what-if: a list of changes applied in order.

    Attributes:
        name: A short id, such as ``"lgr-two-unitaries"``.
        title: A one-line title.
        changes: The changes, applied in order.
        description: What the scenario explores and what it assumes.
        effective: The day the change would take effect, where known.
        citation: Where the scenario comes from; new relations cite it unless their
            change has a citation of its own.

    Example:
        >>> s = Scenario("tidy", "Tidy up", (RemoveBody("chief-officers-group"),))
        >>> len(s.changes)
        1
    """

    name: str
    title: str
    changes: tuple[Change, ...] = attrs.field(converter=tuple)
    description: str | None = None
    effective: pendulum.Date | None = None
    citation: Citation | None = None


@attrs.frozen(slots=True)
class LogEntry:
    """What one change did.

    Example:
        >>> LogEntry(0, RemoveBody("x"), "removed x").message
        'removed x'
    """

    index: int
    change: Change
    message: str


@attrs.frozen(slots=True)
class ApplyLog:
    """The log of applying a scenario: one entry per change, in order.

    Example:
        >>> print(ApplyLog("s", (LogEntry(0, RemoveBody("x"), "removed x"),)))
        scenario s:
          [0] remove_body: removed x
    """

    scenario: str
    entries: tuple[LogEntry, ...]

    def __str__(self) -> str:
        lines = [f"scenario {self.scenario}:"]
        lines += [f"  [{e.index}] {e.change.op}: {e.message}" for e in self.entries]
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.entries)


class _Work:
    """A mutable working copy of a graph's bodies and relations while a scenario runs."""

    def __init__(self, graph: GovernanceGraph) -> None:
        self.bodies: dict[str, Body] = {b.id: b for b in graph.bodies}
        self.relations: dict[tuple[str, str, str], Relation] = {r.key: r for r in graph.relations}

    def need(self, body_id: str, field: str) -> Body:
        if body_id not in self.bodies:
            raise _Fail(field, f"no body with id {quote(body_id)}")
        return self.bodies[body_id]

    def add_relation(self, r: Relation, field: str) -> None:
        self.need(r.source, f"{field}.source")
        self.need(r.target, f"{field}.target")
        if r.source == r.target:
            raise _Fail(field, "a relation from a body to itself")
        if r.key in self.relations:
            raise _Fail(field, f"relation {r} already exists")
        self.relations[r.key] = r


def _unique(items: tuple[Responsibility, ...]) -> tuple[Responsibility, ...]:
    out: list[Responsibility] = []
    for r in items:
        if r not in out:
            out.append(r)
    return tuple(out)


class _Fail(Exception):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message


def _apply_one(w: _Work, change: Change, scenario: Scenario) -> str:
    if isinstance(change, AddBody):
        if change.body.id in w.bodies:
            raise _Fail("body.id", f"a body with id {quote(change.body.id)} already exists")
        w.bodies[change.body.id] = change.body
        return f"added {change.body.id}"
    if isinstance(change, RemoveBody):
        w.need(change.body, "body")
        del w.bodies[change.body]
        gone = [k for k in w.relations if change.body in k[:2]]
        for k in gone:
            del w.relations[k]
        return f"removed {change.body} and {len(gone)} relation(s)"
    if isinstance(change, AddRelation):
        w.add_relation(change.relation, "relation")
        return f"added {change.relation}"
    if isinstance(change, RemoveRelation):
        key = (change.source, change.target, change.kind.value)
        if key not in w.relations:
            raise _Fail(
                "kind",
                f"no relation {quote(change.source)} {change.kind} {quote(change.target)}",
            )
        del w.relations[key]
        return f"removed {change.source} {change.kind} {change.target}"
    if isinstance(change, Rename):
        b = w.need(change.body, "body")
        if not change.name.strip():
            raise _Fail("name", "an empty name")
        w.bodies[b.id] = attrs.evolve(b, name=change.name)
        return f"renamed {b.id}: {b.name!r} -> {change.name!r}"
    if isinstance(change, Merge):
        keep = w.need(change.keep, "keep")
        absorb = w.need(change.absorb, "absorb")
        if keep.id == absorb.id:
            raise _Fail("absorb", f"cannot merge {quote(keep.id)} with itself")
        moved = dropped = 0
        for key in [k for k in w.relations if absorb.id in k[:2]]:
            r = w.relations.pop(key)
            new = attrs.evolve(
                r,
                source=keep.id if r.source == absorb.id else r.source,
                target=keep.id if r.target == absorb.id else r.target,
            )
            if new.source == new.target or new.key in w.relations:
                dropped += 1
            else:
                w.relations[new.key] = new
                moved += 1
        del w.bodies[absorb.id]
        w.bodies[keep.id] = attrs.evolve(
            keep,
            name=change.name or keep.name,
            districts=tuple(sorted(set(keep.districts) | set(absorb.districts))),
            members=tuple(dict.fromkeys((*keep.members, *absorb.members))),
            responsibilities=_unique(keep.responsibilities + absorb.responsibilities),
            aliases=tuple(
                dict.fromkeys(
                    a
                    for a in (*keep.aliases, keep.name, absorb.name, *absorb.aliases)
                    if a != (change.name or keep.name)
                )
            ),
        )
        return f"merged {absorb.id} into {keep.id}: {moved} relation(s) moved, {dropped} dropped"
    if isinstance(change, MoveUnder):
        w.need(change.body, "body")
        w.need(change.parent, "parent")
        citation = change.citation or scenario.citation
        if citation is None:
            raise _Fail("citation", "the new relation needs a citation (on the change or scenario)")
        old = [k for k in w.relations if k[1] == change.body and k[2] == RelationKind.OVERSEES]
        for k in old:
            del w.relations[k]
        w.add_relation(
            Relation(RelationKind.OVERSEES, change.parent, change.body, citation), "parent"
        )
        return f"{change.parent} now oversees {change.body} ({len(old)} oversight line(s) replaced)"
    if isinstance(change, ChangeCadence):
        b = w.need(change.body, "body")
        if (change.target is None) != (change.kind is None):
            raise _Fail("kind", "give both target and kind to change a relation's cadence")
        if change.target is not None and change.kind is not None:
            key = (change.body, change.target, change.kind.value)
            if key not in w.relations:
                raise _Fail(
                    "target",
                    f"no relation {quote(change.body)} {change.kind} {quote(change.target)}",
                )
            w.relations[key] = attrs.evolve(w.relations[key], cadence=change.cadence)
            return f"cadence of {w.relations[key]}"
        w.bodies[b.id] = attrs.evolve(b, cadence=change.cadence)
        return f"cadence of {b.id}: {b.cadence} -> {change.cadence}"
    b = w.need(change.body, "body")
    w.bodies[b.id] = attrs.evolve(
        b, districts=change.districts, area=change.area if change.area is not None else b.area
    )
    return f"districts of {b.id}: {list(b.districts)} -> {list(change.districts)}"


def apply_scenario(graph: GovernanceGraph, scenario: Scenario) -> tuple[GovernanceGraph, ApplyLog]:
    """Apply a scenario to a graph; see :meth:`GovernanceGraph.apply`.

    Raises:
        ScenarioError: naming the change (``changes[i]``) that failed; nothing is changed.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> apply_scenario(GovernanceGraph.of([], []), Scenario("s", "S", (RemoveBody("x"),)))
        Traceback (most recent call last):
        ...
        svduty.errors.ScenarioError: scenario s: changes[0].body: remove_body: no body with id 'x'
    """
    from svduty.governance._graph import GovernanceGraph

    w = _Work(graph)
    entries: list[LogEntry] = []
    cycles_before = set(graph.oversight_cycles())
    for i, change in enumerate(scenario.changes):
        try:
            message = _apply_one(w, change, scenario)
            trial = GovernanceGraph(w.bodies.values(), w.relations.values(), strict=False)
        except _Fail as fail:
            raise ScenarioError(
                [
                    Problem(
                        field=f"changes[{i}].{fail.field}", message=f"{change.op}: {fail.message}"
                    )
                ],
                context=None,
            ).with_file(f"scenario {scenario.name}") from None
        except GovernanceError as exc:  # pragma: no cover - _Work checks first
            raise ScenarioError(exc.problems).with_file(f"scenario {scenario.name}") from None
        new_cycles = set(trial.oversight_cycles()) - cycles_before
        if new_cycles:
            cycle = " -> ".join(min(new_cycles))
            raise ScenarioError(
                [
                    Problem(
                        field=f"changes[{i}]",
                        message=f"{change.op}: creates an oversight cycle: {cycle}",
                    )
                ]
            ).with_file(f"scenario {scenario.name}")
        entries.append(LogEntry(i, change, message))
    result = graph.with_changes(w.bodies.values(), w.relations.values())
    return result, ApplyLog(scenario.name, tuple(entries))
