"""The fire and rescue authorities of a starting bundle (``svduty init``), each dated.

Schedule 1 names the fire and rescue authority of an area (FRSA 2004 s.1). Most areas'
is one body since the duty began; some changed hands, and each record says from when:
a police, fire and crime commissioner who became the authority (Essex, Northamptonshire,
Staffordshire, Cumbria from 1 April 2023), North Yorkshire's commissioner then its
combined authority's mayor, Greater Manchester's mayor, the London Fire Commissioner,
and a county council that is itself the authority. What the tables cannot tell is an
unconfirmed placeholder with the doubt stated. Used by
:func:`~svduty.io._new_authorities.authorities`.

Example:
    >>> from svduty.areas import Geography
    >>> geo = Geography.england_and_wales()
    >>> [r["name"] for r in fire_and_rescue_bodies(geo.get("E31000046"), None)]
    ['London Fire Commissioner']
"""

from __future__ import annotations

from typing import Any

from svduty.areas import Area
from svduty.authorities import AuthorityCategory
from svduty.io import _councils_2023 as c23
from svduty.io._new_records import (
    as_county_council,
    handover,
    slug,
)
from svduty.io._new_records import authority_record as _authority
from svduty.io._new_records import schedule_1 as _sch1
from svduty.io._north_yorkshire_fire import north_yorkshire_fire

__all__ = ["PFCC_POLICE", "fire_and_rescue_bodies"]

_C = AuthorityCategory


_LONDON_FIRE = "E31000046"
_NORTH_YORKSHIRE_FIRE = "E31000027"
_GREATER_MANCHESTER_FIRE = "E31000040"


def fire_and_rescue_bodies(fra: Area, county: dict[str, Any] | None) -> list[dict[str, Any]]:
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


PFCC_POLICE = {  # police areas whose commissioner is also the fire and rescue authority
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
