"""``svduty init --area`` for a region, a country or a district abolished in 2023 (users53b).

A new user's walk-through (users53) found: ``--area "Greater London"`` suggested 'Greater
Manchester' (another place); ``--area London`` said "is a region" and stopped there, not
saying what a bundle could start from; ``--area Harrogate`` named Harrogate from the
national tables, then hid the text given as "(got a string of 9 characters, not shown)",
though a name the tables hold is no personal data; and ``--area "West Midlands"`` started
a bundle for the police force area with no word that the name is a region's too.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from svduty.areas import AreaKind, Geography
from svduty.areas._ceased import ceased_districts
from svduty.cli import main
from svduty.io._new_records import plain_name


def _init(tmp_path: Path, area: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(["init", str(tmp_path / "b"), "--area", area], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def _forces(geo: Geography, code: str) -> set[str]:
    """The police force areas the tables place a region's or country's districts in."""
    return {
        f.id
        for d in geo.districts_within(code)
        for f in geo.parents(d.id, AreaKind.POLICE_FORCE_AREA)
    }


@pytest.mark.parametrize("given", ["Greater London", "greater london", "London", "E12000007"])
def test_london_names_its_two_police_force_areas(tmp_path: Path, given: str) -> None:
    code, err = _init(tmp_path, given)
    assert code == 1
    assert err.startswith("svduty init: error: --area: E12000007 (London) is a region;"), err
    assert "Manchester" not in err  # never a fuzzy match that is another place
    assert "33 local government areas" in err
    assert "Metropolitan Police (E23000001)" in err
    assert "City of London (E23000034)" in err
    assert not (tmp_path / "b").exists()


def test_every_region_and_country_names_the_police_force_areas_it_holds(tmp_path: Path) -> None:
    geo = Geography.england_and_wales()
    places = [*geo.all(AreaKind.REGION), *geo.all(AreaKind.COUNTRY)]
    assert len(places) >= 10  # nine English regions, and Wales (England too, if the tables)
    for n, place in enumerate(places):
        code, err = _init(tmp_path / str(n), place.id)
        assert code == 1
        forces = _forces(geo, place.id)
        assert forces, place.id
        if len(forces) > 8:  # England's 39: counted, not listed
            assert f"lie in {len(forces)} police force areas" in err, (place.id, err)
        for f in forces if len(forces) <= 8 else ():
            assert f"{plain_name(geo.get(f).name)} ({f})" in err, (place.id, err)
        # and no police force area the place does not hold
        others = {f.id for f in geo.all(AreaKind.POLICE_FORCE_AREA)} - forces
        assert not any(f"({f})" in err for f in others), (place.id, err)


def test_a_fire_and_rescue_area_names_its_police_force_area(tmp_path: Path) -> None:
    """'Tyne and Wear' is a fire and rescue authority's area (and a metropolitan county the
    tables do not hold): its five districts lie in Northumbria's police force area."""
    geo = Geography.england_and_wales()
    code, err = _init(tmp_path, "Tyne and Wear")
    assert code == 1
    fire = geo.find("Tyne and Wear")
    assert f"{fire.id} (Tyne and Wear) is a fire and rescue authority" in err
    (force,) = _forces(geo, fire.id)
    assert f"the police force area {geo.get(force).name} ({force})" in err


def test_wales_names_its_four_forces(tmp_path: Path) -> None:
    code, err = _init(tmp_path, "Wales")
    assert code == 1
    assert "W92000004 (Wales) is a country" in err
    for force in ("North Wales", "Gwent", "South Wales", "Dyfed-Powys"):
        assert force in err


def test_west_midlands_starts_the_force_area_and_says_the_region_is_wider(
    tmp_path: Path,
) -> None:
    geo = Geography.england_and_wales()
    code, err = _init(tmp_path, "West Midlands")
    assert code == 0
    assert "is also the name of a region (E12000005)" in err
    assert "police force area West Midlands (E23000014) the bundle is for" in err
    for f in _forces(geo, "E12000005"):
        assert f"({f})" in err
    # by its code, the force area is meant: no note
    assert _init(tmp_path / "c", "E23000014") == (0, "")


@pytest.mark.parametrize("given", ["Harrogate", "harrogate", "E07000165", "E07000026"])
def test_an_abolished_district_is_named_plainly_with_what_to_give(
    tmp_path: Path, given: str
) -> None:
    geo = Geography.england_and_wales()
    district = next(
        c for c in ceased_districts().values() if given.upper() in (c.code, c.name.upper())
    )
    successor = geo.get(district.successor)
    code, err = _init(tmp_path, given)
    assert code == 1
    assert err == (
        f"svduty init: error: --area: {district.name} ({district.code}) is a former district, "
        f"abolished on {district.ended}: its area is part of {successor.name} "
        f"({successor.id}); expected an area that exists now: give {successor.name} "
        f"({successor.id}), or its police force area\n"
    )
    assert "not shown" not in err
    # and what it says to give starts a bundle
    assert _init(tmp_path / "next", successor.id)[0] == 0


def test_harrogate_is_north_yorkshire_since_1_april_2023(tmp_path: Path) -> None:
    """The facts as the brief gives them, against the tables' reading."""
    err = _init(tmp_path, "Harrogate")[1]
    assert "Harrogate (E07000165) is a former district, abolished on 2023-04-01" in err
    assert "North Yorkshire (E06000065)" in err
