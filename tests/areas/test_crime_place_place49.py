"""Crimes are placed in the district their LSOA lies in, by the rule the boards follow (place49).

area49 found that the 2024 ward table files one 2021 LSOA of West Northamptonshire
(E01027305, "West Northamptonshire 048E") under a Cherwell ward (a best fit), and gave each
district the boards of the LSOAs that lie in it (``lsoa_districts``). Classification still
placed a crime coded E01027305 in Cherwell: inside the Oxfordshire partnership's local area,
outside West Northamptonshire's. The Duty's local area is the local government area (PCSC
Act 2022 s.7, s.11): a crime in a West Northamptonshire LSOA is not in Cherwell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import svduty
from svduty.areas._national import lsoa_district, national_districts, read_table
from svduty.cli import main

CHERWELL, WEST_NORTHANTS = "E07000177", "E06000062"
LSOA = "E01027305"
HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)


def _rule() -> dict[str, str]:
    """Each 2021 LSOA's district, from the tables read afresh: the 2022 exact fit's where
    that district is still a district in 2024, else the 2024 ward table's."""
    ward = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code")).to_pylist()
    bridge = read_table("lsoa11-lsoa21-lad22", ("lsoa21_code", "ltla22_code")).to_pylist()
    built_in = {r["lsoa21_code"]: r["ltla22_code"] for r in bridge}
    now = {r["ltla24_code"] for r in ward}
    out = {}
    for r in ward:
        lad22 = built_in.get(r["lsoa21_code"])
        out[r["lsoa21_code"]] = lad22 if lad22 in now else r["ltla24_code"]
    return out


def test_every_2021_lsoa_is_placed_by_the_rule_and_only_one_leaves_its_ward_district() -> None:
    """Fails before place49: E01027305 was Cherwell's in both national look-ups."""
    rule = _rule()
    assert len(rule) == 35672
    codes = sorted(rule)
    assert national_districts(codes) == [rule[c] for c in codes]
    table = lsoa_district()
    assert {c: table[c][0] for c in codes} == rule
    ward = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code")).to_pylist()
    moved = {r["lsoa21_code"] for r in ward if rule[r["lsoa21_code"]] != r["ltla24_code"]}
    assert moved == {LSOA}


def test_every_2011_lsoa_takes_its_best_fit_among_the_placed_2021_pieces() -> None:
    """A 2011 code's district is that of the most of its 2021 pieces, each placed by the rule:
    the only 2011 code with a piece moved is E01027305 itself (unchanged in 2021, code U)."""
    rule = _rule()
    rows = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code", "lsoa21_code")).to_pylist()
    pieces: dict[str, list[str]] = {}
    for r in rows:
        pieces.setdefault(r["lsoa11_code"], []).append(rule[r["lsoa21_code"]])
    table = lsoa_district()
    for old, lads in pieces.items():
        assert table[old][0] in lads  # one of its pieces' districts
        if len(set(lads)) == 1:
            assert table[old][0] == lads[0]
    assert table[LSOA] == (WEST_NORTHANTS, 3)  # in both vintages
    assert [r["lsoa11_code"] for r in rows if r["lsoa21_code"] == LSOA] == [LSOA]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name, area in (("wn", WEST_NORTHANTS), ("ox", "E10000025"), ("ch", CHERWELL)):
        folder = tmp_path_factory.mktemp(name)
        assert main(["init", str(folder), "--area", area], stdout=io.StringIO()) == 0
        out[name] = folder
    return out


def _month(tmp_path: Path) -> Path:
    f = tmp_path / "month.csv"
    f.write_text(
        HEADER + f"a,2025-06,X,X,,,On or near X,{LSOA},West Northamptonshire 048E,Robbery,,\n",
        encoding="utf-8",
    )
    return f


@pytest.mark.parametrize(
    ("bundle", "within"), [("wn", "inside"), ("ox", "outside"), ("ch", "outside")]
)
def test_a_crime_at_west_northamptonshire_048e_is_west_northamptonshire_s(
    bundles: dict[str, Path], tmp_path: Path, bundle: str, within: str
) -> None:
    """Fails before place49: inside Oxfordshire's and Cherwell's, outside West Northants'."""
    out = tmp_path / "out.csv"
    args = ["classify", str(_month(tmp_path)), "--partnership", str(bundles[bundle])]
    assert main([*args, "--output", str(out)], stdout=io.StringIO()) == 0
    with out.open(encoding="utf-8", newline="") as f:
        (row,) = csv.DictReader(f)
    assert (row["district_code"], row["within_area"]) == (WEST_NORTHANTS, within)
    text = io.StringIO()
    args = ["explain", str(_month(tmp_path)), "--row", "2", "--partnership", str(bundles[bundle])]
    assert main(args, stdout=text) == 0
    (place,) = [line for line in text.getvalue().splitlines() if "place:" in line]
    assert f"{within} the partnership's area (West Northamptonshire, {WEST_NORTHANTS})" in place


def test_the_bundles_geographies_hold_it_in_west_northamptonshire(
    bundles: dict[str, Path],
) -> None:
    """Its LSOA area lies in West Northamptonshire, in no Cherwell ward (the ward lies there)."""
    wn = svduty.load_partnership(bundles["wn"]).geography
    assert LSOA in {a.id for a in wn.lsoas(WEST_NORTHANTS)}
    assert [a.id for a in wn.parents(LSOA)] == [WEST_NORTHANTS] + [
        a.id for a in wn.parents(WEST_NORTHANTS)
    ]
    for name in ("ox", "ch"):
        geo = svduty.load_partnership(bundles[name]).geography
        assert LSOA not in {a.id for a in geo.lsoas(CHERWELL)}
        assert geo.district_code_of(LSOA) == WEST_NORTHANTS


_RULE: dict[str, str] = {}


def _rule_once() -> dict[str, str]:
    if not _RULE:
        _RULE.update(_rule())
    return _RULE


_SOME = sorted(c for c, lad in _rule_once().items() if lad in (CHERWELL, WEST_NORTHANTS))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_SOME), min_size=1, max_size=8))
@example([LSOA, "E01028508"])
def test_one_code_and_a_column_of_codes_are_placed_alike(codes: list[str]) -> None:
    """The scalar look-up, the columnar one and the district code agree, in either bundle."""
    for geo in (svduty.Geography.england_and_wales(), _loaded("ch"), _loaded("wn")):
        column = geo.resolve_lsoas(codes).column("district_code").to_pylist()
        assert column == [geo.resolve_lsoa(c).district_code for c in codes]
        assert column == [geo.district_code_of(c) for c in codes]
        assert column == [_rule_once()[c] for c in codes]


_GEOS: dict[str, svduty.Geography] = {}


def _loaded(name: str) -> svduty.Geography:
    """A bundle's geography (Cherwell's or West Northamptonshire's), written once."""
    if name not in _GEOS:
        import tempfile

        folder = Path(tempfile.mkdtemp()) / name
        area = CHERWELL if name == "ch" else WEST_NORTHANTS
        assert main(["init", str(folder), "--area", area], stdout=io.StringIO()) == 0
        _GEOS[name] = svduty.load_partnership(folder).geography
    return _GEOS[name]


def test_a_cherwell_name_with_its_code_is_a_contradiction() -> None:
    """The code is West Northamptonshire's alone now: a Cherwell LSOA name contradicts it
    (before place49 ``other_districts`` let either district's name through)."""
    geo = svduty.Geography.england_and_wales()
    t = geo.resolve_lsoas([LSOA, LSOA], ["Cherwell 001A", "West Northamptonshire 048E"])
    assert t.column("match").to_pylist() == ["conflict", "table"]
    assert t.column("district_code").to_pylist() == [None, WEST_NORTHANTS]
