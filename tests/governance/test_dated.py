"""Governance records with a validity period: the graph, its questions and checks on a day.

Bodies and relations cited to a partnership agreement hold for the agreement's term (for
Warwickshire 31 January 2023 to 31 March 2025, timetable.toml ``agreement``). A record
with ``valid`` holds only on the days of its period; a question or check asked ``on`` a
day answers with the records that hold that day, never with one that does not.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.errors import BundleError, GovernanceError
from svduty.governance import Body, BodyKind, GovernanceGraph, Level, Relation, RelationKind, Tier
from svduty.io import dump_governance, load_governance
from svduty.periods import Period, date
from svduty.sources import cite

C = cite("svd-guidance")
TERM = Period.from_last_day("2023-01-31", "2025-03-31")
DURING, AFTER = "2024-06-01", "2025-04-01"


def graph() -> GovernanceGraph:
    board = Body("board", "Board", BodyKind.BOARD, Level.COUNTYWIDE, C, Tier.STRATEGIC)
    csp = Body(
        "csp",
        "CSP",
        BodyKind.COMMUNITY_SAFETY_PARTNERSHIP,
        Level.LOCAL,
        C,
        Tier.STRATEGIC,
        districts=("E07000220",),
    )
    group = Body("group", "Group", BodyKind.GROUP, Level.LOCAL, C, Tier.OPERATIONAL, valid=TERM)
    return GovernanceGraph.of(
        [board, csp, group],
        [
            Relation(RelationKind.REPORTS_TO, "csp", "board", C, valid=TERM),
            Relation(RelationKind.OVERSEES, "csp", "group", C),
            Relation(RelationKind.REFERS_TO, "group", "board", C),
        ],
    )


def test_records_without_a_period_hold_on_any_day():
    p = svduty.warwickshire()
    assert p.governance.as_at("2040-01-01") is p.governance
    assert all(b.valid is None for b in p.governance.bodies)


def test_as_at_leaves_out_what_does_not_hold_and_the_relations_naming_it():
    g = graph()
    assert g.as_at(DURING) is g
    after = g.as_at(AFTER)
    assert [b.id for b in after.bodies] == ["board", "csp"]
    assert after.relations == ()  # csp reports_to board ended; group's relations went with it
    assert after.dangling == ()
    assert [b.id for b in g.as_at("2023-01-30").bodies] == ["board", "csp"]


def test_questions_on_a_day_use_only_the_relations_that_hold():
    g = graph()
    assert [b.id for b in g.overseers("csp")] == ["board"]
    assert [b.id for b in g.overseers("csp", on=DURING)] == ["board"]
    after = g.overseers("csp", on=AFTER)
    assert after.items == ()
    assert after.question == "who oversees csp? (on 2025-04-01)"
    assert [b.id for b in g.reporting_path("csp", "board", on=AFTER)] == []
    assert [b.id for b in g.reporting_path("group", "board", on=DURING)] == ["group", "board"]
    assert [b.id for b in g.find(level="local", on=AFTER)] == ["csp"]
    assert [b.id for b in g.covering("E07000220", on=AFTER)] == ["csp"]
    assert [a.body for a in g.accountable_for("csp", on=AFTER)] == []
    assert [b.id for b in g.referral_routes("group", on=DURING)] == ["board"]


def test_asking_about_a_body_on_a_day_its_record_does_not_hold_says_so():
    with pytest.raises(GovernanceError, match=r"on: expected a day the record of group holds"):
        graph().referral_routes("group", on=AFTER)
    with pytest.raises(GovernanceError, match=r"2023-01-31 to 2025-03-31"):
        graph().reporting_path("csp", "group", on=AFTER)


def test_validation_on_a_day_checks_the_records_that_hold():
    g = graph()
    assert g.validate().ok
    assert g.validate(on=DURING).ok
    rules = svduty.warwickshire().governance_rules
    cut = g.validate(rules=rules, on=AFTER)
    # the relation's record ended: not known whether csp still reports to board (a
    # warning), never a breach; strict makes it an error as it does every warning
    assert cut.ok
    assert [(f.rule, f.subjects) for f in cut.warnings] == [
        ("GOV-PATH", ("csp",)),
        ("GOV-ISOLATED", ("board",)),
        ("GOV-ISOLATED", ("csp",)),
    ]
    assert all(f.message.startswith("not known: ") for f in cut.warnings)
    path = cut.warnings[0]
    assert path.message.startswith("not known: csp has no reporting path")
    assert path.get("on") == AFTER
    assert path.get("not_holding") == "group, csp reports_to board"
    strict = g.validate(True, rules=rules, on=AFTER)
    assert [f.message for f in strict.errors] == [f.message for f in cut.warnings]
    assert g.validate(rules=rules, on=DURING).ok
    # a CSP whose record ended leaves its district uncovered on a later day: not known
    csp = attrs.evolve(g.get("csp"), valid=TERM)
    ended = g.with_changes([csp, *(b for b in g.bodies if b.id != "csp")], g.relations)
    area = ("E07000220",)
    assert ended.validate(districts=area, on=DURING).ok
    later = ended.validate(districts=area, on=AFTER)
    assert later.ok
    assert [f.rule for f in later.warnings] == ["GOV-CSP-COVERAGE"]


def test_a_finding_the_whole_record_gives_too_stays_what_it_is():
    """Dated validation lowers only what a lapsed record causes: a breach that every
    record gives (a district no CSP covers at all) is still an error on any day."""
    g = graph()
    area = ("E07000220", "E07000218")
    whole = g.validate(districts=area)
    dated = g.validate(districts=area, on=AFTER)
    assert [f.message for f in dated.errors] == [f.message for f in whole.errors]
    assert [f.rule for f in dated.errors] == ["GOV-CSP-COVERAGE"]


def test_a_period_round_trips_through_governance_data_and_shows_in_the_diff():
    g = graph()
    data = dump_governance(g)
    group = next(b for b in data["bodies"] if b["id"] == "group")
    assert group["valid"] == {"start": "2023-01-31", "end": "2025-04-01"}
    assert "valid" not in next(b for b in data["bodies"] if b["id"] == "board")
    assert load_governance(data) == g
    text = g.to_text()
    assert "  group: Group [group, operational, valid 2023-01-31 to 2025-03-31]" in text
    assert "  csp reports_to board [valid 2023-01-31 to 2025-03-31]" in text
    assert "  csp oversees group\n" in text
    toml_like = {
        "bodies": [{**group, "valid": {"start": "2023-01-31", "last_day": "2025-03-31"}}],
        "relations": [],
    }
    assert load_governance(toml_like).get("group").valid == TERM
    bad = {"bodies": [{**group, "valid": {"start": "2025-01-01", "end": "2024-01-01"}}]}
    with pytest.raises((BundleError, GovernanceError), match=r"g\.toml: bodies\[0\]\.valid"):
        load_governance(bad, file="g.toml")
    changed = g.diff(g.with_changes(g.bodies, [attrs.evolve(r, valid=None) for r in g.relations]))
    assert [str(c) for c in changed.relations_changed] == [
        "csp reports_to board: valid 2023-01-31 to 2025-03-31 -> (none)"
    ]


DAYS = st.dates(min_value=date("2022-01-01"), max_value=date("2027-01-01"))


@given(DAYS)
def test_as_at_keeps_exactly_the_records_that_hold(day):
    g = graph()
    d = date(day)
    at = g.as_at(d)
    kept = {b.id for b in at.bodies}
    assert kept == {b.id for b in g.bodies if b.holds_on(d)}
    assert all(r.holds_on(d) and {r.source, r.target} <= kept for r in at.relations)
    assert {r.key for r in at.relations} == {
        r.key for r in g.relations if r.holds_on(d) and {r.source, r.target} <= kept
    }
    assert at.as_at(d) is at
