"""What the graph's questions, checks and drawings read: a read-only view and its paths.

:class:`GraphView` is the part of :class:`~svduty.governance.GovernanceGraph` that the
diff, validation and rendering modules use, so they depend on this module and the model,
never on the graph module (no import cycle). The path functions work on relations alone.

Example:
    >>> from svduty.sources import cite
    >>> from svduty.governance._model import Relation, RelationKind
    >>> c = cite("cda-1998", "s.5")
    >>> oversight_cycles([Relation(RelationKind.OVERSEES, "a", "b", c),
    ...                   Relation(RelationKind.REPORTS_TO, "a", "b", c)])
    (('a', 'b'),)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from svduty.governance._model import Body, Relation, RelationKind

if TYPE_CHECKING:
    import networkx as nx
    import pendulum

__all__ = ["GraphView", "holding_on", "oversight_cycles", "upward"]


class GraphView(Protocol):
    """The read-only questions a governance graph answers (what checks and drawings need).

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> isinstance(GovernanceGraph.of([], []).bodies, tuple)
        True
    """

    @property
    def bodies(self) -> tuple[Body, ...]:
        """Every body, sorted by id."""

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every relation between known bodies, sorted by key."""

    @property
    def dangling(self) -> tuple[Relation, ...]:
        """Relations naming a body that does not exist."""

    def get(self, body_id: str) -> Body:
        """The body with an id."""

    def relation(self, source: str, target: str, kind: RelationKind | str) -> Relation | None:
        """The relation of a kind from one body to another, if there is one."""

    def relations_of(self, body_id: str) -> tuple[Relation, ...]:
        """Every relation from or to a body."""

    def __contains__(self, body_id: object) -> bool:
        """Whether a body of that id is in the graph."""


def oversight_cycles(relations: Iterable[Relation]) -> tuple[tuple[str, ...], ...]:
    """The cycles of oversight (``oversees`` / ``reports_to``) among relations, as body ids.

    Each cycle starts at its smallest id; the cycles are sorted.

    Example:
        >>> oversight_cycles([])
        ()
    """
    import networkx as nx  # imported on first use: it takes about 0.1 s

    acc: nx.DiGraph = nx.DiGraph()
    for r in relations:
        if r.kind is RelationKind.OVERSEES:
            acc.add_edge(r.target, r.source)
        elif r.kind is RelationKind.REPORTS_TO:
            acc.add_edge(r.source, r.target)
    cycles = [tuple(c) for c in nx.simple_cycles(acc)]
    return tuple(sorted(tuple(c[c.index(min(c)) :] + c[: c.index(min(c))]) for c in cycles))


def upward(bodies: Iterable[str], relations: Iterable[Relation]) -> nx.DiGraph:
    """The reporting direction: an edge from each body towards the bodies it reports up to.

    Relations that carry work or information upward (``reports_to``, ``refers_to``,
    ``supports``, ``leads_delivery_for``, ``member_of``) keep their direction; an
    ``oversees`` relation is read backwards. Each edge carries its ``relation``.

    Example:
        >>> from svduty.sources import cite
        >>> up = upward(["a", "b"], [Relation(RelationKind.OVERSEES, "a", "b", cite("cda-1998"))])
        >>> list(up.edges)
        [('b', 'a')]
    """
    import networkx as nx

    up: nx.DiGraph = nx.DiGraph()
    up.add_nodes_from(bodies)
    for r in relations:
        if r.kind is RelationKind.OVERSEES:
            up.add_edge(r.target, r.source, relation=r)
        elif r.kind.upward:
            up.add_edge(r.source, r.target, relation=r)
    return up


def holding_on(
    bodies: Iterable[Body], relations: Iterable[Relation], day: pendulum.Date
) -> tuple[list[Body], list[Relation]]:
    """The bodies and relations whose records hold on a day.

    A relation is dropped when it does not hold, or when a body it names does not;
    a relation naming a body that does not exist at all is kept (for ``GOV-REF``).
    """
    bodies = list(bodies)
    gone = {b.id for b in bodies if not b.holds_on(day)}
    kept = [b for b in bodies if b.id not in gone]
    rels = [
        r for r in relations if r.holds_on(day) and r.source not in gone and r.target not in gone
    ]
    return kept, rels
