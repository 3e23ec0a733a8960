"""The councils of a starting bundle before the 1 April 2023 reorganisations.

On 1 April 2023, after the Duty began (31 January 2023), unitary councils replaced the
county and district councils of Cumbria, North Yorkshire and Somerset (the Cumbria, the
North Yorkshire and the Somerset (Structural Changes) Orders 2022). For the two months
between, the specified authorities of those areas were the old councils: each district
council for its part of the new area, and the county council (with the youth offending
team it established) for all of it. The Cumbria order abolished the county council; the
North Yorkshire and Somerset orders continued theirs as the unitary council (one legal
body: ``same_body_as``). The national tables name the abolished districts
(:func:`~svduty.areas._ceased.ceased_districts`), not the counties: the three county
councils are named here, each record unconfirmed with its doubt stated.

Example:
    >>> from svduty.areas import Geography
    >>> geo = Geography.england_and_wales()
    >>> [r["name"] for r in before_1_april_2023([geo.get("E06000063")])]
    ['Allerdale council (district)', 'Carlisle council (district)', 'Copeland council (district)', 'Cumbria County Council', 'Cumbria youth offending team (youth justice service to name)']
"""  # noqa: E501

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from svduty.areas import Area, AreaKind, Geography
from svduty.areas._ceased import REORGANISED, CeasedDistrict, ceased_districts
from svduty.areas._national import DUTY_START
from svduty.areas._tables import read_table
from svduty.authorities import AuthorityCategory
from svduty.io._earlier_records import earlier_area_records
from svduty.io._new_records import as_county_council, authority_record, cite, schedule_1, slug

__all__ = [
    "REORGANISED_ON",
    "abolished_areas",
    "before_1_april_2023",
    "ceased_areas",
    "ceased_codes",
    "ceased_county",
    "continued_county_council",
    "reorganised",
]

REORGANISED_ON = REORGANISED.isoformat()
"""The day the unitary councils of Cumbria, North Yorkshire and Somerset began."""

_COUNTIES = {  # the unitary area -> the county council whose area it was part of
    "E06000063": "Cumbria",  # Cumberland
    "E06000064": "Cumbria",  # Westmorland and Furness
    "E06000065": "North Yorkshire",
    "E06000066": "Somerset",
}
_COUNTY_CODES = {"E10000006": "Cumbria", "E10000023": "North Yorkshire", "E10000027": "Somerset"}
"""The non-metropolitan counties' codes until 1 April 2023 (not in the 2023-24 tables)."""
_CONTINUING = {"North Yorkshire": "E06000065", "Somerset": "E06000066"}
"""The county councils the orders continue as the unitary council (the area it serves)."""
_CONTINUING_DOUBT = (
    "the continuing authority: the {county} (Structural Changes) Order 2022 abolished the "
    "districts on 1 April 2023 and made the county council the council of the new unitary "
    "area (one legal body with {unitary}: same_body_as); before that day, the county council "
    "of a county with districts (the order was not read in full): check"
)
_ORDER_DOUBT = (
    "abolished on 1 April 2023 by the {county} (Structural Changes) Order 2022, when the "
    "unitary council took over (the order's abolition of the districts was read; their "
    "councils' dissolution with them on that day, the same article): check"
)
_ORDERS = {  # the county -> the order that abolished its districts, and the article
    "Cumbria": ("si-2022-331", "art 3(5)(a), 4(5)(a)"),
    "North Yorkshire": ("si-2022-328", "art 4(a)"),
    "Somerset": ("si-2022-329", "art 4(a)"),
}
_AREA_DOUBT = (
    "a local government area (a district: s.11(4)) until the order abolished it; valid "
    "from 31 January 2023, when the Duty came into force (SI 2022/1227 reg 4), though "
    "older; the areas it lay in (police area, fire and rescue authority, integrated care "
    "boards) are read from the 2024 national tables for its 2021 LSOAs and successor, not "
    "from a table of 2023"
)


def _ceased_within(districts: Sequence[Area]) -> list[CeasedDistrict]:
    ours = {d.id for d in districts}
    ceased = sorted(ceased_districts().values(), key=lambda c: c.name)
    return [c for c in ceased if c.successor in ours and c.successor in _COUNTIES]


def ceased_codes(districts: Sequence[Area]) -> list[str]:
    """The codes of the districts the 1 April 2023 reorganisations merged into some areas.

    Example:
        >>> from svduty.areas import Geography
        >>> ceased_codes([Geography.england_and_wales().get("E06000063")])  # Cumberland
        ['E07000026', 'E07000028', 'E07000029']
    """
    return [c.code for c in _ceased_within(districts)]


def reorganised(districts: Sequence[Area]) -> set[str]:
    """Which of some areas are the unitary areas of 1 April 2023 (their councils began then).

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> sorted(reorganised([geo.get("E06000065"), geo.get("E07000220")]))
        ['E06000065']
    """
    return {d.id for d in districts if d.id in _COUNTIES}


@functools.cache
def _boards() -> dict[str, frozenset[str]]:
    """Each 2022 district's integrated care boards (those of its 2021 LSOAs, 2024 table)."""
    old = read_table("lsoa11-lsoa21-lad22", ("lsoa21_code", "ltla22_code"))
    icb = read_table("lsoa21-icb24", ("lsoa21_code", "icb24_code"))
    board = dict(zip(*(icb.column(i).to_pylist() for i in range(2)), strict=True))
    out: dict[str, set[str]] = {}
    for lsoa, lad in zip(*(old.column(i).to_pylist() for i in range(2)), strict=True):
        if lsoa in board:
            out.setdefault(lad, set()).add(board[lsoa])
    return {lad: frozenset(boards) for lad, boards in out.items()}


def ceased_areas(geo: Geography, districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The reorganised districts as the local government areas they were until 1 April 2023.

    Schedule 1 makes a district council the specified authority for "The district" and a
    county council for "Each district which falls within the council's area": between the
    Duty's start and 1 April 2023 those districts (Harrogate, Carlisle, Mendip...) were the
    local government areas (s.11(4)), not the unitary area that replaced them. Each record
    is an ``[[areas]]`` table lying in its county (a record of its own, first), its
    successor's police area and fire and rescue authority and the boards of its LSOAs.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> county, *districts = ceased_areas(geo, [geo.get("E06000065")])
        >>> county["code"], county["kind"], len(districts)
        ('E10000023', 'county', 7)
        >>> r = districts[2]  # Harrogate
        >>> r["code"], r["valid"], r["citation"]["provision"]
        ('E07000165', {'start': '2023-01-31', 'end': '2023-04-01'}, 'art 4(a)')
        >>> r["parents"][2:]
        ['E10000023', 'E23000009', 'E31000027', 'E54000051']
    """
    keep = (AreaKind.POLICE_FORCE_AREA, AreaKind.FIRE_AND_RESCUE_AUTHORITY)
    out: list[dict[str, Any]] = []
    counties: dict[str, dict[str, Any]] = {}
    for c in _ceased_within(districts):
        county = _COUNTIES[c.successor]
        source, article = _ORDERS[county]
        top = [p.id for p in geo.parents(c.successor) if p.kind in _TOP]
        if county not in counties:
            counties[county] = _area(_CODES[county], county, AreaKind.COUNTY, top)
            counties[county]["citation"] = cite(source, _COUNTY_ARTICLE[county], _COUNTY_DOUBT)
        parents = [*top, _CODES[county]]
        parents += [p.id for p in geo.parents(c.successor) if p.kind in keep]
        record = _area(c.code, c.name, AreaKind.DISTRICT, [*parents, *sorted(_boards()[c.code])])
        record["citation"] = cite(source, article, _AREA_DOUBT)
        out.append(record)
    return [*counties.values(), *out]


def abolished_areas(geo: Geography, districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The area records of every abolished district whose area some of ``districts`` hold.

    Those of 1 April 2023 (:func:`ceased_areas`), local government areas from the Duty's
    start until then, and those of 2019-2021
    (:func:`~svduty.io._earlier_records.earlier_area_records`), whose records end before it.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> [r["code"] for r in abolished_areas(geo, [geo.get("E06000059")])][:2]  # Dorset
        ['E07000049', 'E07000050']
    """
    return [*ceased_areas(geo, districts), *earlier_area_records(districts)]


_TOP = (AreaKind.COUNTRY, AreaKind.REGION)
_CODES = {county: code for code, county in _COUNTY_CODES.items()}
_COUNTY_ARTICLE = {"Cumbria": "art 5(1)(a)", "North Yorkshire": "art 3", "Somerset": "art 3"}
_COUNTY_DOUBT = (
    "the county whose council was a county council with districts until 1 April 2023 "
    "(Sch 1: for each district within its area); the Cumbria order abolished the county, "
    "the North Yorkshire and Somerset orders kept it and made a district of the same area, "
    "whose council the county council became: the county's record ends with its districts"
)


def _area(code: str, name: str, kind: AreaKind, parents: list[str]) -> dict[str, Any]:
    valid = {"start": DUTY_START.isoformat(), "end": REORGANISED_ON}
    return {"code": code, "name": name, "kind": kind.value, "parents": parents, "valid": valid}


def before_1_april_2023(districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The councils (and county youth offending teams) the reorganised districts had before.

    Each record holds from the Duty's start to 1 April 2023: a district council for its own
    district, the county council and its team for each of those districts (Schedule 1);
    the districts are the bundle's areas too (:func:`ceased_areas`).

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> before_1_april_2023([geo.get("E07000220")])  # Rugby: not reorganised
        []
    """
    out: list[dict[str, Any]] = []
    counties: dict[str, list[str]] = {}
    for c in _ceased_within(districts):
        county = _COUNTIES[c.successor]
        record = authority_record(
            f"{slug(c.name)}-council",
            f"{c.name} council (district)",
            AuthorityCategory.DISTRICT_COUNCIL,
            [c.code],
            schedule_1("a district council", _ORDER_DOUBT.format(county=county)),
        )
        record["valid"]["end"] = REORGANISED_ON
        out.append(record)
        counties.setdefault(county, [_CODES[county]])
    for county, areas in counties.items():
        unitary = _CONTINUING.get(county)
        doubt = _ORDER_DOUBT.format(county=county)
        if unitary is not None:  # the county council goes on as the unitary council
            name = next(d.name for d in districts if d.id == unitary)
            doubt = _CONTINUING_DOUBT.format(county=county, unitary=f"{slug(name)}-council")
        council = authority_record(
            f"{slug(county)}-county-council",
            f"{county} County Council",
            AuthorityCategory.COUNTY_COUNCIL,
            areas,
            schedule_1("any other county council in England", doubt),
        )
        yot = authority_record(
            f"{slug(county)}-county-youth-justice-service",
            f"{county} youth offending team (youth justice service to name)",
            AuthorityCategory.YOUTH_OFFENDING_TEAM,
            areas,
            schedule_1(
                "a youth offending team",
                "the team the county council established (Crime and Disorder Act 1998 "
                f"s.39) until 1 April 2023; its name is not in the ONS tables; {doubt}",
            ),
        )
        yot["established_by"] = [council["id"]]
        if unitary is not None:  # the council's team goes on with it
            council["same_body_as"] = f"{slug(name)}-council"
            yot["same_body_as"] = f"{slug(name)}-youth-justice-service"
        for record in (council, yot):
            record["valid"]["end"] = REORGANISED_ON
            out.append(record)
    return out


def continued_county_council(council: dict[str, Any], area: str) -> None:
    """The unitary council of North Yorkshire or Somerset as the county council it is.

    Their structural changes orders continued the county council as the council of the
    new unitary area (one legal body), so from 1 April 2023 it is a county council for an
    area with no district councils (Schedule 1), not a district council.

    Example:
        >>> from svduty.authorities import AuthorityCategory
        >>> r = authority_record("north-yorkshire-council", "North Yorkshire Council",
        ...     AuthorityCategory.DISTRICT_COUNCIL, ["E06000065"], schedule_1("a district council"))
        >>> continued_county_council(r, "E06000065"); r["category"]
        'county_council_no_districts'
    """
    county = next((c for c, unitary in _CONTINUING.items() if unitary == area), None)
    if county is not None:
        as_county_council(
            council,
            f"the {county} (Structural Changes) Order 2022 continued the county council as "
            "the council of the new unitary area, whose districts it abolished (one legal "
            "body; the order was not read in full)",
        )


def ceased_county(geo: Geography, code: str) -> str:
    """What to say of a county code the reorganisations of 1 April 2023 ended ("" if none).

    Example:
        >>> from svduty.areas import Geography
        >>> ceased_county(Geography.england_and_wales(), "E10000006")
        " (Cumbria's county code until 2023-04-01: its area is now Cumberland, E06000063; Westmorland and Furness, E06000064)"
    """  # noqa: E501
    county = _COUNTY_CODES.get(code)
    if county is None:
        return ""
    now = [f"{geo.get(u).name}, {u}" for u, c in sorted(_COUNTIES.items()) if c == county]
    return f" ({county}'s county code until {REORGANISED_ON}: its area is now {'; '.join(now)})"
