"""What to tell someone whose ``--area`` names a place no bundle starts from, in the tables' words.

A region, a country, a fire and rescue authority's or a health board's area is no
partnership's area: its police force areas are (or its local government areas). "Greater
London" is the London region's own name (the area of the Greater London Authority); ONS
names the region "London". A district abolished on 1 April 2023 is named by the 2022 table,
with the area that holds it now. Every name shown is a national table's, never the text
given.

Example:
    >>> geo = Geography.england_and_wales()
    >>> also_known_as(geo, "greater london").id
    'E12000007'
"""

from __future__ import annotations

from svduty.areas import Area, AreaKind, Geography, normalise_name
from svduty.areas._ceased import ceased_districts
from svduty.errors import Problem, UnknownAreaError
from svduty.io._area_names import STARTING_KINDS
from svduty.io._new_records import plain_name

__all__ = ["also_known_as", "ceased_problem", "forces_within", "region_note"]

_OTHER_NAMES = {"greater london": "E12000007"}
"""Names of areas the tables hold under another name (normalised), with the area's code."""


def also_known_as(geo: Geography, given: str) -> Area | None:
    """The area ``given`` names when the tables hold it under another name, else None.

    ONS writes some names inverted ("Bristol, City of"); ``svduty init`` prints them as
    people write them (:func:`~svduty.io._new_records.plain_name`: "City of Bristol") and
    takes that name back (areas55: it was refused). A name the tables hold as it is
    ("City of London", the district) is theirs first: None.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> also_known_as(geo, "Greater  London").name, also_known_as(geo, "Rugby")
        ('London', None)
        >>> also_known_as(geo, "city of BRISTOL").id, also_known_as(geo, "City of London")
        ('E06000023', None)
    """
    key = normalise_name(given)
    code = _OTHER_NAMES.get(key)
    if code is not None and code in geo:
        return geo.get(code)
    if geo.named(given):
        return None
    for kind in STARTING_KINDS:  # (the kinds a bundle starts from: their names are taken)
        for area in geo.all(kind):
            if "," in area.name and normalise_name(plain_name(area.name)) == key:
                return geo.find(area.name)  # as if the tables' name were given
    return None


_WIDER = (
    AreaKind.REGION,
    AreaKind.COUNTRY,
    AreaKind.FIRE_AND_RESCUE_AUTHORITY,
    AreaKind.INTEGRATED_CARE_BOARD,
    AreaKind.LOCAL_HEALTH_BOARD,
)
"""The kinds of area, made of local government areas, that no bundle starts from."""

_LISTED = 8
"""At most this many police force areas are named; more are counted (England has 39)."""


def forces_within(geo: Geography, area: Area) -> str:
    """The police force areas a region, country, fire or health area's districts lie in.

    "" for an area of another kind (a police force area, a district, an LSOA).

    Example:
        >>> geo = Geography.england_and_wales()
        >>> forces_within(geo, geo.get("E12000007"))
        'its 33 local government areas lie in the police force areas Metropolitan Police (E23000001) and City of London (E23000034)'
        >>> forces_within(geo, geo.get("E31000043"))  # Tyne and Wear's fire and rescue area
        'its 5 local government areas lie in the police force area Northumbria (E23000007)'
        >>> forces_within(geo, geo.get("E92000001"))  # England: counted, not listed
        'its 296 local government areas lie in 39 police force areas'
        >>> forces_within(geo, geo.get("E23000017"))  # a police force area: itself
        ''
    """  # noqa: E501
    if area.kind not in _WIDER:
        return ""
    districts = geo.districts_within(area.id)
    forces: dict[str, Area] = {}
    for d in districts:
        for f in geo.parents(d.id, AreaKind.POLICE_FORCE_AREA):
            forces[f.id] = f
    if not forces:  # pragma: no cover - every such area of the tables has some
        return ""
    held = f"its {len(districts)} local government area{'s' * (len(districts) != 1)} lie"
    if len(forces) > _LISTED:
        return f"{held} in {len(forces)} police force areas"
    named = [f"{plain_name(f.name)} ({f.id})" for f in sorted(forces.values(), key=_by_id)]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"{held} in the police force area{'s' * (len(named) != 1)} {listed}"


def _by_id(a: Area) -> str:
    """An area's sort key: its code."""
    return a.id


def region_note(geo: Geography, given: str) -> str:
    """A note when a name that starts a bundle also names a region or country ("" if not).

    "West Midlands" is a police force area, a fire and rescue authority's area and a
    region: the name starts a bundle for the police force area; the region is wider.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> region_note(geo, "West Midlands")[:83]
        'West Midlands is also the name of a region (E12000005), wider than the police force'
        >>> region_note(geo, "Rugby"), region_note(geo, "E23000014"), region_note(geo, "zz")
        ('', '', '')
    """
    if given.strip().upper() in geo:  # a code names one area
        return ""
    try:
        chosen = geo.find(given)
    except UnknownAreaError:
        return ""
    for a in geo.named(given):
        if a.kind in (AreaKind.REGION, AreaKind.COUNTRY) and a.id != chosen.id:
            kind = chosen.kind.value.replace("_", " ")
            return (
                f"{a.name} is also the name of {a.kind.a} ({a.id}), wider than the {kind} "
                f"{plain_name(chosen.name)} ({chosen.id}) the bundle is for; "
                + forces_within(geo, a)
            )
    return ""


def ceased_problem(given: str, field: str, name_of: dict[str, str]) -> Problem | None:
    """The problem for a district the 2022 table names and the 2024 tables do not, or None.

    ``name_of`` gives a 2024 area's name by code. The district's name and code are the
    table's, so they are shown; the text given is not needed.

    Example:
        >>> p = ceased_problem("harrogate", "areas[0]", {"E06000065": "North Yorkshire"})
        >>> print(p)
        areas[0]: Harrogate (E07000165) is a former district, abolished on 2023-04-01: its area is part of North Yorkshire (E06000065); expected an area that exists now: give North Yorkshire (E06000065), or its police force area
        >>> ceased_problem("Rugby", "areas[0]", {}) is None
        True
    """  # noqa: E501
    wanted = given.strip().upper()
    for c in ceased_districts().values():
        if wanted in (c.code, c.name.upper()):
            now = f"{name_of.get(c.successor, c.successor)} ({c.successor})"
            return Problem(
                message=f"{c.name} ({c.code}) is a former district, abolished on {c.ended}: "
                f"its area is part of {now}",
                field=field,
                expected=f"an area that exists now: give {now}, or its police force area",
            )
    return None
