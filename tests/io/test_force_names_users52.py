"""``svduty init --area`` given a police force's own name (users52).

A new user starting a bundle for a police force area wrote the force's name as police.uk's
``Falls within`` column and the force's site have it. "North Wales Police", "Thames Valley
Police", "Kent Police", "Heddlu Gogledd Cymru" were each "unknown area" with no suggestion,
and "City of London Police" was offered the Metropolitan Police first ("did you mean
'Metropolitan Police' (E23000001) or 'City of London' ..."): a different force.
"""

from __future__ import annotations

import io

import pytest

from svduty.areas import Geography
from svduty.cli import main
from svduty.io import new_bundle
from svduty.io._area_names import force_area
from svduty.io._new_bundle import starting_districts

GEO = Geography.england_and_wales()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("North Wales Police", "W15000001"),
        ("Heddlu Gogledd Cymru", "W15000001"),
        ("Heddlu De Cymru", "W15000003"),
        ("Gwent Police", "W15000002"),
        ("Heddlu Dyfed-Powys", "W15000004"),
        ("City of London Police", "E23000034"),
        ("Metropolitan Police Service", "E23000001"),
        ("Thames Valley Police", "E23000029"),
        ("Cumbria Constabulary", "E23000002"),
        ("Avon and Somerset Constabulary", "E23000036"),
        ("Devon & Cornwall Police", "E23000035"),
        ("Hampshire and Isle of Wight Constabulary", "E23000030"),
        ("KENT POLICE", "E23000032"),
    ],
)
def test_a_forces_name_starts_from_its_police_force_area(name, code):
    assert force_area(GEO, name).id == code
    districts = {d.id for d in starting_districts(GEO, [name])}
    assert districts == {d.id for d in GEO.districts_within(code)}


def test_a_name_without_a_force_word_is_read_as_before():
    assert force_area(GEO, "Kent") is None
    assert force_area(GEO, "Police Scotland") is None  # no police force area of England or Wales
    kent = {d.id for d in starting_districts(GEO, ["Kent"])}
    assert "E06000035" not in kent  # the county: Medway is not in it, as before


def test_init_with_the_city_of_london_polices_name(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "city"
    args = ["init", str(folder), "--area", "City of London Police"]
    assert main(args, stdout=out, stderr=err) == 0
    assert "Metropolitan" not in out.getvalue() + err.getvalue()
    assert "local government areas (1): City of London" in out.getvalue()
    assert new_bundle(tmp_path / "nw", ["Heddlu Gogledd Cymru"]).is_dir()


@pytest.mark.parametrize("name", ["Police Scotland", "PSNI", "Police Service of Northern Ireland"])
def test_a_force_of_scotland_or_northern_ireland_is_told_the_duty_does_not_extend_there(
    name, tmp_path
):
    err = io.StringIO()
    assert main(["init", str(tmp_path / "x"), "--area", name], stderr=err) == 1
    assert "the Duty does not extend to Scotland or Northern Ireland" in err.getvalue()
    assert not (tmp_path / "x").exists()
