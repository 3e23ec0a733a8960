"""The areas an authority of each category may name: of the right kind, in its nation.

One check, shared by a bundle's validation (``BUNDLE-CATEGORY-AREA``, ``BUNDLE-NATION``)
and by a scenario's ``create_authority`` (which the law allows no more than a bundle:
a district council in Wales, or an integrated care board there, is refused either way).

Example:
    >>> from svduty.areas import Geography
    >>> from svduty.sources import cite
    >>> a = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("W06000015",),
    ...               citation=cite("pcsc-act-2022", "Sch 1"))
    >>> [rule for rule, _ in area_problems(Geography.england_and_wales(), a, "W06000015")]
    ['BUNDLE-CATEGORY-AREA', 'BUNDLE-NATION']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from svduty.areas import GSS_PREFIXES, AreaKind, Geography
from svduty.authorities._authority import Authority
from svduty.authorities._categories import LOCATED_IN_ITS_AREA, AuthorityCategory, Nation

__all__ = [
    "AREA_KINDS",
    "area_kind",
    "area_problems",
    "local_councils",
    "not_given",
    "schedule_4",
]

_K = AreaKind
_LGA = frozenset(k for k in AreaKind if k.is_local_government_area)
_C = AuthorityCategory
AREA_KINDS: dict[AuthorityCategory, frozenset[AreaKind]] = {
    _C.DISTRICT_COUNCIL: frozenset({_K.DISTRICT, _K.UNITARY, _K.METROPOLITAN_DISTRICT}),
    _C.COUNTY_COUNCIL: frozenset({_K.COUNTY}),
    _C.COUNTY_COUNCIL_NO_DISTRICTS: frozenset({_K.COUNTY, _K.UNITARY}),
    _C.LONDON_BOROUGH_COUNCIL: frozenset({_K.LONDON_BOROUGH}),
    _C.COMMON_COUNCIL: frozenset({_K.LONDON_BOROUGH}),
    _C.COUNCIL_OF_THE_ISLES_OF_SCILLY: frozenset({_K.UNITARY}),
    _C.WELSH_COUNTY_COUNCIL: frozenset({_K.WELSH_PRINCIPAL_AREA}),
    _C.WELSH_COUNTY_BOROUGH_COUNCIL: frozenset({_K.WELSH_PRINCIPAL_AREA}),
    _C.CHIEF_OFFICER_OF_POLICE: frozenset({_K.POLICE_FORCE_AREA}),
    _C.LOCAL_POLICING_BODY: frozenset({_K.POLICE_FORCE_AREA}),
    _C.FIRE_AND_RESCUE_AUTHORITY: frozenset({_K.FIRE_AND_RESCUE_AUTHORITY, _K.COUNTY} | _LGA),
    _C.INTEGRATED_CARE_BOARD: frozenset({_K.INTEGRATED_CARE_BOARD}),
    _C.LOCAL_HEALTH_BOARD: frozenset({_K.LOCAL_HEALTH_BOARD}),
    _C.EDUCATIONAL_AUTHORITY: _LGA,
}
"""The kinds of area an authority of each category may name (Sch 1's second column).

An educational authority names the local government area(s) in which its school or
Academy is located (Sch 2, first table, second column: "Each local government area in
which the school is located"): a county or a police force area would make it one for
every district within, not for the one it stands in. A category not listed (probation,
youth offending teams, the prison and youth custody rows of Schedule 2, whose second
column is not confirmed, other partners) may name any area that contains local
government areas: an LSOA or a ward (within one) is refused, since the join would make
the authority one for no area.

Example:
    >>> AreaKind.COUNTY in AREA_KINDS[AuthorityCategory.DISTRICT_COUNCIL]
    False
"""

_NAMED: dict[AuthorityCategory, tuple[str, str]] = {
    _C.COMMON_COUNCIL: ("E09000001", "the City of London"),
    _C.COUNCIL_OF_THE_ISLES_OF_SCILLY: ("E06000053", "the Isles of Scilly"),
}
"""The councils Sch 1 gives one named area: "The City of London", "The Isles of Scilly"."""
_COUNCILS_BY_PREFIX: dict[str, tuple[AuthorityCategory, ...]] = {
    "E06": (_C.COUNCIL_OF_THE_ISLES_OF_SCILLY, _C.COUNTY_COUNCIL_NO_DISTRICTS, _C.DISTRICT_COUNCIL),
    "E07": (_C.DISTRICT_COUNCIL,),
    "E08": (_C.DISTRICT_COUNCIL,),
    "E09": (_C.COMMON_COUNCIL, _C.LONDON_BOROUGH_COUNCIL),
    "W06": (_C.WELSH_COUNTY_COUNCIL, _C.WELSH_COUNTY_BOROUGH_COUNCIL),
}
_WELSH: dict[str, tuple[frozenset[str], AuthorityCategory, str]] = {
    "county": (
        # Anglesey, Gwynedd, Denbighshire, Flintshire, Ceredigion, Pembrokeshire,
        # Carmarthenshire, Swansea, Cardiff, Monmouthshire, Powys
        frozenset(f"W060000{n:02d}" for n in (1, 2, 4, 5, 8, 9, 10, 11, 15, 21, 23)),
        _C.WELSH_COUNTY_COUNCIL,
        "LGA 1972 s.20(4), Sch 4 Pt I",
    ),
    "county borough": (
        # Conwy, Wrexham, Neath Port Talbot, Bridgend, Vale of Glamorgan, Rhondda Cynon
        # Taf, Caerphilly, Blaenau Gwent, Torfaen, Newport, Merthyr Tydfil
        frozenset(f"W060000{n:02d}" for n in (3, 6, 12, 13, 14, 16, 18, 19, 20, 22, 24)),
        _C.WELSH_COUNTY_BOROUGH_COUNCIL,
        "LGA 1972 s.20(4), Sch 4 Pt II",
    ),
}
"""The Welsh principal areas of the national tables that are counties, and county boroughs.

Local Government Act 1972 s.20(4): "The new principal areas set out in Part I of Schedule 4
shall be counties and those set out in Part II of that Schedule shall be county boroughs";
Sch 1 gives "A county council in Wales" "The county" and "A county borough council in
Wales" "The county borough". A Welsh code of neither set (one a scenario creates) may be
either.
"""
_SCHEDULE_4_NAMES = {
    "W06000001": "Anglesey",
    "W06000002": "Caernarfonshire and Merionethshire",
    "W06000003": "Aberconwy and Colwyn",
    "W06000008": "Cardiganshire",
    "W06000012": "Neath and Port Talbot",
    "W06000014": "The Vale of Glamorgan",
    "W06000016": "Rhondda, Cynon, Taff",
}
"""The names Sch 4 gives the principal areas the ONS tables name otherwise.

As substituted by the Local Government (Wales) Act 1994 Sch 1 paras 1 and 2; a council
"may ... change the name of the county, county borough" (LGA 1972 s.74(1)), not its Part.
"""
_COUNCILS = frozenset(c for cs in _COUNCILS_BY_PREFIX.values() for c in cs)
_TWO_TIER = GSS_PREFIXES[AreaKind.DISTRICT]


def local_councils(code: str) -> tuple[AuthorityCategory, ...]:
    """The councils of Sch 1's "Local government" table that can be for an LGA.

    By its GSS code (or, for an area known only by its kind, the code's prefix): s.11(4)(a)
    lists "a district, a London borough, the City of London or the Isles of Scilly" apart,
    and Sch 1 gives the Common Council "The City of London" (``E09000001``) and the Council
    of the Isles of Scilly "The Isles of Scilly" (``E06000053``), no other area; a London
    borough council "The London borough", a district council "The district". A two-tier
    district's county council is asked apart. In Wales (s.11(4)(b): "a county or county
    borough") a county council is for "The county", a county borough council for "The
    county borough": which a principal area is, the Local Government Act 1972 says
    (s.20(4), Sch 4). Empty for a code of no local government area.

    Example:
        >>> [c.value for c in local_councils("E09000001")], local_councils("E07000220")[0].value
        (['common_council'], 'district_council')
        >>> [c.value for c in local_councils("E06000052")]
        ['county_council_no_districts', 'district_council']
        >>> [c.value for c in local_councils("W06000015")]
        ['welsh_county_council']
    """
    for category, (named, _) in _NAMED.items():
        if code == named:
            return (category,)
    for codes, category, _ in _WELSH.values():
        if code in codes:
            return (category,)
    found = _COUNCILS_BY_PREFIX.get(code[:3], ())
    return found if len(code) == 3 else tuple(c for c in found if c not in _NAMED)


def schedule_4(code: str) -> str | None:
    """Where the Local Government Act 1972 makes a Welsh principal area a county or borough.

    Its Part of Sch 4 (s.20(4): Part I counties, Part II county boroughs) and, for an area
    the ONS tables name otherwise, the name Sch 4 lists it under (a council may change the
    name, s.74(1), not the Part). ``None`` for a code of no principal area the tables know.

    Example:
        >>> schedule_4("W06000015"), schedule_4("W06000099")
        ('LGA 1972 s.20(4), Sch 4 Pt I', None)
        >>> schedule_4("W06000003")
        'LGA 1972 s.20(4), Sch 4 Pt II, as "Aberconwy and Colwyn"'
    """
    kind = _welsh_kind(code)
    if kind is None:
        return None
    name = _SCHEDULE_4_NAMES.get(code)
    return kind[2] if name is None else f'{kind[2]}, as "{name}"'


def _welsh_kind(code: str) -> tuple[str, AuthorityCategory, str] | None:
    """What Welsh principal area ``code`` is: (its kind, its council, the provision)."""
    return next(((k, c, p) for k, (codes, c, p) in _WELSH.items() if code in codes), None)


def not_given(a: Authority, code: str) -> str | None:
    """Why Sch 1 does not make a council an authority for the LGA ``code``, if it does not.

    A council of the "Local government" table is an authority for the area its row's
    second column gives (s.11(6)) and no other: a London borough council recorded against
    a district, a Common Council against Camden, a county borough council in Wales against
    a county is not one for it. ``None`` for any other authority, for an area the tables
    cannot place, or where the row gives the area (:func:`local_councils`; a county council
    for an area with no district councils is also one for "each district within the
    council's area" where no district coincides with it: a two-tier district's code).

    Example:
        >>> from svduty.sources import cite
        >>> lbc = Authority("lbc", "X", AuthorityCategory.LONDON_BOROUGH_COUNCIL,
        ...                 ("E07000220",), citation=cite("pcsc-act-2022", "Sch 1"))
        >>> print(not_given(lbc, "E07000220"))
        lbc is a london borough council but E07000220 is not an area Sch 1 gives a london borough council (expected district council)
        >>> not_given(lbc, "E09000007") is None
        True
    """  # noqa: E501
    if a.category not in _COUNCILS or not _GSS_CODE.match(code):
        return None
    if a.category is _C.COUNTY_COUNCIL_NO_DISTRICTS and code.startswith(_TWO_TIER):
        return None  # its row: "or, if there is no such district, each district within"
    fits = local_councils(code)
    if not fits or a.category in fits:
        return None
    named = next((what for c, (n, what) in _NAMED.items() if n == code), None)
    own = _NAMED.get(a.category)
    welsh, where = _welsh_kind(code), schedule_4(code)
    said = (
        f"{code} is {named}, which s.11(4)(a) lists apart from districts and London boroughs"
        if named is not None
        else f'{code} is a {welsh[0]} ({where}): Sch 1 gives {welsh[1].a} "The {welsh[0]}"'
        if welsh is not None
        else f"{code} is not {own[1]}, the only area Sch 1 gives {a.category.a}"
        if own is not None
        else f"{code} is not an area Sch 1 gives {a.category.a}"
    )
    expected = " or ".join(c.value.replace("_", " ") for c in fits)
    return f"{a.id} is {a.category.a} but {said} (expected {expected})"


_LOCATED_IN = (
    ": Sch 2 makes it an authority for each local government area in which the school or "
    "Academy is located (s.12(2)), not for every district within a wider area; name the "
    "district or districts it stands in"
)
_GSS_CODE = re.compile(r"^[EW]\d{8}$")  # of England or Wales
_WITHIN_A_DISTRICT = frozenset({_K.LSOA2011, _K.LSOA2021, _K.WARD})
_NATION_OF_LETTER = {"E": Nation.ENGLAND, "W": Nation.WALES}


def area_kind(geo: Geography, code: str) -> AreaKind | None:
    """The kind of the area ``code``: of ``geo``, else of the national ONS tables.

    An LSOA of the national tables is an ``lsoa2021``; a code of neither is ``None``.

    Example:
        >>> area_kind(Geography.england_and_wales(), "W06000015").value
        'welsh_principal_area'
    """
    if code in geo:
        return geo.get(code).kind
    found = Geography.england_and_wales()
    if code in found:
        return found.get(code).kind
    if geo.district_code_of(code) is not None:  # an LSOA of the national tables
        return AreaKind.LSOA2021
    return None


def _before(geo: Geography, a: Authority, code: str) -> bool:
    """Whether the authority's record ended before the area's record began.

    Cumbria County Council served what is now Cumberland until 1 April 2023: its record
    names the unitary area, whose kind (and record) begins later.
    """
    area = geo.get(code) if code in geo else None
    end = a.valid.end if a.valid is not None else None
    return area is not None and end is not None and end <= area.valid.start


def area_problems(
    geo: Geography,
    a: Authority,
    code: str,
    kind: AreaKind | None = None,
    country: str | None = None,
) -> Iterator[tuple[str, str]]:
    """What is wrong with one of an authority's areas, as (rule, message), if anything.

    ``BUNDLE-CATEGORY-AREA``: the area is not of a kind the category serves
    (:data:`AREA_KINDS`); ``BUNDLE-NATION``: the authority's nation (recorded, or implied
    by its category) is not the nation of the area's GSS code. An area ``geo`` and the
    national tables do not know is not judged here, unless ``kind`` says its kind (an
    area a scenario creates, named by a new code or an id; its nation is that of its
    kind), or ``country`` (``"E"``, ``"W"``: the first letter of the codes of the areas
    it replaces) its nation where its kind is not known.

    Example:
        >>> from svduty.sources import cite
        >>> icb = Authority("i", "I", AuthorityCategory.INTEGRATED_CARE_BOARD,
        ...                 ("E07000220",), citation=cite("pcsc-act-2022", "Sch 1"))
        >>> print(next(area_problems(Geography.england_and_wales(), icb, "E07000220"))[1])
        i is an integrated care board but E07000220 is a district (expected integrated care board)
    """
    allowed = AREA_KINDS.get(a.category)
    given, kind = kind, kind if kind is not None else area_kind(geo, code)
    if _before(geo, a, code):
        allowed = None  # the area's kind is of its own period: a county council served it
    if kind is None and _GSS_CODE.match(code) and code[1:3] == "05":  # a ward's code
        kind = _K.WARD
    located = a.category in LOCATED_IN_ITS_AREA
    if (allowed is None or located) and kind in _WITHIN_A_DISTRICT:  # joins to no LGA
        district = geo.district_code_of(code) if kind is not _K.WARD else None
        yield (
            "BUNDLE-CATEGORY-AREA",
            f"{a.id} is {a.category.a} but {code} is "
            f"{'a ward' if kind is _K.WARD else 'an LSOA'}, within a local government "
            "area: it makes the authority one for no area (s.11(6), Sch 2: each local "
            "government area in which it is located); name the district"
            + (f", {district}" if district else ""),
        )
    elif kind is not None and allowed is not None and kind not in allowed:
        yield (
            "BUNDLE-CATEGORY-AREA",
            f"{a.id} is {a.category.a} but {code} is {kind.a} (expected "
            f"{' or '.join(sorted(k.value.replace('_', ' ') for k in allowed))})"
            + (_LOCATED_IN if located else ""),
        )
    elif allowed is not None and (why := not_given(a, code)) is not None:
        yield ("BUNDLE-CATEGORY-AREA", why)
    nation = a.nation_of
    letter, said = code[:1], f"a GSS code starting {code[:1]}"
    if not _GSS_CODE.match(code):  # an id: its nation is its kind's, else its areas'
        of = given if given is not None and given.is_local_government_area else None
        prefix = GSS_PREFIXES[of][0] if of is not None else ""
        letter = prefix[:1] if of is not None else (country or "")[:1]
        said = (
            f"{of.a}, as a code {prefix} is"
            if of is not None
            else f"as the areas it replaces, codes starting {letter}"
        )
    there = _NATION_OF_LETTER.get(letter)
    if nation is not None and there is not None and there is not nation:
        yield (
            "BUNDLE-NATION",
            f"{a.id} is recorded in {nation.value.title()} but its area {code} is in "
            f"{there.value.title()} ({said})",
        )
