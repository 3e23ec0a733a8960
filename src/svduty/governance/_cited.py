"""Citations of what a scenario changes: never surer than the records they carry on.

Example:
    >>> from svduty.sources import cite
    >>> kept_members_citation(cite("svd-guidance", "y"), None, ["police"]).provision
    'y'
"""

from __future__ import annotations

import attrs

from svduty.sources import Citation, Confidence

__all__ = ["kept_members_citation"]

_SURER = (Confidence.CONFIRMED, Confidence.SECONDARY, Confidence.UNCONFIRMED)


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
    where = f"{old.source.id}, {old.provision}" if old.provision else old.source.id
    doubt = f"the members kept ({len(kept)}) rest on {where}: {old.doubt or old.confidence.value}"
    return attrs.evolve(
        citation,
        confidence=old.confidence,
        doubt=doubt if citation.doubt is None else f"{citation.doubt}; {doubt}",
    )
