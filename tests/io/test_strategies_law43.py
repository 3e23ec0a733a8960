"""s.8(7)-(11) and s.9(13) read in full for the strategies' records (law43).

PCSC Act 2022 (revised text to 7 March 2023, legalize-dev/legalize-uk ``uk/ukpga-2022-32.md``):

- s.8(4): "In preparing a strategy under this section ... the specified authorities for
  the area must ensure that the following are consulted— (a) each educational authority
  for the area; ..."
- s.8(7): "Once a strategy has been prepared under this section for a local government
  area, the specified authorities for the area must— (a) publish the strategy, (b) keep
  the strategy under review, and (c) from time to time prepare and implement a revised
  strategy."
- s.8(9): "A strategy under this section may cover an area that is wider than a local
  government area if it is also prepared in the exercise of the powers in section 9."
- s.8(11): "References in subsections (4) to (10) to a strategy under this section
  include a revised strategy."
- s.9(13): a "relevant area" is made up of "(a) all or part of a local government area
  for which it is a specified authority ... and (b) all or part of one or more other
  local government areas".

Found: a recorded omission was ``no`` on a day before the strategy was known prepared
(s.8(4) binds "in preparing" it); a revised strategy whose period had begun but that was
not known adopted was taken as *the* strategy, so its omission was ``no`` while the older
strategy, adopted and meeting s.8, was still the one in force; a record of a strategy
under s.8 alone for several areas (s.8(9)), or under s.9 alone for one (s.9(13)), loaded
in silence.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory
from svduty.errors import DataError, FundingError
from svduty.funding import (
    Consultation,
    ReviewArrangement,
    StrategyEdition,
    StrategyRecords,
    strategy_meets_s8,
)
from svduty.io import load_partnership
from svduty.periods import Period
from svduty.sources import cite

from .bundles import mutate, report

AREA = "E07000218"
ACT = cite("pcsc-act-2022", "Sch 2")
EDU = AuthorityCategory("educational_authority")
(SEED,) = svduty.warwickshire().strategies.editions  # 2022-2027, adopted by 2023-06-19
CITED = SEED.endorsements[0].citation
SCHOOL = Authority("s1", "S1", EDU, (AREA,), ACT)  # no start recorded: always there
REVIEW = ReviewArrangement("quarterly report", Period("2023-01-31"), CITED)


def _authorities() -> Authorities:
    none = ("prison_authority", "youth_custody_authority")
    absent = [Absence(AuthorityCategory(c), (AREA,), ACT) for c in none]
    absent.append(Absence(EDU, (AREA,), ACT, beside=("s1",)))
    return Authorities((SCHOOL,), tuple(absent)).with_districts_within(lambda c: (c,))


def _edition(
    id_: str,
    *,
    start: str,
    adopted: str | None,
    consulted: tuple[str, ...] | None = ("s1",),
    published: str | None = "same",
) -> StrategyEdition:
    pub = adopted if published == "same" else published
    return attrs.evolve(
        SEED,
        id=id_,
        period=Period(start, "2031-01-01"),
        adopted_by=adopted,
        adopted_citation=CITED if adopted else None,
        published_by=pub,
        published_citation=CITED if pub else None,
        reviews=(REVIEW,),
        consultation=None if consulted is None else Consultation(consulted, CITED),
    )


OLD = _edition("old", start="2023-02-01", adopted="2023-06-19")  # meets s.8


def _ask(*editions: StrategyEdition, on: str):
    return strategy_meets_s8(StrategyRecords(editions), _authorities(), AREA, on=on)


def test_the_older_strategy_alone_is_yes():
    a = _ask(OLD, on="2025-03-01")
    assert a.yes, a.explain()


def test_an_omission_is_no_only_once_the_strategy_is_known_prepared():
    omitted = _edition("old", start="2023-02-01", adopted="2023-06-19", consulted=())
    before = _ask(omitted, on="2023-03-01")
    assert before.undetermined, before.explain()
    assert any(m.startswith("the day old was adopted") for m in before.missing)
    after = _ask(omitted, on="2023-07-01")
    assert after.no, after.explain()


def test_a_revised_strategy_not_known_adopted_leaves_the_day_undetermined():
    new = _edition("new", start="2025-01-01", adopted="2025-09-01", consulted=())
    a = _ask(OLD, new, on="2025-03-01")
    assert a.undetermined, a.explain()
    assert any(m.startswith("whether new, a revised strategy, was adopted by") for m in a.missing)
    assert any(r.rule == "s.8(11)" for r in a.reasons)


def test_a_revised_strategy_known_adopted_is_the_strategy_its_omission_no():
    new = _edition("new", start="2025-01-01", adopted="2025-09-01", consulted=())
    a = _ask(OLD, new, on="2025-10-01")
    assert a.no, a.explain()
    assert any(
        r.rule == "s.8(4)" and r.says.startswith("not consulted in preparing new")
        for r in a.reasons
    )


def test_a_revised_strategy_known_adopted_supersedes_the_older_one():
    failing_old = _edition("old", start="2023-02-01", adopted="2023-06-19", consulted=())
    new = _edition("new", start="2025-01-01", adopted="2025-09-01")
    a = _ask(failing_old, new, on="2025-10-01")
    assert a.yes, a.explain()
    assert any(r.rule == "s.8(11)" and "old" in r.says for r in a.reasons)


def test_before_commencement_the_no_says_it_is_no_failure():
    a = _ask(OLD, on="2023-01-30")
    assert a.no
    assert any(r.rule == "s.8(7)" and "not a failure" in r.says for r in a.reasons), a.explain()


_DAYS = st.sampled_from([None, "2023-03-01", "2023-06-19", "2025-02-01", "2025-09-01"])
_ASKED = st.sampled_from(["2023-04-01", "2024-01-01", "2025-03-01", "2025-10-01"])
_CONSULTED = st.one_of(st.none(), st.sampled_from([(), ("s1",)]))


@settings(max_examples=200, deadline=None)
@given(
    old_adopted=_DAYS,
    old_consulted=_CONSULTED,
    new_adopted=_DAYS,
    new_consulted=_CONSULTED,
    day=_ASKED,
    which=st.sampled_from(["old_adopted", "old_consulted", "new_adopted", "new_consulted"]),
    fill=st.sampled_from(["2023-03-01", "2023-06-19", "2025-02-01", "2025-09-01"]),
    fill_list=st.sampled_from([(), ("s1",)]),
)
def test_with_a_revised_strategy_recording_a_fact_never_flips_yes_and_no(  # noqa: PLR0917
    old_adopted, old_consulted, new_adopted, new_consulted, day, which, fill, fill_list
):
    """Two editions: a fact either lacked, recorded, never turns yes into no or back."""

    def answer(facts):
        old = _edition(
            "old",
            start="2023-02-01",
            adopted=facts["old_adopted"],
            consulted=facts["old_consulted"],
        )
        new = _edition(
            "new",
            start="2025-01-01",
            adopted=facts["new_adopted"],
            consulted=facts["new_consulted"],
        )
        return _ask(old, new, on=day).verdict.value

    facts = {
        "old_adopted": old_adopted,
        "old_consulted": old_consulted,
        "new_adopted": new_adopted,
        "new_consulted": new_consulted,
    }
    more = dict(facts)
    if facts[which] is None:
        more[which] = fill_list if which.endswith("consulted") else fill
    was, now = answer(facts), answer(more)
    assert {was, now} != {"yes", "no"}, (facts, more, was, now)


@pytest.mark.parametrize(
    ("areas", "under", "field"),
    [
        (("E07000218", "E07000219"), ("s.8",), "under"),  # s.8(9)
        (("E07000218",), ("s.9",), "areas"),  # s.9(13)
    ],
)
def test_an_edition_contradicting_s8_9_or_s9_13_is_refused(areas, under, field):
    with pytest.raises(FundingError) as caught:
        attrs.evolve(SEED, areas=areas, under=under)
    assert caught.value.problems[0].field == field


@pytest.mark.parametrize(
    ("under", "line"),
    [
        (
            ["s.8"],
            "strategies.toml: editions[0].under: expected 's.9' as well as 's.8' for a strategy "
            "covering more than one local government area (s.8(9))",
        ),
    ],
)
def test_a_bundle_with_a_multi_area_s8_only_strategy_names_file_and_field(bundle, under, line):
    mutate(bundle, "strategies.toml", lambda d: d["editions"][0].__setitem__("under", under))
    got = report(bundle)
    assert any(g.startswith(line) for g in got), got
    with pytest.raises(DataError):
        load_partnership(bundle)
