"""The immutable governance graph and the questions it answers.

The graph delegates what-if changes to :mod:`~svduty.governance._scenario`, comparison to
:mod:`~svduty.governance._diff`, checks to :mod:`~svduty.governance._validate` and output
to :mod:`~svduty.governance._render`; none of those imports this module.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from svduty._arguments import choice_argument
from svduty._checked import checked_methods
from svduty.errors import GovernanceError, Problem, UnknownBodyError
from svduty.findings import Findings
from svduty.governance._diff import Diff, diff_graphs
from svduty.governance._model import (
    Body,
    Relation,
    RelationKind,
)
from svduty.governance._paths import holding_on, oversight_cycles, upward
from svduty.governance._queries import GraphQuestions
from svduty.governance._render import draw, graph_html, to_dot, to_graphml, to_mermaid, to_text
from svduty.governance._rules import GovernanceRule
from svduty.governance._scenario import ApplyLog, Scenario, apply_scenario
from svduty.governance._timetable import Timetable
from svduty.governance._validate import validate_graph, validate_on
from svduty.periods import date

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GovernanceGraph"]


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
                Problem(
                    field=f"relations[{i}]", message=f"duplicate relation {r.named()}", got=r.kind
                )
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


@checked_methods
class GovernanceGraph(GraphQuestions):
    """A partnership's governance: bodies and the typed, cited relations between them.

    The graph is immutable: it wraps a private NetworkX ``MultiDiGraph`` (one edge per
    relation, keyed by its kind) that is never handed out, and every change
    (:meth:`apply`) returns a new graph.

    Build it with :meth:`of`; a bundle's ``governance.toml`` is read by
    :func:`svduty.io.load_governance`.

    Example:
        >>> from svduty.sources import cite
        >>> from svduty.governance import Body, BodyKind, Level, Relation, RelationKind, Tier
        >>> c = cite("svd-guidance")
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
        return self._parts[0]  # sorted by id when the graph was made; it never changes

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every relation between known bodies, sorted by key.

        Example:
            >>> GovernanceGraph.of([], []).relations
            ()
        """
        return self._parts[1]  # sorted by key when the graph was made; it never changes

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
        wanted = choice_argument(kind, RelationKind, "GovernanceGraph.relation(kind)")
        data = self._graph().get_edge_data(source, target, wanted.value)
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

    def as_at(self, day: _dt.date | str) -> GovernanceGraph:
        """The graph of the bodies and relations whose records hold on a day.

        A body or relation with a ``valid`` period outside the day is left out, and so
        is every relation naming a body left out; records with no period hold on any
        day. The graph itself is returned when every record holds.

        Example:
            >>> from svduty.sources import cite
            >>> from svduty.periods import Period
            >>> from svduty.governance import Body, BodyKind, Level
            >>> term = Period.from_last_day("2023-01-31", "2025-03-31")
            >>> g = GovernanceGraph.of([Body("a", "A", BodyKind.GROUP, Level.LOCAL,
            ...                              cite("svd-guidance"), valid=term)], [])
            >>> len(g.as_at("2024-06-01")), len(g.as_at("2025-04-01"))
            (1, 0)
        """
        bodies, relations = holding_on(self.bodies, (*self.relations, *self._dangling), date(day))
        if len(bodies) == len(self.bodies) and len(relations) == len(self.relations) + len(
            self._dangling
        ):
            return self
        return GovernanceGraph(bodies, relations, strict=False)

    def _upward(self) -> nx.DiGraph:
        return upward(self._graph().nodes, self.relations)

    def oversight_cycles(self) -> tuple[tuple[str, ...], ...]:
        """The cycles of oversight (``oversees`` / ``reports_to``), each as body ids.

        Example:
            >>> GovernanceGraph.of([], []).oversight_cycles()
            ()
        """
        return oversight_cycles(self.relations)

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
        bodies, relations, log = apply_scenario(self, scenario)
        return self.with_changes(bodies, relations), log

    def diff(self, other: GovernanceGraph) -> Diff:
        """What changes from this graph to another: bodies, relations and coverage.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> g.diff(g).empty
            True
        """
        return diff_graphs(self, other)

    def validate(
        self,
        strict: bool = False,
        *,
        districts: Iterable[str] | None = None,
        specified_authorities: Iterable[str] | None = None,
        timetable: Timetable | None = None,
        rules: Iterable[GovernanceRule] = (),
        on: _dt.date | str | None = None,
    ) -> Findings:
        """Check the graph against national law and the partnership's declared rules.

        The national rules (:data:`~svduty.governance.GOVERNANCE_RULES`) always run. The
        checks of a partnership's practice (``GOV-PATH``, ``GOV-GRANT``, ...; see
        :data:`~svduty.governance.PRACTICE_CHECKS`) run only when ``rules`` declares them
        with their citation, as a bundle's ``governance.toml`` does; the others are
        reported as skipped. :meth:`Partnership.validate_governance()
        <svduty.partnership.Partnership.validate_governance>` passes the partnership's
        facts and rules.

        Args:
            strict: Count warnings as errors.
            districts: The district GSS codes of the partnership's area (default: every
                district some body covers).
            specified_authorities: Authority ids of the area's specified authorities;
                when given, each must be a member of an established strategic body.
            timetable: When given, the bodies it names must exist.
            rules: The practice rules to check, each with its citation.
            on: Check the graph of the records that hold on this day (:meth:`as_at`);
                default: every record, whatever its period. A finding only a record
                that does not hold on the day causes is a warning ``not known: ...``,
                not a breach (a record's end is not a record that the body ceased).

        Raises:
            GovernanceError: if a rule names no check svduty has, or cites legislation
                (a partnership's practice cites its own documents; national law is
                :data:`~svduty.governance.GOVERNANCE_RULES`).

        Example:
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> res = p.governance.validate(rules=p.governance_rules)
            >>> res.ok, "GOV-PATH" in res.checked
            (True, True)
        """
        facts: dict[str, Any] = {
            "districts": None if districts is None else tuple(districts),
            "specified_authorities": (
                None if specified_authorities is None else tuple(specified_authorities)
            ),
            "timetable": timetable,
            "rules": tuple(rules),
        }
        if on is None:
            return validate_graph(self, strict=strict, **facts)
        return validate_on(self, self.as_at(on), date(on), strict=strict, **facts)

    # --- output -----------------------------------------------------------------------

    def to_text(self) -> str:
        """A readable listing: bodies by level and tier, then relations.

        Example:
            >>> print(GovernanceGraph.of([], []).to_text())
            Governance: 0 bodies, 0 relations
        """
        return to_text(self)

    def __str__(self) -> str:
        return self.to_text()

    def to_dot(self) -> str:
        """The graph in Graphviz DOT, one cluster per level.

        Example:
            >>> GovernanceGraph.of([], []).to_dot().splitlines()[0]
            'digraph governance {'
        """
        return to_dot(self)

    def to_mermaid(self) -> str:
        """The graph as a Mermaid flowchart, one subgraph per level.

        Example:
            >>> GovernanceGraph.of([], []).to_mermaid()
            'flowchart TB'
        """
        return to_mermaid(self)

    def to_graphml(self) -> str:
        """The graph as GraphML text (attributes flattened to strings).

        Example:
            >>> "<graphml" in GovernanceGraph.of([], []).to_graphml()
            True
        """
        return to_graphml(self)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph as a NetworkX ``MultiDiGraph`` (yours to change).

        Example:
            >>> GovernanceGraph.of([], []).to_networkx().number_of_nodes()
            0
        """
        return self._graph().copy()

    def _repr_html_(self) -> str:
        return graph_html(self)

    def draw(
        self,
        *,
        ax: Any = None,
        path: str | Path | None = None,
        figsize: tuple[float, float] = (16.0, 10.0),
        diff: Diff | None = None,
    ) -> Any:
        """Draw the graph with matplotlib, layered by level (national at the top).

        Edges are coloured by relation kind, with a legend; labels are wrapped and put
        above and below their bodies in turn so that they do not overlap. Needs
        matplotlib (``pip install matplotlib``).

        Args:
            ax: The matplotlib axes to draw on (default: a new figure).
            path: When given, save the figure there (without ``ax``, the figure is made
                off-screen, without pyplot).
            figsize: The size of a new figure, in inches.
            diff: What a scenario changed (``old.diff(self)``): added bodies and relations
                are drawn in green and thick, changed ones in orange, removed bodies
                listed under the drawing.

        Returns:
            The matplotlib axes.

        Raises:
            ImportError: if matplotlib is not installed, saying how to install it.

        Example:
            >>> import tempfile, pathlib
            >>> import svduty
            >>> p = svduty.warwickshire()
            >>> two, _ = p.governance.apply(p.scenarios["lgr-two-unitaries"])
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.png"
            >>> _ = two.draw(path=out, diff=p.governance.diff(two))
            >>> out.exists()
            True
        """
        return draw(self, ax=ax, path=path, figsize=figsize, diff=diff)
