"""A what-if from a scenario file, as ``svduty governance --scenario FILE`` reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import ArgumentError
from svduty.io import read_scenario

SCENARIO = svduty.sample_path("warwickshire-bundle") / "scenarios" / "lgr-two-unitaries.toml"


def test_a_scenario_file_read_gives_the_same_what_if_as_its_name():
    p = svduty.warwickshire()
    by_name, by_file = p.what_if("lgr-two-unitaries"), p.what_if(read_scenario(SCENARIO, p.sources))
    assert by_file.findings == by_name.findings
    assert by_file.governance == by_name.governance


def test_a_scenario_of_another_type_is_an_argument_error_naming_the_way_to_read_a_file():
    """A Path was an AttributeError ('PosixPath' object has no attribute 'changes')."""
    with pytest.raises(
        ArgumentError, match=r"what_if\(scenario\): expected a Scenario .*read_scenario"
    ):
        svduty.warwickshire().what_if(Path(SCENARIO))  # type: ignore[arg-type]


def test_a_new_finding_names_the_changes_that_name_its_ids():
    """GOV-SCHEDULE-1, GOV-PATH and GOV-TIMETABLE said what broke, not which change."""
    from svduty.governance import RemoveBody, Scenario

    p = svduty.warwickshire()
    w = p.what_if(Scenario("s", "No Rugby board", [RemoveBody("rugby-csp-board")]))
    by_rule = {f.rule: f.message for f in w.findings.findings if f.subjects == ("rugby-ciog",)}
    # the group's own reporting line is intact: its path went through the removed board
    assert by_rule["GOV-PATH"].endswith("; see changes[0] (remove_body)")
    timetable = [f for f in w.findings.findings if f.rule == "GOV-TIMETABLE"]
    assert [f.message.endswith("; see changes[0] (remove_body)") for f in timetable] == [True]


def test_a_finding_the_partnership_had_before_the_scenario_names_no_change():
    from svduty.governance import Rename, Scenario

    p = svduty.warwickshire()
    before = {(f.rule, f.subjects) for f in p.validate_governance().findings}
    assert ("GOV-SPECIFIED", ("soc-joint-action-group",)) in before
    # the change names the body the findings are about, but did not make them
    w = p.what_if(Scenario("s", "t", [Rename("soc-joint-action-group", "Joint group")]))
    same = [f for f in w.findings.findings if (f.rule, f.subjects) in before]
    assert len(same) >= 2
    assert not [f.message for f in same if "; see changes[" in f.message]


def test_schedule_1_gaps_name_the_new_area_and_the_abolition():
    p = svduty.warwickshire()
    gaps = [f for f in p.what_if("lgr-two-unitaries").findings.errors if f.rule == "GOV-SCHEDULE-1"]
    assert gaps
    assert all("(create_area)" in f.message for f in gaps)
    assert all("changes[17] (abolish_authority)" in f.message for f in gaps)
    # a message that already names its change (GOV-REF) is not told twice
    refs = [f for f in p.what_if("lgr-two-unitaries").findings.errors if f.rule == "GOV-REF"]
    assert refs
    assert all(f.message.count("changes[") == 1 for f in refs)


def test_a_finding_names_the_change_to_a_body_that_covered_its_district():
    """GOV-CSP-COVERAGE has no subjects: it was never named (a review of the session's
    own change); the district in its words is, by the board that covered it."""
    from svduty.governance import RemoveBody, Scenario

    w = svduty.warwickshire().what_if(Scenario("s", "t", [RemoveBody("rugby-csp-board")]))
    (cover,) = [f for f in w.findings.errors if f.rule == "GOV-CSP-COVERAGE"]
    assert cover.message.endswith(
        "(E07000220) is covered by no community safety partnership(s); see changes[0] (remove_body)"
    )


def test_a_new_finding_like_an_old_one_in_rule_and_ids_is_still_new():
    """GOV-SPECIFIED's subject is the board: a new finding about another authority of the
    same board was taken for the old one and left unnamed."""
    from svduty.governance import ChangeBody, Scenario

    change = ChangeBody("rugby-csp-board", remove_members=("rugby-borough-council",))
    w = svduty.warwickshire().what_if(Scenario("s", "t", [change]))
    named = [f.message for f in w.findings.findings if "rugby-borough-council takes" in f.message]
    assert named
    assert all(m.endswith("; see changes[0] (change_body)") for m in named)
