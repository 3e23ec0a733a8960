"""recheck49: an answer that rests on a row of Schedule 1 or 2 not read says so.

Properties over every category and every state of knowledge (the case files
tests/cases/authorities/recheck49.toml pin single cases):

- s.16: a ``yes`` rests on each party being a person s.16(2) lists, by its row
  (s.11(1), s.12(1)); where that row is not read, some reason carries its doubt.
- s.16(4)(b) / s.17(6)(b): a ``yes`` about information that may be personal rests on the
  discloser's row not being in the table headed "Health and social care" (s.10(10)): a
  reason for (b) is given, as unsure as that row.
- s.17(2): a ``no`` because the recipient stands outside the police area rests on its
  row's second column (s.11(6), s.12(2)), and is as sure as that column.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from svduty.answers import Answer, Verdict
from svduty.authorities import (
    Authority,
    AuthorityCategory,
    InformationFacts,
    may_disclose,
    may_require_information,
)
from svduty.authorities._categories import CATEGORIES, Role
from svduty.sources import Confidence, cite

ACT = cite("pcsc-act-2022", "Sch 1")
CATS = st.sampled_from(list(AuthorityCategory))
BOOL3 = st.sampled_from([True, False, None])
NAMES = [f.name for f in attrs.fields(InformationFacts)]
FACTS = (
    st.fixed_dictionaries(dict.fromkeys(NAMES, BOOL3))
    .filter(lambda d: not (d["patient_information"] is True and d["personal_information"] is False))
    .map(lambda d: InformationFacts(**d))
)
GOOD = {  # the facts under which s.16 and s.17 say yes, bar the carve-outs' personal data
    "held_for_own_functions": True,
    "for_recipient_functions": True,
    "for_section_14_functions": True,
    "held_by_and_relates_to_recipient": True,
    "breaches_data_protection": False,
    "breaches_investigatory_powers": False,
}
NEAR_YES = st.fixed_dictionaries(
    {
        **{k: st.just(v) for k, v in GOOD.items()},
        "patient_information": st.just(False),
        "personal_information": BOOL3,
    }
).map(lambda d: InformationFacts(**d))
ANY_FACTS = st.one_of(FACTS, NEAR_YES)
LISTED = {Role.SPECIFIED_AUTHORITY, Role.RELEVANT_AUTHORITY}


def _auth(i: str, cat: AuthorityCategory, areas: list[str]) -> Authority:
    return Authority(i, i.upper(), cat, tuple(areas), ACT)


def _unread(cat: AuthorityCategory) -> bool:
    return CATEGORIES[cat].citation.confidence is Confidence.UNCONFIRMED


def _within(code: str) -> Any:
    return {"P": ("L1",)}.get(code, (code,))


def _doubted(answer: Answer, rule: str) -> bool:
    return any(
        r.rule == rule and r.citation.confidence is Confidence.UNCONFIRMED for r in answer.reasons
    )


@given(d=CATS, r=CATS, facts=ANY_FACTS)
def test_a_disclosure_yes_carries_the_doubt_of_each_row_not_read(
    d: AuthorityCategory, r: AuthorityCategory, facts: InformationFacts
) -> None:
    answer = may_disclose(_auth("a", d, ["L1"]), _auth("b", r, ["L1"]), facts)
    for reason in answer.reasons:  # every reason cites, and says why when unsure
        assert reason.citation.provision
        if reason.citation.confidence is Confidence.UNCONFIRMED:
            assert reason.citation.doubt
    if answer.verdict is not Verdict.YES:
        return
    if any(_unread(c) and CATEGORIES[c].role in LISTED for c in (d, r)):
        assert _doubted(answer, "s.16(2)"), answer.explain()
    else:
        assert not _doubted(answer, "s.16(2)"), answer.explain()


@given(d=CATS, facts=ANY_FACTS, request=st.booleans())
def test_a_yes_that_may_be_personal_information_says_why_b_does_not_bar_it(
    d: AuthorityCategory, facts: InformationFacts, request: bool
) -> None:
    a = _auth("a", d, ["L1"])
    if request:
        answer = may_require_information(
            _auth("p", AuthorityCategory.LOCAL_POLICING_BODY, ["P"]),
            a,
            facts,
            districts_within=_within,
        )
        rule = "s.17(6)(b)"
    else:
        answer = may_disclose(a, _auth("b", AuthorityCategory.DISTRICT_COUNCIL, ["L1"]), facts)
        rule = "s.16(4)(b)"
    if answer.verdict is not Verdict.YES:
        return
    mine = [x for x in answer.reasons if x.rule == rule]
    assert mine, answer.explain()  # (b) is answered, whatever the facts
    info = CATEGORIES[d]
    if facts.is_personal_information is not False and info.role is Role.SPECIFIED_AUTHORITY:
        unsure = {x.citation.confidence for x in mine} == {Confidence.UNCONFIRMED}
        assert unsure is _unread(d), answer.explain()


@given(r=CATS)
def test_outside_the_police_area_is_as_sure_as_the_recipients_second_column(
    r: AuthorityCategory,
) -> None:
    info = CATEGORIES[r]
    if info.role not in LISTED:
        return
    facts = InformationFacts(True, True, True, True, False, False, False, False)
    pcc = _auth("p", AuthorityCategory.LOCAL_POLICING_BODY, ["P"])
    answer = may_require_information(
        pcc, _auth("b", r, ["L2"]), facts, districts_within=_within, relevant_area=[]
    )
    assert answer.verdict is Verdict.NO, answer.explain()
    [outside] = [x for x in answer.reasons if x.rule == "s.17(2)"]
    assert outside.citation.confidence is info.join_citation.confidence, answer.explain()
    assert info.join_citation.provision in outside.citation.provision
