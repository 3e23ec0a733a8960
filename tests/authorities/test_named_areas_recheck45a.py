"""A council is an authority only for the area its Schedule 1 row gives (recheck45a).

s.11(6): "a specified authority listed in a table in Schedule 1 is an authority for the local
government area or (as the case may be) each local government area listed in the
corresponding entry in the second column of the table". Sch 1, "Local government" table:
"A London borough council | The London borough", "The Common Council of the City of London
in its capacity as a local authority | The City of London", "A county council in Wales | The
county", "A county borough council in Wales | The county borough". The Local Government Act
1972 s.20(4): "The new principal areas set out in Part I of Schedule 4 shall be counties and
those set out in Part II of that Schedule shall be county boroughs".

The forty-fifth session (cases45) refused such a council in a bundle, but
``specified_authorities_for`` still listed a London borough council recorded against a
district among its subjects, with the reason that it "is an authority for" the district (and
``Authorities.specified_for`` returned it); and a county borough council recorded against
Cardiff (a county) passed the bundle check and completed Cardiff's "Local government" table.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.areas import Geography
from svduty.authorities import Authorities, Authority, AuthorityCategory, specified_authorities_for
from svduty.authorities._areas_served import area_problems, local_councils, not_given
from svduty.io._new_records import WELSH_COUNTIES
from svduty.sources import cite

C = AuthorityCategory
SCH1 = cite("pcsc-act-2022", "Sch 1")
DISTRICT, CAMDEN, CITY, CARDIFF, BRIDGEND = (
    "E07000222",
    "E09000007",
    "E09000001",
    "W06000015",
    "W06000013",
)


def _one(category: AuthorityCategory, code: str, id_: str = "x") -> Authority:
    return Authority(id_, id_.upper(), category, (code,), citation=SCH1)


def _auths(*records: Authority) -> Authorities:
    return Authorities(list(records), districts_within=lambda code: [code])


def test_a_council_of_another_area_is_no_subject_even_beside_the_right_one() -> None:
    lbc, dc = _one(C.LONDON_BOROUGH_COUNCIL, DISTRICT, "lbc"), _one(C.DISTRICT_COUNCIL, DISTRICT)
    answer = specified_authorities_for(_auths(lbc, dc), DISTRICT, on="2024-01-01")
    assert answer.subjects == ("x",)
    assert not any(r.says.startswith("LBC (") for r in answer.reasons), answer.reasons
    said = [r.says for r in answer.reasons if r.says.startswith("lbc is")]
    assert said
    assert said[0].endswith(f"not a specified authority for {DISTRICT}"), said
    assert _auths(lbc, dc).specified_for(DISTRICT, on="2024-01-01") == (dc,)


def test_a_common_council_recorded_for_camden_is_not_specified_for_camden() -> None:
    cc = _one(C.COMMON_COUNCIL, CAMDEN)
    assert _auths(cc).specified_for(CAMDEN) == ()
    assert specified_authorities_for(_auths(cc), CAMDEN, on="2024-01-01").subjects == ()


def test_a_county_council_with_no_district_councils_stays_one_for_each_district_within() -> None:
    """Sch 1: "A county council in England for an area for which there are no district
    councils | The district which coincides with the council's area or, if there is no such
    district, each district within the council's area": a two-tier district's code is one
    its row can give, through the county it is recorded against."""
    ccnd = _one(C.COUNTY_COUNCIL_NO_DISTRICTS, "E10000999")
    within = {"E10000999": ["E07000901", "E07000902"]}
    auths = Authorities([ccnd], districts_within=lambda code: within.get(code, [code]))
    assert auths.specified_for("E07000901") == (ccnd,)
    answer = specified_authorities_for(auths, "E07000901", on="2024-01-01")
    assert answer.subjects == ("x",)
    assert not_given(ccnd, "E07000901") is None
    assert not_given(ccnd, CAMDEN) is not None


@pytest.mark.parametrize(
    ("category", "code", "kind"),
    [
        (C.WELSH_COUNTY_BOROUGH_COUNCIL, CARDIFF, "a county"),
        (C.WELSH_COUNTY_COUNCIL, BRIDGEND, "a county borough"),
    ],
)
def test_a_welsh_council_of_the_other_kind_is_refused(
    category: AuthorityCategory, code: str, kind: str
) -> None:
    a = _one(category, code)
    found = list(area_problems(Geography.england_and_wales(), a, code))
    assert [rule for rule, _ in found] == ["BUNDLE-CATEGORY-AREA"]
    assert f"{code} is {kind} (LGA 1972 s.20(4)" in found[0][1]
    answer = specified_authorities_for(_auths(a), code, on="2024-01-01")
    assert answer.subjects == ()
    local = next(m for m in answer.missing if "'Local government' table" in m)
    other = C.WELSH_COUNTY_COUNCIL if code == CARDIFF else C.WELSH_COUNTY_BOROUGH_COUNCIL
    assert f"({other.value.replace('_', ' ')}) for {code}" in local, local


@pytest.mark.parametrize(
    ("category", "code"),
    [(C.WELSH_COUNTY_COUNCIL, CARDIFF), (C.WELSH_COUNTY_BOROUGH_COUNCIL, BRIDGEND)],
)
def test_a_welsh_council_of_its_own_kind_is_accepted(category: AuthorityCategory, code: str):
    a = _one(category, code)
    assert list(area_problems(Geography.england_and_wales(), a, code)) == []
    assert specified_authorities_for(_auths(a), code, on="2024-01-01").subjects == ("x",)


def test_the_welsh_counties_are_those_of_the_national_tables_by_name() -> None:
    """The codes agree with the names ``svduty init`` reads (LGA 1972 Sch 4 Pt I)."""
    geo = Geography.england_and_wales()
    welsh = [f"W060000{n:02d}" for n in range(1, 30) if f"W060000{n:02d}" in geo]
    assert len(welsh) == 22
    for code in welsh:
        county = geo.get(code).name.lower() in WELSH_COUNTIES
        want = C.WELSH_COUNTY_COUNCIL if county else C.WELSH_COUNTY_BOROUGH_COUNCIL
        assert local_councils(code) == (want,), code
    assert set(local_councils("W06")) == {C.WELSH_COUNTY_COUNCIL, C.WELSH_COUNTY_BOROUGH_COUNCIL}
    assert set(local_councils("W06000099")) == set(local_councils("W06"))  # a new code


_COUNCILS = sorted({c for p in ("E06", "E07", "E08", "E09", "W06") for c in local_councils(p)})
_CODES = [DISTRICT, CAMDEN, CITY, CARDIFF, BRIDGEND, "E06000053", "E06000052", "E08000026"]
_RECORDS = st.lists(st.tuples(st.sampled_from(_COUNCILS), st.sampled_from(_CODES)), max_size=6).map(
    lambda xs: [_one(c, code, f"r{i}") for i, (c, code) in enumerate(xs)]
)


@given(_RECORDS, _RECORDS, st.sampled_from(_CODES))
def test_more_records_never_unsettle_the_answer(
    some: list[Authority], more: list[Authority], code: str
) -> None:
    """Monotone in knowledge: a council of another area never settles or unsettles it."""
    extra = [
        Authority(f"m{i}", a.name, a.category, a.areas, a.citation) for i, a in enumerate(more)
    ]
    small = specified_authorities_for(_auths(*some), code, on="2024-01-01")
    big = specified_authorities_for(_auths(*some, *extra), code, on="2024-01-01")
    assert small.verdict.value != "no"
    assert big.verdict.value != "no"
    assert set(small.subjects) <= set(big.subjects)
    assert set(big.missing) <= set(small.missing)
    everyone = {a.id: a for a in (*some, *extra)}
    assert all(not_given(everyone[s], code) is None for s in big.subjects)
