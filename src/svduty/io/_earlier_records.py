"""The districts abolished in 2019-2021 as area records of the bundles of their successors.

The structural changes orders of 2018-2020 (Dorset; East and West Suffolk; Somerset West and
Taunton; Buckinghamshire; Northamptonshire) abolished districts before the Duty came into
force on 31 January 2023 (SI 2022/1227 reg 4): while the Duty has been in force, none of
them was "a district" (s.11(4)), so none is a local government area for which a body is a
specified authority (s.11(6)). svduty packages each with the article of the order that
abolished it (:func:`~svduty.areas._earlier.earlier_areas`); ``svduty init`` writes it into
the bundle of an area that holds its area now, as a record that ends the day it ceased, so
that asked of a day after it, the answer is ``no`` (s.11(4)) and cites the order, not
``undetermined`` for want of a record the package already holds.

Example:
    >>> from svduty.areas import Geography
    >>> r = earlier_area_records([Geography.england_and_wales().get("E06000061")])[0]
    >>> r["code"], r["name"], r["valid"], r["citation"]["provision"]
    ('E07000150', 'Corby', {'start': '1974-04-01', 'end': '2021-04-01'}, 'art 3(5)')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from svduty.areas import Area, AreaKind
from svduty.areas._earlier import earlier_areas
from svduty.io._new_records import cite

__all__ = ["earlier_area_records"]

_SINCE = "1974-04-01"
"""The day the districts of the Local Government Act 1972 began (each of these was one)."""

_DOUBT = (
    "a district (s.11(4)) until the order abolished it, before the Duty came into force on "
    "31 January 2023 (SI 2022/1227 reg 4), so no local government area on any day the Duty "
    "has been in force; the record's start (1 April 1974, when the Local Government Act "
    "1972's districts began) is not read from a source and decides no answer (a day before "
    "31 January 2023 is answered by commencement); the abolishing article was read"
)


def earlier_area_records(districts: Sequence[Area]) -> list[dict[str, Any]]:
    """Area records of the districts abolished in 2019-2021 whose area is now among ``districts``.

    Only districts and unitary areas (a county is no local government area, s.11(4)), each
    with the country it lies in as its one parent: it lay in no area of the Duty's life.

    Example:
        >>> from svduty.areas import Geography
        >>> geo = Geography.england_and_wales()
        >>> [r["name"] for r in earlier_area_records([geo.get("E06000060")])]
        ['Aylesbury Vale', 'Chiltern', 'South Bucks', 'Wycombe']
        >>> earlier_area_records([geo.get("E07000220")])
        []
    """
    ours = {d.id for d in districts}
    out: list[dict[str, Any]] = []
    for a in sorted(earlier_areas().values(), key=lambda a: a.name):
        if a.code.startswith("E10") or not ours.intersection(a.successors):
            continue
        c = a.citation
        out.append(
            {
                "code": a.code,
                "name": a.name,
                "kind": (AreaKind.UNITARY if a.code.startswith("E06") else AreaKind.DISTRICT).value,
                "parents": ["E92000001"],
                "valid": {"start": _SINCE, "end": a.ceased.isoformat()},
                "citation": cite(c.source.id, c.provision, _DOUBT),
            }
        )
    return out
