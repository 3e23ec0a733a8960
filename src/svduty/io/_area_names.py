"""Words around an area's name that are not its name: a council's style, a police force's.

``svduty init --area`` takes a GSS code or an area's name as the ONS tables write it. A
user also writes a council as it styles itself ("City of Westminster") and a police force
area by its force's name, as police.uk's ``Falls within`` column and the force's own site
have it ("Thames Valley Police", "Cumbria Constabulary", "City of London Police", "Heddlu
Gogledd Cymru"). The force's name stands for its police force area. A name the tables do
not hold is answered with the close names they do (:func:`suggestions`).

Example:
    >>> from svduty.areas import Geography
    >>> force_area(Geography.england_and_wales(), "Thames Valley Police").id
    'E23000029'
"""

from __future__ import annotations

import difflib

from svduty.areas import Area, AreaKind, Geography, normalise_name
from svduty.areas._national import welsh_names
from svduty.io._combined_areas import combined_force

__all__ = ["STARTING_KINDS", "STYLE_WORDS", "force_area", "outside_force", "suggestions"]

STARTING_KINDS = (
    AreaKind.POLICE_FORCE_AREA,
    AreaKind.COUNTY,
    AreaKind.UNITARY,
    AreaKind.DISTRICT,
    AreaKind.METROPOLITAN_DISTRICT,
    AreaKind.LONDON_BOROUGH,
    AreaKind.WELSH_PRINCIPAL_AREA,
    AreaKind.COMMUNITY_SAFETY_PARTNERSHIP,
)
"""The kinds of area a starting bundle can be made for (E23/W15, E10, E06-E09/W06, E22/W14)."""

STYLE_WORDS = frozenset(
    {"the", "city", "of", "royal", "borough", "london", "county", "metropolitan", "district"}
    | {"council", "and"}
)
"""Words of a council's style, not of its place's name (a national review)."""

_FORCE_WORDS = frozenset({"police", "constabulary", "service", "heddlu"})
"""Words of a police force's name, not of its area's ('Heddlu': police, in Welsh)."""

_COMBINED_WORDS = frozenset({"combined", "authority", "mayoral"})
"""Words of a combined authority's name: its place may be a police force area's."""

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


def suggestions(geo: Geography, name: str, limit: int = 3) -> list[str]:
    """Areas of :data:`STARTING_KINDS` whose name is close to ``name``, as "'Name' (CODES)".

    ONS writes some names inverted ("Bristol, City of", "Herefordshire, County of"): a
    name whose words all appear in an area's name is offered first, then close spellings.
    Only the national table's names are shown, never the text given.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> suggestions(geo, "Bristol")
        ["'Bristol, City of' (E06000023, E22000002)"]
        >>> suggestions(geo, "Warwickshre")[:1]
        ["'Warwickshire' (E23000017, E10000031)"]
        >>> suggestions(geo, "zzzz")
        []
        >>> suggestions(geo, "Caerdyd")  # a Welsh name, misspelt
        ["'Cardiff' (W06000015)"]
        >>> suggestions(geo, "City of Westminster"), suggestions(geo, "Royal Borough of Greenwich")
        (["'Westminster' (E09000033, E22000192)"], ["'Greenwich' (E09000011, E22000196)"])
        >>> suggestions(geo, "Avon and Somerst Constabulary")  # a force's name, misspelt
        ["'Avon and Somerset' (E23000036)"]
    """
    want = normalise_name(name)
    if not want:
        return []
    forces = _near_forces(geo, name, limit)
    words = set(want.split())
    areas = [a for kind in STARTING_KINDS for a in geo.all(kind)]
    by_name: dict[str, list[Area]] = {}
    for a in areas:
        by_name.setdefault(normalise_name(a.name), []).append(a)
    for welsh, code in welsh_names().items():  # shown by the national table's name
        by_name.setdefault(welsh, [geo.get(code)])
    # a council's style ("City of Westminster", "Royal Borough of Greenwich", "Bristol City
    # Council") is not in the tables' names: its place's words are
    core = words - STYLE_WORDS if words - STYLE_WORDS else words
    found = [n for n in by_name if core <= set(n.split())]
    found.sort(key=lambda n: (not words <= set(n.split()), len(n), n))
    for n in difflib.get_close_matches(want, list(by_name), n=limit, cutoff=0.8):
        if n not in found:
            found.append(n)
    named = [f"'{by_name[n][0].name}' ({', '.join(a.id for a in by_name[n])})" for n in found]
    return list(dict.fromkeys([*forces, *named]))[:limit]


def _near_forces(geo: Geography, name: str, limit: int) -> list[str]:
    """Police force areas whose force's name is close to ``name``, as "'Name' (CODE)".

    Only a name with a force's word in it, or a word close to one ("Constabulry"), is
    read as a force's name: its other words are matched to each force area's, as
    :func:`force_area` matches them, in any order and with close spellings. So is a
    combined authority's name, but only to a force area of that very name (no close
    spellings): "West Yorkshire Combined Authority" covers the districts of
    West Yorkshire's police force area (a combined authority is no local government area:
    its districts are), and "North East Combined Authority" those of no one force area.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> _near_forces(geo, "Warwickshre Police", 3), _near_forces(geo, "Heddlu De Cymr", 3)
        (["'Warwickshire' (E23000017)"], ["'South Wales' (W15000003)"])
        >>> _near_forces(geo, "Cumbria Constabulry", 3), _near_forces(geo, "Warwickshre", 3)
        (["'Cumbria' (E23000002)"], [])
        >>> _near_forces(geo, "West Yorkshire Combined Authority", 3)
        ["'West Yorkshire' (E23000010)"]
        >>> _near_forces(geo, "Tees Valley Combined Authority", 3)  # not Thames Valley
        []
        >>> _near_forces(geo, "York and North Yorkshire Combined Authority", 3)  # its councils'
        ["'North Yorkshire' (E23000009)"]
    """
    if (councils := combined_force(geo, name)) is not None:  # its councils' force area
        return councils
    words = normalise_name(name).split()
    away = _FORCE_WORDS | _COMBINED_WORDS
    kept = [w for w in words if not difflib.get_close_matches(w, away, n=1, cutoff=0.8)]
    if not kept or len(kept) == len(words):
        return []
    # a force's name may be misspelt; a combined authority's is its own place's name, so only
    # the force area of that very name is offered ('Tees Valley' is not 'Thames Valley')
    force = any(difflib.get_close_matches(w, _FORCE_WORDS, n=1, cutoff=0.8) for w in words)
    areas = {_core(a.name): a for a in geo.all(AreaKind.POLICE_FORCE_AREA)}
    for given, area_name in _SAME_AREA.items():  # "De Cymru" is South Wales
        areas.setdefault(_core(given), areas[_core(area_name)])
    key = " ".join(sorted(kept))
    close = difflib.get_close_matches(key, list(areas), limit, 0.8) if force else []
    near = [key] if key in areas else close
    return [f"'{areas[n].name}' ({areas[n].id})" for n in near]
