"""Citations of what a scenario changes: never surer than the records they carry on.

Example:
    >>> from svduty.sources import cite
    >>> kept_members_citation(cite("svd-guidance", "y"), None, ["police"]).provision
    'y'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from svduty.errors import quote
from svduty.sources import Citation, Confidence

if TYPE_CHECKING:
    from svduty.governance._model import Body

__all__ = ["kept_members_citation", "not_a_member", "recited", "unsourced"]

_SURER = (Confidence.CONFIRMED, Confidence.SECONDARY, Confidence.UNCONFIRMED)


def not_a_member(member: str, body: Body) -> str:
    """Why ``member`` cannot leave ``body``: not among its members, or none is recorded.

    A board whose members the bundle does not list may well have ``member`` on it (facts
    are an open world): that is said, with how to record the membership, never "not a
    member".

    Example:
        >>> from svduty import warwickshire
        >>> g = warwickshire().governance
        >>> print(not_a_member("warwickshire-pcc", g.get("rugby-csp-board"))[:58])
        'warwickshire-pcc' is not a member of 'rugby-csp-board' (i
        >>> print(not_a_member("x", g.get("safer-warwickshire-partnership-board"))[:70])
        'x' cannot leave 'safer-warwickshire-partnership-board': the bundle re
    """
    if not body.members:
        return (
            f"{quote(member)} cannot leave {quote(body.id)}: the bundle records none of its "
            "members (whether it is one is not known); record the board's membership from the "
            "partnership's documents first (members and members_citation in governance.toml)"
        )
    members = ", ".join(body.members)
    return f"{quote(member)} is not a member of {quote(body.id)} (its members: {members})"


def kept_members_citation(citation: Citation, old: Citation | None, kept: list[str]) -> Citation:
    """A changed membership's citation, never surer than the source of the members it keeps.

    The scenario names who joins or leaves; the members kept rest on the old source, so
    its doubt goes on with them (a policy review: adding one member "confirmed" the
    unconfirmed rest).

    Example:
        >>> from svduty.sources import Confidence, cite
        >>> old = cite("svd-guidance", "x", confidence=Confidence.UNCONFIRMED, doubt="not listed")
        >>> c = kept_members_citation(cite("svd-guidance", "y"), old, ["police"])
        >>> c.confidence.value, c.doubt
        ('unconfirmed', 'the members kept (1) rest on svd-guidance, x: not listed')
    """
    if old is None or not kept or _SURER.index(old.confidence) <= _SURER.index(citation.confidence):
        return citation
    doubt = (
        f"the members kept ({len(kept)}) rest on {_where(old)}: {old.doubt or old.confidence.value}"
    )
    return _doubted(citation, old.confidence, doubt)


def unsourced(old: Citation, what: str) -> Citation:
    """The citation of a fact a what-if changed without a source: ``old``, unconfirmed.

    A scenario that cites nothing still changes the record (a chair, members, districts);
    the document that stated the fact as it was does not state the new one, so it is kept
    only as the last source, with the doubt saying so (a policy review: a youth offending
    team added to a board went on citing the Crime and Disorder Act's list, confirmed).

    Example:
        >>> from svduty.sources import cite
        >>> c = unsourced(cite("cda-1998", "s.5(1)"), "its members")
        >>> c.confidence.value, c.doubt
        ('unconfirmed', 'its members changed by a what-if that cites no source: cda-1998, s.5(1) states the record as it was')
    """  # noqa: E501
    said = f"{what} changed by a what-if that cites no source"
    doubt = f"{said}: {_where(old)} states the record as it was"
    return _doubted(old, Confidence.UNCONFIRMED, doubt)


def _where(cited: Citation) -> str:
    return f"{cited.source.id}, {cited.provision}" if cited.provision else cited.source.id


def _doubted(cited: Citation, confidence: Confidence, doubt: str) -> Citation:
    """``cited`` at ``confidence``, ``doubt`` added to any it had."""
    if cited.doubt is not None and doubt in cited.doubt:  # said once (a change made again)
        return attrs.evolve(cited, confidence=confidence)
    joined = doubt if cited.doubt is None else f"{cited.doubt.rstrip('.')}; {doubt}"
    return attrs.evolve(cited, confidence=confidence, doubt=joined)


def recited(old: Body, new: Body, citation: Citation | None, before: Mapping[str, Body]) -> Body:
    """``new``, its changed coverage citing the scenario's ``citation``.

    The document that stated ``old``'s coverage does not state the new one: without a
    scenario citation it is kept, unconfirmed, as the last source (:func:`unsourced`);
    coverage back as the record had it is cited as the record was. Members keep theirs: a
    member's seat is moved, not newly stated (``change_body`` cites the scenario for a
    seat it adds).
    """
    was = before.get(new.id)
    if was is not None and set(new.districts) == set(was.districts) and new.area == was.area:
        return attrs.evolve(new, coverage_citation=was.coverage_citation)
    if set(new.districts) == set(old.districts) and new.area == old.area:
        return new
    if citation is None:
        citation = unsourced(old.coverage_citation or old.citation, "its districts")
    return attrs.evolve(new, coverage_citation=citation)
