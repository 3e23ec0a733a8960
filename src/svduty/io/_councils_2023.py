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

from collections.abc import Sequence
from typing import Any

from svduty.areas import Area, Geography
from svduty.areas._ceased import REORGANISED, ceased_districts
from svduty.authorities import AuthorityCategory
from svduty.io._new_records import as_county_council, authority_record, schedule_1, slug

__all__ = [
    "REORGANISED_ON",
    "before_1_april_2023",
    "ceased_county",
    "continued_county_council",
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
    "unitary council took over (the date from the national tables, which drop the "
    "district in 2023; the order was not read): check"
)


def before_1_april_2023(districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The councils (and county youth offending teams) the reorganised districts had before.

    Each record holds from the Duty's start to 1 April 2023 and names, as its area, the
    unitary area it became part of (the abolished codes are in no bundle's areas).

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> before_1_april_2023([geo.get("E07000220")])  # Rugby: not reorganised
        []
    """
    out: list[dict[str, Any]] = []
    counties: dict[str, list[str]] = {}
    ceased = sorted(ceased_districts().values(), key=lambda c: c.name)
    for d in districts:
        for c in ceased:
            if c.successor == d.id:
                record = authority_record(
                    f"{slug(c.name)}-council",
                    f"{c.name} council (district)",
                    AuthorityCategory.DISTRICT_COUNCIL,
                    [d.id],
                    schedule_1("a district council", _ORDER_DOUBT.format(county=_COUNTIES[d.id])),
                )
                record["valid"]["end"] = REORGANISED_ON
                out.append(record)
        if d.id in _COUNTIES:
            counties.setdefault(_COUNTIES[d.id], []).append(d.id)
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
