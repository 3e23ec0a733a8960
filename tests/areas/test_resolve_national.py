"""Codes outside a partnership are looked up column-wise, with the national dictionary's answers."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.areas import read_table
from svduty.areas._national import lsoa_district, national_districts

OLD = read_table("lsoa11-lsoa21-lad22", ("lsoa11_code",)).column(0).to_pylist()
NEW = read_table("lsoa21-ward24-lad24", ("lsoa21_code",)).column(0).to_pylist()
CODES = (
    st.sampled_from(OLD) | st.sampled_from(NEW) | st.sampled_from(["E01999999", "", "E07000220"])
)


@settings(max_examples=60, deadline=None)
@given(st.lists(CODES, max_size=30))
def test_the_column_look_up_gives_the_dictionarys_districts(codes):
    expected = [lsoa_district()[c][0] if c in lsoa_district() else None for c in codes]
    assert national_districts(codes) == expected


@settings(max_examples=30, deadline=None)
@given(st.lists(CODES | CODES.map(lambda c: f" {c} "), max_size=30))
def test_a_partnership_locates_codes_outside_it_as_before(codes):
    geo = svduty.warwickshire().geography
    t = geo.resolve_lsoas(pa.array(codes, pa.string()))
    for code, district, match in zip(
        codes, t.column("district_code").to_pylist(), t.column("match").to_pylist(), strict=True
    ):
        key = code.strip()
        inside = geo._index.current.get(key)
        if inside is not None and inside.kind.is_lsoa:
            assert district == geo.district_of(key).id
        elif key in lsoa_district():
            assert (district, match) == (lsoa_district()[key][0], "table")
        else:
            assert (district, match) == (None, "unresolved")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(NEW), min_size=1, max_size=30))
def test_a_partnership_gives_the_national_csp_of_a_district_it_records_without_one(codes):
    """Warwickshire's bundle records Coventry (the ICB covers it) but not its CSP: the ONS
    tables' CSP stands, as it does for a district the bundle does not record at all."""
    geo = svduty.warwickshire().geography
    national = svduty.Geography.england_and_wales()
    t = geo.resolve_lsoas(pa.array(codes, pa.string()))
    for code, csp in zip(codes, t.column("csp_code").to_pylist(), strict=True):
        assert csp == national.resolve_lsoa(code).csp_code


def test_coventry_has_its_csp_in_warwickshires_geography():
    m = svduty.warwickshire().geography.resolve_lsoa("E01009575")
    assert (m.district_name, m.csp_code, m.csp_name) == ("Coventry", "E22000336", "Coventry")
