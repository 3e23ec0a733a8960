"""The report's caveats: what its counts can and cannot say (the page's "Caveats" section).

Example:
    >>> from svduty.definitions import STATUTE
    >>> caveats(STATUTE)[0].startswith("Locations are anonymised")
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from svduty.areas import AreaKind, Geography
from svduty.definitions import Definition
from svduty.sources import Confidence

__all__ = ["caveats"]


def caveats(
    definition: Definition, geography: Geography | None = None, months: Sequence[str] = ()
) -> list[str]:
    """The caveats of a report against ``definition``, one paragraph each.

    With the partnership's ``geography`` and the report's ``months``, also what its police
    areas are (:func:`_police_areas`).

    Example:
        >>> from svduty.definitions import STATUTE
        >>> any("pcsc-s13" in c for c in caveats(STATUTE))
        True
    """
    police = _police_areas(geography, months) if geography is not None else []
    return [*police, *_general(definition)]


def _police_areas(geography: Geography, months: Sequence[str]) -> list[str]:
    """What the police area column is, where the partnership records command areas.

    The rows are placed by their district in the command areas as the bundle records them
    now, whatever the row's month: a caveat says from when the areas are recorded (rows of
    earlier months are shown in them too) and that the districts' links to them are not
    confirmed, where their citations say so.

    Example:
        >>> import svduty
        >>> geo = svduty.warwickshire().geography
        >>> print(_police_areas(geo, ["2019-01", "2025-06"])[0])  # doctest: +ELLIPSIS
        Police areas: rows inside the area are shown in the force's command areas as recorded from 2023-04-01 (3 areas)...
        >>> _police_areas(geo, ["2025-06"])[0].count("before")
        0
    """  # noqa: E501
    commands = [a for a in geography.areas if a.kind is AreaKind.POLICE_COMMAND_AREA]
    if not commands:
        return []
    start = max(a.valid.start for a in commands).isoformat()
    text = (
        f"Police areas: rows inside the area are shown in the force's command areas as "
        f"recorded from {start} ({len(commands)} areas), by their district; rows outside "
        "the area in their police force area."
    )
    if months and min(months) < start[:7]:
        text += (
            f" Rows of months before {start[:7]} are shown in the command areas too, though "
            "the bundle records the areas only from then."
        )
    ids = {a.id for a in commands}
    links = [m for m in geography.memberships if m.parent in ids]
    if any(m.citation.confidence is not Confidence.CONFIRMED for m in links):
        text += (
            " Which districts lie in which command area is not confirmed (the bundle's "
            "citations say why): read these counts as an estimate."
        )
    return [text]


def _general(definition: Definition) -> list[str]:
    """The caveats every report has."""
    return [
        "Locations are anonymised: police.uk moves each crime to the nearest of a set of map "
        "points, and the LSOA is that point's. Counts by LSOA are approximate; counts by "
        "district are reliable except near boundaries.",
        "Answers are at category level: police.uk gives a crime type, not an offence, and no "
        "ages, relationships or weapons. Where a category mixes offences that are and are not "
        "within the definition, or the facts that make any crime violence are not given (a "
        "theft by a partner is domestic abuse, economic abuse, and so violence: "
        "s.13(3)(a)(i)), the answer is undetermined, not guessed. Certain counts are a floor; "
        "possible counts a ceiling that can hold almost every row.",
        f"Answers are against the definition “{definition.title}” ({definition.id}). Another "
        "definition gives other bounds.",
        "Anti-social behaviour rows are police.uk incidents, not recorded crimes; they are "
        "classified like the rest.",
        "A force reports some crimes located outside its own area; they are listed separately "
        "and not counted in the area's totals.",
        "police.uk's older months use the 2011 LSOAs and its newer months the 2021 LSOAs (the "
        "notes say which each month's codes are): an LSOA split or merged in 2021 is counted "
        "under its 2011 code in the older months and under its 2021 codes in the newer, so "
        "its rows are in more than one line of the LSOA tables and "
        "hotspots (add them up over the codes of one place, or compare months of one "
        "vintage). Deprivation deciles describe the area where a crime was placed, not the "
        "people involved; the 2011 and 2021 LSOAs are ranked by different indices.",
        "Months with few rows give unstable shares; read changes between months with care.",
    ]
