"""The specified authorities of a starting bundle (``svduty init``), from the ONS tables.

Schedule 1 implies, for each local government area, its council (or councils), the chief
officer of police and the local policing body (s.14) of its police area, its fire and
rescue authority, its integrated care board or Local Health Board, the probation service
and the youth offending team. What the tables cannot tell is written as an unconfirmed
placeholder with the doubt stated (the Probation Service's region and delivery unit: no
table of them is in svduty's data, :data:`PROBATION_DOUBT`); what is known for a named
area (the Metropolitan Police's Commissioner and the Mayor's Office for Policing and
Crime, the City of London's Common Council, the London Fire Commissioner) is written as
such.

Example:
    >>> from svduty.areas import Geography
    >>> geo = Geography.england_and_wales()
    >>> [a["name"] for a in authorities(geo, [geo.get("E09000007")])][1:3]
    ['Commissioner of Police of the Metropolis', "Mayor's Office for Policing and Crime"]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from svduty.areas import Area, AreaKind, Geography
from svduty.authorities import AuthorityCategory
from svduty.authorities._areas_served import local_councils
from svduty.authorities._categories import CATEGORIES
from svduty.io import _councils_2023 as c23
from svduty.io._new_fire import PFCC_POLICE, fire_and_rescue_bodies
from svduty.io._new_records import (
    COMMENCED,
    WELSH_COUNTIES,
    cite,
    handover,
    plain_name,
    schedule_4_words,
    slug,
)
from svduty.io._new_records import authority_record as _authority
from svduty.io._new_records import schedule_1 as _sch1
from svduty.io._scilly_team import CORNWALL, cornwall_for_scilly, team_areas
from svduty.sources import Confidence

__all__ = [
    "COMMENCED",
    "PROBATION_DOUBT",
    "PROBATION_NAME",
    "TO_NAME",
    "UNITARY_DOUBT",
    "authorities",
    "cite",
    "plain_name",
    "police_id",
    "slug",
]

_C = AuthorityCategory

TO_NAME = "to name"
"""The words of a name ``svduty init`` cannot know (``svduty validate`` lists them)."""

PROBATION_NAME = f"Probation Service: probation delivery unit {TO_NAME} (region {TO_NAME})"
"""The probation record's name until the partnership names its unit and region."""

PROBATION_DOUBT = (
    "the Probation Service's region whose area contains these areas, and the probation "
    "delivery unit(s) operating in them, are to fill in: no table of probation regions or "
    "units is in the data svduty packages (the ONS tables name neither; an ONS region (E12) "
    "in areas.toml is a statistical region, not the Probation Service's), so svduty names "
    "none; name the region and the unit(s), with their source"
)
"""What ``svduty init`` cannot tell of the provider of probation services (Sch 1)."""


UNITARY_DOUBT = (
    "a unitary area is a district (s.11(4)(a)) whose one council is, in law, either its "
    "district council (Sch 1, 'A district council': 'The district') or a county council "
    "for an area for which there are no district councils (Sch 1: 'The district which "
    "coincides with the council's area'); the rows exclude each other, and under either "
    "s.11(6) makes the council a specified authority for this district, so which row "
    "changes no area it is an authority for. Which it is, the order that made the area "
    "unitary says, not the Act or the ONS tables: recorded as a district council (the "
    "first row) unless svduty reads otherwise (its fire and rescue authority, a "
    "structural changes order); if the order made it a county council, set category = "
    "'county_council_no_districts'. Its formal name is not in the ONS tables: check it"
)
"""The doubt ``svduty init`` writes for a unitary area's council: which Schedule 1 row."""


def _row(category: AuthorityCategory, table: str) -> dict[str, str]:
    """A health board's Schedule 1 row: its doubt, and the ONS table of its name and area.

    Example:
        >>> c = _row(AuthorityCategory.LOCAL_HEALTH_BOARD, "ons-lad21-lhb22")
        >>> c["provision"], c["confidence"]
        ('Sch 1 (a local health board)', 'unconfirmed')
    """
    row = CATEGORIES[category]
    confirmed = row.citation.confidence is not Confidence.UNCONFIRMED
    unread = row.join_citation if confirmed else row.citation  # what of the row is not read
    doubt = f"{unread.doubt}; the board's name and area are the ONS table {table}'s"
    return _sch1(category.a, doubt)


def _council(d: Area) -> dict[str, Any]:
    name_doubt = (
        "the council's formal name (district, borough or city council) is not in the ONS "
        "tables; check it"
    )
    if d.id == "E09000001":
        cat, name, citation = (
            _C.COMMON_COUNCIL,
            "Common Council of the City of London",
            _sch1("the Common Council of the City of London"),
        )
    elif d.id == "E06000053":
        cat, name = _C.COUNCIL_OF_THE_ISLES_OF_SCILLY, "Council of the Isles of Scilly"
        citation = _sch1("the Council of the Isles of Scilly")
    elif d.kind is AreaKind.LONDON_BOROUGH:
        cat, name = _C.LONDON_BOROUGH_COUNCIL, f"{d.name} council (London borough)"
        citation = _sch1("a London borough council", name_doubt)
    elif d.kind is AreaKind.WELSH_PRINCIPAL_AREA:
        by_code = local_councils(d.id)  # its Part of Sch 4, by its code; else by its name
        county_ = by_code == (_C.WELSH_COUNTY_COUNCIL,) or (
            len(by_code) != 1 and d.name.lower() in WELSH_COUNTIES
        )
        cat = _C.WELSH_COUNTY_COUNCIL if county_ else _C.WELSH_COUNTY_BOROUGH_COUNCIL
        kind = "county" if county_ else "county borough"
        name = f"{d.name} council ({kind})"
        citation = _sch1(
            f"a {kind} council in Wales",
            "the council's formal name (a city, county or county borough council, or "
            "another: 'City and County of Swansea') is not in the ONS tables; check it (that "
            f"the area is a {kind} is the {schedule_4_words(d.id)})",
        )
    elif d.kind is AreaKind.UNITARY:
        cat, name = _C.DISTRICT_COUNCIL, f"{plain_name(d.name)} Council"
        citation = _sch1("a district council", UNITARY_DOUBT)
    else:
        cat, name = _C.DISTRICT_COUNCIL, f"{plain_name(d.name)} council (district)"
        citation = _sch1("a district council", name_doubt)
    return _authority(f"{slug(d.name)}-council", name, cat, [d.id], citation)


_MET, _CITY = "E23000001", "E23000034"
_MAYORS = {  # police areas whose mayor exercises the police and crime commissioner's functions
    "E23000005": "Mayor of Greater Manchester",
    "E23000009": "Mayor of York and North Yorkshire",
    "E23000010": "Mayor of West Yorkshire",
    "E23000011": "Mayor of South Yorkshire",
}
_SUCCEEDED = {
    # police areas where the mayor took over the commissioner's functions after s.14 came
    # into force (31 January 2023): until then a (police, fire and) crime commissioner was
    # the local policing body. Sources seen (legislation.gov.uk, not in svduty's source
    # registry, so the records stay unconfirmed): South Yorkshire, SI 2024/414 art 4(2)
    # ("no police and crime commissioner for the Area from 7th May 2024"); York and North
    # Yorkshire, SI 2023/1432 art 1(3) (articles 27, 41(1) and 42-44 in force on 7 May
    # 2024; which of them transfers the commissioner's functions was not read).
    "E23000009": (
        "2024-05-07",
        "Police, Fire and Crime Commissioner for North Yorkshire",
        "SI 2023/1432 art 1(3)",
    ),
    "E23000011": (
        "2024-05-07",
        "Police and Crime Commissioner for South Yorkshire",
        "SI 2024/414 art 4(2)",
    ),
    # not a mayor: Cumbria's commissioner became the police, fire and crime commissioner
    # (and the fire and rescue authority) on 1 April 2023 (the Police, Fire and Crime
    # Commissioner for Cumbria (Fire and Rescue Authority) Order 2022; a researcher's review)
    "E23000002": ("2023-04-01", "Police and Crime Commissioner for Cumbria", "SI 2022/1230"),
}


def _police_name(pfa: Area) -> str:
    """The police area's name as people write it (ONS: "London, City of")."""
    return "City of London" if pfa.id == _CITY else pfa.name


def police_id(pfa: Area) -> str:
    """The chief officer of police's id: the police area's name and ``-police`` once.

    ONS names one police area by its force ("Metropolitan Police"): its id is not
    ``metropolitan-police-police``.

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> [police_id(geo.get(c)) for c in ("E23000001", "E23000034", "W15000004")]
        ['metropolitan-police', 'city-of-london-police', 'dyfed-powys-police']
    """
    words = slug(_police_name(pfa))
    return words if words.endswith("-police") else f"{words}-police"


def _chief_officer(pfa: Area) -> dict[str, Any]:
    """The chief officer of police: a Commissioner in London, a Chief Constable elsewhere."""
    name = {
        _MET: "Commissioner of Police of the Metropolis",
        _CITY: "Commissioner of Police for the City of London",
    }.get(pfa.id, f"Chief Constable of {pfa.name} Police")
    check = "; the force's formal title is not in the ONS tables; check it"
    title = "" if pfa.id in (_MET, _CITY) else check
    doubt = f"{CATEGORIES[_C.CHIEF_OFFICER_OF_POLICE].citation.doubt}{title}"
    return _authority(
        police_id(pfa),
        name,
        _C.CHIEF_OFFICER_OF_POLICE,
        [pfa.id],
        _sch1("a chief officer of police for a police area", doubt),
    )


def _local_policing_body(pfa: Area) -> dict[str, Any]:
    """The local policing body (s.14): MOPAC, the Common Council, a mayor or a PCC."""
    if pfa.id == _MET:
        name = "Mayor's Office for Policing and Crime"
        citation = cite("svd-guidance", "para 6 (local policing bodies)")
        citation["confidence"] = "secondary"
    elif pfa.id == _CITY:
        name = "Common Council of the City of London (as police authority)"
        citation = cite("svd-guidance", "para 6 (local policing bodies)")
        citation["confidence"] = "secondary"
    elif pfa.id in PFCC_POLICE:
        name = f"Police, Fire and Crime Commissioner for {pfa.name}"
        citation = cite(
            "pcsc-act-2022",
            "s.14",
            "a police, fire and crime commissioner, also the area's fire and rescue authority "
            f"(svduty's reading, not in the ONS tables{PFCC_POLICE[pfa.id]}): check",
        )
    elif pfa.id in _MAYORS:
        name = f"{_MAYORS[pfa.id]} (police and crime commissioner functions)"
        citation = cite(
            "pcsc-act-2022",
            "s.14",
            "a mayor exercises the police and crime commissioner's functions for this police "
            "area (svduty's reading, not in the ONS tables): check the date and the form",
        )
    else:
        name = f"Police and Crime Commissioner for {pfa.name}"
        mayor = "" if pfa.id.startswith("W") else ", and a mayor may exercise those functions"
        citation = cite(
            "pcsc-act-2022",
            "s.14",
            "the local policing body is taken to be a police and crime commissioner; the "
            f"ONS tables do not say{mayor}: check",
        )
    return _authority(
        f"{slug(_police_name(pfa))}-local-policing-body",
        name,
        _C.LOCAL_POLICING_BODY,
        [pfa.id],
        citation,
    )


def _local_policing_bodies(pfa: Area) -> list[dict[str, Any]]:
    """The police area's local policing bodies since s.14 came into force, each dated.

    Where a mayor took over the commissioner's functions later, or the commissioner became
    a police, fire and crime commissioner (:data:`_SUCCEEDED`), one record until then and
    one from then: one local policing body at a time.
    """
    lpb = _local_policing_body(pfa)
    if pfa.id not in _SUCCEEDED:
        return [lpb]
    day, name, order = _SUCCEEDED[pfa.id]
    then = "the mayor took over its functions" if pfa.id in _MAYORS else "it became the PFCC"
    former = _authority(
        f"{slug(_police_name(pfa))}-police-and-crime-commissioner",
        name,
        _C.LOCAL_POLICING_BODY,
        [pfa.id],
        cite(
            "pcsc-act-2022",
            "s.14",
            f"the commissioner was the local policing body until {day}, when {then} "
            f"({order}; not in the ONS tables): check the order",
        ),
    )
    lpb["citation"]["doubt"] += f"; from {day} ({order})"
    return handover(former, lpb, day)


def authorities(geo: Geography, districts: Sequence[Area]) -> list[dict[str, Any]]:
    """The specified authorities (and local policing bodies) of some districts, as records.

    Each record is an ``[[authorities]]`` table of ``authorities.toml``; a body serving
    several of the districts is written once.

    Example:
        >>> geo = Geography.england_and_wales()
        >>> records = authorities(geo, [geo.get("W06000015")])  # Cardiff
        >>> [(r["category"], r.get("nation")) for r in records][:2]
        [('welsh_county_council', None), ('chief_officer_of_police', 'wales')]
    """
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(record: dict[str, Any]) -> None:
        if record["id"] not in seen:
            seen.add(record["id"])
            out.append(record)

    upper: dict[str, str] = {}  # upper-tier area -> id of its council
    earlier = c23.before_1_april_2023(districts)  # Cumbria, North Yorkshire, Somerset
    later = c23.reorganised(districts)  # the unitary areas, whose councils began later
    for d in districts:
        counties = geo.parents(d.id, AreaKind.COUNTY)
        council = _council(d)
        if d.id in later:
            council["valid"] = {"start": c23.REORGANISED_ON}
            c23.continued_county_council(council, d.id)
        add(council)
        upper[d.id] = council["id"]
        for c in counties:
            cc = _authority(
                f"{slug(c.name)}-county-council",
                f"{c.name} County Council",
                _C.COUNTY_COUNCIL,
                [c.id],
                _sch1("any other county council in England"),
            )
            add(cc)
            upper.pop(d.id, None)
            upper[c.id] = cc["id"]
    for d in districts:
        for pfa in geo.parents(d.id, AreaKind.POLICE_FORCE_AREA):
            add(_chief_officer(pfa))
            for lpb in _local_policing_bodies(pfa):
                if pfa.id == _CITY and "city-of-london-council" in seen:
                    lpb["same_body_as"] = "city-of-london-council"  # the Common Council
                add(lpb)
        for fra in geo.parents(d.id, AreaKind.FIRE_AND_RESCUE_AUTHORITY):
            area = set(geo.district_codes_within(fra.id))  # a county's, or a unitary's:
            same = [upper[c] for c in upper if set(geo.district_codes_within(c)) == area]
            owner = next((r for r in out if same and r["id"] == same[0]), None)
            owner = None if d.id == "E06000053" else owner  # Scilly's: s.1(2)(e)
            for record in fire_and_rescue_bodies(fra, owner):
                add(record)
        health = (
            (AreaKind.INTEGRATED_CARE_BOARD, _C.INTEGRATED_CARE_BOARD, "ons-lsoa21-icb24"),
            (AreaKind.LOCAL_HEALTH_BOARD, _C.LOCAL_HEALTH_BOARD, "ons-lad21-lhb22"),
        )
        for kind, category, table in health:
            for board in geo.parents(d.id, kind):
                add(
                    _authority(
                        slug(board.name), board.name, category, [board.id], _row(category, table)
                    )
                )
    probation = _authority(
        "probation-service",
        PROBATION_NAME,
        _C.PROVIDER_OF_PROBATION_SERVICES,
        [*(d.id for d in districts), *c23.ceased_codes(districts)],
        _sch1("a provider of probation services", PROBATION_DOUBT),
    )
    probation["provider_is_secretary_of_state"] = True
    add(probation)
    cornwall_for_scilly(upper, add, _council(geo.get(CORNWALL)))  # CDA 1998 s.42(2)
    for area_id, council_id in upper.items():
        ons_name = geo.get(area_id).name
        name = plain_name(ons_name)
        yot = _authority(
            f"{slug(ons_name)}-youth-justice-service",
            f"{name} youth offending team (youth justice service {TO_NAME})",
            _C.YOUTH_OFFENDING_TEAM,
            team_areas(area_id),
            _sch1(
                "a youth offending team",
                "the team established by this local authority (Crime and Disorder Act "
                "1998 s.39), its name, and whether it is shared with a neighbour, are not in "
                "the ONS tables",
            ),
        )
        yot["established_by"] = [council_id]
        if area_id in later:
            yot["valid"] = {"start": c23.REORGANISED_ON}
        add(yot)
    for record in earlier:
        add(record)
    return out
