"""What ``svduty init`` lists for unusual areas, checked against the Act (legal review s8).

Schedule 1 (PCSC Act 2022, s.11): the council(s) of each local government area, the chief
officer of police, the fire and rescue authority, the ICB or Local Health Board, probation
and the youth offending team; s.14: the local policing body. Youth offending teams are
established by the "local authorities" of Crime and Disorder Act 1998 s.39 and s.42(1): a
county council, a district council only where there is no county council, a London borough
council, the Common Council; in Wales a county or county borough council. The Isles of
Scilly "form part of the county of Cornwall" for those provisions (s.42(2)): Cornwall
Council establishes the islands' team.
"""

from __future__ import annotations

from typing import Any

import pytest

from svduty.areas import AreaKind, Geography
from svduty.io._new_authorities import authorities

GEO = Geography.england_and_wales()


def _records(*codes: str) -> list[dict[str, Any]]:
    districts = [GEO.get(d) for code in codes for d in sorted(GEO.district_codes_within(code))]
    return authorities(GEO, districts)


def _by_category(records: list[dict[str, Any]], category: str) -> list[dict[str, Any]]:
    return [r for r in records if r["category"] == category]


def test_isles_of_scilly_council_is_its_own_row_and_cornwall_establishes_its_yot() -> None:
    records = _records("E06000053")
    (council,) = _by_category(records, "council_of_the_isles_of_scilly")
    assert council["areas"] == ["E06000053"]
    (cornwall,) = _by_category(records, "district_council")  # only as the team's council
    assert cornwall["areas"] == ["E06000052"]
    (yot,) = _by_category(records, "youth_offending_team")
    assert yot["established_by"] == [cornwall["id"]]  # CDA 1998 s.42(1), (2)
    (fra,) = _by_category(records, "fire_and_rescue_authority")
    assert fra["same_body_as"] == council["id"]
    assert len(_by_category(records, "integrated_care_board")) == 1
    assert not _by_category(records, "local_health_board")


def test_city_of_london_common_council_in_both_capacities() -> None:
    records = _records("E09000001")
    (council,) = _by_category(records, "common_council")
    (lpb,) = _by_category(records, "local_policing_body")
    assert lpb["same_body_as"] == council["id"]
    (police,) = _by_category(records, "chief_officer_of_police")
    assert police["name"] == "Commissioner of Police for the City of London"
    (fire,) = _by_category(records, "fire_and_rescue_authority")
    assert fire["name"] == "London Fire Commissioner"
    assert not _by_category(records, "london_borough_council")


def test_kent_two_tier_yot_established_by_the_county_only() -> None:
    records = _records("E10000016")
    districts = _by_category(records, "district_council")
    assert len(districts) == 12
    (county,) = _by_category(records, "county_council")
    (yot,) = _by_category(records, "youth_offending_team")
    assert yot["established_by"] == [county["id"]]  # CDA 1998 s.42(1): not the districts
    assert yot["areas"] == [county["areas"][0]]


# the two-tier counties whose fire and rescue authority area is the county's (ONS 2024)
OWN_FIRE = ["E10000013", "E10000015", "E10000019", "E10000020", "E10000025", "E10000029"]
OWN_FIRE += ["E10000030", "E10000031", "E10000032"]


@pytest.mark.parametrize("county", OWN_FIRE)
def test_a_county_council_is_the_fire_and_rescue_authority_for_its_county(county: str) -> None:
    """FRSA 2004 s.1(2)(a): one body in two capacities (a legal review: init listed two
    bodies, so information passing between them was a disclosure "to another person")."""
    records = _records(county)
    (council,) = _by_category(records, "county_council")
    (fire,) = _by_category(records, "fire_and_rescue_authority")
    assert fire["same_body_as"] == council["id"]
    assert fire["name"] == f"{council['name']} (as fire and rescue authority)"
    assert "s.1(2)(a)" in fire["citation"]["doubt"]


@pytest.mark.parametrize("unitary", ["E06000052", "E06000057"])  # Cornwall, Northumberland
def test_a_unitary_county_council_is_its_own_fire_and_rescue_authority_too(unitary: str) -> None:
    """A review of the session: the two-tier fix left Cornwall and Northumberland with two
    bodies, their fire and rescue authority areas being the unitary county's alone."""
    records = _records(unitary)
    (fire,) = _by_category(records, "fire_and_rescue_authority")
    council = next(r for r in records if r["id"] == fire["same_body_as"])
    assert council["areas"] == [unitary]
    assert fire["name"] == f"{council['name']} (as fire and rescue authority)"
    # the council of the county, so Schedule 1's county council row, not a district's
    # (a researcher's review: one body was given two kinds)
    assert council["category"] == "county_council_no_districts"
    assert "no district councils" in council["citation"]["provision"]
    assert "s.1(2)(a)" in council["citation"]["doubt"]


@pytest.mark.parametrize(
    "county",
    [
        "E10000016",  # Kent: with Medway, a combined fire authority
        "E10000024",  # Nottinghamshire: with the City of Nottingham
        "E10000012",  # Essex: the police, fire and crime commissioner (s.4A)
        "E10000028",  # Staffordshire: likewise, with Stoke-on-Trent
    ],
)
def test_a_county_in_a_wider_fire_authority_keeps_it_apart(county: str) -> None:
    (fire, *_) = _by_category(_records(county), "fire_and_rescue_authority")
    assert not str(fire.get("same_body_as", "")).endswith("-county-council")


def test_greater_manchester_ten_metropolitan_districts_and_the_mayor() -> None:
    records = _records("E23000005")
    assert len(_by_category(records, "district_council")) == 10
    assert not _by_category(records, "county_council")
    assert len(_by_category(records, "youth_offending_team")) == 10
    (lpb,) = _by_category(records, "local_policing_body")
    assert lpb["name"].startswith("Mayor of Greater Manchester")
    assert lpb["valid"] == {"start": "2023-01-31"}


@pytest.mark.parametrize(
    ("code", "mayor", "former"),
    [
        ("E23000009", "Mayor of York and North Yorkshire", "Police, Fire and Crime Commissioner"),
        ("E23000011", "Mayor of South Yorkshire", "Police and Crime Commissioner"),
    ],
)
def test_a_mayor_from_may_2024_follows_the_commissioner(code: str, mayor: str, former: str) -> None:
    records = _records(code)
    bodies = _by_category(records, "local_policing_body")
    assert [b["name"].split(" for ")[0].split(" (")[0] for b in bodies] == [former, mayor]
    first, second = bodies
    assert first["valid"] == {"start": "2023-01-31", "end": "2024-05-07"}
    assert second["valid"] == {"start": "2024-05-07"}
    assert first["citation"]["confidence"] == second["citation"]["confidence"] == "unconfirmed"


@pytest.mark.parametrize(
    ("code", "category"),
    [
        ("W06000013", "welsh_county_borough_council"),  # Bridgend
        ("W06000023", "welsh_county_council"),  # Powys
        ("W06000015", "welsh_county_council"),  # Cardiff: a county (1994 Act Sch 1 Part I)
        ("W06000022", "welsh_county_borough_council"),  # Newport
    ],
)
def test_welsh_principal_area_council_and_health_board(code: str, category: str) -> None:
    records = _records(code)
    (council,) = _by_category(records, category)
    assert council["areas"] == [code]
    assert len(_by_category(records, "local_health_board")) == 1
    assert not _by_category(records, "integrated_care_board")
    (yot,) = _by_category(records, "youth_offending_team")
    assert yot["established_by"] == [council["id"]]
    for r in records:
        assert r.get("nation", "wales") == "wales"


def test_wales_has_eleven_counties_and_eleven_county_boroughs() -> None:
    welsh = [a for a in GEO.areas if a.kind is AreaKind.WELSH_PRINCIPAL_AREA]
    cats = [_records(a.id)[0]["category"] for a in welsh]
    assert cats.count("welsh_county_council") == 11
    assert cats.count("welsh_county_borough_council") == 11


def test_north_yorkshire_fire_authority_moves_to_the_combined_authority() -> None:
    """From 20 December 2023 to 6 May 2024 which body it was is in doubt (SI 2023/1432 art
    1(2)-(3) against arts 41(1), 50-54; area49): both records hold those days, each in doubt."""
    bodies = _by_category(_records("E23000009"), "fire_and_rescue_authority")
    assert [b["valid"] for b in bodies] == [
        {"start": "2023-01-31", "end": "2024-05-07"},
        {"start": "2023-12-20"},
    ]
    doubt = {"start": "2023-12-20", "end": "2024-05-07"}
    assert [b["in_doubt"]["valid"] for b in bodies] == [doubt, doubt]
    assert bodies[0]["name"].startswith("Police, Fire and Crime Commissioner")
    assert bodies[1]["name"].startswith("York and North Yorkshire Combined Authority")
    assert all(b["citation"]["confidence"] == "unconfirmed" for b in bodies)


@pytest.mark.parametrize(
    ("code", "unitary", "districts", "county"),
    [
        ("E06000063", "Cumberland Council", 3, "Cumbria County Council"),
        ("E06000065", "North Yorkshire Council", 7, "North Yorkshire County Council"),
        ("E06000066", "Somerset Council", 4, "Somerset County Council"),
    ],
)
def test_the_councils_reorganised_on_1_april_2023_are_dated(
    code: str, unitary: str, districts: int, county: str, tmp_path
) -> None:
    """The unitary councils of 2023 were written from the Duty's start (31 January 2023)
    and their predecessors left out: the specified authorities of February and March 2023
    were the old district and county councils (a researcher's review)."""
    import svduty
    from svduty.io import new_bundle

    records = _records(code)
    (new,) = [r for r in records if r["name"] == unitary]
    assert new["valid"] == {"start": "2023-04-01"}
    old = [r for r in records if r["valid"].get("end") == "2023-04-01"]
    assert len(_by_category(old, "district_council")) == districts
    (cc,) = _by_category(old, "county_council")
    assert cc["name"] == county
    # Sch 1: a county council is for "Each district which falls within the council's
    # area", a district council for "The district": the old county and districts, each
    # recorded until its order abolished the districts (law48b; before, the unitary's code)
    dcs = _by_category(old, "district_council")
    (county_area,) = cc["areas"]
    assert county_area.startswith("E10")
    assert all(len(r["areas"]) == 1 and r["areas"][0].startswith("E07") for r in dcs)
    (yot,) = _by_category(old, "youth_offending_team")
    assert yot["established_by"] == [cc["id"]]
    new_bundle(tmp_path / "b", [code])
    p = svduty.load_partnership(tmp_path / "b")
    assert not svduty.io.check_completeness(p).errors
    # the records of February and March 2023 are those of the old councils; but the
    # unitary's code was no local government area then (s.11(4)), so no authority was one
    # *for* it (s.11(6)): the list for the code is empty, as specified_authorities_for
    # answers no (cases47)
    before = {a.name for a in p.authorities.by_role("specified_authority", on="2023-03-31")}
    assert p.authorities.specified_for(code, on="2023-03-31") == ()
    after = {a.name for a in p.authorities.specified_for(code, on="2023-04-01")}
    assert county in before
    assert unitary not in before
    assert unitary in after
    assert county not in after


@pytest.mark.parametrize(
    ("area", "county"),
    [("E23000028", "Essex"), ("E23000022", "Northamptonshire"), ("E23000015", "Staffordshire")],
)
def test_a_police_fire_and_crime_commissioner_is_named_both_ways(area: str, county: str) -> None:
    """The PFCC areas got a PCC and a generic fire authority (a researcher's review)."""
    records = _records(area)
    (lpb,) = _by_category(records, "local_policing_body")
    assert lpb["name"] == f"Police, Fire and Crime Commissioner for {county}"
    (fra,) = _by_category(records, "fire_and_rescue_authority")
    assert fra["name"].startswith(f"Police, Fire and Crime Commissioner for {county}")
    assert "s.4A" in fra["citation"]["doubt"]


def test_cumbria_s_fire_authority_passes_to_the_commissioner_on_1_april_2023() -> None:
    fire = _by_category(_records("E23000002"), "fire_and_rescue_authority")
    assert [(r["name"].split(" (")[0], r["valid"]) for r in fire] == [
        ("Cumbria County Council", {"start": "2023-01-31", "end": "2023-04-01"}),
        ("Police, Fire and Crime Commissioner for Cumbria", {"start": "2023-04-01"}),
    ]
    assert fire[0]["same_body_as"] == "cumbria-county-council"


def test_cumbria_s_commissioner_becomes_the_pfcc_on_1_april_2023() -> None:
    """Named a police, fire and crime commissioner from the Duty's start, two months before
    it was one (SI 2022/1230; a researcher's review)."""
    bodies = _by_category(_records("E23000002"), "local_policing_body")
    assert [(r["name"], r["valid"]) for r in bodies] == [
        ("Police and Crime Commissioner for Cumbria", {"start": "2023-01-31", "end": "2023-04-01"}),
        ("Police, Fire and Crime Commissioner for Cumbria", {"start": "2023-04-01"}),
    ]
    assert "SI 2022/1230" in bodies[0]["citation"]["doubt"]


@pytest.mark.parametrize(
    ("code", "continues"),
    [("E06000063", False), ("E06000064", False), ("E06000065", True), ("E06000066", True)],
)
def test_a_county_council_the_order_continues_is_one_body_with_the_unitary(
    code: str, continues: bool
) -> None:
    """The North Yorkshire and Somerset orders made the county council the unitary council
    (the continuing authority); the Cumbria order abolished it. Both were written as
    abolished (a researcher's review)."""
    records = _records(code)
    (cc,) = [r for r in records if r["category"] == "county_council"]
    (unitary,) = [
        r for r in records if r["valid"].get("start") == "2023-04-01" and "council" in r["id"]
    ]
    yots = {r["id"]: r for r in _by_category(records, "youth_offending_team")}
    if continues:
        assert cc["same_body_as"] == unitary["id"]
        assert unitary["category"] == "county_council_no_districts"  # the continuing county
        assert "Structural Changes" in unitary["citation"]["doubt"]
        assert "continuing authority" in cc["citation"]["doubt"]
        (old,) = [y for y in yots.values() if y["established_by"] == [cc["id"]]]
        assert old["same_body_as"] in yots
    else:
        assert "same_body_as" not in cc
        assert "abolished on 1 April 2023" in cc["citation"]["doubt"]
        assert unitary["category"] == "district_council"  # a new council: not known which


def test_greater_manchester_fire_authority_is_the_combined_authority() -> None:
    """The ONS tables name the Greater Manchester fire and rescue authority, abolished on
    8 May 2017 when the Combined Authority took over its functions (SI 2017/469 art 3)."""
    (body,) = _by_category(_records("E23000005"), "fire_and_rescue_authority")
    assert body["name"] == "Greater Manchester Combined Authority (as fire and rescue authority)"
    assert "SI 2017/469" in body["citation"]["doubt"]


@pytest.mark.parametrize(
    ("code", "category", "table"),
    [
        ("W06000015", "local_health_board", "ons-lad21-lhb22"),
        ("E10000031", "integrated_care_board", "ons-lsoa21-icb24"),
    ],
)
def test_a_health_board_cites_its_schedule_1_row_with_the_rows_doubt(
    code: str, category: str, table: str
) -> None:
    # the record is a specified authority by Schedule 1 (its ONS table gives only its name
    # and area), and the row's wording is unconfirmed (the ICB row's second column beyond
    # "the board's", law46): so is the record (svduty info lists it)
    boards = _by_category(_records(code), category)
    assert boards
    for board in boards:
        citation = board["citation"]
        assert citation["source"] == "pcsc-act-2022"
        assert citation["provision"].startswith("Sch 1 (a")
        assert citation["confidence"] == "unconfirmed"
        assert "row" in citation["doubt"] or "second column" in citation["doubt"]
        assert table in citation["doubt"]


@pytest.mark.parametrize(
    ("code", "kind"), [("W06000015", "county"), ("W06000022", "county borough")]
)
def test_a_welsh_council_is_named_as_a_placeholder_and_says_its_name_is_unconfirmed(
    code: str, kind: str
) -> None:
    # "Cardiff County Council", "Newport County Borough Council" were given as names; the
    # councils are "Cardiff Council", "Newport City Council": the ONS tables have neither
    (council,) = [r for r in _records(code) if r["category"].startswith("welsh_")]
    assert council["name"].endswith(f" council ({kind})")
    assert "formal name" in council["citation"]["doubt"]
    assert "Sch 4" in council["citation"]["doubt"]


@pytest.mark.parametrize("area", ["W06000015", "W06000002", "W06000023"])  # Cardiff...
def test_a_welsh_bundle_names_no_english_only_form(area: str) -> None:
    """No mayor exercises a commissioner's functions in Wales, and its three fire and
    rescue authorities are combined authorities: doubts naming them were noise to rule
    out (a researcher's review)."""
    records = _records(area)
    doubts = " ".join(r["citation"].get("doubt", "") for r in records)
    assert "mayor" not in doubts.lower()
    (fra,) = _by_category(records, "fire_and_rescue_authority")
    assert "combined fire and rescue authority" in fra["citation"]["doubt"]
