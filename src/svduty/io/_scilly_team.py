"""The Isles of Scilly's youth offending team, as ``svduty init`` writes it: Cornwall's.

Crime and Disorder Act 1998 s.39(1) puts the duty to establish a team on "each local
authority"; s.42(1) names them (no Council of the Isles of Scilly among them), and s.42(2),
in force, says "For the purposes of those provisions, the Isles of Scilly form part of the
county of Cornwall" (s.42(2A) excepts only s.39A). So the islands' team is the one Cornwall
Council establishes, and Schedule 1 of the 2022 Act makes it a specified authority for each
local government area within Cornwall Council's area, the islands with it.

Example:
    >>> upper = {"E06000053": "isles-of-scilly-council"}
    >>> added = []
    >>> cornwall_for_scilly(upper, added.append, {"id": "cornwall-council", "citation": {}})
    >>> upper, [r["id"] for r in added]
    ({'E06000052': 'cornwall-council'}, ['cornwall-council'])
    >>> team_areas("E06000052")
    ['E06000052', 'E06000053']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["CORNWALL", "SCILLY", "cornwall_for_scilly", "team_areas"]

CORNWALL, SCILLY = "E06000052", "E06000053"

_DOUBT = (
    "recorded as the body that establishes the Isles of Scilly's youth offending team: for "
    "the Crime and Disorder Act 1998's youth justice provisions 'the Isles of Scilly form part "
    "of the county of Cornwall' (s.42(2)), and the Council of the Isles of Scilly is no local "
    "authority of s.42(1); Cornwall is not an area of this partnership; a unitary council is "
    "either a district council or a county council for an area with no district councils, "
    "which is not in the ONS tables"
)


def cornwall_for_scilly(
    upper: dict[str, str], add: Callable[[dict[str, Any]], None], cornwall: dict[str, Any]
) -> None:
    """Make Cornwall Council, not the Council of the Isles of Scilly, the islands' team's.

    ``upper`` maps each upper-tier area to the id of the council establishing its team;
    the islands' entry is dropped, and Cornwall Council's record (``cornwall``, from the
    ONS tables) is added with the reason when Cornwall is not already one of the areas.

    Example:
        >>> upper = {"E06000052": "cornwall-council", "E06000053": "isles-of-scilly-council"}
        >>> cornwall_for_scilly(upper, print, {})
        >>> upper
        {'E06000052': 'cornwall-council'}
    """
    if upper.pop(SCILLY, None) is None or CORNWALL in upper:
        return
    record = dict(cornwall, citation={**cornwall["citation"], "confidence": "unconfirmed"})
    record["citation"]["doubt"] = _DOUBT
    add(record)
    upper[CORNWALL] = record["id"]


def team_areas(area: str) -> list[str]:
    """The areas of the team an upper-tier area's council establishes (Cornwall's: Scilly too).

    Example:
        >>> team_areas("E10000031")
        ['E10000031']
    """
    return [area, SCILLY] if area == CORNWALL else [area]
