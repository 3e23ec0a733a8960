"""The immutable governance graph and the questions it answers."""

from __future__ import annotations

import html
import itertools
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from svduty.errors import GovernanceError, Problem, UnknownBodyError
from svduty.governance._model import (
    Body,
    BodyKind,
    BodyStatus,
    Level,
    Relation,
    RelationKind,
    Tier,
)
from svduty.sources import Citation

if TYPE_CHECKING:
    import networkx as nx

    from svduty.governance._diff import Diff
    from svduty.governance._scenario import ApplyLog, Scenario
    from svduty.governance._timetable import Timetable
    from svduty.governance._validate import Findings

__all__ = ["Accountability", "GovernanceGraph", "GraphAnswer"]

T = TypeVar("T")


@attrs.frozen(slots=True)
class Accountability:
    """One thing a body answers for, and through which body it comes to it.

    Attributes:
        what: The responsibility.
        body: The body that holds it (the body asked about, or one it oversees).
        via: The chain of bodies from the body asked about down to ``body``.
        citation: Where the responsibility is stated.

    Example:
        >>> from svduty.sources import cite
        >>> a = Accountability("x", "b", ("a", "b"), cite("pja-2006"))
        >>> a.direct
        False
    """

    what: str
    body: str
    via: tuple[str, ...]
    citation: Citation

    @property
    def direct(self) -> bool:
        """Whether the body asked about holds the responsibility itself.

        Example:
            >>> from svduty.sources import cite
            >>> Accountability("x", "a", ("a",), cite("pja-2006")).direct
            True
        """
        return len(self.via) == 1


@attrs.frozen(slots=True)
class GraphAnswer(Generic[T]):
    """An answer to a question about a graph, with the relations and citations it used.

    An answer is a sequence of its items, so it can be iterated and indexed.

    Attributes:
        question: The question, in words.
        items: The answer.
        relations: The relations the answer rests on.
        bodies: The bodies the answer rests on.

    Example:
        >>> from svduty.governance import GovernanceGraph
        >>> ans = GovernanceGraph.of([], []).find(level="local")
        >>> len(ans), ans.question
        (0, 'bodies with level=local')
    """

    question: str
    items: tuple[T, ...]
    relations: tuple[Relation, ...] = ()
    bodies: tuple[Body, ...] = ()

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The distinct citations of the relations and bodies used, in order.

        Example:
            >>> from svduty.governance import GovernanceGraph
            >>> GovernanceGraph.of([], []).find().citations
            ()
        """
        out: list[Citation] = [r.citation for r in self.relations]
        for b in self.bodies:
            out.extend(b.citations)
        return tuple(dict.fromkeys(out))

    def explain(self) -> str:
        """The answer as text: the question, the items, then the relations and sources.

        Example:
            >>> from svduty.governance import GovernanceGraph
            >>> print(GovernanceGraph.of([], []).find(kind="board").explain())
            Q: bodies with kind=board
            A: (none)
        """
        lines = [f"Q: {self.question}"]
        if not self.items:
            lines.append("A: (none)")
        for item in self.items:
            label = item.id if isinstance(item, Body) else item
            if isinstance(item, Accountability):
                label = f"{item.what} [{' > '.join(item.via)}]"
            lines.append(f"A: {label}")
        if self.relations:
            lines.append("because:")
            lines.extend(f"  {r} -- {r.citation}" for r in self.relations)
        cites = self.citations
        if cites:
            lines.append("sources:")
            for c in cites:
                doubt = f" (unconfirmed: {c.doubt})" if c.doubt else ""
                lines.append(f"  {c}{doubt}")
        return "\n".join(lines)


def _check(
    bodies: Sequence[Body], relations: Sequence[Relation], strict: bool
) -> tuple[dict[str, Body], list[Relation], list[Relation]]:
    problems: list[Problem] = []
    by_id: dict[str, Body] = {}
    for i, b in enumerate(bodies):
        if b.id in by_id:
            problems.append(Problem(field=f"bodies[{i}].id", message="duplicate body id", got=b.id))
        by_id[b.id] = b
    seen: set[tuple[str, str, str]] = set()
    good: list[Relation] = []
    dangling: list[Relation] = []
    for i, r in enumerate(relations):
        if r.key in seen:
            problems.append(
                Problem(field=f"relations[{i}]", message=f"duplicate relation {r}", got=r.kind)
            )
            continue
        seen.add(r.key)
        missing = [e for e in ("source", "target") if getattr(r, e) not in by_id]
        if missing:
            if strict:
                problems.extend(
                    Problem(
                        field=f"relations[{i}].{e}",
                        message="no body with this id",
                        got=getattr(r, e),
                    )
                    for e in missing
                )
            dangling.append(r)
        elif r.source == r.target:
            problems.append(
                Problem(field=f"relations[{i}]", message="a relation from a body to itself")
            )
        else:
            good.append(r)
    if problems:
        raise GovernanceError(problems)
    return by_id, good, dangling


def _tier_order(b: Body) -> tuple[int, str]:
    return ((list(Tier).index(b.tier) if b.tier else len(Tier)), b.id)


class GovernanceGraph:
    """A partnership's governance: bodies and the typed, cited relations between them.

    The graph is immutable: it wraps a private NetworkX ``MultiDiGraph`` (one edge per
    relation, keyed by its kind) that is never handed out, and every change
    (:meth:`apply`) returns a new graph.

    Build it with :meth:`of`; a bundle's ``governance.toml`` is read by
    :func:`svduty.io.load_governance() <svduty.io._governance.load_governance>`.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("warwickshire-partnership-agreement", "Governance Structure")
        >>> top = Body("board", "Board", BodyKind.BOARD, Level.COUNTYWIDE, c, Tier.STRATEGIC)
        >>> group = Body("group", "Group", BodyKind.GROUP, Level.LOCAL, c, Tier.OPERATIONAL)
        >>> g = GovernanceGraph.of([top, group], [Relation(RelationKind.OVERSEES,
        ...                                                  "board", "group", c)])
        >>> [b.id for b in g.overseers("group")]
        ['board']
        >>> len(g), "board" in g
        (2, True)
    """

    __slots__ = ("_dangling", "_g", "_hash", "_parts")

    def __init__(
        self,
        bodies: Iterable[Body] = (),
        relations: Iterable[Relation] = (),
        *,
        strict: bool = True,
    ) -> None:
        by_id, good, dangling = _check(list(bodies), list(relations), strict)
        self._parts = (
            tuple(sorted(by_id.values(), key=lambda b: b.id)),
            tuple(sorted(good, key=lambda r: r.key)),
        )
        self._g: nx.MultiDiGraph | None = None  # built on first use: see _graph
        self._dangling = tuple(sorted(dangling, key=lambda r: r.key))
        self._hash: int | None = None

    def _graph(self) -> nx.MultiDiGraph:
        """The NetworkX graph, built on first use (importing NetworkX takes about 0.1 s)."""
        if self._g is None:
            import networkx as nx

            g: nx.MultiDiGraph = nx.MultiDiGraph()
            bodies, relations = self._parts
            for b in bodies:
                g.add_node(b.id, body=b)
            for r in relations:
                g.add_edge(r.source, r.target, key=r.kind.value, relation=r)
            self._g = g
        return self._g

    @classmethod
    def of(
        cls, bodies: Iterable[Body], relations: Iterable[Relation], *, strict: bool = True
    ) -> GovernanceGraph:
        """Build a graph, checking ids are unique and relations point at known bodies.

        Args:
            bodies: The bodies.
            relations: The relations between them.
            strict: When ``False``, relations naming unknown bodies are kept aside (for
                :meth:`validate` to report) instead of raising.

        Raises:
            GovernanceError: on a duplicate body id or relation, a relation from a body
                to itself, or (when ``strict``) a relation to an unknown body.

        Example:
            >>> from svduty.sources import cite
            >>> c = cite("pja-2006", "s.19")
            >>> GovernanceGraph.of([], [Relation(RelationKind.FUNDS, "a", "b", c)])
            Traceback (most recent call last):
            ...
            svduty.errors.GovernanceError: relations[0].source: no body with this id (got 'a')
            relations[0].target: no body with this id (got 'b')
        """
        return cls(bodies, relations, strict=strict)

    # --- basic access -----------------------------------------------------------------

    @property
    def bodies(self) -> tuple[Body, ...]:
        """Every body, sorted by id.

        Example:
            >>> GovernanceGraph.of([], []).bodies
            ()
        """
        return tuple(data["body"] for _, data in self._graph().nodes(data=True))

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every relation between known bodies, sorted by key.

        Example:
            >>> GovernanceGraph.of([], []).relations
            ()
        """
        return tuple(
            sorted(
                (d["relation"] for _, _, d in self._graph().edges(data=True)), key=lambda r: r.key
            )
        )

    @property
    def dangling(self) -> tuple[Relation, ...]:
        """Relations naming a body that does not exist (only in non-strict graphs).

        Example:
            >>> GovernanceGraph.of([], []).dangling
            ()
        """
        return self._dangling

    def get(self, body_id: str) -> Body:
        """The body with an id.

        Raises:
            UnknownBodyError: if there is none.

        Example:
            >>> GovernanceGraph.of([], []).get("nobody")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownBodyError: unknown body: nobody
        """
        if body_id not in self._graph():
            raise UnknownBodyError(body_id)
        body: Body = self._graph().nodes[body_id]["body"]
        return body

    def relation(self, source: str, target: str, kind: RelationKind | str) -> Relation | None:
        """The relation of a kind from one body to another, if there is one.

        Example:
            >>> GovernanceGraph.of([], []).relation("a", "b", "oversees") is None
            True
        """
        data = self._graph().get_edge_data(source, target, RelationKind(kind).value)
        if data is None:
            return None
        found: Relation = data["relation"]
        return found

    def relations_of(self, body_id: str) -> tuple[Relation, ...]:
        """Every relation from or to a body.

        Example:
            >>> GovernanceGraph.of([], []).relations_of("x")
            Traceback (most recent call last):
            ...
            svduty.errors.UnknownBodyError: unknown body: x
        """
        self.get(body_id)
        out = [d["relation"] for _, _, d in self._graph().out_edges(body_id, data=True)]
        out += [d["relation"] for _, _, d in self._graph().in_edges(body_id, data=True)]
        return tuple(sorted(out, key=lambda r: r.key))

    def __contains__(self, body_id: object) -> bool:
        return body_id in self._graph()

    def __len__(self) -> int:
        return int(self._graph().number_of_nodes())

    def __iter__(self) -> Iterator[Body]:
        return iter(self.bodies)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GovernanceGraph):
            return NotImplemented
        return (self.bodies, self.relations, self._dangling) == (
            other.bodies,
            other.relations,
            other._dangling,
        )

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self.bodies, self.relations, self._dangling))
        return self._hash

    def __repr__(self) -> str:
        return f"<GovernanceGraph: {len(self)} bodies, {self._graph().number_of_edges()} relations>"

    def with_changes(
        self, bodies: Iterable[Body], relations: Iterable[Relation]
    ) -> GovernanceGraph:
        """A new graph with these bodies and relations (the dangling ones are kept).

        Example:
            >>> GovernanceGraph.of([], []).with_changes([], []) == GovernanceGraph.of([], [])
            True
        """
        return GovernanceGraph(bodies, [*relations, *self._dangling], strict=False)

    # --- questions --------------------------------------------------------------------

    def _parents(self, body_id: str) -> list[Relation]:
        """The accountability relations that put another body above ``body_id``."""
        out = [
            d["relation"]
            for _, _, k, d in self._graph().in_edges(body_id, keys=True, data=True)
            if k == RelationKind.OVERSEES.value
        ]
        out += [
            d["relation"]
            for _, _, k, d in self._graph().out_edges(body_id, keys=True, data=True)
            if k == RelationKind.REPORTS_TO.value
        ]
        return sorted(out, key=lambda r: r.key)

    @staticmethod
    def _above(r: Relation) -> str:
        return r.source if r.kind is RelationKind.OVERSEES else r.target

    def overseers(self, body_id: str) -> GraphAnswer[Body]:
        """Who oversees a body: the chain of oversight up to the top, nearest first.

        Follows ``oversees`` (from the overseer) and ``reports_to`` (to the body
        reported to) relations.

        Raises:
            UnknownBodyError: if the body is not in the graph.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [b.id for b in g.overseers("soc-tactical-group")]
            ['soc-joint-action-group', 'safer-warwickshire-partnership-board']
        """
        self.get(body_id)
        seen = {body_id}
        order: list[str] = []
        used: list[Relation] = []
        frontier = [body_id]
        while frontier:
            nxt: list[str] = []
            for b in frontier:
                for r in self._parents(b):
                    used.append(r)
                    up = self._above(r)
                    if up not in seen:
                        seen.add(up)
                        order.append(up)
                        nxt.append(up)
            frontier = nxt
        return GraphAnswer(
            f"who oversees {body_id}?",
            tuple(self.get(b) for b in order),
            tuple(used),
            (),
        )

    def accountable_for(self, body_id: str) -> GraphAnswer[Accountability]:
        """What a body is accountable for: its own duties and those of the bodies it oversees.

        Raises:
            UnknownBodyError: if the body is not in the graph.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [a.what for a in g.accountable_for("soc-joint-action-group") if a.direct][:2]
            ['the delivery of the Serious Violence Duty', 'the delivery plan']
        """
        self.get(body_id)
        items: list[Accountability] = []
        used: list[Relation] = []
        seen = {body_id}
        frontier: list[tuple[str, tuple[str, ...]]] = [(body_id, (body_id,))]
        while frontier:
            nxt: list[tuple[str, tuple[str, ...]]] = []
            for b, via in frontier:
                items.extend(
                    Accountability(r.what, b, via, r.citation) for r in self.get(b).responsibilities
                )
                below = [
                    rel
                    for rel in self.relations_of(b)
                    if rel.kind.accountability and self._above(rel) == b
                ]
                for rel in below:
                    child = rel.target if rel.kind is RelationKind.OVERSEES else rel.source
                    if child not in seen:
                        seen.add(child)
                        used.append(rel)
                        nxt.append((child, (*via, child)))
            frontier = nxt
        return GraphAnswer(
            f"what is {body_id} accountable for?", tuple(items), tuple(used), (self.get(body_id),)
        )

    def covering(self, district: str) -> GraphAnswer[Body]:
        """Which bodies cover a district (by GSS code).

        Example:
            >>> import svduty
            >>> [b.id for b in svduty.warwickshire().governance.covering("E07000220")
            ...  if b.kind == "community_safety_partnership"]
            ['rugby-csp-board']
        """
        found = tuple(b for b in self.bodies if b.covers(district))
        return GraphAnswer(f"which bodies cover {district}?", found, (), found)

    def referral_routes(self, body_id: str) -> GraphAnswer[Body]:
        """Where a referral from a body can go: every body reachable by ``refers_to``.

        Raises:
            UnknownBodyError: if the body is not in the graph.

        Example:
            >>> import svduty
            >>> [b.id for b in svduty.warwickshire().governance.referral_routes("rugby-vpog")]
            ['soc-tactical-group', 'sv-interventions-group']
        """
        self.get(body_id)
        order: list[str] = []
        used: list[Relation] = []
        seen = {body_id}
        frontier = [body_id]
        while frontier:
            nxt: list[str] = []
            for b in frontier:
                for _, t, k, d in sorted(self._graph().out_edges(b, keys=True, data=True)):
                    if k != RelationKind.REFERS_TO.value:
                        continue
                    used.append(d["relation"])
                    if t not in seen:
                        seen.add(t)
                        order.append(t)
                        nxt.append(t)
            frontier = nxt
        return GraphAnswer(
            f"where can a referral from {body_id} go?",
            tuple(self.get(b) for b in order),
            tuple(used),
        )

    def _upward(self) -> nx.DiGraph:
        import networkx as nx

        up: nx.DiGraph = nx.DiGraph()
        up.add_nodes_from(self._graph().nodes)
        for s, t, d in self._graph().edges(data=True):
            r: Relation = d["relation"]
            if r.kind is RelationKind.OVERSEES:
                up.add_edge(t, s, relation=r)
            elif r.kind.upward:
                up.add_edge(s, t, relation=r)
        return up

    def reporting_path(self, source: str, target: str) -> GraphAnswer[Body]:
        """The shortest reporting path from one body up to another.

        A step follows a relation that carries work or information upward
        (``reports_to``, ``refers_to``, ``supports``, ``leads_delivery_for``,
        ``member_of``) or an ``oversees`` relation read backwards. The answer is empty
        when there is no such path.

        Raises:
            UnknownBodyError: if either body is not in the graph.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [b.id for b in g.reporting_path("rugby-vpog",
            ...                                 "safer-warwickshire-partnership-board")]
            ['rugby-vpog', 'rugby-csp-board', 'safer-warwickshire-partnership-board']
        """
        self.get(source)
        self.get(target)
        import networkx as nx

        up = self._upward()
        question = f"reporting path from {source} to {target}"
        try:
            path: list[str] = nx.shortest_path(up, source, target)
        except nx.NetworkXNoPath:
            return GraphAnswer(question, ())
        rels = tuple(up.edges[a, b]["relation"] for a, b in itertools.pairwise(path))
        return GraphAnswer(question, tuple(self.get(b) for b in path), rels)

    def find(
        self,
        *,
        kind: BodyKind | str | None = None,
        level: Level | str | None = None,
        tier: Tier | str | None = None,
        status: BodyStatus | str | None = None,
    ) -> GraphAnswer[Body]:
        """All bodies of a kind, level, tier and/or status.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().governance.find(kind="community_safety_partnership"))
            4
        """
        crit: dict[str, Any] = {
            "kind": None if kind is None else BodyKind(kind),
            "level": None if level is None else Level(level),
            "tier": None if tier is None else Tier(tier),
            "status": None if status is None else BodyStatus(status),
        }
        crit = {k: v for k, v in crit.items() if v is not None}
        found = tuple(b for b in self.bodies if all(getattr(b, k) == v for k, v in crit.items()))
        words = ", ".join(f"{k}={v.value}" for k, v in crit.items()) or "any"
        return GraphAnswer(f"bodies with {words}", found, (), found)

    def oversight_cycles(self) -> tuple[tuple[str, ...], ...]:
        """The cycles of oversight (``oversees`` / ``reports_to``), each as body ids.

        Example:
            >>> GovernanceGraph.of([], []).oversight_cycles()
            ()
        """
        import networkx as nx

        acc: nx.DiGraph = nx.DiGraph()
        for s, t, k in self._graph().edges(keys=True):
            if k == RelationKind.OVERSEES.value:
                acc.add_edge(t, s)
            elif k == RelationKind.REPORTS_TO.value:
                acc.add_edge(s, t)
        cycles = [tuple(c) for c in nx.simple_cycles(acc)]
        return tuple(sorted(tuple(c[c.index(min(c)) :] + c[: c.index(min(c))]) for c in cycles))

    # --- change, compare, check -------------------------------------------------------

    def apply(self, scenario: Scenario) -> tuple[GovernanceGraph, ApplyLog]:
        """Apply a what-if scenario: a new graph and a log of what each change did.

        The graph itself never changes.

        Raises:
            ScenarioError: naming the change that cannot be applied.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> g2, log = g.apply(svduty.warwickshire().scenarios["jag-to-sv-strategic-board"])
            >>> g2.get("soc-joint-action-group").name
            'Serious Violence Strategic Board'
        """
        from svduty.governance._scenario import apply_scenario

        return apply_scenario(self, scenario)

    def diff(self, other: GovernanceGraph) -> Diff:
        """What changes from this graph to another: bodies, relations and coverage.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> g.diff(g).empty
            True
        """
        from svduty.governance._diff import diff_graphs

        return diff_graphs(self, other)

    def validate(
        self,
        strict: bool = False,
        *,
        districts: Iterable[str] | None = None,
        specified_authorities: Iterable[str] | None = None,
        timetable: Timetable | None = None,
    ) -> Findings:
        """Check the graph against the rules of a sound partnership governance.

        Args:
            strict: Count warnings as errors.
            districts: The district GSS codes of the partnership's area (default: every
                district some body covers).
            specified_authorities: Authority ids of the area's specified authorities;
                when given, each must be a member of an established strategic body.
            timetable: When given, the bodies it names must exist.

        Example:
            >>> import svduty
            >>> svduty.warwickshire().governance.validate().ok
            True
        """
        from svduty.governance._validate import validate_graph

        return validate_graph(
            self,
            strict=strict,
            districts=None if districts is None else tuple(districts),
            specified_authorities=(
                None if specified_authorities is None else tuple(specified_authorities)
            ),
            timetable=timetable,
        )

    # --- output -----------------------------------------------------------------------

    def to_text(self) -> str:
        """A readable listing: bodies by level and tier, then relations.

        Example:
            >>> print(GovernanceGraph.of([], []).to_text())
            Governance: 0 bodies, 0 relations
        """
        lines = [f"Governance: {len(self)} bodies, {len(self.relations)} relations"]
        for level in Level:
            group = [b for b in self.bodies if b.level is level]
            if not group:
                continue
            lines.append(f"{level.value}:")
            for b in sorted(group, key=_tier_order):
                extra = [b.kind.value, b.tier.value if b.tier else "-"]
                if b.status is not BodyStatus.ESTABLISHED:
                    extra.append(b.status.value)
                if b.cadence:
                    extra.append(b.cadence.value)
                lines.append(f"  {b.id}: {b.name} [{', '.join(extra)}]")
        if self.relations:
            lines.append("relations:")
            lines.extend(f"  {r}" for r in self.relations)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def to_dot(self) -> str:
        """The graph in Graphviz DOT, one cluster per level.

        Example:
            >>> GovernanceGraph.of([], []).to_dot().splitlines()[0]
            'digraph governance {'
        """

        def q(text: str) -> str:
            return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

        lines = ["digraph governance {", "  rankdir=TB;", "  node [shape=box];"]
        for level in Level:
            group = [b for b in self.bodies if b.level is level]
            if not group:
                continue
            lines.append(f"  subgraph cluster_{level.value} {{")
            lines.append(f"    label={q(level.value)};")
            for b in group:
                style = ' style="dashed"' if b.status is not BodyStatus.ESTABLISHED else ""
                lines.append(f"    {q(b.id)} [label={q(b.name)}{style}];")
            lines.append("  }")
        for r in self.relations:
            lines.append(f"  {q(r.source)} -> {q(r.target)} [label={q(r.kind.value)}];")
        lines.append("}")
        return "\n".join(lines)

    def to_mermaid(self) -> str:
        """The graph as a Mermaid flowchart, one subgraph per level.

        Example:
            >>> GovernanceGraph.of([], []).to_mermaid()
            'flowchart TB'
        """
        ids = {b.id: f"n{i}" for i, b in enumerate(self.bodies)}

        def label(text: str) -> str:
            return text.replace('"', "#quot;")

        lines = ["flowchart TB"]
        for level in Level:
            group = [b for b in self.bodies if b.level is level]
            if not group:
                continue
            lines.append(f"  subgraph {level.value}")
            lines.extend(f'    {ids[b.id]}["{label(b.name)}"]' for b in group)
            lines.append("  end")
        for r in self.relations:
            arrow = "-.->" if r.kind is RelationKind.LIAISES_WITH else "-->"
            lines.append(f"  {ids[r.source]} {arrow}|{r.kind.value}| {ids[r.target]}")
        return "\n".join(lines)

    def to_graphml(self) -> str:
        """The graph as GraphML text (attributes flattened to strings).

        Example:
            >>> "<graphml" in GovernanceGraph.of([], []).to_graphml()
            True
        """
        import networkx as nx

        flat: nx.MultiDiGraph = nx.MultiDiGraph()
        for b in self.bodies:
            flat.add_node(
                b.id,
                name=b.name,
                kind=b.kind.value,
                level=b.level.value,
                tier=b.tier.value if b.tier else "",
                status=b.status.value,
                area=b.area or "",
                districts=" ".join(b.districts),
                cadence=b.cadence.value if b.cadence else "",
                citation=str(b.citation),
            )
        for r in self.relations:
            flat.add_edge(
                r.source,
                r.target,
                key=r.kind.value,
                kind=r.kind.value,
                cadence=r.cadence.value if r.cadence else "",
                citation=str(r.citation),
                confidence=r.citation.confidence.value,
            )
        return "\n".join(['<?xml version="1.0" encoding="utf-8"?>', *nx.generate_graphml(flat)])

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph as a NetworkX ``MultiDiGraph`` (yours to change).

        Example:
            >>> GovernanceGraph.of([], []).to_networkx().number_of_nodes()
            0
        """
        return self._graph().copy()

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(b.level.value)}</td><td>{html.escape(b.tier or '')}</td>"
            f"<td><code>{html.escape(b.id)}</code></td><td>{html.escape(b.name)}</td>"
            f"<td>{html.escape(b.status.value)}</td></tr>"
            for b in sorted(self.bodies, key=lambda b: (b.level.rank, *_tier_order(b)))
        )
        return (
            f"<p><b>Governance graph</b>: {len(self)} bodies, "
            f"{len(self.relations)} relations</p>"
            "<table><tr><th>level</th><th>tier</th><th>id</th><th>name</th><th>status</th></tr>"
            f"{rows}</table>"
        )

    def _layers(
        self,
    ) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]], dict[str, float]]:
        """Positions in rows by level, then tier; labels staggered above and below."""
        pos: dict[str, tuple[float, float]] = {}
        label_pos: dict[str, tuple[float, float]] = {}
        row: dict[str, float] = {}
        y = 0.0
        for level in Level:
            for tier in (Tier.STRATEGIC, Tier.OPERATIONAL, None):
                group = [b for b in self.bodies if b.level is level and b.tier is tier]
                if not group:
                    continue
                row[f"{level.value} / {tier.value if tier else 'other'}"] = y
                for i, b in enumerate(group):
                    x = (i + 0.5) / len(group)
                    pos[b.id] = (x, y)
                    label_pos[b.id] = (x, y + (0.3 if i % 2 else -0.3))
                y -= 1.0
        return pos, label_pos, row

    def draw(
        self,
        *,
        ax: Any = None,
        path: str | Path | None = None,
        figsize: tuple[float, float] = (16.0, 10.0),
    ) -> Any:
        """Draw the graph with matplotlib, layered by level (national at the top).

        Needs matplotlib (``pip install 'svduty[plot]'``).

        Args:
            ax: The matplotlib axes to draw on (default: a new figure).
            path: When given, save the figure there (without ``ax``, the figure is made
                off-screen, without pyplot).
            figsize: The size of a new figure, in inches.

        Returns:
            The matplotlib axes.

        Raises:
            ImportError: if matplotlib is not installed, saying how to install it.

        Example:
            >>> import tempfile, pathlib
            >>> import svduty
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.png"
            >>> _ = svduty.warwickshire().governance.draw(path=out)
            >>> out.exists()
            True
        """
        try:
            from matplotlib.figure import Figure
        except ImportError as exc:
            raise ImportError(
                "GovernanceGraph.draw() needs matplotlib: pip install 'svduty[plot]'"
            ) from exc
        if ax is None and path is not None:
            # drawing straight to a file: no pyplot, so no global state is touched
            ax = Figure(figsize=figsize).subplots()
        elif ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=figsize)
        import networkx as nx

        layered: nx.MultiDiGraph = nx.MultiDiGraph()
        layered.add_nodes_from(b.id for b in self.bodies)
        layered.add_edges_from((r.source, r.target) for r in self.relations)
        pos, label_pos, row = self._layers()
        colours = {Tier.STRATEGIC: "#9ecae1", Tier.OPERATIONAL: "#a1d99b", None: "#dddddd"}
        nx.draw_networkx_nodes(
            layered,
            pos,
            ax=ax,
            node_color=[colours[self.get(n).tier] for n in layered.nodes],
            node_size=250,
        )
        nx.draw_networkx_edges(
            layered, pos, ax=ax, alpha=0.35, arrows=True, node_size=250, arrowsize=8
        )
        labels = {b.id: textwrap.fill(b.name, 22) for b in self.bodies}
        nx.draw_networkx_labels(layered, label_pos, labels=labels, font_size=5, ax=ax)
        for name, y in row.items():
            ax.text(-0.04, y, name, ha="right", va="center", fontsize=7, fontweight="bold")
        ax.set_axis_off()
        if path is not None:
            ax.figure.savefig(str(path), dpi=100)
        return ax
