"""A what-if that leaves an area with two chief officers of police, or two fire authorities.

The police and fire and rescue rows of Schedule 1 name an authority *for* an area, and
the law that makes those authorities gives each area one. England and Wales "shall be
divided into police areas" and "A police force shall be maintained for every police area"
(Police Act 1996 ss.1(1), 2(1)); its chief officer of police is "the chief constable" of
that force (s.101(1)), the force the commissioner must "secure the maintenance of ... for
that area" (Police Reform and Social Responsibility Act 2011 s.1(6)(a)). "The fire and
rescue authority for an area is the authority determined under this section" (Fire and
Rescue Services Act 2004 s.1(1)), the combination schemes (ss.2, 4) and the orders making a
commissioner the authority (ss.4A, 4B) replacing the authority s.1 determines (s.1(4)),
not adding one. A what-if that creates a new force or fire authority over an area and
keeps the old one (no ``abolish_authority``) describes an area the law does not have: an
error, naming both. A force is one for each *police area*: two chief officers of
police for different police areas, both serving a local government area that a what-if
makes lie in both, are each a specified authority for it (s.11(6)): no finding (law50).
Two records of one legal body (``same_body_as``), records whose periods do not meet, and
areas that had two before the changes are not findings.

Example:
    >>> import svduty
    >>> auth = svduty.warwickshire().authorities
    >>> one_per_area(auth, auth, "E07000220", ["E07000220"])
    ()
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from svduty.authorities import Authorities, Authority, AuthorityCategory, category_info
from svduty.authorities._authority import one_body
from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._rules import GOVERNANCE_RULES
from svduty.sources import Citation, cite

__all__ = ["ONE_PER_AREA", "one_per_area"]

ONE_PER_AREA: dict[AuthorityCategory, tuple[str, tuple[Citation, ...]]] = {
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE: (
        "one police force, and its chief constable, for each police area",
        (
            cite("police-act-1996", "s.2(1)"),
            cite("police-act-1996", "s.101(1), 'chief officer of police', (a)"),
            cite("prsra-2011", "s.1(6)(a)"),
        ),
    ),
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY: (
        "one fire and rescue authority for each area",
        (cite("frsa-2004", "s.1(1), (4)"),),
    ),
}
"""The Schedule 1 categories the law gives an area one of: what it says, and where."""

_BY_OWN_AREA = frozenset({AuthorityCategory.CHIEF_OFFICER_OF_POLICE})
"""The categories the law gives one of for each area of their own, not for each local
government area they serve: the Police Act 1996 maintains a force "for every police area"
(s.2(1)); a local government area lying in two police areas has two chief officers of
police, each a specified authority for it (s.11(6)), and that is no finding. Two fire and
rescue authorities serving one local government area stay a finding, as before: the
areas s.1 of the Fire and Rescue Services Act 2004 gives them are whole council areas or
combinations of them (s.1(2)-(4), s.2), so in the law as it stands no local government
area lies in two."""


def _serving(
    authorities: Authorities, category: AuthorityCategory, lga: str, on: _dt.date | None
) -> list[Authority]:
    """The records of ``category`` whose areas hold ``lga`` (through the join), on ``on``."""
    within = authorities.districts_within
    out: list[Authority] = []
    for a in authorities.items:
        if a.category is not category or (on is not None and on not in a.valid):
            continue
        if lga in {d for x in a.areas for d in (within(x) if within is not None else (x,))}:
            out.append(a)
    return out


def _together(records: Sequence[Authority], by_own_area: bool = False) -> list[Authority]:
    """The records that are two legal bodies at one time (empty if there are none).

    ``by_own_area``: only records for the same area of their own (a chief officer of
    police is one for each police area, not for each local government area: two forces,
    each for its own police area, may both be specified authorities for one local
    government area, s.11(6)).
    """
    out: list[Authority] = []
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if by_own_area and not set(a.areas) & set(b.areas):
                continue
            if not one_body(a, b) and a.valid.overlaps(b.valid):
                out.extend(x for x in (a, b) if x not in out)
    return out


def one_per_area(
    before: Authorities,
    after: Authorities,
    lga: str,
    was: Sequence[str],
    on: _dt.date | None = None,
) -> tuple[Finding, ...]:
    """An error for each category the changes leave ``lga`` two authorities of.

    Args:
        before: The authorities before the changes.
        after: The authorities after the changes (their join gives the new areas).
        lga: A local government area after the changes.
        was: The districts it was before (itself, or those it replaces): an area that
            already had two of a category is not the changes' doing.
        on: The day (``None``: every record whose period meets another's).

    Example:
        >>> import attrs, svduty
        >>> auth = svduty.warwickshire().authorities
        >>> police = auth.get("warwickshire-police")
        >>> two = attrs.evolve(auth, items=(*auth.items, attrs.evolve(police, id="p2")))
        >>> [f.subjects for f in one_per_area(auth, two, "E07000220", ["E07000220"])]
        [('E07000220', 'warwickshire-police', 'p2')]
    """
    rule = GOVERNANCE_RULES["GOV-SCHEDULE-1"]
    out: list[Finding] = []
    for category, (law, cites) in ONE_PER_AREA.items():
        own = category in _BY_OWN_AREA
        two = _together(_serving(after, category, lga, on), own)
        if not two or any(_together(_serving(before, category, d, on), own) for d in was):
            continue
        info = category_info(category)
        listed = ", ".join(named(a.id, "an id") for a in two)
        out.append(
            Finding(
                rule.id,
                Severity.ERROR,
                f"{named(lga, 'an id')} is left with {len(two)} authorities of the "
                f"'{info.table}' table of Schedule 1 at once: {listed} (the law gives {law}; "
                "is the one it replaces not abolished?)",
                (rule.citation, info.citation, *cites),
                (lga, *(a.id for a in two)),
                data=(
                    ("table", f"'{info.table}' table"),
                    ("together", ", ".join(a.id for a in two)),
                ),
            )
        )
    return tuple(out)
