"""One check of ``same_body_as`` links, for every route by which records become a collection.

Records of one legal body in several capacities (a county council and the same council as
its county's fire and rescue authority, Fire and Rescue Services Act 2004 s.1(2)(a)) are
joined by ``same_body_as``. The rules read two records at a time
(:func:`~svduty.authorities._authority.one_body`: one names the other, or both name one
main record), so the records of one body must each name the body's main record, which
names none. A chain (``a`` names ``b``, which names ``c``) or a loop would make
``one_body(a, c)`` false though ``a`` and ``c`` are one body, and s.9(1), s.9(4)(a) and
s.16(1) ("another person") would then answer wrongly.

The rule is checked here once, and applied wherever records become a collection: a
bundle's ``authorities.toml`` (:func:`svduty.io.load_authorities`, a ``BundleError``
naming the file), :class:`~svduty.authorities.Authorities` built in code (a
``ConflictError``, as for two records with one id) and a what-if's authorities after each
change (:func:`~svduty.governance.reorganise`, a ``ScenarioError`` naming the change and
the records). The messages are the same; the class says what was given (a file, records
given together, a scenario's change), as it does for a repeated id (law53).

Example:
    >>> [(f.index, f.kind) for f in link_faults(["cc", "fra", "svc"], [None, "cc", "fra"])]
    [(2, 'chain')]
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from svduty.errors import Problem

__all__ = ["CHAIN", "LOOP", "LinkFault", "link_faults", "link_problems"]

LOOP = (
    "comes back to this record: the records of one body each name its main record, which names none"
)
"""The message for a record whose ``same_body_as`` links come back to it."""

CHAIN = (
    "names a record that itself names another: the records of one body each name its main "
    "record, which names none"
)
"""The message for a record whose ``same_body_as`` names a record that names another."""


@attrs.frozen(slots=True)
class LinkFault:
    """A record whose ``same_body_as`` breaks the rule, and how.

    Attributes:
        index: The record's index among those checked.
        kind: ``"loop"`` (following the links comes back to it, itself named included)
            or ``"chain"`` (it names a record that names another).
        route: For a chain, the ids followed from the record, itself first:
            ``("a", "b", "c")``; for a loop, the loop's ids in the order they name each
            other, one tuple shared by every record on it (so a loop of ``n`` records
            costs ``n``, not ``n`` squared: recheck53).
        start: For a loop, the record's place in ``route``.

    Example:
        >>> LinkFault(0, "loop", ("b", "a"), 1).path
        ('a', 'b', 'a')
    """

    index: int
    kind: str
    route: tuple[str, ...]
    start: int = 0

    @property
    def path(self) -> tuple[str, ...]:
        """The ids followed from the record, itself first (and last, for a loop).

        Example:
            >>> LinkFault(0, "chain", ("a", "b", "c")).path
            ('a', 'b', 'c')
        """
        if self.kind != "loop":
            return self.route
        r, at = self.route, self.start
        return (*r[at:], *r[:at], r[at])

    @property
    def message(self) -> str:
        """The problem's message: :data:`LOOP` or :data:`CHAIN`.

        Example:
            >>> LinkFault(0, "chain", ("a", "b", "c")).message == CHAIN
            True
            >>> LinkFault(0, "loop", ("a",)).message == LOOP
            True
        """
        return LOOP if self.kind == "loop" else CHAIN

    @property
    def links(self) -> str:
        """The links followed, in words, naming the records (ids are not personal data).

        Example:
            >>> LinkFault(0, "chain", ("a", "b", "c")).links
            "'a' names 'b', which names 'c'"
        """
        first, *rest = self.path
        return f"{first!r} names " + ", which names ".join(repr(x) for x in rest)


def link_faults(ids: Sequence[str], links: Sequence[str | None]) -> list[LinkFault]:
    """The records whose ``same_body_as`` makes a loop or a chain, in the records' order.

    ``ids[i]`` is a record's id and ``links[i]`` its ``same_body_as``. A link to an id not
    among ``ids`` is not followed (a bundle's file refuses it by its own rule; a
    collection kept for a day, :meth:`~svduty.authorities.Authorities.as_at`, may leave
    out the main record of a record that holds). Each record is walked once: linear time,
    a loop's ids held once for all its records (recheck53; before, each record followed
    the links to their end, and 8,000 records in a loop took 9 s of CPU).

    Example:
        >>> [(f.kind, f.path) for f in link_faults(["a", "b"], ["b", "a"])]
        [('loop', ('a', 'b', 'a')), ('loop', ('b', 'a', 'b'))]
        >>> link_faults(["cc", "fra", "svc"], [None, "cc", "cc"])
        []
    """
    named = dict(zip(ids, links, strict=True))
    loops: dict[str, tuple[tuple[str, ...], int]] = {}  # a record on a loop: (loop, place)
    done: set[str] = set()
    for first in named:  # each record walked once: the links make a functional graph
        walk: dict[str, int] = {}
        at: str | None = first
        while at is not None and at in named and at not in done and at not in walk:
            walk[at] = len(walk)
            at = named[at]
        if at is not None and at in walk:  # the walk came back to one of its own records
            loop = tuple(walk)[walk[at] :]
            loops.update((own, (loop, k)) for k, own in enumerate(loop))
        done.update(walk)
    out = []
    for i, (own, link) in enumerate(zip(ids, links, strict=True)):
        if link is None or link not in named:
            continue
        if own in loops:
            out.append(LinkFault(i, "loop", *loops[own]))
        elif named[link] is not None:
            out.append(LinkFault(i, "chain", (own, link, str(named[link]))))
    return out


def link_problems(
    ids: Sequence[str], links: Sequence[str | None], file: str | None = None
) -> dict[int, Problem]:
    """The :func:`link_faults` as problems naming ``authorities[i].same_body_as``, by ``i``.

    The loader and :class:`~svduty.authorities.Authorities` report them alike (the field,
    the message, and for a chain the record named).

    Example:
        >>> for p in link_problems(["cc", "fra", "svc"], [None, "cc", "fra"], "a.toml").values():
        ...     print(p)
        a.toml: authorities[2].same_body_as: names a record that itself names another: the records of one body each name its main record, which names none (got 'fra')
    """  # noqa: E501
    return {
        f.index: Problem(
            file=file,
            field=f"authorities[{f.index}].same_body_as",
            message=f.message,
            got=f.path[1] if f.kind == "chain" else None,
        )
        for f in link_faults(ids, links)
    }
