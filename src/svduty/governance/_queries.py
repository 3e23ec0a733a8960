"""The questions a governance graph answers: who oversees whom, paths, coverage, referrals.

:class:`GraphQuestions` is the part of :class:`~svduty.governance.GovernanceGraph` that
walks the graph; the graph class supplies its bodies and relations.

Example:
    >>> import svduty
    >>> [b.id for b in svduty.warwickshire().governance.overseers("soc-tactical-group")][:1]
    ['soc-joint-action-group']
"""

from __future__ import annotations

import datetime as _dt
import itertools
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from svduty.errors import GovernanceError
from svduty.governance._answer import Accountability, GraphAnswer
from svduty.governance._model import Body, BodyKind, BodyStatus, Level, Relation, RelationKind, Tier
from svduty.periods import date

if TYPE_CHECKING:
    import networkx as nx

T = TypeVar("T")

__all__ = ["GraphQuestions"]


class GraphQuestions:
    """Questions about a graph, answered with the relations and citations they rest on.

    Example:
        >>> import svduty
        >>> len(svduty.warwickshire().governance.find(level="national")) > 0
        True
    """

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def bodies(self) -> tuple[Body, ...]: ...

        @property
        def relations(self) -> tuple[Relation, ...]: ...

        def get(self, body_id: str) -> Body: ...

        def relations_of(self, body_id: str) -> tuple[Relation, ...]: ...

        def _upward(self) -> nx.DiGraph: ...

        def as_at(self, day: _dt.date | str) -> GraphQuestions: ...

    def _at(self, on: _dt.date | str, *body_ids: str) -> tuple[GraphQuestions, str]:
        """The graph of the records holding on a day, after checking the bodies asked about do."""
        day = date(on)
        for body_id in body_ids:
            body = self.get(body_id)
            if not body.holds_on(day):
                raise GovernanceError.single(
                    None,
                    "on",
                    expected=f"a day the record of {body_id} holds ({body.valid})",
                    got=day.isoformat(),
                )
        return self.as_at(day), day.isoformat()

    @staticmethod
    def _on(answer: GraphAnswer[T], day: str) -> GraphAnswer[T]:
        return attrs.evolve(answer, question=f"{answer.question} (on {day})")

    def _parents(self, body_id: str) -> list[Relation]:
        """The accountability relations that put another body above ``body_id``."""
        return [
            r
            for r in self.relations_of(body_id)
            if (r.kind is RelationKind.OVERSEES and r.target == body_id)
            or (r.kind is RelationKind.REPORTS_TO and r.source == body_id)
        ]

    @staticmethod
    def _above(r: Relation) -> str:
        return r.source if r.kind is RelationKind.OVERSEES else r.target

    def overseers(self, body_id: str, *, on: _dt.date | str | None = None) -> GraphAnswer[Body]:
        """Who oversees a body: the chain of oversight up to the top, nearest first.

        Follows ``oversees`` (from the overseer) and ``reports_to`` (to the body
        reported to) relations.

        Args:
            body_id: The body.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Raises:
            UnknownBodyError: if the body is not in the graph.
            GovernanceError: if the body's record does not hold on the day ``on``.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [b.id for b in g.overseers("soc-tactical-group")]
            ['soc-joint-action-group', 'safer-warwickshire-partnership-board']
        """
        if on is not None:
            g, day = self._at(on, body_id)
            return self._on(g.overseers(body_id), day)
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

    def accountable_for(
        self, body_id: str, *, on: _dt.date | str | None = None
    ) -> GraphAnswer[Accountability]:
        """What a body is accountable for: its own duties and those of the bodies it oversees.

        Args:
            body_id: The body.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Raises:
            UnknownBodyError: if the body is not in the graph.
            GovernanceError: if the body's record does not hold on the day ``on``.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [a.what for a in g.accountable_for("soc-joint-action-group") if a.direct][:2]
            ['the delivery of the Serious Violence Duty', 'the delivery plan']
        """
        if on is not None:
            g, day = self._at(on, body_id)
            return self._on(g.accountable_for(body_id), day)
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

    def covering(self, district: str, *, on: _dt.date | str | None = None) -> GraphAnswer[Body]:
        """Which bodies cover a district (by GSS code).

        Args:
            district: The district's GSS code.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Example:
            >>> import svduty
            >>> [b.id for b in svduty.warwickshire().governance.covering("E07000220")
            ...  if b.kind == "community_safety_partnership"]
            ['rugby-csp-board']
        """
        if on is not None:
            g, day = self._at(on)
            return self._on(g.covering(district), day)
        found = tuple(b for b in self.bodies if b.covers(district))
        return GraphAnswer(f"which bodies cover {district}?", found, (), found)

    def referral_routes(
        self, body_id: str, *, on: _dt.date | str | None = None
    ) -> GraphAnswer[Body]:
        """Where a referral from a body can go: every body reachable by ``refers_to``.

        Args:
            body_id: The body.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Raises:
            UnknownBodyError: if the body is not in the graph.
            GovernanceError: if the body's record does not hold on the day ``on``.

        Example:
            >>> import svduty
            >>> [b.id for b in svduty.warwickshire().governance.referral_routes("rugby-vpog")]
            ['soc-tactical-group', 'sv-interventions-group']
        """
        if on is not None:
            g, day = self._at(on, body_id)
            return self._on(g.referral_routes(body_id), day)
        self.get(body_id)
        order: list[str] = []
        used: list[Relation] = []
        seen = {body_id}
        frontier = [body_id]
        while frontier:
            nxt: list[str] = []
            for b in frontier:
                for r in self.relations_of(b):
                    if r.kind is not RelationKind.REFERS_TO or r.source != b:
                        continue
                    used.append(r)
                    t = r.target
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

    def reporting_path(
        self, source: str, target: str, *, on: _dt.date | str | None = None
    ) -> GraphAnswer[Body]:
        """The shortest reporting path from one body up to another.

        A step follows a relation that carries work or information upward
        (``reports_to``, ``refers_to``, ``supports``, ``leads_delivery_for``,
        ``member_of``) or an ``oversees`` relation read backwards. The answer is empty
        when there is no such path.

        Args:
            source: The body the path starts from.
            target: The body it reaches.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Raises:
            UnknownBodyError: if either body is not in the graph.
            GovernanceError: if either body's record does not hold on the day ``on``.

        Example:
            >>> import svduty
            >>> g = svduty.warwickshire().governance
            >>> [b.id for b in g.reporting_path("rugby-vpog",
            ...                                 "safer-warwickshire-partnership-board")]
            ['rugby-vpog', 'rugby-csp-board', 'safer-warwickshire-partnership-board']
        """
        if on is not None:
            g, day = self._at(on, source, target)
            return self._on(g.reporting_path(source, target), day)
        self.get(source)
        self.get(target)
        import networkx as nx  # imported on first use: it takes about 0.1 s

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
        on: _dt.date | str | None = None,
    ) -> GraphAnswer[Body]:
        """All bodies of a kind, level, tier and/or status.

        Args:
            kind: The kind of body.
            level: Its level.
            tier: Its tier.
            status: Its status.
            on: Answer with the records that hold on this day (see
                :meth:`~svduty.governance.GovernanceGraph.as_at`); default: every record.

        Example:
            >>> import svduty
            >>> len(svduty.warwickshire().governance.find(kind="community_safety_partnership"))
            4
        """
        if on is not None:
            g, day = self._at(on)
            return self._on(g.find(kind=kind, level=level, tier=tier, status=status), day)
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
