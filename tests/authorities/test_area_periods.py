"""A local government area asked about on a day its own record does not hold (s.11(4)).

Cumberland (E06000063) became a local government area on 1 April 2023; before that day
its area was Allerdale's, Carlisle's and Copeland's (The Cumbria (Structural Changes)
Order 2022). ``svduty init`` files those districts' councils under their successor's
code with records ending on 1 April 2023, so the s.11(6) join for Cumberland on 15
February 2023 found them, and the answer was a confident ``yes`` for an area that was not
a local government area that day (the forty-first session's legal review, finding 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.authorities import (
    Authorities,
    Authority,
    AuthorityCategory,
    may_assist,
    must_consult_s8,
    must_consult_s9,
    specified_authorities_for,
)
from svduty.authorities._specified import area_held
from svduty.periods import Period
from svduty.sources import cite


@pytest.fixture(scope="module")
def cumbria(tmp_path_factory: pytest.TempPathFactory) -> svduty.Partnership:
    folder = svduty.new_bundle(
        tmp_path_factory.mktemp("init") / "cumbria", ["E06000063", "E06000064"]
    )
    return svduty.load_partnership(Path(folder))


def test_a_unitary_asked_about_before_it_existed_was_not_a_local_government_area(
    cumbria: svduty.Partnership,
) -> None:
    auths = cumbria.authorities
    answers = [
        specified_authorities_for(auths, "E06000063", on="2023-02-15"),
        must_consult_s8(auths, "E06000063", on="2023-02-15"),
        must_consult_s9(
            auths,
            ["E06000063", "E06000064"],
            ["allerdale-council", "barrow-in-furness-council"],
            on="2023-02-15",
        ),
    ]
    for a in answers:
        assert a.verdict.value == "no", a.explain()
        assert a.reasons[0].rule == "s.11(4)"
        assert "E06000063 was not a local government area on 2023-02-15" in a.reasons[0].says
        assert "2023-04-01 onwards" in a.reasons[0].says
        assert not a.subjects
    after = specified_authorities_for(auths, "E06000063", on="2023-04-01")
    assert after.verdict.value == "yes", after.explain()
    assert "cumberland-council" in after.subjects
    assert "allerdale-council" not in after.subjects
    # before the Duty came into force, commencement decides, not the area's record
    before = specified_authorities_for(auths, "E06000063", on="2023-01-30")
    assert before.verdict.value == "no"
    assert "s.11(4)" not in {r.rule for r in before.reasons}


def test_an_area_with_no_recorded_period_leaves_its_record_missing_on_a_day() -> None:
    # law42: it was not asked about, and assumed a local government area on every day
    c = cite("pcsc-act-2022", "Sch 1")
    d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    auths = Authorities((d,)).with_districts_within(lambda code: (code,))
    record = (
        "the record of E07000901 as a local government area: whether it was one on "
        "2023-06-01 (s.11(4))"
    )
    for periods in (None, lambda code: ()):
        a = auths if periods is None else auths.with_area_periods(periods)
        answer = specified_authorities_for(a, "E07000901", on="2023-06-01")
        assert answer.subjects == ("d",)
        assert answer.verdict.value == "undetermined"
        assert (record in answer.missing) is (periods is not None)  # none given: as given
        undated = specified_authorities_for(a, "E07000901")
        assert not any("the record of" in m for m in undated.missing)


def test_asked_of_no_day_an_area_whose_record_ends_leaves_the_day_to_be_given() -> None:
    ended = Authorities().with_area_periods(lambda code: (Period("2009-04-01", "2023-04-01"),))
    _, missing, failed = area_held(ended.area_periods, ["E07000901"], None)
    assert not failed
    assert missing == [
        "on (the day asked: the record of E07000901 as a local government area ends on 2023-04-01)"
    ]
    c = cite("pcsc-act-2022", "Sch 1")
    d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    auths = Authorities((d,)).with_districts_within(lambda code: (code,))
    auths = auths.with_area_periods(ended.area_periods)  # type: ignore[arg-type]
    assert missing[0] in specified_authorities_for(auths, "E07000901").missing
    assert missing[0] in must_consult_s8(auths, "E07000901").missing
    on_a_day = specified_authorities_for(auths, "E07000901", on="2023-03-31")
    assert not any(m.startswith("on (") for m in on_a_day.missing)
    gone = specified_authorities_for(auths, "E07000901", on="2023-04-01")
    assert gone.verdict.value == "no"
    assert "2009-04-01 to 2023-03-31" in gone.reasons[0].says


def test_a_code_that_is_never_a_local_government_area_is_refused_as_such() -> None:
    # recheck41: the area's record was read first, and a county asked about on a day its
    # record did not hold "was not a local government area on" that day, as if it were
    # one on others (s.11(4)(a): each of its districts is one)
    later = {c: (Period("2024-04-01"),) for c in ("E10000031", "S12000049")}
    auths = Authorities().with_area_periods(later.get)  # type: ignore[arg-type]
    for code, says in (("E10000031", "is a county"), ("S12000049", "Scotland")):
        a = specified_authorities_for(auths, code, on="2023-06-01", districts_within=lambda c: (c,))
        assert a.verdict.value == "no"
        assert [r.rule for r in a.reasons] == ["s.11(4)"]
        assert says in a.reasons[0].says, a.reasons[0].says
        assert "was not a local government area on" not in a.reasons[0].says
    assert area_held(auths.area_periods, ["E10000031"], "2023-06-01") == ([], [], False)


def test_may_assist_given_the_areas_periods_says_what_must_consult_s8_says(
    cumbria: svduty.Partnership,
) -> None:
    """recheck41, finding 4: s.14(1)(a) speaks of a local government area; Cumberland on
    15 February 2023 was none, and may_assist said yes where must_consult_s8 said no."""
    auths = cumbria.authorities
    bodies = [a for a in auths if a.category.value == "local_policing_body"]

    def pcc(day: str) -> Authority:
        return next(a for a in bodies if svduty.date(day) in a.valid)

    kw = {"districts_within": auths.districts_within, "area_periods": auths.area_periods}
    before = may_assist(pcc("2023-02-15"), ["E06000063"], on="2023-02-15", **kw)
    assert before.verdict.value == "no", before.explain()
    assert before.reasons[0].rule == "s.11(4)"
    assert may_assist(pcc("2023-04-01"), ["E06000063"], on="2023-04-01", **kw).yes
    # without the periods, as before (the caller's areas are taken as given)
    old = pcc("2023-02-15")
    assert may_assist(
        old, ["E06000063"], on="2023-02-15", districts_within=auths.districts_within
    ).yes
