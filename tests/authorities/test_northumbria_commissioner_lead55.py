"""Northumbria's local policing body stays its commissioner after 7 May 2024 (lead55).

areas55 read the North East Mayoral Combined Authority (SI 2024/402, in force 7 May 2024) as
taking over the functions of the Police and Crime Commissioner for Northumbria, as South
Yorkshire's and York and North Yorkshire's mayors did that day, and wrote the mayor as the
police area's local policing body from then. The order transferred no such functions: the
Northumbria commissioner's office went on, and an election for it was held on 2 May 2024
(the commissioner then in office stood for mayor instead; her successor took office the
following week). The lead reverted the change before it landed; these tests pin what
``svduty init`` writes: one local policing body for each police area of the North East on
any day, a commissioner, never the North East's mayor.

The police areas are found by rule: those whose districts lie in the North East combined
authority's constituent councils' areas (``io._combined_areas.combined_area``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from svduty.areas import Geography
from svduty.io._combined_areas import combined_area
from svduty.io._new_authorities import authorities

GEO = Geography.england_and_wales()
NORTH_EAST = combined_area(GEO, "North East Combined Authority")
assert NORTH_EAST is not None
FORCES = [f.id for f in (*NORTH_EAST.whole, *NORTH_EAST.part)]
DAYS = (date(2023, 1, 31), date(2024, 5, 6), date(2024, 5, 7), date(2026, 12, 7))


def _on(record: dict[str, Any], day: date) -> bool:
    start = date.fromisoformat(record["valid"]["start"])
    end = record["valid"].get("end")
    return start <= day and (end is None or day < date.fromisoformat(end))


def _bodies(code: str, day: date) -> list[dict[str, Any]]:
    districts = [GEO.get(d) for d in sorted(GEO.district_codes_within(code))]
    return [
        r
        for r in authorities(GEO, districts)
        if r["category"] == "local_policing_body" and _on(r, day)
    ]


def test_the_rule_finds_northumbria_and_durham() -> None:
    assert len(FORCES) == len(set(FORCES)) >= 2


@pytest.mark.parametrize("force", FORCES)
@pytest.mark.parametrize("day", DAYS)
def test_one_commissioner_on_every_day_and_no_mayor(force: str, day: date) -> None:
    (body,) = _bodies(force, day)
    assert body["name"].startswith("Police and Crime Commissioner")
    assert "mayor" not in body["name"].lower()
