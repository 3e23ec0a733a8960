"""The specified authorities of a starting bundle (``svduty init``), from the ONS tables.

Schedule 1 implies, for each local government area, its council (or councils), the chief
officer of police and the local policing body (s.14) of its police area, its fire and
rescue authority, its integrated care board or Local Health Board, the probation service
and the youth offending team. What the tables cannot tell is written as an unconfirmed
placeholder with the doubt stated; what is known for a named area (the Metropolitan
Police's Commissioner and the Mayor's Office for Policing and Crime, the City of London's
Common Council, the London Fire Commissioner) is written as such.

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
from svduty.io._new_records import (
    COMMENCED,
    WELSH_COUNTIES,
    as_county_council,
    cite,
    handover,
    plain_name,
    schedule_4_words,
    slug,
)
from svduty.io._new_records import authority_record as _authority
from svduty.io._new_records import schedule_1 as _sch1
from svduty.io._north_yorkshire_fire import north_yorkshire_fire
from svduty.io._scilly_team import CORNWALL, cornwall_for_scilly, team_areas
from svduty.sources import Confidence

__all__ = ["COMMENCED", "authorities", "cite", "plain_name", "slug"]

_C = AuthorityCategory


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
        cat, name = _C.LONDON_BOROUGH_COUNCIL, f"London Borough of {d.name} council"
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
        citation = _sch1(
            "a district council",
            "a unitary council is either a district council or a county council for an "
            "area with no district councils; which, and its formal name, are not in the "
            "ONS tables",
        )
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
_LONDON_FIRE = "E31000046"


def _police_name(pfa: Area) -> str:
    """The police area's name as people write it (ONS: "London, City of")."""
    return "City of London" if pfa.id == _CITY else pfa.name


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
        f"{slug(_police_name(pfa))}-police",
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
    elif pfa.id in _PFCC_POLICE:
        name = f"Police, Fire and Crime Commissioner for {pfa.name}"
        citation = cite(
            "pcsc-act-2022",
            "s.14",
            "a police, fire and crime commissioner, also the area's fire and rescue authority "
            f"(svduty's reading, not in the ONS tables{_PFCC_POLICE[pfa.id]}): check",
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


_NORTH_YORKSHIRE_FIRE = "E31000027"
_GREATER_MANCHESTER_FIRE = "E31000040"


def _fire_and_rescue_bodies(fra: Area, county: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The fire and rescue authorities of an area since the duty began, each dated.

    North Yorkshire's was the Police, Fire and Crime Commissioner (as fire and rescue
    authority) until 20 December 2023 and the York and North Yorkshire Combined Authority
    from 7 May 2024; between, which is in doubt (:mod:`svduty.io._north_yorkshire_fire`):
    one fire and rescue authority at a time, by either reading. ``county``: the
    council of the county (two-tier or unitary) whose area the fire and rescue authority's
    is (that council is the fire and rescue authority, in a second capacity).
    """
    record = _fire_and_rescue(fra) if county is None else _county_fire(fra, county)
    if fra.id in _PFCC_FIRE:
        return _commissioner_fire(fra, record)
    if fra.id != _NORTH_YORKSHIRE_FIRE:
        return [record]
    former = _authority(
        "north-yorkshire-commissioner-fire-and-rescue-authority",
        "Police, Fire and Crime Commissioner for North Yorkshire (as fire and rescue authority)",
        _C.FIRE_AND_RESCUE_AUTHORITY,
        [fra.id],
        _sch1(
            "a fire and rescue authority",
            "the commissioner (Fire and Rescue Services Act 2004 s.4A) until the combined "
            "authority took over, on 7 May 2024 or 20 December 2023 (SI 2023/1432 art 1(2), "
            "(3), art 41: see in_doubt; not in the ONS tables): check the order",
        ),
    )
    record["name"] = "York and North Yorkshire Combined Authority (as fire and rescue authority)"
    record["citation"]["doubt"] = "the combined authority, its functions exercised by the " + (
        "Mayor (SI 2023/1432 art 41, 42(1); see in_doubt; not in the ONS tables): check it"
    )
    return north_yorkshire_fire(former, record)


_PFCC_POLICE = {  # police areas whose commissioner is also the fire and rescue authority
    "E23000028": "",  # Essex (since 2017)
    "E23000022": "",  # Northamptonshire (since 2019)
    "E23000015": "",  # Staffordshire (since 2018)
    "E23000002": "; the fire and rescue authority from 1 April 2023",  # Cumbria
}
_PFCC_FIRE = {  # their fire and rescue authority areas
    "E31000015": "Essex",
    "E31000028": "Northamptonshire",
    "E31000033": "Staffordshire",
    "E31000009": "Cumbria",
}
_CUMBRIA_FIRE = "E31000009"


def _commissioner_fire(fra: Area, record: dict[str, Any]) -> list[dict[str, Any]]:
    """A police, fire and crime commissioner as fire and rescue authority.

    Fire and Rescue Services Act 2004 s.4A; Cumbria's from 1 April 2023, the county
    council before.
    """
    county = _PFCC_FIRE[fra.id]
    record["name"] = (
        f"Police, Fire and Crime Commissioner for {county} (as fire and rescue authority)"
    )
    record["citation"]["doubt"] = (
        "the police, fire and crime commissioner is the fire and rescue authority under an "
        "order of Fire and Rescue Services Act 2004 s.4A (svduty's reading, not in the ONS "
        "tables; the order was not read): check"
    )
    if fra.id != _CUMBRIA_FIRE:
        return [record]
    former = _authority(
        "cumbria-county-council-fire-and-rescue-authority",
        "Cumbria County Council (as fire and rescue authority)",
        _C.FIRE_AND_RESCUE_AUTHORITY,
        [fra.id],
        _sch1(
            "a fire and rescue authority",
            "the county council until its abolition on 1 April 2023, when the commissioner "
            "took over (the Cumbria (Structural Changes) Order 2022, not read): check",
        ),
    )
    former["same_body_as"] = "cumbria-county-council"
    return handover(former, record, c23.REORGANISED_ON)


_FRA = "a fire and rescue authority"
_SUCCESSORS = {  # fire and rescue authority area -> the body that took the named one's place
    _LONDON_FIRE: (
        "london-fire-commissioner",
        "London Fire Commissioner",
        "the ONS tables name the London Fire and Emergency Planning Authority, which the "
        "London Fire Commissioner replaced in 2018 (Policing and Crime Act 2017); check the "
        "Schedule 1 row",
    ),
    _GREATER_MANCHESTER_FIRE: (
        "greater-manchester-combined-authority-fire-and-rescue-authority",
        "Greater Manchester Combined Authority (as fire and rescue authority)",
        "the ONS tables name the Greater Manchester fire and rescue authority, whose "
        "functions the Combined Authority (the Mayor exercising them) took over on 8 May "
        "2017 (SI 2017/469 art 3): check the Schedule 1 row",
    ),
}


def _county_fire(fra: Area, council: dict[str, Any]) -> dict[str, Any]:
    """A county council as fire and rescue authority for its county: one body (FRSA s.1(2)(a))."""
    record = _authority(
        f"{slug(fra.name)}-fire-and-rescue-authority",
        f"{council['name']} (as fire and rescue authority)",
        _C.FIRE_AND_RESCUE_AUTHORITY,
        [fra.id],
        _sch1(
            _FRA,
            "the council of the county is the fire and rescue authority for it (Fire and "
            "Rescue Services Act 2004 s.1(2)(a)) where, as here, the ONS tables' fire and "
            "rescue authority area is the county's (no s.4A order is in them): check",
        ),
    )
    record["same_body_as"] = council["id"]
    as_county_council(council, "its fire and rescue authority as the county's council (s.1(2)(a))")
    return record


def _fire_and_rescue(fra: Area) -> dict[str, Any]:
    """The fire and rescue authority; in London the London Fire Commissioner.

    On the Isles of Scilly, the Council (one body in two capacities: ``same_body_as``).
    """
    if fra.id in _SUCCESSORS:  # the body the ONS tables name was replaced
        ident, name, doubt = _SUCCESSORS[fra.id]
        return _authority(ident, name, _C.FIRE_AND_RESCUE_AUTHORITY, [fra.id], _sch1(_FRA, doubt))
    if fra.name == "Isles of Scilly":
        record = _authority(
            "isles-of-scilly-fire-and-rescue-authority",
            "Council of the Isles of Scilly (as fire and rescue authority)",
            _C.FIRE_AND_RESCUE_AUTHORITY,
            [fra.id],
            _sch1(
                "a fire and rescue authority",
                "the Council of the Isles of Scilly is the fire and rescue authority for "
                "the islands (Fire and Rescue Services Act 2004 s.1(2)(e), as enacted)",
            ),
        )
        record["same_body_as"] = "isles-of-scilly-council"
        return record
    return _authority(
        f"{slug(fra.name)}-fire-and-rescue-authority",
        f"{fra.name} fire and rescue authority",
        _C.FIRE_AND_RESCUE_AUTHORITY,
        [fra.id],
        _sch1(
            "a fire and rescue authority",
            "the authority's formal name and form (combined fire authority, "
            "county council, mayor) are not in the ONS tables"
            if fra.id.startswith("E")
            else "the authority's formal name is not in the ONS tables; in Wales each of "
            "the three is a combined fire and rescue authority (svduty's reading): check",
        ),
    )


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
            for record in _fire_and_rescue_bodies(fra, owner):
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
        "Probation Service (probation delivery unit to name)",
        _C.PROVIDER_OF_PROBATION_SERVICES,
        [*(d.id for d in districts), *c23.ceased_codes(districts)],
        _sch1(
            "a provider of probation services",
            "the probation delivery unit(s) operating in these areas are not in the ONS "
            "tables: name them",
        ),
    )
    probation["provider_is_secretary_of_state"] = True
    add(probation)
    cornwall_for_scilly(upper, add, _council(geo.get(CORNWALL)))  # CDA 1998 s.42(2)
    for area_id, council_id in upper.items():
        ons_name = geo.get(area_id).name
        name = plain_name(ons_name)
        yot = _authority(
            f"{slug(ons_name)}-youth-justice-service",
            f"{name} youth offending team (youth justice service to name)",
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
