"""``svduty init --area NAME`` names the police force area a name also stands for (areas55).

"Dorset" is a unitary area, a community safety partnership and a police force area. The
unitary is started from (``Geography.find``'s order) and ``init`` noted the other areas of
the name, one for each other set of districts, taking the first found: the partnership
Dorset (E22000367, which the tables give Bournemouth, Christchurch and Poole too), not the
police force area of the same districts (E23000039). A user who meant the force area was
not told its code. Found by ``benchmarks/geography_areas.py --forces``. The names are read
from the national geography by rule (every name two areas of the starting kinds share), not
listed here.
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import pytest

from svduty.areas import AreaKind, Geography, normalise_name
from svduty.cli import main
from svduty.io._area_names import STARTING_KINDS
from svduty.io._new_bundle import same_name, starting_districts

GEO = Geography.england_and_wales()
_GROUPS: dict[str, list[str]] = defaultdict(list)
for _kind in STARTING_KINDS:
    for _area in GEO.all(_kind):
        _GROUPS[normalise_name(_area.name)].append(_area.id)
SHARED = sorted(GEO.get(ids[0]).name for ids in _GROUPS.values() if len(ids) > 1)
WIDER = (AreaKind.POLICE_FORCE_AREA, AreaKind.COUNTY)


def _others(name: str) -> list[str]:
    """The police force areas and counties of the name that cover other districts."""
    chosen = starting_districts(GEO, [name])
    return [
        a.id
        for a in GEO.named(name)
        if a.kind in WIDER and starting_districts(GEO, [a.id]) != chosen
    ]


def test_names_are_shared_and_some_name_a_wider_area() -> None:
    assert any(_others(n) for n in SHARED)  # the test below checks something


@pytest.mark.parametrize("name", SHARED)
def test_every_wider_area_of_the_name_is_noted(name: str) -> None:
    noted = {a.id for a in same_name(GEO, name)}
    assert set(_others(name)) <= noted


@pytest.mark.parametrize("name", [n for n in SHARED if _others(n)])
def test_init_names_the_wider_area_s_code(tmp_path: Path, name: str) -> None:
    err = io.StringIO()
    code = main(["init", str(tmp_path / "b"), "--area", name], stdout=io.StringIO(), stderr=err)
    assert code == 0
    for other in _others(name):
        assert f"({other}); give its code" in err.getvalue()
