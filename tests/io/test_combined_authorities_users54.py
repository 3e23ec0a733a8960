"""A combined authority's name answers with its councils' police force areas (users54).

users53 answered a combined authority's name with the police force area of that very name
("West Yorkshire Combined Authority"); one whose name is no force area's ("York and North
Yorkshire Combined Authority": North Yorkshire's, E23000009) got no suggestion. The
councils of each combined authority are now read from the national tables, with the force
areas their districts make up, whole or in part.
"""

from __future__ import annotations

import io

import pytest

from svduty.areas import AreaKind, Geography
from svduty.cli import main
from svduty.io._combined_areas import _COUNCILS, combined_area, combined_note

GEO = Geography.england_and_wales()

# the constituent councils as the establishing Orders name them, in the tables' names
NAMES = {
    "greater manchester": "Bolton|Bury|Manchester|Oldham|Rochdale|Salford|Stockport|Tameside|"
    "Trafford|Wigan",
    "liverpool city region": "Halton|Knowsley|Liverpool|St. Helens|Sefton|Wirral",
    "west yorkshire": "Bradford|Calderdale|Kirklees|Leeds|Wakefield",
    "south yorkshire": "Barnsley|Doncaster|Rotherham|Sheffield",
    "sheffield city region": "Barnsley|Doncaster|Rotherham|Sheffield",
    "north east": "County Durham|Gateshead|Newcastle upon Tyne|North Tyneside|Northumberland|"
    "South Tyneside|Sunderland",
    "north of tyne": "Newcastle upon Tyne|North Tyneside|Northumberland",
    "tees valley": "Darlington|Hartlepool|Middlesbrough|Redcar and Cleveland|Stockton-on-Tees",
    "west midlands": "Birmingham|Coventry|Dudley|Sandwell|Solihull|Walsall|Wolverhampton",
    "west of england": "Bath and North East Somerset|Bristol, City of|South Gloucestershire",
    "cambridgeshire and peterborough": "Cambridgeshire|Peterborough",
    "east midlands": "Derby|Derbyshire|Nottingham|Nottinghamshire",
    "york and north yorkshire": "York|North Yorkshire",
    "greater lincolnshire": "Lincolnshire|North Lincolnshire|North East Lincolnshire",
    "hull and east yorkshire": "Kingston upon Hull, City of|East Riding of Yorkshire",
    "lancashire": "Lancashire|Blackburn with Darwen|Blackpool",
    "devon and torbay": "Devon|Torbay",
}
_KINDS = (AreaKind.COUNTY, AreaKind.UNITARY, AreaKind.METROPOLITAN_DISTRICT)


def test_every_combined_authority_is_checked():
    assert sorted(NAMES) == sorted(_COUNCILS)


@pytest.mark.parametrize("place", sorted(NAMES))
def test_the_councils_are_the_tables_areas_of_those_names(place):
    councils = [GEO.get(code) for code in _COUNCILS[place]]
    assert sorted(a.name for a in councils) == sorted(NAMES[place].split("|"))
    assert all(a.kind in _KINDS for a in councils)


@pytest.mark.parametrize("place", sorted(_COUNCILS))
def test_whole_and_part_force_areas_account_for_every_district(place):
    found = combined_area(GEO, f"{place} Combined Authority")
    assert found is not None
    districts = {d.id for c in found.councils for d in GEO.districts_within(c.id)}
    forces = {f.id for f in (*found.whole, *found.part)}
    for d in districts:  # every district lies in a force area named
        assert {f.id for f in GEO.parents(d, AreaKind.POLICE_FORCE_AREA)} <= forces
    for f in found.whole:  # a whole force area's districts are all the authority's
        assert {d.id for d in GEO.districts_within(f.id)} <= districts
    for f in found.part:  # a part one's are not
        assert not {d.id for d in GEO.districts_within(f.id)} <= districts
    for f in (*found.whole, *found.part):
        assert f"({f.id})" in found.forces


def _init(tmp_path, typed):
    err = io.StringIO()
    status = main(["init", str(tmp_path / "b"), "--area", typed], stdout=io.StringIO(), stderr=err)
    return status, err.getvalue()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("York and North Yorkshire Combined Authority", "E23000009"),
        ("Cambridgeshire and Peterborough Combined Authority", "E23000023"),
        ("Lancashire Combined County Authority", "E23000003"),
        ("Sheffield City Region Combined Authority", "E23000011"),
        ("West Yorkshire Combined Authority", "E23000010"),
    ],
)
def test_a_combined_authority_of_one_whole_force_area_suggests_it(tmp_path, typed, code):
    status, said = _init(tmp_path, typed)
    assert status == 1
    assert f"did you mean '{GEO.get(code).name}' ({code})?" in said
    assert f"(got '{typed}')" in said  # a combined authority's name: shown back (users55)


@pytest.mark.parametrize(
    ("typed", "whole", "part"),
    [
        ("Liverpool City Region Combined Authority", ["E23000004"], ["E23000006"]),
        ("Tees Valley Combined Authority", ["E23000013"], ["E23000008"]),
        ("North East Combined Authority", ["E23000007"], ["E23000008"]),
        ("West of England Mayoral Combined Authority", [], ["E23000036"]),
        ("East Midlands Combined County Authority", ["E23000018", "E23000019"], []),
        ("Hull and East Yorkshire Combined Authority", [], ["E23000012"]),
    ],
)
def test_a_combined_authority_of_other_force_areas_names_them(tmp_path, typed, whole, part):
    status, said = _init(tmp_path, typed)
    assert status == 1
    assert "did you mean" not in said  # no one force area is its area
    for code in (*whole, *part):
        assert f"({code})" in said
    assert ("part of" in said) == bool(part)
    found = combined_area(GEO, typed)
    assert found is not None
    for council in found.councils:  # the councils to give instead, by code
        assert f"({council.id})" in said


def test_an_unknown_combined_authority_keeps_the_plain_note():
    note = combined_note(GEO, "Atlantis Combined Authority")
    assert note == (
        " (a combined authority's area: its districts are the local government areas "
        "(s.11(4)); give them, or its police force area by name)"
    )
    assert combined_area(GEO, "York and North Yorkshire") is None  # no combined authority
