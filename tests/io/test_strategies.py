"""``strategies.toml``: each strategy's record, and whether it meets s.8 (seed42).

The Warwickshire strategy's publication, review, delivery-plan timing, outcomes and
endorsements were not modelled; a policy officer could not ask whether the strategy meets
s.8(3)(c), (4) and (7)(a)-(b), and a bundle without these facts must answer
``undetermined``, never a silent ``yes``.
"""

from __future__ import annotations

import io

import attrs
import pytest

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory, must_consult_s8
from svduty.cli import main
from svduty.errors import DataError
from svduty.funding import Consultation, StrategyRecords, strategy_meets_s8
from svduty.io import load_partnership
from svduty.sources import cite

from .bundles import mutate, report

NBBC = "E07000219"


def test_warwickshire_records_the_seed_strategy():
    (e,) = svduty.warwickshire().strategies.editions
    assert e.areas == ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")
    assert (str(e.adopted_by), str(e.published_by)) == ("2023-06-19", "2023-06-19")
    assert e.delivery_plan.due_text == "late Autumn 2022"
    assert e.delivery_plan.review == "quarterly"
    assert [x.status for x in e.outcomes] == ["draft"] * 7
    assert [(x.body, x.what) for x in e.endorsements][:2] == [
        ("safer-warwickshire-partnership-board", "approved"),
        ("health-and-wellbeing-board", "endorsed"),
    ]
    assert e.endorsements[2].known_by is None  # a recommendation, its decision not known


def test_the_seed_strategy_is_undetermined_for_want_of_its_consultation():
    p = svduty.warwickshire()
    a = strategy_meets_s8(p.strategies, p.authorities, NBBC, on="2024-01-01")
    assert a.undetermined
    assert a.missing == ("who was consulted in preparing sv-prevention-strategy-2022-27 (s.8(4))",)
    assert {r.rule for r in a.reasons} == {"s.8(3)(c)", "s.8(4)", "s.8(7)(a)", "s.8(7)(b)"}


@pytest.mark.parametrize(
    ("day", "missing"),
    [
        ("2023-03-01", "the day sv-prevention-strategy-2022-27 was adopted"),
        ("2026-01-01", "an arrangement keeping sv-prevention-strategy-2022-27 under review"),
        ("2028-01-01", f"a strategy for {NBBC} prepared under s.8 and in force"),
    ],
)
def test_a_day_the_records_do_not_reach_is_undetermined_not_no(day, missing):
    p = svduty.warwickshire()
    a = strategy_meets_s8(p.strategies, p.authorities, NBBC, on=day)
    assert a.undetermined
    assert any(m.startswith(missing) for m in a.missing)


def test_before_s8_came_into_force_the_answer_is_no():
    p = svduty.warwickshire()
    a = strategy_meets_s8(p.strategies, p.authorities, NBBC, on="2023-01-30")
    assert a.no
    assert a.reasons[0].rule == "commencement"


_AREA = "E07000218"
_SCH2 = ("prison_authority", "youth_custody_authority")


def _whole(*, listed: bool = True) -> Authorities:
    """One school for the area and, when ``listed``, confirmed absences of any other."""
    act = cite("pcsc-act-2022", "Sch 2")
    school = Authority("s1", "S1", AuthorityCategory("educational_authority"), (_AREA,), act)
    absent = [Absence(AuthorityCategory(c), (_AREA,), act) for c in _SCH2]
    if listed:
        absent.append(
            Absence(AuthorityCategory("educational_authority"), (_AREA,), act, beside=("s1",))
        )
    return Authorities((school,), tuple(absent)).with_districts_within(lambda c: (c,))


def _with_consultation(consulted: tuple[str, ...] | None) -> StrategyRecords:
    (e,) = svduty.warwickshire().strategies.editions
    cited = e.endorsements[0].citation
    given = None if consulted is None else Consultation(consulted, cited)
    return StrategyRecords((attrs.evolve(e, consultation=given),))


def test_every_requirement_shown_is_yes():
    a = strategy_meets_s8(_with_consultation(("s1",)), _whole(), _AREA, on="2024-01-01")
    assert a.yes, a.missing
    assert [r.rule for r in a.reasons] == [
        "s.8(3)(c)",
        "s.8(3)(c)",
        "s.8(7)(a)",
        "s.8(7)(b)",
        "s.8(4)",
    ]


def test_a_relevant_authority_recorded_as_not_consulted_is_no():
    a = strategy_meets_s8(_with_consultation(()), _whole(), _AREA, on="2024-01-01")
    assert a.no
    assert any(r.rule == "s.8(4)" and r.says.startswith("not consulted") for r in a.reasons)
    # and not known whom they consulted: undetermined, naming the fact
    a = strategy_meets_s8(_with_consultation(None), _whole(), _AREA, on="2024-01-01")
    assert a.undetermined


def test_all_recorded_consulted_is_still_undetermined_while_the_list_may_be_incomplete():
    whole = _whole(listed=False)
    must = must_consult_s8(whole, _AREA, on="2024-01-01")
    a = strategy_meets_s8(_with_consultation(("s1",)), whole, _AREA, on="2024-01-01")
    assert a.undetermined
    assert a.missing == must.missing


def test_no_strategies_file_is_undetermined(bundle):
    (bundle / "strategies.toml").unlink()
    p = load_partnership(bundle)
    assert p.strategies is None
    a = strategy_meets_s8(p.strategies, p.authorities, NBBC, on="2024-01-01")
    assert a.undetermined
    assert a.missing == (f"strategies.toml: a strategy for {NBBC} prepared under s.8",)


def test_an_init_bundle_loads_validates_and_answers_undetermined(tmp_path):
    assert main(["init", str(tmp_path / "r"), "--area", "Rugby"], stdout=io.StringIO()) == 0
    assert report(tmp_path / "r") == []
    p = load_partnership(tmp_path / "r")
    a = strategy_meets_s8(p.strategies, p.authorities, "E07000220", on="2024-01-01")
    assert a.undetermined


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            lambda d: d["editions"][0]["areas"].__setitem__(0, "E10000031"),
            "strategies.toml: editions[0].areas[0]: expected the GSS code of a local "
            "government area",
        ),
        (
            lambda d: d["editions"][0].__setitem__("under", ["s.10"]),
            "strategies.toml: editions[0].under[0]: expected 's.8' or 's.9'",
        ),
        (
            lambda d: d["editions"][0]["endorsements"][0].__setitem__("body", "no-such-board"),
            "strategies.toml: editions[0].endorsements[0].body: no body or authority with this id",
        ),
        (
            lambda d: d["editions"][0]["outcomes"][1].__setitem__("status", "final"),
            "strategies.toml: editions[0].outcomes[1].status: expected 'draft' or 'agreed'",
        ),
        (
            lambda d: d["editions"][0].pop("published_citation"),
            "strategies.toml: editions[0].published_citation: expected a citation",
        ),
        (
            lambda d: d["editions"].append(dict(d["editions"][0])),
            "strategies.toml: editions[1].id: an id given twice",
        ),
        (
            lambda d: d["editions"][0]["endorsements"][0].__setitem__("body", "Jane Smith"),
            "strategies.toml: editions[0].endorsements[0].body: expected an id",
        ),
        # hostile43b: an area listed twice made a strategy under s.8 alone "for several
        # areas" no more than for one (accepted), and one under s.9 was told to list two
        (
            lambda d: d["editions"][0].update(areas=["E07000218", "E07000218"], under=["s.8"]),
            "strategies.toml: editions[0].areas[1]: given twice: first at areas[0]",
        ),
        (
            lambda d: d["editions"][0].update(areas=["E07000218", "E07000218"]),
            "strategies.toml: editions[0].areas[1]: given twice: first at areas[0]",
        ),
        (
            lambda d: d["editions"][0]["under"].append("s.8"),
            "strategies.toml: editions[0].under[2]: given twice: first at under[0]",
        ),
        # hostile43b: a copy of an edition under another id (or any edition for an area of
        # it starting the same day) made the one listed first the other's revised strategy
        (
            lambda d: d["editions"].append({**d["editions"][0], "id": "a-copy"}),
            "strategies.toml: editions[1].period.start: expected a day other than the start "
            "of editions[0], a strategy under s.8 for an area of this one: which revises "
            "which is not known (s.8(11))",
        ),
        (
            lambda d: d["editions"].insert(
                0, {**d["editions"][0], "id": "a-copy", "areas": ["E07000220"], "under": ["s.8"]}
            ),
            "strategies.toml: editions[1].period.start: expected a day other than the start "
            "of editions[0]",
        ),
    ],
)
def test_bad_data_names_file_row_and_field(bundle, change, line):
    mutate(bundle, "strategies.toml", change)
    got = report(bundle)
    assert any(g.startswith(line) for g in got), got
    assert not any("Jane Smith" in g for g in got)
    with pytest.raises(DataError):
        load_partnership(bundle)
