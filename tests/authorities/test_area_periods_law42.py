"""The area's own record in s.17 and for an area with no record (the forty-second session).

s.17(2) reaches "a specified authority or relevant authority for a local government area"
within the police area. ``svduty init`` files the councils of Allerdale, Carlisle and
Copeland under Cumberland's code (E06000063) until 1 April 2023, when Cumberland became a
local government area (The Cumbria (Structural Changes) Order 2022); asked about 15
February 2023, ``may_require_information`` answered ``yes``, "Allerdale council is an
authority for E06000063, within ... police area", an area that did not exist that day.

An area the geography knows only from the undated national tables (the current areas)
had no period and was assumed to be a local government area on every day, so recording
its period could turn a ``yes`` into a ``no``. On a day, its record is now a missing fact
where a ``yes`` needs it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    InformationFacts,
    may_assist,
    may_require_information,
    must_consult_s8,
    must_consult_s9,
    specified_authorities_for,
)
from svduty.periods import Period
from svduty.sources import cite

FACTS = InformationFacts(True, True, True, True, False, True, False, False)
C = cite("pcsc-act-2022", "Sch 1")


@pytest.fixture(scope="module")
def cumbria(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    folder = svduty.new_bundle(
        tmp_path_factory.mktemp("init") / "cumbria", ["E06000063", "E06000064"]
    )
    return svduty.load_partnership(Path(folder))


def test_s17_does_not_reach_an_authority_through_an_area_that_did_not_exist(
    cumbria: svduty.Partnership,
) -> None:
    auths = cumbria.authorities
    pcc = auths.get("cumbria-police-and-crime-commissioner")  # until 31 March 2023
    kw = {"districts_within": auths.districts_within, "area_periods": auths.area_periods}
    a = may_require_information(pcc, auths.get("allerdale-council"), FACTS, on="2023-02-15", **kw)
    # law48b: Allerdale's council is recorded for its own district (Sch 1 "The district"),
    # a local government area until 1 April 2023 (SI 2022/331 art 3(5)(a)), within the
    # police area; never through Cumberland's code, no local government area that day
    assert a.yes, a.explain()
    assert "is an authority for E07000026" in a.reasons[1].says
    assert not any("E06000063" in r.says for r in a.reasons)
    none = may_require_information(
        pcc, auths.get("allerdale-council"), FACTS, on="2023-02-15", relevant_area=[], **kw
    )
    assert none.yes, none.explain()
    # on vesting day both the commissioner's and the district council's records had ended
    allerdale = auths.get("allerdale-council")
    gone = may_require_information(pcc, allerdale, FACTS, on="2023-04-01", **kw)
    assert gone.verdict.value == "no", gone.explain()
    # from vesting day the successor is one for Cumberland, within the police area
    lpb = auths.get("cumbria-local-policing-body")
    after = may_require_information(
        lpb, auths.get("cumberland-council"), FACTS, on="2023-04-01", **kw
    )
    assert after.yes, after.explain()
    assert "is an authority for E06000063" in after.reasons[1].says
    # Cumberland's own council was no specified authority before (its record starts then)
    early = may_require_information(
        pcc, auths.get("cumberland-council"), FACTS, on="2023-02-15", **kw
    )
    assert not early.yes, early.explain()


def test_s17_a_relevant_area_with_an_area_that_did_not_exist_is_none() -> None:
    pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), C)
    far = Authority("far", "Far", AuthorityCategory.DISTRICT_COUNCIL, ("E06000063",), C)
    join = {"E23000099": ("E07000901",)}
    periods = {"E07000901": (Period("2009-04-01"),), "E06000063": (Period("2023-04-01"),)}
    kw = {
        "districts_within": lambda c: join.get(c, (c,)),
        "area_periods": periods.get,
        "relevant_area": ["E07000901", "E06000063"],
    }
    before = may_require_information(pcc, far, FACTS, on="2023-02-15", **kw)
    assert before.verdict.value == "no", before.explain()
    assert "E06000063 was not a local government area on 2023-02-15" in before.explain()
    after = may_require_information(pcc, far, FACTS, on="2023-06-01", **kw)
    assert after.verdict.value == "yes", after.explain()  # s.17(2) "for that area" (law43)
    assert after.missing == ()


def test_an_area_with_no_record_asked_about_on_a_day_leaves_its_record_missing() -> None:
    pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), C)
    join = {"E23000099": ("E07000901",)}
    recorded = {"E07000901": (Period("2009-04-01"),)}
    kw = {"districts_within": lambda c: join.get(c, (c,)), "section": "s.9"}
    area = ["E07000901", "E06000063"]  # Cumberland known only from the national tables
    a = may_assist(pcc, area, on="2023-06-01", area_periods=lambda c: recorded.get(c, ()), **kw)
    assert a.verdict.value == "undetermined", a.explain()
    assert a.missing == (
        "the record of E06000063 as a local government area: whether it was one on "
        "2023-06-01 (s.11(4))",
    )
    # its record given, either way, settles it
    for periods, verdict in (((Period("2023-04-01"),), "yes"), ((Period("2024-04-01"),), "no")):
        full = {**recorded, "E06000063": periods}
        assert (
            may_assist(pcc, area, on="2023-06-01", area_periods=full.get, **kw).verdict.value
            == verdict
        )
    # asked of no day, an area with no record is the national tables' current one
    assert may_assist(pcc, area, area_periods=lambda c: recorded.get(c, ()), **kw).yes
    # a no for another reason stands (no part of the area falls within the police area)
    other = ["E06000063", "E06000064"]
    no = may_assist(pcc, other, on="2023-06-01", area_periods=lambda c: (), **kw)
    assert no.verdict.value == "no"


# -- monotone in the area's record -------------------------------------------------------

CODES = ("E07000901", "E07000902", "E06000901")
STARTS = ("2009-04-01", "2023-04-01", "2024-04-01")
DAYS = (None, "2023-02-15", "2023-06-01", "2025-01-01")
CATEGORIES = (
    AuthorityCategory.DISTRICT_COUNCIL,
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
    AuthorityCategory.YOUTH_OFFENDING_TEAM,
    AuthorityCategory.INTEGRATED_CARE_BOARD,
    AuthorityCategory.COUNTY_COUNCIL,
)
periods_st = st.sampled_from(
    [(Period(s),) for s in STARTS] + [(Period("2009-04-01", "2023-04-01"),)]
)


def _answers(auths: Authorities, lpb: Authority, day: str | None) -> dict[str, str]:
    dw = auths.districts_within
    assert dw is not None
    out = {}
    for code in CODES:
        out[f"sa {code}"] = specified_authorities_for(auths, code, on=day).verdict.value
        out[f"s8 {code}"] = must_consult_s8(auths, code, on=day).verdict.value
        out[f"assist {code}"] = may_assist(
            lpb, [code], on=day, districts_within=dw, area_periods=auths.area_periods
        ).verdict.value
    out["assist9"] = may_assist(
        lpb, CODES[:2], section="s.9", on=day, districts_within=dw, area_periods=auths.area_periods
    ).verdict.value
    ids = [a.id for a in auths if a.category is AuthorityCategory.DISTRICT_COUNCIL]
    if len(ids) >= 2:
        with contextlib.suppress(svduty.SvdutyError):  # not two collaborating bodies
            out["s9"] = must_consult_s9(auths, CODES, ids[:2], on=day).verdict.value
    for a in auths:
        for ra in (None, [], list(CODES[1:])):
            out[f"s17 {a.id} {ra}"] = may_require_information(
                lpb,
                a,
                FACTS,
                districts_within=dw,
                relevant_area=ra,
                on=day,
                area_periods=auths.area_periods,
            ).verdict.value
    return out


@given(
    st.lists(
        st.tuples(st.sampled_from(CATEGORIES), st.lists(st.sampled_from(CODES), min_size=1)),
        max_size=7,
    ),
    st.dictionaries(st.sampled_from(CODES), periods_st),
    st.dictionaries(st.sampled_from(CODES), periods_st),
    st.sampled_from(DAYS),
)
def test_recording_an_areas_period_never_flips_yes_and_no(
    bodies: list[tuple[AuthorityCategory, list[str]]],
    known: dict[str, tuple[Period, ...]],
    added: dict[str, tuple[Period, ...]],
    day: str | None,
) -> None:
    items = tuple(
        Authority(f"a{i}", f"A{i}", cat, tuple(dict.fromkeys(areas)), C)
        for i, (cat, areas) in enumerate(bodies)
    )
    lpb = Authority("lpb", "LPB", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), C)
    join = {"E23000099": CODES[:2]}
    base = Authorities(items).with_districts_within(lambda c: join.get(c, (c,)))
    more = {**added, **known}  # the periods recorded, and some for areas that had none
    before = _answers(base.with_area_periods(lambda c: known.get(c, ())), lpb, day)
    after = _answers(base.with_area_periods(lambda c: more.get(c, ())), lpb, day)
    flips = {k: (before[k], after[k]) for k in before if {before[k], after[k]} == {"yes", "no"}}
    assert not flips, flips
