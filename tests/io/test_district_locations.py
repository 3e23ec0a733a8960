"""An incident located by a district's own code gets the areas each LSOA of it gets.

Before, such a row had ``district_code`` and ``match`` ``district`` but no district name,
CSP or police area, and a district that ceased to exist (Allerdale, E07000026, abolished
on 1 April 2023) was ``unresolved``. Now the pipeline and the one-incident route
(``Geography.resolve_location``, ``LocalArea.within``, ``classify(Incident(...))``) agree.
"""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import svduty
from svduty.areas import Area, AreaMatch, Geography, LocalArea, Match
from svduty.areas._ceased import ceased_districts
from svduty.areas._national import district_partnerships, read_table
from svduty.definitions import Incident, classify
from svduty.errors import UnknownAreaError
from svduty.io import AREA_COLUMNS, classify_batch, default_pipeline
from svduty.periods import Period
from svduty.sources import cite

from ..conftest import fake_classify_table

PARTNERSHIP = svduty.warwickshire()
GEO = PARTNERSHIP.geography
LOCAL = PARTNERSHIP.local_area
PIPE = default_pipeline()
COLUMNS = (*AREA_COLUMNS, "within_area")


def batch(locations: list[str | None], **cols: list[object]) -> pa.Table:
    from svduty.io._incidents import _SCHEMA

    n = len(locations)
    base = {f.name: pa.nulls(n, f.type) for f in _SCHEMA}
    base["file"] = pa.array(["i.jsonl"] * n)
    base["row"] = pa.array(range(1, n + 1), pa.int64())
    base["location"] = pa.array(locations, pa.string())
    for k, v in cols.items():
        base[k] = pa.array(v, _SCHEMA.field(k).type)
    return pa.table(base, schema=_SCHEMA)


def located(locations: list[str | None]) -> list[dict[str, object]]:
    """The area columns ``svduty classify`` gives incidents at these locations."""
    out = PIPE(batch(locations))
    assert out.column("rejected").null_count == out.num_rows
    return [{k: row[k] for k in COLUMNS} for row in out.to_pylist()]


def an_lsoa_of_each(districts: list[str]) -> list[str]:
    t = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code"))
    first: dict[str, str] = {}
    for lsoa, lad in zip(t.column(0).to_pylist(), t.column(1).to_pylist(), strict=True):
        first.setdefault(lad, lsoa)
    return [first[d] for d in districts]


def test_every_district_code_gets_what_an_lsoa_of_it_gets() -> None:
    districts = sorted(district_partnerships())
    assert len(districts) == 318
    lsoas = an_lsoa_of_each(districts)
    rows = located(districts + lsoas)
    by_district, by_lsoa = rows[: len(districts)], rows[len(districts) :]
    for code, d, lsoa in zip(districts, by_district, by_lsoa, strict=True):
        assert (d["match"], lsoa["match"]) == ("district", "table"), code
        assert {**d, "match": "table"} == lsoa, code
        assert d["district_code"] == code
    named = [r for r in by_district if r["csp_name"] is not None]
    assert len(named) > 250  # most districts have one CSP; those with several leave it blank
    warwick = by_district[districts.index("E07000222")]
    assert warwick == {
        "district_code": "E07000222",
        "district_name": "Warwick",
        "csp_code": "E22000359",
        "csp_name": "South Warwickshire",
        "police_area": "Warwickshire Police South",
        "match": "district",
        "within_area": "inside",
    }


def test_a_ceased_district_is_read_as_its_successor() -> None:
    ceased = ceased_districts()
    assert len(ceased) == 17
    assert {d.successor for d in ceased.values()} == {
        "E06000063",  # Cumberland
        "E06000064",  # Westmorland and Furness
        "E06000065",  # North Yorkshire
        "E06000066",  # Somerset
    }
    codes = sorted(ceased)
    rows = located(codes + [ceased[c].successor for c in codes])
    assert rows[: len(codes)] == rows[len(codes) :]
    allerdale = GEO.resolve_location("E07000026")
    assert (allerdale.district_code, allerdale.district_name) == ("E06000063", "Cumberland")
    assert allerdale.match == "district"
    assert allerdale.lsoa_code is None


def test_a_ceased_district_is_inside_its_successors_partnership() -> None:
    ew = Geography.england_and_wales()
    cumberland = LocalArea(
        name="Cumberland",
        districts=("E06000063",),
        valid=Period("2023-04-01"),
        citation=cite("ons-lad24-csp24-pfa24", "ltla24_code"),
        geography=ew,
    )
    out = classify_batch(
        batch(["E07000026", "E07000028", "E07000027", "E06000063"]),
        resolve_areas=ew.resolve_lsoas,
        classify=fake_classify_table,
        within=cumberland.within,
    )
    assert out["within_area"].to_pylist() == ["inside", "inside", "outside", "inside"]
    names = ["Cumberland", "Cumberland", "Westmorland and Furness", "Cumberland"]
    assert out["district_name"].to_pylist() == names
    assert cumberland.within("E07000029")
    assert not cumberland.within("E07000030")


def test_a_geography_without_the_successor_does_not_know_a_ceased_district() -> None:
    local = Geography(GEO.areas, GEO.memberships)  # Warwickshire's records, not national
    assert local.district_code_of("E07000026") is None
    assert GEO.district_code_of("E07000026") == "E06000063"
    with pytest.raises(UnknownAreaError):
        local.resolve_location("E07000026")
    cumberland = Area(
        code="E06000063",
        name="Cumberland",
        kind="unitary",
        valid=Period("2023-04-01"),
        citation=cite("ons-lad24-csp24-pfa24", "ltla24_code"),
    )
    own = Geography([cumberland])  # not national, but it holds the successor
    assert own.district_code_of("E07000028") == "E06000063"
    assert own.resolve_location("e07000028").district_name == "Cumberland"
    assert own.district_code_of("E07000027") is None  # Barrow: Westmorland and Furness
    table = own.resolve_locations(["E07000028", "E07000027"])
    assert table.column("district_name").to_pylist() == ["Cumberland", None]


@pytest.mark.parametrize(
    "code",
    [
        "E05008983",  # a ward: not an LSOA, and the match vocabulary has no word for it
        "E10000031",  # a county: several districts
        "E22000359",  # a CSP: several districts
        "E23000017",  # a police force area
        "E07999999",  # a district code no table has
        "E07000007",  # Wycombe, abolished in 2020: not in the tables
    ],
)
def test_other_codes_stay_unresolved(code: str) -> None:
    (row,) = located([code])
    assert row["match"] == "unresolved"
    assert {row[k] for k in AREA_COLUMNS if k != "match"} == {None}
    with pytest.raises(UnknownAreaError):
        GEO.resolve_location(code)


def test_a_resolver_that_is_not_a_geographys_fills_the_code_only() -> None:
    def by_lsoa(codes, names):  # the geography's look-up, but not bound to it
        return GEO.resolve_lsoas(codes, names)

    out = classify_batch(
        batch(["E07000222"]),
        resolve_areas=by_lsoa,
        classify=fake_classify_table,
        within=LOCAL.within,
    )
    assert out["district_code"].to_pylist() == ["E07000222"]
    assert out["match"].to_pylist() == ["district"]
    assert out["district_name"].to_pylist() == [None]


def test_a_local_areas_resolver_reaches_its_geography() -> None:
    out = classify_batch(
        batch(["E07000220"]),
        resolve_areas=LOCAL.resolve_lsoas,
        classify=fake_classify_table,
        within=LOCAL.within,
    )
    assert out["csp_name"].to_pylist() == ["Rugby"]


def test_resolve_location_reads_the_code_as_the_classifier_does() -> None:
    lsoa = GEO.resolve_location(" e01031180 ")
    assert lsoa == AreaMatch(
        "E01031180", "E07000220", "Rugby", "table", "E22000321", "Rugby", "Warwickshire Police East"
    )
    assert GEO.resolve_location("w06000015").match == Match.DISTRICT
    table = GEO.resolve_locations(["E07000222", "E07000222", None])
    assert table.column("match").to_pylist() == ["district", "district", "unresolved"]
    for bad in ("", "   "):
        with pytest.raises(UnknownAreaError):
            GEO.resolve_location(bad)


# -- the pipeline and the one-incident route agree --------------------------------------

_SOME = sorted(district_partnerships())[::23]
DISTRICTS = [*_SOME, "E07000218", "E07000222", "E08000026", "W06000015", *ceased_districts()]
OTHERS = [
    *("E01031180", "E01033620", "E05008983", "E10000031", "E07999999", "E09999999", "W06000099"),
    "E54000018",  # the ICB of Coventry and Warwickshire: partly inside
]


def spelt(code: str) -> st.SearchStrategy[str]:
    return st.sampled_from([code, code.lower(), f" {code}", f"{code}\t"])


LOCATIONS = st.one_of(st.sampled_from(DISTRICTS + OTHERS).flatmap(spelt), st.none())
FACTS = [("3B", None), ("8N", None), ("1", None), (None, "Robbery"), (None, "Burglary")]
FACTS += [(None, None)]
ROW = st.builds(lambda place, facts: (place, *facts), LOCATIONS, st.sampled_from(FACTS))


def one_incident(location: str | None, code: str | None, category: str | None) -> dict:
    """What the one-incident route says of one incident: its areas and verdicts."""
    incident = Incident(location=location, offence_code=code, police_uk_category=category)
    where = incident.location
    if where is None:
        areas = dict.fromkeys(AREA_COLUMNS)
        within = "no_location"
    else:
        try:
            m = GEO.resolve_location(where)
        except UnknownAreaError:
            m = AreaMatch(None, None, None, "unresolved")
        areas = {k: getattr(m, k) for k in AREA_COLUMNS}
        within = _placed(m.district_code or where)
    c = classify(incident, PARTNERSHIP.definition, resolve_district=GEO.district_code_of)
    verdicts = {"violence": c.violence.value, "in_scope": c.in_scope.value}
    return {**areas, "within_area": within, **verdicts}


def _placed(code: str) -> str:
    """Inside when wholly inside, outside when wholly outside; a code the geography does
    not know, or an area partly inside, places the row nowhere (a new user's review)."""
    try:
        parts = set(GEO.lga_codes(code))
    except UnknownAreaError:
        return "no_location"
    inside = parts & set(LOCAL.districts)
    return "inside" if inside == parts else "no_location" if inside else "outside"


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=12))
@example([("E07000026", "3B", None), ("e07000222 ", None, "Robbery"), (None, None, None)])
def test_the_pipeline_and_the_one_incident_route_agree_on_district_codes(rows) -> None:
    out = PIPE(
        batch(
            [r[0] for r in rows],
            offence_code=[r[1] for r in rows],
            police_uk_category=[r[2] for r in rows],
        )
    ).to_pylist()
    assert [r["rejected"] for r in out] == [None] * len(rows)
    for got, (location, code, category) in zip(out, rows, strict=True):
        want = one_incident(location, code, category)
        assert {k: got[k] for k in want} == want, location
