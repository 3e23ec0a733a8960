"""Northumbria's local policing body from 7 May 2024: the North East's mayor (areas55).

The North East Mayoral Combined Authority (SI 2024/402, in force 7 May 2024) took over the
functions of the Police and Crime Commissioner for Northumbria: its mayor has been the
police area's local policing body (s.14) since. ``svduty init`` for Newcastle, Northumberland
or the Northumbria police force area gave the commissioner alone, from 31 January 2023 with
no end (a body that no longer existed on the day asked), while South Yorkshire's and York
and North Yorkshire's mayors of the same day were dated. Before 7 May 2024 no record may
name the mayor or the combined authority; Durham's police area (County Durham is in the
combined authority, Darlington is not) keeps its commissioner.

The police areas are found by rule: those whose districts all lie in the North East
combined authority's constituent councils' areas (``io._combined_areas.combined_area``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from svduty.areas import Geography
from svduty.io._combined_areas import combined_area
from svduty.io._new_authorities import authorities

GEO = Geography.england_and_wales()
DAY = date(2024, 5, 7)  # SI 2024/402
NORTH_EAST = combined_area(GEO, "North East Combined Authority")
assert NORTH_EAST is not None
FORCES = [f.id for f in NORTH_EAST.whole]
PARTLY = [f.id for f in NORTH_EAST.part]


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


def _mayoral(record: dict[str, Any]) -> bool:
    return "mayor" in record["name"].lower() or "north east" in record["name"].lower()


def test_the_rule_finds_the_police_areas() -> None:
    assert FORCES  # Northumbria
    assert PARTLY  # Durham


@pytest.mark.parametrize("force", FORCES)
def test_the_mayor_from_7_may_2024_and_not_before(force: str) -> None:
    (before,) = _bodies(force, date(2024, 5, 6))
    (after,) = _bodies(force, DAY)
    assert not _mayoral(before)
    assert before["name"].startswith("Police and Crime Commissioner")
    assert _mayoral(after)
    assert "SI 2024/402" in after["citation"]["doubt"]
    assert after["citation"]["confidence"] == before["citation"]["confidence"] == "unconfirmed"
    for day in (date(2023, 1, 31), date(2024, 5, 6)):
        assert not any(_mayoral(r) for r in _bodies(force, day))


@pytest.mark.parametrize("force", FORCES)
def test_each_district_of_the_area_gets_the_same_bodies(force: str) -> None:
    for d in sorted(GEO.district_codes_within(force)):
        assert [r["id"] for r in _bodies(d, DAY)] == [r["id"] for r in _bodies(force, DAY)]


@pytest.mark.parametrize("force", PARTLY)
def test_a_police_area_partly_outside_keeps_its_commissioner(force: str) -> None:
    for day in (date(2024, 5, 6), DAY, date.today()):
        (body,) = _bodies(force, day)
        assert not _mayoral(body)
