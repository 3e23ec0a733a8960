"""Words around an area's name that are not its name: a council's style, a police force's.

``svduty init --area`` takes a GSS code or an area's name as the ONS tables write it. A
user also writes a council as it styles itself ("City of Westminster") and a police force
area by its force's name, as police.uk's ``Falls within`` column and the force's own site
have it ("Thames Valley Police", "Cumbria Constabulary", "City of London Police", "Heddlu
Gogledd Cymru"). The force's name stands for its police force area.

Example:
    >>> from svduty.areas import Geography
    >>> force_area(Geography.england_and_wales(), "Thames Valley Police").id
    'E23000029'
"""

from __future__ import annotations

from svduty.areas import Area, AreaKind, Geography, normalise_name

__all__ = ["STYLE_WORDS", "force_area", "outside_force"]

STYLE_WORDS = frozenset(
    {"the", "city", "of", "royal", "borough", "london", "county", "metropolitan", "district"}
    | {"council", "and"}
)
"""Words of a council's style, not of its place's name (a national review)."""

_FORCE_WORDS = frozenset({"police", "constabulary", "service", "heddlu"})
"""Words of a police force's name, not of its area's ('Heddlu': police, in Welsh)."""

_SAME_AREA = {
    "gogledd cymru": "north wales",  # Heddlu Gogledd Cymru: North Wales Police
    "de cymru": "south wales",  # Heddlu De Cymru: South Wales Police
    "hampshire and isle of wight": "hampshire",  # the force's name since 2022
}
"""A force's name (its force words taken away) that is not its area's, and the area's."""


def _core(name: str) -> str:
    """A name without its force words, normalised, its words in order.

    Example:
        >>> _core("City of London Police"), _core("London, City of")
        ('city london of', 'city london of')
    """
    words = set(normalise_name(name).split()) - _FORCE_WORDS
    return " ".join(sorted(words))


def force_area(geo: Geography, name: str) -> Area | None:
    """The police force area a police force's name stands for, or ``None``.

    Only a name with a force's word in it ("Police", "Constabulary", "Police Service",
    "Heddlu") is read so: "Kent" stays the county.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [force_area(geo, n).name for n in ("City of London Police", "Heddlu Gogledd Cymru",
        ...  "Cumbria Constabulary", "Metropolitan Police Service")]
        ['London, City of', 'North Wales', 'Cumbria', 'Metropolitan Police']
        >>> force_area(geo, "Kent"), force_area(geo, "Police Scotland")
        (None, None)
    """
    words = set(normalise_name(name).split())
    if not words & _FORCE_WORDS:
        return None
    core = " ".join(sorted(words - _FORCE_WORDS))
    for given, area_name in _SAME_AREA.items():
        if core == " ".join(sorted(given.split())):
            core = _core(area_name)
    for area in geo.all(AreaKind.POLICE_FORCE_AREA):
        if core and _core(area.name) == core:
            return area
    return None


_OUTSIDE = frozenset(
    {"police scotland", "police service of scotland", "police service of northern ireland"}
    | {"psni", "royal ulster constabulary"}
)
"""Forces of Scotland and Northern Ireland, where Part 2 Chapter 1 does not extend."""


def outside_force(name: str) -> str:
    """A note for a force of Scotland or Northern Ireland (else nothing).

    Example:
        >>> outside_force("Police Scotland")
        ' (the Duty does not extend to Scotland or Northern Ireland)'
        >>> outside_force("Kent Police")
        ''
    """
    if normalise_name(name) in _OUTSIDE:
        return " (the Duty does not extend to Scotland or Northern Ireland)"
    return ""
