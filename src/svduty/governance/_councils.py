"""A what-if that leaves a local government area with councils no area has together.

An area has one council, or (two-tier) one county council and one district council:
Schedule 1's local government rows name the council *for* the area. A what-if that merges
districts and abolishes one council but forgets another leaves the forgotten council
serving the new area beside the new one, and the s.11(6) join finds nothing missing: said
here as a warning (a continuing council, the only one of its kind for the new area, is
lawful and is not one).

Example:
    >>> import svduty
    >>> auth = svduty.warwickshire().authorities  # Rugby: its borough and county councils
    >>> [a.id for a in _councils(auth, "E07000220", None)]
    ['warwickshire-county-council', 'rugby-borough-council']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from svduty.authorities import Authorities, Authority, AuthorityCategory, category_info
from svduty.authorities._authority import one_body
from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._rules import GOVERNANCE_RULES

__all__ = ["councils_together"]

_TWO_TIER = frozenset({AuthorityCategory.COUNTY_COUNCIL, AuthorityCategory.DISTRICT_COUNCIL})
"""The one pair of councils an area may have: a county council and a district council."""


def _councils(authorities: Authorities, lga: str, on: _dt.date | None) -> list[Authority]:
    """The councils whose areas lie in ``lga`` (through the join), each legal body once.

    Every council's own areas are taken through ``districts_within`` whatever its row's
    join rule: a district council of a district the changes replaced lies in the new area.
    """
    within = authorities.districts_within
    out: list[Authority] = []
    for a in authorities.items:
        if category_info(a.category).table != "Local government":
            continue
        if on is not None and on not in a.valid:
            continue
        areas = {d for x in a.areas for d in (within(x) if within is not None else (x,))}
        if lga in areas and not any(one_body(a, b) for b in out):
            out.append(a)
    return out


def _together(councils: Sequence[Authority]) -> bool:
    """Whether these councils can serve one area together (one, or county and district)."""
    kinds = [c.category for c in councils]
    return len(kinds) < 2 or (len(kinds) == 2 and set(kinds) == _TWO_TIER)


def councils_together(
    before: Authorities,
    after: Authorities,
    lga: str,
    was: Sequence[str],
    on: _dt.date | None = None,
) -> tuple[Finding, ...]:
    """A warning when the changes leave ``lga`` with councils no area has together.

    Args:
        before: The authorities before the changes.
        after: The authorities after the changes (their join gives the new areas).
        lga: A local government area after the changes.
        was: The districts it was before (itself, or those it replaces): councils that
            already served one of them together are not the changes' doing.
        on: The day (``None``: every record, whatever its period).

    Example:
        >>> import svduty
        >>> auth = svduty.warwickshire().authorities
        >>> councils_together(auth, auth, "E07000220", ["E07000220"])
        ()
    """
    councils = _councils(after, lga, on)
    if _together(councils) or any(not _together(_councils(before, d, on)) for d in was):
        return ()
    rule = GOVERNANCE_RULES["GOV-SCHEDULE-1"]
    cites = (rule.citation, *dict.fromkeys(category_info(c.category).citation for c in councils))
    listed = ", ".join(
        f"{named(c.id, 'an id')} ({c.category.value.replace('_', ' ')})" for c in councils
    )
    return (
        Finding(
            rule.id,
            Severity.WARNING,
            f"{named(lga, 'an id')} is left with councils no local government area has "
            f"together: {listed} (one council, or a county council and a district council; "
            "is a council of a district it replaces not abolished?)",
            cites,
            (lga, *(c.id for c in councils)),
            data=(("councils", ", ".join(c.id for c in councils)),),
        ),
    )
