"""``svduty init``'s council of every unitary area: which Schedule 1 row, from the Act (law58a).

A unitary area is a district (s.11(4)(a)) with one council, which in law is either its
district council (Sch 1 "A district council": "The district") or a county council "for
an area for which there are no district councils" ("The district which coincides with
the council's area"). The rows exclude each other; under either, s.11(6) makes the
council a specified authority for that one district. Before law58a the record said only
that it "is either", not that the Act gives the same area either way nor what decides
the row (the order that made the area unitary). Every unitary of the national tables
(``data/ons/national/lad24-csp24-pfa24.csv``, the same file as the shared copy) is
checked.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from svduty.areas import AreaKind, Geography
from svduty.authorities import Authorities, Authority, AuthorityCategory
from svduty.io._new_authorities import UNITARY_DOUBT, authorities
from svduty.sources import cite

GEO = Geography.england_and_wales()
_TABLE = resources.files("svduty") / "data" / "ons" / "national" / "lad24-csp24-pfa24.csv"
with _TABLE.open(encoding="utf-8") as _f:
    UNITARIES = sorted({r["ltla24_code"] for r in csv.DictReader(_f)} - {""})
    UNITARIES = [c for c in UNITARIES if c.startswith("E06")]
ROWS = {
    AuthorityCategory.DISTRICT_COUNCIL.value,
    AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS.value,
}


def test_every_unitary_of_the_table_is_read() -> None:
    assert len(UNITARIES) >= 60  # 62 in England with the Isles of Scilly (2024-25 codes)
    assert all(GEO.get(c).kind is AreaKind.UNITARY for c in UNITARIES)
    assert {a.id for a in GEO.areas if a.kind is AreaKind.UNITARY} <= set(UNITARIES)


@pytest.mark.parametrize("code", UNITARIES)
def test_the_unitary_council_record_says_which_row_and_why(code: str) -> None:
    records = [r for r in authorities(GEO, [GEO.get(code)]) if r["areas"] == [code]]
    councils = [r for r in records if r["category"] in ROWS]
    if code == "E06000053":  # the Council of the Isles of Scilly: its own row of Sch 1
        assert records[0]["category"] == "council_of_the_isles_of_scilly"
        return
    assert len(councils) == 1, records
    (council,) = councils
    doubt = council["citation"]["doubt"]
    if council["category"] == AuthorityCategory.DISTRICT_COUNCIL.value:
        assert doubt == UNITARY_DOUBT
        assert "s.11(6)" in doubt
        assert "county_council_no_districts" in doubt  # how to record the other row
    else:  # svduty read it as the county council: it says why, and that the area is one
        assert "The district which coincides with the council's area" in doubt
        assert "s.11(6)" in doubt
    assert council["citation"]["confidence"] == "unconfirmed"


@pytest.mark.parametrize("code", [c for c in UNITARIES if c != "E06000053"])  # Scilly's own row
@pytest.mark.parametrize("row", sorted(ROWS))
def test_either_row_makes_the_council_an_authority_for_the_unitary(code: str, row: str) -> None:
    """The reason the row does not matter to the Duty: s.11(6) gives the same one area."""
    c = cite("pcsc-act-2022", "Sch 1")
    council = Authority("u", "U", AuthorityCategory(row), (code,), c)
    found = Authorities((council,)).specified_for(code, districts_within=GEO.district_codes_within)
    assert [a.id for a in found] == ["u"]
