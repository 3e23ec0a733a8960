"""The local government areas a starting bundle is for, from what ``svduty init`` is given.

A starting bundle (:func:`~svduty.io._new_bundle.new_bundle`) is made for a police force
area, a county, a unitary or district, or a community safety partnership
(:data:`STARTING_KINDS`), given by its GSS code or its name: here it is found in the
national tables (:func:`part_of`, :func:`same_name`), its districts listed
(:func:`starting_districts`), an area of another kind or one no longer in the tables said
why (:func:`_beyond`), and a name not found given its nearest names (:func:`suggestions`).

Example:
    >>> from svduty.areas import Geography
    >>> [d.code for d in starting_districts(Geography.england_and_wales(), ["E10000031"])]
    ['E07000218', 'E07000219', 'E07000220', 'E07000221', 'E07000222']
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from svduty.areas import Area, AreaKind, Geography, normalise_name
from svduty.areas._ceased import ceased_note, not_in_the_tables
from svduty.areas._national import welsh_names
from svduty.areas._tables import read_table
from svduty.errors import BundleError, Problem, UnknownAreaError
from svduty.io._councils_2023 import ceased_county

__all__ = ["STARTING_KINDS", "part_of", "same_name", "starting_districts", "suggestions"]


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


def _area(geo: Geography, code: str) -> Area:
    """The area a GSS code (in any case, with spaces around) or a name stands for.

    Raises:
        UnknownAreaError: for neither.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> _area(geo, " e07000222 ").name, _area(geo, "warwick").id
        ('Warwick', 'E07000222')
        >>> _area(geo, "Caerdydd").name, _area(geo, "Ynys Môn").id  # names in Welsh too
        ('Cardiff', 'W06000001')
    """
    key = code.strip().upper()
    if key in geo:
        return geo.get(key)
    return geo.find(code)  # by its name, in English or (a principal area of Wales) Welsh


def part_of(geo: Geography, given: str) -> tuple[Area, Area, tuple[Area, ...]] | None:
    """A community safety partnership that covers part of a district, with the district.

    The tables place no LSOA in a CSP, only districts: a starting bundle from such a CSP
    covers its whole district (and so its other CSPs' areas); ``svduty init`` says so.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> csp, district, others = part_of(geo, "Allerdale")
        >>> district.name, len(others)
        ('Cumberland', 2)
        >>> part_of(geo, "Rugby") is None
        True
    """
    try:
        area = _area(geo, given)
    except UnknownAreaError:
        return None
    kind = AreaKind.COMMUNITY_SAFETY_PARTNERSHIP
    if area.kind is not kind:
        return None
    for d in geo.districts_within(area.id):
        others = tuple(c for c in geo.parents(d.id, kind) if c.id != area.id)
        if others:
            return area, d, others
    return None


def same_name(geo: Geography, given: str) -> tuple[Area, ...]:
    """The other areas ``given`` also names, of other local government areas.

    A name stands for the first area of :meth:`Geography.find <svduty.areas.Geography.find>`'s
    order; ``svduty init`` names the others, so that "Kent" (the county) is not taken for
    Kent's police force area (which has Medway too) unnoticed.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [(a.kind.value, a.id) for a in same_name(geo, "Kent")]
        [('police_force_area', 'E23000032')]
        >>> same_name(geo, "E10000016"), same_name(geo, "Rugby")  # a code; Rugby's CSP is Rugby
        ((), ())
        >>> [a.name for a in same_name(geo, "Durham")]  # the police force area, or the county?
        ['County Durham']
    """
    if given.strip().upper() in geo:
        return ()
    chosen = starting_districts(geo, [given])
    also = [f"County {given.strip()}", f"City of {given.strip()}"]  # "Durham": County Durham
    seen = {chosen}
    out = []
    for a in (a for name in (given, *also) for a in geo.named(name)):
        covered = starting_districts(geo, [a.id]) if a.kind in STARTING_KINDS else chosen
        if covered not in seen:  # one area for each other set of districts
            seen.add(covered)
            out.append(a)
    return tuple(out)


_NOT_HELD = {"E11": "a metropolitan county", "E47": "a combined authority's area"}  # not held


def _beyond(geo: Geography, code: str) -> str:
    """What to add for a code or name the tables do not start from.

    A code of Scotland or Northern Ireland (the Duty does not extend there), a metropolitan
    county or combined authority, an abolished district, an LSOA or a ward.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> _beyond(geo, "harrogate")
        ' (Harrogate ceased on 2023-04-01: its area is part of North Yorkshire, E06000065)'
        >>> _beyond(geo, "E01031180")
        ' (an LSOA: give its district, Rugby, E07000220)'
        >>> _beyond(geo, "E05009861")
        ' (a ward: give its district, Middlesbrough, E06000002)'
    """
    key = code.strip().upper()
    if len(key) == 9 and key[0] in "SN" and key[1:].isdigit() and key.isascii():
        return " (the Duty does not extend to Scotland or Northern Ireland)"
    if len(key) == 9 and key[:3] in _NOT_HELD and key[1:].isdigit():
        held = "its districts are the local government areas (s.11(4))"
        return f" ({_NOT_HELD[key[:3]]}: {held}; give them, or its police force area by name)"
    if county := ceased_county(geo, key):
        return county
    if ceased := ceased_note(key, lambda code: geo.get(code).name):
        return ceased
    district = geo.district_code_of(key) if key[1:3] == "01" and key.isascii() else None
    if district is not None and district in geo:
        return f" (an LSOA: give its district, {geo.get(district).name}, {district})"
    if key[1:3] == "05" and key.isascii():  # an electoral ward (2024) of the tables
        wards = read_table("lsoa21-ward24-lad24", ("ward24_code", "ltla24_code"))
        codes = wards.column(0).to_pylist()  # an error's path: a list of 35,000 is fine
        district = wards.column(1)[codes.index(key)].as_py() if key in codes else None
        if district is not None and district in geo:
            return f" (a ward: give its district, {geo.get(district).name}, {district})"
    return ""


def starting_districts(geo: Geography, codes: Sequence[str]) -> tuple[Area, ...]:
    """The local government areas a starting bundle covers, from area codes or names.

    Raises:
        BundleError: naming ``areas[i]`` for a code or name that is not an area of
            :data:`STARTING_KINDS` in England and Wales.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [a.name for a in starting_districts(geo, ["E22000359"])]
        ['Stratford-on-Avon', 'Warwick']
    """
    problems: list[Problem] = []
    found: dict[str, Area] = {}
    for i, code in enumerate(codes):
        try:
            area = _area(geo, code)
        except UnknownAreaError:
            near, beyond = suggestions(geo, code), _beyond(geo, code)
            problems.append(
                Problem(  # an LSOA, a ward, a ceased district is known, but not a start
                    message="not an area a bundle starts from" if beyond else "unknown area",
                    field=f"areas[{i}]",
                    expected="the GSS code or name of an area in England and Wales"
                    + (beyond or not_in_the_tables(code))
                    + (f"; did you mean {' or '.join(near)}?" if near else ""),
                    got=code[:40],
                )
            )
            continue
        if area.kind not in STARTING_KINDS:
            problems.append(  # the id, name and kind are the national table's, not the input
                Problem(
                    message=f"{area.id} ({area.name}) is {area.kind.a}",
                    field=f"areas[{i}]",
                    expected="a police force area (E23/W15), county (E10), unitary or "
                    "district (E06-E09/W06) or community safety partnership (E22/W14)",
                )
            )
            continue
        for d in geo.districts_within(area.id):
            found[d.id] = d
    if not problems and not found:
        problems.append(Problem(field="areas", expected="at least one area code"))
    if problems:
        raise BundleError(problems)
    return tuple(sorted(found.values(), key=lambda a: a.id))


_STYLE = frozenset(
    {"the", "city", "of", "royal", "borough", "london", "county", "metropolitan", "district"}
    | {"council", "and"}
)
"""Words of a council's style, not of its place's name (a national review)."""


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
    """
    want = normalise_name(name)
    if not want:
        return []
    words = set(want.split())
    areas = [a for kind in STARTING_KINDS for a in geo.all(kind)]
    by_name: dict[str, list[Area]] = {}
    for a in areas:
        by_name.setdefault(normalise_name(a.name), []).append(a)
    for welsh, code in welsh_names().items():  # shown by the national table's name
        by_name.setdefault(welsh, [geo.get(code)])
    # a council's style ("City of Westminster", "Royal Borough of Greenwich", "Bristol City
    # Council") is not in the tables' names: its place's words are
    core = words - _STYLE if words - _STYLE else words
    found = [n for n in by_name if core <= set(n.split())]
    found.sort(key=lambda n: (not words <= set(n.split()), len(n), n))
    for n in difflib.get_close_matches(want, list(by_name), n=limit, cutoff=0.8):
        if n not in found:
            found.append(n)
    return [
        f"'{by_name[n][0].name}' ({', '.join(a.id for a in by_name[n])})" for n in found[:limit]
    ]
