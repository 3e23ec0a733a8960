"""A district's integrated care boards: those of the LSOAs that lie in it (area49).

The 2024 ward table places LSOAs in wards, and so districts, by a best fit; it files one
2021 LSOA of West Northamptonshire (E01027305, "West Northamptonshire 048E") under a
Cherwell ward, and ``svduty init`` named NHS Northamptonshire ICB a specified authority for
Cherwell from it. The 2022 table gives the district each 2021 LSOA was built in.
"""

from __future__ import annotations

from collections import defaultdict

import svduty
from svduty.areas import AreaKind
from svduty.areas._national import district_records, read_table

CHERWELL, WEST_NORTHANTS = "E07000177", "E06000062"
BOB, NORTHANTS = "E54000044", "E54000059"


def _icbs(code: str) -> set[str]:
    return {p for p in district_records()[code][1] if p.startswith("E54")}


def test_cherwell_lies_in_one_board() -> None:
    """Fails before area49: Cherwell's parents held E54000059 too."""
    assert _icbs(CHERWELL) == {BOB}
    geo = svduty.Geography.england_and_wales()
    assert [a.id for a in geo.parents(CHERWELL, AreaKind.INTEGRATED_CARE_BOARD)] == [BOB]
    assert CHERWELL not in set(geo.district_codes_within(NORTHANTS))


def test_west_northamptonshire_keeps_its_board() -> None:
    assert _icbs(WEST_NORTHANTS) == {NORTHANTS}


def test_each_district_kept_since_2022_has_the_boards_of_the_lsoas_built_in_it() -> None:
    """Against the tables read afresh: for every district of 2022 still a district in 2024,
    its boards are those of the 2021 LSOAs the 2022 table puts in it, and no other."""
    bridge = read_table("lsoa11-lsoa21-lad22", ("lsoa21_code", "ltla22_code")).to_pylist()
    rows = read_table("lsoa21-icb24", ("lsoa21_code", "icb24_code")).to_pylist()
    icb = {r["lsoa21_code"]: r["icb24_code"] for r in rows}
    districts = read_table("lsoa21-ward24-lad24", ("ltla24_code",)).to_pylist()
    now = {r["ltla24_code"] for r in districts}
    boards: dict[str, set[str]] = defaultdict(set)
    for r in bridge:
        if r["lsoa21_code"] in icb:  # England
            boards[r["ltla22_code"]].add(icb[r["lsoa21_code"]])
    kept = [code for code in boards if code in now]
    assert len(kept) > 280
    wrong = {code: (_icbs(code), boards[code]) for code in kept if _icbs(code) != boards[code]}
    assert wrong == {}
