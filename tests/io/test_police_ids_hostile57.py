"""The police records ``svduty init`` writes for every police force area of the ONS table.

ONS names one police area by its force ("Metropolitan Police"): ``init`` made its chief
officer's id of the name and ``-police`` again, ``metropolitan-police-police``. Every police
area of ``lad24-csp24-pfa24.csv`` (England's 39, the City of London among them, and
Wales's 4) is written here, each through one of its districts as ``init`` writes it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from svduty._ids import is_id
from svduty.areas import Geography
from svduty.io._new_authorities import authorities, police_id, slug

GEO = Geography.england_and_wales()
_TABLE = Path("/work/shared/data/ons/national/lad24-csp24-pfa24.csv")
_SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "ons" / "national"
TABLE = _SHARED / _TABLE.name if (_SHARED / _TABLE.name).exists() else _TABLE


def _police_areas() -> dict[str, str]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return {row["pfa24_code"]: row["pfa24_name"] for row in csv.DictReader(f)}


POLICE_AREAS = _police_areas() if TABLE.exists() else {}


def _records(code: str) -> list[dict[str, Any]]:
    district = GEO.get(sorted(GEO.district_codes_within(code))[0])
    return authorities(GEO, [district])


def _one(records: list[dict[str, Any]], category: str) -> dict[str, Any]:
    (record,) = [r for r in records if r["category"] == category]
    return record


@pytest.mark.skipif(not POLICE_AREAS, reason="the ONS tables are not beside the clone")
def test_the_table_has_every_force() -> None:
    assert len(POLICE_AREAS) == 43
    assert sum(code.startswith("W15") for code in POLICE_AREAS) == 4


@pytest.mark.skipif(not POLICE_AREAS, reason="the ONS tables are not beside the clone")
def test_every_forces_ids_say_police_once_and_differ() -> None:
    chiefs: dict[str, str] = {}
    others: list[str] = []
    for code, name in sorted(POLICE_AREAS.items()):
        records = _records(code)
        chief = _one(records, "chief_officer_of_police")
        assert chief["areas"] == [code]
        assert chief["id"] == police_id(GEO.get(code))
        assert is_id(chief["id"]), chief["id"]
        words = chief["id"].split("-")
        assert words[-1] == "police", chief["id"]
        assert words.count("police") == 1, chief["id"]
        # the name's words, then "police" unless the name ends in it
        expected = slug(name if code != "E23000034" else "City of London").split("-")
        assert words[: len(expected)] == expected, (name, chief["id"])
        chiefs[chief["id"]] = code
        policing = [r for r in records if r["category"] == "local_policing_body"]
        others += [r["id"] for r in policing]
        for record in policing:
            assert "police-police" not in record["id"], record["id"]
    assert len(chiefs) == len(POLICE_AREAS)  # one id a force
    assert not set(chiefs) & set(others)


def test_london_and_the_city() -> None:
    assert police_id(GEO.get("E23000001")) == "metropolitan-police"
    assert police_id(GEO.get("E23000034")) == "city-of-london-police"
    assert _one(_records("E09000007"), "chief_officer_of_police")["id"] == "metropolitan-police"
