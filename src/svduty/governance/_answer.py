"""Answers to questions about a governance graph, with the relations and sources used."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs

from svduty.governance._model import Body, Relation
from svduty.sources import Citation

__all__ = ["Accountability", "GraphAnswer"]

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
