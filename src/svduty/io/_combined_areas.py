"""What a combined authority's name covers: its councils' areas and their police force areas.

A combined authority (or combined county authority) is no local government area, so no
bundle starts from one: its constituent councils' areas are (s.11(4)). Only a few carry a
police force area's name ("West Yorkshire Combined Authority"); "York and North Yorkshire",
"Liverpool City Region", "Tees Valley" or "East Midlands" do not, so the force areas are
found from the councils' districts in the national tables, as for a region.

The councils are each authority's constituent councils (non-constituent members are not of
its area), as the establishing Orders list them, by their 2024 GSS codes; the North of Tyne
Combined Authority was abolished on 7 May 2024, when the North East Combined Authority took
its councils. Each entry's establishing instrument and what of it is unconfirmed are in
``_ORDERS``; no list was found wrong against the text read (review54a).

Example:
    >>> from svduty.areas import Geography
    >>> geo = Geography.england_and_wales()
    >>> combined_area(geo, "York and North Yorkshire Combined Authority").forces
    "its councils' areas are York (E06000014) and North Yorkshire (E06000065), the police force area North Yorkshire (E23000009)"
"""  # noqa: E501

from __future__ import annotations

import attrs

from svduty.areas import Area, AreaKind, Geography, normalise_name
from svduty.io._new_records import plain_name

__all__ = ["CombinedArea", "combined_area", "combined_force", "combined_note"]

_MET = tuple(f"E0800{n:04d}" for n in range(1, 38))
"""Metropolitan districts E08000001-E08000037, read by number below."""

_COUNCILS = {
    "greater manchester": _MET[0:10],  # Bolton ... Wigan
    # Halton (Cheshire's police force area), Knowsley, Liverpool, St. Helens, Sefton, Wirral
    "liverpool city region": ("E06000006", *_MET[10:15]),
    "west yorkshire": _MET[31:36],  # Bradford, Calderdale, Kirklees, Leeds, Wakefield
    "south yorkshire": _MET[15:19],  # Barnsley, Doncaster, Rotherham, Sheffield
    "sheffield city region": _MET[15:19],  # South Yorkshire's name until 2021
    # County Durham, Gateshead, Newcastle, North Tyneside, Northumberland, S Tyneside, Sunderland
    "north east": ("E06000047", "E08000037", *_MET[20:22], "E06000057", *_MET[22:24]),
    "north of tyne": (*_MET[20:22], "E06000057"),  # until 7 May 2024
    # Darlington (Durham's police force area), Hartlepool, Middlesbrough, Redcar and
    # Cleveland, Stockton-on-Tees
    "tees valley": ("E06000005", "E06000001", "E06000002", "E06000003", "E06000004"),
    "west midlands": _MET[24:31],  # Birmingham ... Wolverhampton (constituent councils)
    "west of england": ("E06000022", "E06000023", "E06000025"),  # B&NES, Bristol, S Glos
    "cambridgeshire and peterborough": ("E10000003", "E06000031"),
    "york and north yorkshire": ("E06000014", "E06000065"),
    "east midlands": ("E06000015", "E10000007", "E06000018", "E10000024"),  # Derby(shire), ...
    "greater lincolnshire": ("E10000019", "E06000013", "E06000012"),
    "hull and east yorkshire": ("E06000010", "E06000011"),
    "lancashire": ("E10000017", "E06000008", "E06000009"),  # with Blackburn, Blackpool
    "devon and torbay": ("E10000008", "E06000027"),
}
"""Constituent councils' areas of England's combined (county) authorities, by place name."""

_ORDERS: dict[str, tuple[str, str, str]] = {
    "greater manchester": ("SI 2011/908, art 2", "2011-04-01", ""),
    "liverpool city region": ("SI 2014/865", "2014-04-01", "councils: SI 2017/430; start: others"),
    "west yorkshire": ("SI 2014/864", "", "councils not read in the text; start not read"),
    "south yorkshire": ("SI 2014/863, art 2", "2014-04-01", "read in the draft's text"),
    "sheffield city region": ("SI 2014/863, art 2", "2014-04-01", "read in the draft's text"),
    "north east": ("SI 2024/402", "2024-05-07", "constituent councils not read in the text"),
    "north of tyne": ("SI 2018/1133", "", "start not read; abolished 7 May 2024 (SI 2024/402)"),
    "tees valley": ("SI 2016/449, art 2", "2016-04-01", ""),
    "west midlands": ("SI 2016/653, art 2", "2016-06-17", "in force the day after 16 June 2016"),
    "west of england": ("SI 2017/126", "", "councils from the recitals; start not read"),
    "cambridgeshire and peterborough": ("SI 2017/251, art 2", "2017-03-03", "as its 7 councils"),
    "york and north yorkshire": ("SI 2023/1432", "", "councils from Hansard; start not read"),
    "east midlands": ("SI 2024/232, reg 2", "2024-02-28", ""),
    "greater lincolnshire": ("SI 2025/117", "", "councils from a summary; start not read"),
    "hull and east yorkshire": ("SI 2025/113", "2025-02-05", "councils from the councils"),
    "lancashire": ("SI 2025/118, reg 2", "", "start not read"),
    "devon and torbay": ("SI 2025/115, reg 2", "2025-02-05", ""),
}
"""The establishing instrument of each entry of ``_COUNCILS``: its provision naming the
constituent councils, the day the authority was established (ISO; "" where not read) and
what is unconfirmed ("" when the councils and the day were read in the instrument's text on
legislation.gov.uk, review54a). The areas are those of the day; "North East" named another
authority before 7 May 2024 (SI 2014/1012: seven councils until 2 November 2018, then
Durham, Gateshead, South Tyneside and Sunderland), which this table does not answer for.
"""

_WORDS = frozenset({"combined", "county", "authority", "mayoral", "the", "ca", "cca"})
"""Words of a combined authority's style, not of its place's name."""

_LISTED = 4
"""At most this many councils are named when their areas make up whole force areas."""


@attrs.frozen(slots=True)
class CombinedArea:
    """The councils' areas of a combined authority and the police force areas they lie in.

    Attributes:
        councils: the constituent councils' areas, from the national tables.
        whole: the police force areas all of whose districts are the authority's.
        part: the police force areas only some of whose districts are.
        forces: the councils and force areas in words, for an error's ``expected``.

    Example:
        >>> from svduty.areas import Geography
        >>> c = combined_area(Geography.england_and_wales(), "West of England Combined Authority")
        >>> [a.id for a in c.whole], [a.id for a in c.part]
        ([], ['E23000036'])
    """

    councils: tuple[Area, ...]
    whole: tuple[Area, ...]
    part: tuple[Area, ...]
    forces: str


def _listed(areas: tuple[Area, ...]) -> str:
    """Areas named with their codes, "A (X), B (Y) and C (Z)"."""
    named = [f"{plain_name(a.name)} ({a.id})" for a in areas]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def _area(kind: str, areas: tuple[Area, ...]) -> str:
    """The areas of a kind, named: "the police force area X (code)", or "areas" of several."""
    return f"the {kind}{'s' * (len(areas) != 1)} {_listed(areas)}"


def combined_area(geo: Geography, given: str) -> CombinedArea | None:
    """The combined authority ``given`` names (in England), or None if it names none.

    A name is read as one when, with its style's words taken away ("Combined Authority",
    "Combined County Authority", "Mayoral"), it is the place of a combined authority.

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> print(combined_area(geo, "Liverpool City Region Combined Authority").forces)
        its councils' areas are Halton (E06000006), Knowsley (E08000011), Liverpool (E08000012), St. Helens (E08000013), Sefton (E08000014) and Wirral (E08000015), the police force area Merseyside (E23000004) and part of Cheshire (E23000006)
        >>> combined_area(geo, "Warwickshire") is None  # not a combined authority's name
        True
    """  # noqa: E501
    words = normalise_name(given).split()
    if "combined" not in words:
        return None
    place = " ".join(w for w in words if w not in _WORDS)
    codes = _COUNCILS.get(place)
    if codes is None or not all(c in geo for c in codes):
        return None
    councils = tuple(geo.get(c) for c in codes)
    districts = {d.id for c in codes for d in geo.districts_within(c)}
    forces: dict[str, Area] = {}
    for d in sorted(districts):
        for f in geo.parents(d, AreaKind.POLICE_FORCE_AREA):
            forces[f.id] = f
    whole: list[Area] = []
    part: list[Area] = []
    for f in forces.values():
        inside = {d.id for d in geo.districts_within(f.id)} <= districts
        (whole if inside else part).append(f)
    return CombinedArea(councils, tuple(whole), tuple(part), _words(councils, whole, part))


def _words(councils: tuple[Area, ...], whole: list[Area], part: list[Area]) -> str:
    """The councils and the force areas in words (see :func:`combined_area`)."""
    kind, are = "police force area", "its councils' areas are"
    if not part:
        if len(councils) > _LISTED:
            return f"its {len(councils)} councils' areas are {_area(kind, tuple(whole))}"
        return f"{are} {_listed(councils)}, {_area(kind, tuple(whole))}"
    if not whole:
        return f"{are} {_listed(councils)}, part of {_area(kind, tuple(part))}"
    wholly = _area(kind, tuple(whole))
    return f"{are} {_listed(councils)}, {wholly} and part of {_listed(tuple(part))}"


_NOT_HELD = {"E11": "a metropolitan county", "E47": "a combined authority's area"}  # not held


def combined_note(geo: Geography, given: str) -> str:
    """The note for a metropolitan county's or combined authority's code or name ("" if not).

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> print(combined_note(geo, "York and North Yorkshire Combined Authority"))
         (a combined authority's area: its districts are the local government areas (s.11(4)); its councils' areas are York (E06000014) and North Yorkshire (E06000065), the police force area North Yorkshire (E23000009); give them, or the police force area by name)
        >>> print(combined_note(geo, "E11000001"))
         (a metropolitan county: its districts are the local government areas (s.11(4)); give them, or its police force area by name)
        >>> combined_note(geo, "Rugby")
        ''
    """  # noqa: E501
    key = given.strip().upper()
    combined = {"combined", "authority"} <= set(normalise_name(given).split())
    if not combined and not (len(key) == 9 and key[:3] in _NOT_HELD and key[1:].isdigit()):
        return ""
    held = "its districts are the local government areas (s.11(4))"
    kind = _NOT_HELD["E47" if combined else key[:3]]
    found = combined_area(geo, given) if combined else None
    if found is None:
        return f" ({kind}: {held}; give them, or its police force area by name)"
    if found.part:
        return f" ({kind}: {held}; {found.forces}; give them, by name or code)"
    areas = "police force area" + "s" * (len(found.whole) != 1)
    return f" ({kind}: {held}; {found.forces}; give them, or the {areas} by name)"


def combined_force(geo: Geography, given: str) -> list[str] | None:
    """The one police force area a combined authority's name covers whole, as a suggestion.

    None when ``given`` is no combined authority's name :func:`combined_area` knows; an
    empty list when its councils' areas are not one police force area's.

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> combined_force(geo, "York and North Yorkshire Combined Authority")
        ["'North Yorkshire' (E23000009)"]
        >>> combined_force(geo, "Tees Valley Combined Authority"), combined_force(geo, "Kent")
        ([], None)
    """
    found = combined_area(geo, given)
    if found is None:
        return None
    if found.part or len(found.whole) != 1:
        return []
    return [f"'{found.whole[0].name}' ({found.whole[0].id})"]
