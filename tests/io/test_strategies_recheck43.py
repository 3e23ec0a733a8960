"""s.8(4) with a day the strategy is only *known adopted by* (recheck43).

"In preparing a strategy under this section for a local government area, the specified
authorities for the area must ensure that the following are consulted— (a) each
educational authority for the area; ..." (PCSC Act 2022 s.8(4)). A strategy's
``adopted_by`` is a known-by day: "adopted on or before it". ``strategy_meets_s8`` took
the list of relevant authorities on that day alone (recheck42, moved into
``svduty.funding._consulted`` by law43), so recording an earlier known-by day, more
knowledge, swapped the answer: a school whose record ended between the two days was no
omission (``yes``) on the later day and an omission (``no``) on the earlier one; a school
whose record began between them the other way round. The list is now that of a window
whose start does not move with the known-by day; a record starting or ending inside it
leaves whether the authority had to be consulted missing.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory
from svduty.funding import Consultation, ReviewArrangement, StrategyRecords, strategy_meets_s8
from svduty.periods import Period
from svduty.sources import cite

AREA = "E07000218"
ACT = cite("pcsc-act-2022", "Sch 2")
EDU = AuthorityCategory("educational_authority")
(SEED,) = svduty.warwickshire().strategies.editions
CITED = SEED.endorsements[0].citation
REVIEW = ReviewArrangement("quarterly report", Period("2023-01-31"), CITED)
ALWAYS = Authority("s1", "S1", EDU, (AREA,), ACT)


def _authorities(s2: Period | None, known_from: str = "1900-01-01") -> Authorities:
    schools = [ALWAYS]
    if s2 is not None:
        schools.append(Authority("s2", "S2", EDU, (AREA,), ACT, valid=s2))
    none = ("prison_authority", "youth_custody_authority")
    absent = [Absence(AuthorityCategory(c), (AREA,), ACT) for c in none]
    whole = Period(known_from)  # from when the schools recorded are known to be all
    absent.append(Absence(EDU, (AREA,), ACT, beside=tuple(s.id for s in schools), valid=whole))
    return Authorities(tuple(schools), tuple(absent)).with_districts_within(lambda c: (c,))


def _ask(
    s2: Period | None,
    *,
    start: str,
    adopted: str | None,
    consulted,
    on: str,
    known_from: str = "1900-01-01",
):
    e = attrs.evolve(
        SEED,
        id="e",
        period=Period(start, "2031-01-01"),
        adopted_by=adopted,
        adopted_citation=CITED if adopted else None,
        published_by=adopted,
        published_citation=CITED if adopted else None,
        reviews=(REVIEW,),
        consultation=Consultation(tuple(consulted), CITED),
    )
    return strategy_meets_s8(StrategyRecords((e,)), _authorities(s2, known_from), AREA, on=on)


ENDED = Period("2020-01-01", "2025-05-01")  # a school closed in May 2025


def test_a_school_closed_before_the_known_by_day_is_not_shown_consulted():
    # known adopted by 2025-09-01: it may have been adopted in 2023, while S2 was open
    later = _ask(
        ENDED, start="2023-02-01", adopted="2025-09-01", consulted=("s1",), on="2025-10-01"
    )
    assert later.undetermined, later.explain()
    assert later.missing == (
        f"whether s2 was a relevant authority for {AREA} while e was prepared "
        "(its record ends 2025-05-01; s.8(4))",
    )
    earlier = _ask(
        ENDED, start="2023-02-01", adopted="2023-06-19", consulted=("s1",), on="2025-10-01"
    )
    assert earlier.no, earlier.explain()


def test_a_school_opened_after_s8_and_before_the_known_by_day_is_not_a_no():
    opened = Period("2024-12-15")
    a = _ask(opened, start="2025-01-01", adopted="2025-02-01", consulted=("s1",), on="2025-03-01")
    assert a.undetermined, a.explain()
    assert a.missing == (
        f"whether s2 was a relevant authority for {AREA} while e was prepared "
        "(its record starts 2024-12-15; s.8(4))",
    )
    assert _ask(
        opened, start="2025-01-01", adopted="2024-11-01", consulted=("s1",), on="2025-03-01"
    ).yes


def test_a_school_open_throughout_left_out_is_still_no():
    a = _ask(None, start="2025-01-01", adopted="2025-09-01", consulted=(), on="2025-10-01")
    assert a.no, a.explain()
    assert any(r.says == "not consulted in preparing e: s1" for r in a.reasons)


_DAY = st.sampled_from(
    [
        "2022-06-01",
        "2023-03-01",
        "2023-06-19",
        "2024-11-01",
        "2025-02-01",
        "2025-06-01",
        "2025-09-01",
    ]
)
_S2 = st.sampled_from(
    [None, ENDED, Period("2024-12-15"), Period("2023-04-01"), Period("2023-03-01", "2024-12-01")]
)


@settings(max_examples=300, deadline=None)
@given(
    s2=_S2,
    start=st.sampled_from(["2022-01-01", "2023-02-01", "2025-01-01"]),
    consulted=st.sampled_from([(), ("s1",), ("s2",), ("s1", "s2")]),
    on=st.sampled_from(["2023-04-01", "2024-01-01", "2025-03-01", "2025-10-01"]),
    days=st.lists(_DAY, min_size=2, max_size=2, unique=True).map(sorted),
    known_from=st.sampled_from(["1900-01-01", "2024-01-01"]),
)
def test_an_earlier_known_by_day_never_swaps_yes_and_no(  # noqa: PLR0917
    s2, start, consulted, on, days, known_from
):
    """``adopted_by`` D says adopted on or before D: an earlier D is more knowledge."""
    earlier, later = days
    kw = {"start": start, "consulted": consulted, "on": on, "known_from": known_from}
    was = _ask(s2, adopted=later, **kw).verdict.value
    now = _ask(s2, adopted=earlier, **kw).verdict.value
    assert {was, now} != {"yes", "no"}, (later, was, earlier, now)


def test_a_window_day_whose_list_is_not_known_whole_leaves_that_missing():
    # every school for the area is known only from 2024: the strategy, known adopted by
    # 2025-09-01, may have been adopted in 2023, when another may have had to be consulted
    none = ("prison_authority", "youth_custody_authority")
    absent = [Absence(AuthorityCategory(c), (AREA,), ACT) for c in none]
    absent.append(Absence(EDU, (AREA,), ACT, beside=("s1",), valid=Period("2024-01-01")))
    auths = Authorities((ALWAYS,), tuple(absent)).with_districts_within(lambda c: (c,))
    e = attrs.evolve(
        SEED,
        id="e",
        period=Period("2023-02-01", "2031-01-01"),
        adopted_by="2025-09-01",
        adopted_citation=CITED,
        published_by="2025-09-01",
        published_citation=CITED,
        reviews=(REVIEW,),
        consultation=Consultation(("s1",), CITED),
    )
    a = strategy_meets_s8(StrategyRecords((e,)), auths, AREA, on="2025-10-01")
    assert a.undetermined, a.explain()
    (m,) = a.missing
    assert m.startswith(f"whether every educational authority for {AREA} is recorded"), m
    assert m.endswith(
        "(on 2023-01-31: it may have been adopted then, known adopted only by 2025-09-01; s.8(4))"
    ), m
