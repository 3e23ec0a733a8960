"""The national ONS tables: many-to-many CSPs, both LSOA vintages anywhere, real districts."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.areas import (
    LOCAL_GOVERNMENT_AREA_PREFIXES,
    AreaKind,
    Geography,
    kinds_of_code,
    national_areas,
    read_table,
)
from svduty.errors import AreaError, UnknownAreaError

NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "ons" / "national"
if not NATIONAL.exists():  # a worktree under /work: shared/ is beside it
    NATIONAL = Path("/work/shared/data/ons/national")


def rows(name: str) -> list[dict[str, str]]:
    with (NATIONAL / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def placed() -> dict[str, str]:
    """Each 2021 LSOA's district by the rule (place49): the 2022 exact fit's where that
    district is still one in 2024, else the ward table's (an abolished district's successor)."""
    ward = {r["lsoa21_code"]: r["ltla24_code"] for r in rows("lsoa21-ward24-lad24")}
    built = {r["lsoa21_code"]: r["ltla22_code"] for r in rows("lsoa11-lsoa21-lad22")}
    now = set(ward.values())
    return {c: built[c] if built.get(c) in now else lad for c, lad in ward.items()}


@pytest.fixture(scope="module")
def ew() -> Geography:
    return Geography.england_and_wales()


@pytest.fixture(scope="module")
def csp_rows() -> list[dict[str, str]]:
    return rows("lad24-csp24-pfa24")


def test_the_packaged_tables_equal_the_published_csv_files():
    for name in ("lsoa21-ward24-lad24", "lsoa11-lsoa21-lad22", "lsoa21-icb24"):
        published = rows(name)
        cols = tuple(published[0])
        table = read_table(name, cols)
        assert table.num_rows == len(published)
        assert table.slice(0, 50).to_pylist() == published[:50]
        assert table.column(cols[1]).to_pylist() == [r[cols[1]] for r in published]
    with pytest.raises(AreaError, match="national ONS table"):
        read_table("lsoa01", ("x",))


def test_counts_of_every_kind(ew):
    counts = defaultdict(int)
    for a in national_areas():
        counts[a.kind] += 1
    assert counts[AreaKind.POLICE_FORCE_AREA] == 43
    assert counts[AreaKind.COMMUNITY_SAFETY_PARTNERSHIP] == 314
    assert sum(counts[k] for k in AreaKind if k.is_local_government_area) == 318
    assert counts[AreaKind.WELSH_PRINCIPAL_AREA] == 22
    assert counts[AreaKind.INTEGRATED_CARE_BOARD] == 42
    assert counts[AreaKind.LOCAL_HEALTH_BOARD] == 7
    assert counts[AreaKind.REGION] == 9
    assert counts[AreaKind.COUNTRY] == 2
    assert len(ew) == len(national_areas())


@pytest.mark.parametrize(
    ("district", "csps"),
    [
        ("E06000060", {"Aylesbury Vale", "Chiltern", "South Bucks", "Wycombe"}),
        ("E06000061", {"Corby", "East Northamptonshire", "Kettering", "Wellingborough"}),
        ("E06000063", {"Allerdale", "Carlisle", "Copeland"}),
        ("E06000058", {"Bournemouth", "Poole", "Dorset"}),
    ],
)
def test_a_district_holds_several_csps(ew, district, csps):
    assert {a.name for a in ew.parents(district, "community_safety_partnership")} == csps
    for csp in ew.parents(district, "community_safety_partnership"):
        assert district in ew.district_codes_within(csp.id)
    # no single CSP for such a district when an LSOA is resolved: the tables do not say
    lsoa = ew.children(district, "lsoa2021")[:1] or None
    assert lsoa is None  # the national geography holds no LSOA records...
    code = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code")).to_pylist()
    first = next(r["lsoa21_code"] for r in code if r["ltla24_code"] == district)
    m = ew.resolve_lsoa(first)  # ...but resolves every one
    assert (m.district_code, m.csp_code, m.csp_name) == (district, None, None)


def test_a_csp_spans_several_districts(ew):
    assert ew.district_codes_within("E22000359") == ("E07000221", "E07000222")
    assert {a.name for a in ew.districts_within("E22000367")} == {
        "Bournemouth, Christchurch and Poole",
        "Dorset",
    }
    m = ew.resolve_lsoa("E01031254")  # Warwick, one CSP
    assert (m.district_name, m.csp_name) == ("Warwick", "South Warwickshire")


def test_the_csp_relation_is_the_table_exactly(ew, csp_rows):
    want: dict[str, set[str]] = defaultdict(set)
    pfa: dict[str, str] = {}
    for r in csp_rows:
        want[r["csp24_code"]].add(r["ltla24_code"])
        pfa[r["ltla24_code"]] = r["pfa24_code"]
    for csp, districts in want.items():
        assert set(ew.district_codes_within(csp)) == districts
    for district, force in pfa.items():
        assert [a.code for a in ew.parents(district, "police_force_area")] == [force]
    assert sum(len(ew.districts_within(a.id)) for a in ew.all("police_force_area")) == 318


def test_districts_to_county_region_fire_and_health(ew):
    rugby = {a.kind: a.code for a in ew.parents("E07000220")}
    assert rugby[AreaKind.COUNTY] == "E10000031"
    assert rugby[AreaKind.REGION] == "E12000005"
    assert rugby[AreaKind.INTEGRATED_CARE_BOARD] == "E54000018"
    assert rugby[AreaKind.COUNTRY] == "E92000001"
    assert ew.get(rugby[AreaKind.FIRE_AND_RESCUE_AUTHORITY]).name == "Warwickshire"
    flint = {a.kind: a.name for a in ew.parents("W06000005")}
    assert flint[AreaKind.LOCAL_HEALTH_BOARD] == "Betsi Cadwaladr University Health Board"
    assert flint[AreaKind.POLICE_FORCE_AREA] == "North Wales"
    assert flint[AreaKind.COUNTRY] == "Wales"
    assert AreaKind.REGION not in flint
    # a district in two ICBs (any part within)
    assert len(ew.parents("E06000060", "integrated_care_board")) == 2
    for lad in rows("lad24-fra24"):
        assert ew.contains(lad["fra24_code"], lad["ltla24_code"])


def test_lookups_by_code_or_name_anywhere(ew):
    assert ew.find("Lancaster").code == "E07000121"
    assert ew.find("Flintshire").kind is AreaKind.WELSH_PRINCIPAL_AREA
    assert ew.find("Thames Valley").kind is AreaKind.POLICE_FORCE_AREA
    assert ew.find("south warwickshire").code == "E22000359"
    assert ew.get("W15000001").name == "North Wales"
    with pytest.raises(UnknownAreaError):
        ew.find("Atlantis")


def test_both_vintages_resolve_anywhere(ew):
    bridge = rows("lsoa11-lsoa21-lad22")
    lad21 = placed()
    old = [r["lsoa11_code"] for r in bridge]
    new = list(lad21)
    t = ew.resolve_lsoas(pa.array(old + new))
    assert set(t.column("match").to_pylist()) == {"table"}
    got = t.column("district_code").to_pylist()
    assert got[len(old) :] == [lad21[c] for c in new]
    votes: dict[str, set[str]] = defaultdict(set)
    for r in bridge:
        votes[r["lsoa11_code"]].add(lad21[r["lsoa21_code"]])
    for code, district in zip(old, got[: len(old)], strict=True):
        assert district in votes[code]


def test_a_partnership_names_rows_outside_with_their_real_district():
    geo = svduty.warwickshire().geography
    t = geo.resolve_lsoas(
        ["E01009528", "E01025125", "W01000298", "E01031180", "E01099999"],
        [None, None, None, None, "Somewhere 001A"],
    )
    assert t.column("district_name").to_pylist() == [
        "Coventry",
        "Lancaster",
        "Flintshire",
        "Rugby",
        None,  # no district's LSOAs are named "Somewhere": unresolved, not "outside"
    ]
    assert t.column("match").to_pylist() == ["table", "table", "table", "table", "unresolved"]
    # the bundle's police command area where it records one, else the force area's name
    assert t.column("police_area").to_pylist() == [
        "West Midlands",
        "Lancashire",
        "North Wales",
        "Warwickshire Police East",
        None,
    ]
    area = svduty.warwickshire().local_area
    assert [area.within(c) for c in ("E01009528", "E01025125", "W01000298", "E01031180")] == [
        False,
        False,
        False,
        True,
    ]
    assert area.within("E22000359")
    assert not area.within("E23000014")
    assert geo.district_code_of("W01000298") == "W06000005"
    assert geo.district_code_of("W06000005") == "W06000005"
    assert geo.district_code_of("E23000014") is None
    assert geo.get("E07000121").name == "Lancaster"
    assert "E07000121" not in geo  # known from the tables, not a record of the bundle
    assert geo.contains("E12000002", "E07000121")
    assert [a.code for a in geo.children("E22000359", "district")] == ["E07000221", "E07000222"]
    with pytest.raises(UnknownAreaError):
        area.within("E07999999")


def test_a_geography_reads_nothing_unless_asked():
    rugby = Geography.england_and_wales().get("E07000220")
    bare = Geography([rugby.__class__(**{**_fields(rugby), "parents": ()})])
    assert len(bare) == 1
    assert bare.district_code_of("E01031180") is None
    with_lsoas = Geography([rugby.__class__(**{**_fields(rugby), "parents": ()})], lsoa_tables=True)
    assert len(with_lsoas.lsoas("E07000220", 2021)) == 67
    assert with_lsoas.district_code_of("E01012049") is None  # Middlesbrough: not asked for


def _fields(area):
    return {k: getattr(area, k) for k in ("code", "name", "kind", "parents", "valid", "citation")}


def test_gss_prefixes_are_known_in_one_place():
    assert LOCAL_GOVERNMENT_AREA_PREFIXES == ("E07", "E06", "E09", "E08", "W06")
    assert kinds_of_code("E31000046") == (AreaKind.FIRE_AND_RESCUE_AUTHORITY,)
    assert kinds_of_code("W14000001") == (AreaKind.COMMUNITY_SAFETY_PARTNERSHIP,)
    for a in national_areas():
        assert a.kind in kinds_of_code(a.code)
        assert a.code.startswith(LOCAL_GOVERNMENT_AREA_PREFIXES) == a.kind.is_local_government_area


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_vector_and_scalar_resolution_agree(ew, data):
    codes = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code",)).column(0).to_pylist()
    picked = data.draw(st.lists(st.sampled_from(codes) | st.just("E01999999"), max_size=20))
    t = ew.resolve_lsoas(picked)
    for i, code in enumerate(picked):
        try:
            m = ew.resolve_lsoa(code)
        except UnknownAreaError:
            assert t.column("match")[i].as_py() == "unresolved"
        else:
            assert t.column("district_code")[i].as_py() == m.district_code
            assert t.column("csp_code")[i].as_py() == m.csp_code


def test_the_local_area_flags_rows_in_and_out():
    area = svduty.warwickshire().local_area
    t = area.resolve_lsoas(
        ["E01031180", "E01009528", "W01000298", "E01099999", "E01099999", None],
        [None, None, None, "Birmingham 012E", "Rugby 010E", None],
    )
    assert t.column("in_area").to_pylist() == [True, False, False, False, True, None]
    assert t.column("district_name").to_pylist() == [
        "Rugby",
        "Coventry",
        "Flintshire",
        "Birmingham",
        "Rugby",
        None,
    ]


def test_every_lsoa_takes_the_district_of_its_best_fit_in_the_published_tables():
    """``lsoa_district`` against a plain reading of the published CSV files."""
    from collections import Counter

    from svduty.areas._national import _bridge, lsoa_district

    lad = placed()
    pieces: dict[str, Counter[str]] = defaultdict(Counter)
    named: set[tuple[str, str]] = set()  # (2011 code, district its 2011 name names)
    for r in rows("lsoa11-lsoa21-lad22"):
        pieces[r["lsoa11_code"]][lad[r["lsoa21_code"]]] += 1
        if r["lsoa11_name"].rsplit(" ", 1)[0] == r["ltla22_name"]:
            named.add((r["lsoa11_code"], lad[r["lsoa21_code"]]))
    best = {
        old: min(c.items(), key=lambda kv: (-kv[1], (old, kv[0]) not in named, kv[0]))[0]
        for old, c in pieces.items()
    }
    expected = {old: (district, 1) for old, district in best.items()}
    expected.update({code: (d, 3 if code in pieces else 2) for code, d in lad.items()})
    assert lsoa_district() == expected
    assert sum(len(c) > 1 for c in pieces.values()) > 0  # some 2011 LSOAs span districts
    near = _bridge(("E07000220",))  # a partnership's own: the same answer for each
    assert dict(zip(*(near.column(c).to_pylist() for c in ("old", "lad")), strict=True)) == {
        old: best[old] for old in near.column("old").to_pylist()
    }


def test_a_district_outside_a_partnership_resolves_as_the_national_geography_says(ew):
    """The light path (two small tables) against the national geography, every district."""
    from svduty.areas._national import district_partnerships, police_force_names

    light = district_partnerships()
    assert set(light) == {a.id for a in ew.areas if a.kind.is_local_government_area}
    geo = svduty.warwickshire().geography
    for code, (name, csps) in light.items():
        assert name == ew.get(code).name
        assert csps == tuple(
            sorted((a.code, a.name) for a in ew.parents(code, "community_safety_partnership"))
        )
        forces = [a.name for a in ew.parents(code, "police_force_area")]
        assert forces == [police_force_names()[code]]
        if code not in geo:
            slow = geo._district_outcome(ew.get(code), "table")
            assert geo._outcome_of_district(code, "table") == slow


def test_the_district_of_any_national_area_is_the_national_geographys(ew):
    """A partnership's geography answers codes outside it without building the national one."""
    geo = svduty.warwickshire().geography
    lsoas = ["E01033620", "E01008187", "W01000001", "E01999999"]
    for code in [*(a.id for a in ew.areas), *lsoas, "E05000001", "E99999999", ""]:
        assert geo.district_code_of(code) == ew.district_code_of(code), code
