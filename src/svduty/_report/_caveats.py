"""The report's caveats: what its counts can and cannot say (the page's "Caveats" section).

Example:
    >>> from svduty.definitions import STATUTE
    >>> caveats(STATUTE)[0].startswith("Locations are anonymised")
    True
"""

from __future__ import annotations

from svduty.definitions import Definition

__all__ = ["caveats"]


def caveats(definition: Definition) -> list[str]:
    """The caveats of a report against ``definition``, one paragraph each.

    Example:
        >>> from svduty.definitions import STATUTE
        >>> any("pcsc-s13" in c for c in caveats(STATUTE))
        True
    """
    return [
        "Locations are anonymised: police.uk moves each crime to the nearest of a set of map "
        "points, and the LSOA is that point's. Counts by LSOA are approximate; counts by "
        "district are reliable except near boundaries.",
        "Answers are at category level: police.uk gives a crime type, not an offence, and no "
        "ages, relationships or weapons. Where a category mixes offences that are and are not "
        "serious violence, or the facts that make any crime violence are not given (a theft by "
        "a partner is domestic abuse, economic abuse, and so violence: s.13(3)(a)(i)), the "
        "answer is undetermined, not guessed. Certain counts are a floor; possible counts a "
        "ceiling that can hold almost every row.",
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
