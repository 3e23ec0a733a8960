"""A sample of every kind of local government area, end to end (areas55).

``benchmarks/geography_areas.py`` runs ``svduty init`` (by code and by each name a user may
give), ``validate``, ``info``, the specified authorities day by day, ``classify`` of a
synthetic police.uk month of the area's LSOAs and ``explain`` for every local government
area of England and Wales and every two-tier county (PCSC Act 2022 s.11(4), s.23); this
test runs the same steps for the areas its ``sample`` rule chooses: of each kind the first
and the last by code, and every area whose name has a comma, a full stop or a letter
outside ASCII, the City of London and the Isles of Scilly (listed apart in s.11(4)) and
the unitary areas made on 1 April 2023. What each step checks is read from the ONS tables
with the csv module and pyarrow, not from svduty's geography.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "benchmarks" / "geography_areas.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("geography_areas_areas55", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


TOOL_MODULE = _tool()
TABLES = TOOL_MODULE.read_tables()
EVERY = TOOL_MODULE.areas(TABLES)
SAMPLE = TOOL_MODULE.sample(EVERY)


def test_every_kind_of_area_is_tried_and_sampled() -> None:
    kinds = {a.kind for a in EVERY}
    assert kinds == {"unitary", "district", "metropolitan", "london", "welsh", "county"}
    assert {a.kind for a in SAMPLE} == kinds
    assert len({a.code for a in EVERY}) == len(EVERY) > 300  # each area once
    assert all(set(a.districts) <= set(TABLES.pfa) for a in EVERY)  # districts of 2024


@pytest.mark.slow
@pytest.mark.parametrize("area", SAMPLE, ids=lambda a: f"{a.code}-{a.kind}")
def test_an_area_end_to_end(area: object, tmp_path: Path) -> None:
    assert TOOL_MODULE.try_area(area, TABLES, tmp_path) == {}


def test_the_check_of_authorities_can_fail() -> None:
    """The day-by-day check finds a police force area left out, a body twice and a mayor
    of the North East named before 7 May 2024 (so a pass above means something)."""
    area = next(a for a in EVERY if a.kind == "metropolitan")
    (pfa,) = TABLES.pfa[area.districts[0]]
    police = {"category": "chief_officer_of_police", "areas": [pfa], "valid": {}, "name": "p"}
    mayor = {
        "id": "m",
        "category": "local_policing_body",
        "areas": [pfa],
        "valid": {"start": "2023-01-31"},
        "name": "Mayor of the North East",
    }
    wrong = TOOL_MODULE.check_authorities(area, TABLES, [police, police, mayor])
    assert any("chief_officer_of_police" in w for w in wrong)  # twice
    assert any("named before 7 May 2024" in w for w in wrong)
    assert any("fire and rescue" in w for w in wrong)  # none
    assert any("no youth_offending_team" in w for w in wrong)
