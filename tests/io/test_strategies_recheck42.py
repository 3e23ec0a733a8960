"""s.8(4) asks who was consulted *in preparing* the strategy (recheck42).

"In preparing a strategy under this section for a local government area, the specified
authorities for the area must ensure that the following are consulted— (a) each
educational authority for the area; ..." (PCSC Act 2022 s.8(4)). ``strategy_meets_s8``
took the list on the day asked: a school (an Academy's proprietor) that opened after the
strategy was adopted turned a ``yes`` into a ``no``, "not consulted in preparing ...".
The list is now taken on the day by which the strategy is known adopted; an authority
whose record may have begun after the strategy was prepared leaves that missing.
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
(SEED,) = svduty.warwickshire().strategies.editions  # period 2022-2027, adopted by 2023-06-19
CITED = SEED.endorsements[0].citation


def _authorities(*schools: Authority) -> Authorities:
    none = ("prison_authority", "youth_custody_authority")
    absent = [Absence(AuthorityCategory(c), (AREA,), ACT) for c in none]
    absent.append(Absence(EDU, (AREA,), ACT, beside=tuple(s.id for s in schools)))
    return Authorities(schools, tuple(absent)).with_districts_within(lambda c: (c,))


def _records(consulted: tuple[str, ...] | None, **changes: object) -> StrategyRecords:
    given_ = None if consulted is None else Consultation(consulted, CITED)
    return StrategyRecords((attrs.evolve(SEED, consultation=given_, **changes),))


OLD = Authority("s1", "S1", EDU, (AREA,), ACT)  # no start recorded
OPENED_2024 = Authority("s2", "S2", EDU, (AREA,), ACT, valid=Period("2024-09-01"))
OPENED_2022 = Authority("s3", "S3", EDU, (AREA,), ACT, valid=Period("2022-09-01"))


def test_a_school_opened_after_the_strategy_was_adopted_is_no_omission():
    auths = _authorities(OLD, OPENED_2024)
    before = strategy_meets_s8(_records(("s1",)), auths, AREA, on="2024-01-01")
    after = strategy_meets_s8(_records(("s1",)), auths, AREA, on="2024-10-01")
    assert before.yes, before.explain()
    assert after.yes, after.explain()
    assert not any(r.says.startswith("not consulted") for r in after.reasons)


def test_an_authority_of_the_adoption_day_left_out_is_still_no():
    a = strategy_meets_s8(_records(()), _authorities(OLD), AREA, on="2024-10-01")
    assert a.no, a.explain()
    assert any(r.rule == "s.8(4)" and r.says.endswith(": s1") for r in a.reasons)


def test_one_whose_record_may_begin_after_preparation_leaves_that_missing():
    a = strategy_meets_s8(_records(("s1",)), _authorities(OLD, OPENED_2022), AREA, on="2024-01-01")
    assert a.undetermined, a.explain()
    assert a.missing == (
        f"whether s3 was a relevant authority for {AREA} while {SEED.id} was prepared "
        "(its record starts 2022-09-01; s.8(4))",
    )


def test_without_an_adoption_day_a_left_out_authority_is_not_a_no():
    recs = _records((), adopted_by=None, adopted_citation=None)
    a = strategy_meets_s8(recs, _authorities(OLD), AREA, on="2024-01-01")
    assert a.undetermined, a.explain()
    assert any(m.startswith("whether s1 was a relevant authority") for m in a.missing)


def test_adopted_before_s8_came_into_force_is_not_judged_on_a_later_list():
    recs = _records((), adopted_by="2022-06-01")
    a = strategy_meets_s8(recs, _authorities(OLD), AREA, on="2024-01-01")
    assert a.undetermined, a.explain()
    assert any("when s.8(4) did not apply" in m for m in a.missing)


_DAYS = st.sampled_from(["2021-06-01", "2022-06-01", "2023-03-01", "2023-06-19", "2024-06-01"])
_REVIEW = ReviewArrangement("quarterly report", Period("2023-01-31", "2025-04-01"), CITED)


@settings(max_examples=150, deadline=None)
@given(
    adopted=st.one_of(st.none(), _DAYS),
    published=st.one_of(st.none(), _DAYS),
    review=st.booleans(),
    consulted=st.one_of(st.none(), st.lists(st.sampled_from(["s1", "s2", "s3"]), unique=True)),
    day=st.sampled_from(["2023-02-01", "2023-07-01", "2024-01-01", "2024-10-01", "2025-06-01"]),
    which=st.sampled_from(["adopted", "published", "review", "consulted"]),
    fill=_DAYS,
)
def test_recording_a_fact_never_flips_yes_and_no(  # noqa: PLR0917 - hypothesis arguments
    adopted, published, review, consulted, day, which, fill
):
    """A fact the record lacked, recorded, never turns yes into no or no into yes."""
    auths = _authorities(OLD, OPENED_2024, OPENED_2022)

    def answer(ad, pub, rev, con):
        recs = _records(
            None if con is None else tuple(con),
            adopted_by=ad,
            adopted_citation=CITED if ad else None,
            published_by=pub,
            published_citation=CITED if pub else None,
            reviews=(_REVIEW,) if rev else (),
        )
        return strategy_meets_s8(recs, auths, AREA, on=day).verdict.value

    facts = {"adopted": adopted, "published": published, "review": review, "consulted": consulted}
    more = dict(facts)
    if which == "review":
        more["review"] = True
    elif which == "consulted":
        more["consulted"] = consulted if consulted is not None else ["s1", "s3"]
    elif facts[which] is None:
        more[which] = fill
    was, now = answer(*facts.values()), answer(*more.values())
    assert {was, now} != {"yes", "no"}, (facts, more, was, now)
