from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import svduty
from svduty.cli import main
from svduty.errors import GovernanceError
from svduty.governance import GOVERNANCE_RULES, PRACTICE_CHECKS, findings_text
from svduty.io import load_governance
from svduty.io._converter import make_converter
from svduty.io._governance import WARWICKSHIRE
from svduty.periods import date

from ..cli_run import run as run_cli

SCENARIOS = Path(str(WARWICKSHIRE / "scenarios"))


def run(*argv: str) -> tuple[int, str, str]:
    return run_cli("governance", *argv)


def test_text_listing_and_validation():
    code, out, err = run("--validate")
    assert code == 0
    assert "safer-warwickshire-partnership-board" in out
    assert "0 error(s), 2 warning(s)" in out
    assert err == ""


def test_json_round_trips_and_carries_validation():
    code, out, _ = run("--format", "json", "--validate")
    assert code == 0
    data = json.loads(out)
    local = make_converter(svduty.warwickshire().sources)  # cites the bundle's documents
    assert load_governance(data["governance"], converter=local) == svduty.warwickshire().governance
    assert data["validation"]["ok"] is True


def test_scenario_prints_log_and_diff():
    code, out, _ = run("--scenario", str(SCENARIOS / "lgr-two-unitaries.toml"), "--validate")
    assert code == 1  # issue 14: the reorganisation breaks rules, so --validate exits 1
    assert "scenario lgr-two-unitaries:" in out
    assert "bodies removed:" in out
    code, out, _ = run(
        "--scenario", str(SCENARIOS / "jag-to-sv-strategic-board.toml"), "--format", "json"
    )
    data = json.loads(out)
    assert data["diff"]["bodies_renamed"] == [
        "soc-joint-action-group: 'Serious and Organised Crime Joint Action Group' -> "
        "'Serious Violence Strategic Board'"
    ]
    assert data["log"][0]["op"] == "rename"


def test_graph_formats():
    for fmt, start in (("dot", "digraph"), ("mermaid", "flowchart"), ("graphml", "<?xml")):
        code, out, _ = run("--format", fmt)
        assert code == 0
        assert out.startswith(start)


def copy_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "b"
    shutil.copytree(Path(str(WARWICKSHIRE)), bundle)
    return bundle


def test_bundle_with_errors_exits_1(tmp_path: Path):
    bundle = copy_bundle(tmp_path)
    gov = bundle / "governance.toml"
    gov.write_text(
        gov.read_text(encoding="utf-8").replace('id = "rugby-csp-board"', 'id = "rugby-board"'),
        encoding="utf-8",
    )
    code, _, err = run("--partnership", str(bundle), "--validate")
    assert code == 1
    assert "rugby-csp-board" in err


def test_bundle_failing_validation_exits_1(tmp_path: Path):
    bundle = copy_bundle(tmp_path)
    gov = bundle / "governance.toml"
    text = gov.read_text(encoding="utf-8")
    cut = 'districts = ["E07000220"]\nchair = "rugby-borough-council"'
    assert cut in text
    gov.write_text(text.replace(cut, 'chair = "rugby-borough-council"'), encoding="utf-8")
    code, out, err = run("--partnership", str(bundle), "--validate")
    assert code == 1
    assert "error GOV-CSP-COVERAGE: district Rugby (E07000220) is covered by no" in out
    assert "1 error(s)" in out
    assert err == (
        "svduty governance: error: 1 governance error(s) and 2 warning(s), listed in the "
        "report on standard output\n"
    )


def test_bundle_that_validates(tmp_path: Path):
    code, out, _ = run("--partnership", str(copy_bundle(tmp_path)), "--validate")
    assert code == 0
    assert "0 error(s)" in out
    assert "not checked" not in out


def test_bundle_without_governance(tmp_path: Path):
    bundle = copy_bundle(tmp_path)
    (bundle / "governance.toml").unlink()
    code, _, err = run("--partnership", str(bundle))
    assert code == 1
    assert "has no governance.toml" in err
    assert "a --scenario of authorities and areas needs none" in err
    assert "svduty validate" not in err
    code, _, err = run("--partnership", str(bundle), "--validate")  # where to go instead
    assert code == 1
    assert f"; svduty validate {bundle} checks its authorities" in err


def test_a_scenario_name_where_the_bundle_has_none_says_so(tmp_path: Path):
    """users49: an ``init`` bundle (no scenarios) asked for a named scenario answered
    "give one of the partnership's scenarios ((none))"."""
    bundle = copy_bundle(tmp_path)
    shutil.rmtree(bundle / "scenarios")
    code, _, err = run("--partnership", str(bundle), "--scenario", "lgr-two-unitaries")
    assert code == 1
    assert err.strip().endswith(
        "no scenario 'lgr-two-unitaries': the partnership warwickshire has no scenarios: "
        "give a scenario TOML file"
    ), err
    assert "((none))" not in err


def test_a_what_if_of_authorities_needs_no_governance_toml(tmp_path: Path):
    """A policy review: a scenario abolishing a council of an ``init`` bundle (no
    governance.toml) was refused; Schedule 1's join needs only authorities and areas."""
    bundle = copy_bundle(tmp_path)
    (bundle / "governance.toml").unlink()
    merge = tmp_path / "merge.toml"
    merge.write_text(
        'name = "merge"\ntitle = "Merge"\neffective = 2028-04-01\n[[changes]]\n'
        'op = "abolish_authority"\nauthority = "rugby-borough-council"\n'
    )
    code, out, err = run("--partnership", str(bundle), "--scenario", str(merge), "--validate")
    assert code == 1, err
    assert "error GOV-SCHEDULE-1: Rugby (E07000220) has no specified authority of the" in out
    assert "checked: GOV-SCHEDULE-1\n" in out
    skipped = [line for line in out.splitlines() if line.startswith("not checked:")]
    assert len(skipped) == len(GOVERNANCE_RULES) + len(PRACTICE_CHECKS) - 1
    assert all("the bundle has no governance.toml" in line for line in skipped)
    code, out, _ = run("--partnership", str(bundle), "--scenario", str(merge), "--format", "json")
    assert code == 0
    assert json.loads(out)["authorities"]["abolished"] == ["rugby-borough-council"]


def test_bad_scenario_exits_1(tmp_path: Path):
    f = tmp_path / "bad.toml"
    f.write_text('name = "bad"\ntitle = "Bad"\n[[changes]]\nop = "remove_body"\nbody = "nobody"\n')
    code, _, err = run("--scenario", str(f))
    assert code == 1
    assert "changes[0].body" in err


# --- issue 14: one validation for the CLI and Python --------------------------------------


@pytest.mark.parametrize("name", sorted(svduty.warwickshire().scenarios))
def test_cli_and_python_give_the_same_findings_for_every_shipped_scenario(name):
    p = svduty.warwickshire()
    python = p.validate_governance(scenario=name)
    assert python == p.what_if(p.scenarios[name]).findings
    for scenario in (name, str(SCENARIOS / f"{name}.toml")):
        code, out, err = run("--scenario", scenario, "--validate", "--format", "json")
        data = json.loads(out)
        assert data["validation"] == python.as_dict()
        assert code == (0 if python.ok else 1)
        # the report lists the findings; standard error says once that there are errors
        assert err.count("\n") == (0 if python.ok else 1)
        assert err.count("GOV-") == 0
    _, text, _ = run("--scenario", name, "--validate")
    assert findings_text(python) in text


def test_every_rule_is_reported_checked_or_skipped():
    code, out, _ = run("--validate", "--format", "json")
    assert code == 0
    v = json.loads(out)["validation"]
    rules = set(GOVERNANCE_RULES) | set(PRACTICE_CHECKS)
    assert set(v["checked"]) | {s["rule"] for s in v["skipped"]} == rules
    code, out, _ = run("--validate")
    assert (
        "checked: GOV-SCHEDULE-1, GOV-S8-CONSULT, GOV-CSP-RESPONSIBLE, GOV-S8-COLLABORATE, "
        "GOV-CSP-COVERAGE" in out
    )


def test_reorganisation_scenarios_report_schedule_1_gaps():
    code, out, err = run("--scenario", "lgr-two-unitaries", "--validate")
    assert code == 1
    after = (  # names with codes (users53b)
        "North Warwickshire Unitary (north-warwickshire-unitary), "
        "South Warwickshire Unitary (south-warwickshire-unitary)"
    )
    assert f"local government areas after the scenario: {after}" in out
    gaps = [line for line in out.splitlines() if line.startswith("  error GOV-SCHEDULE-1")]
    assert len(gaps) == 4
    # the timetable's reviews of the merged boards end with the agreement, before vesting
    # day: not known, a warning each (a policy user's review: they were errors)
    # the county council's bodies (its community safety team...) are left with no host
    assert err.startswith("svduty governance: error: 11 governance error(s) and 4 warning(s)")
    assert out.count("  error GOV-REF") == 7
    ended = [line for line in out.splitlines() if line.startswith("  warning GOV-TIMETABLE")]
    assert len(ended) == 3
    assert all("not known: " in line for line in ended)
    assert any("'Fire and rescue' table" in g and "south-warwickshire-unitary" in g for g in gaps)
    code, out, _ = run("--scenario", "lgr-single-unitary", "--format", "json")
    assert code == 0  # not validated: no exit 1
    data = json.loads(out)
    assert data["areas"] == ["warwickshire-unitary"]
    assert "validation" not in data
    assert data["log"][-1] == {
        "index": 20,
        "op": "abolish_authority",
        "message": data["log"][-1]["message"],
    }
    assert "planned 2028-04-01" in data["log"][-1]["message"]


def test_unknown_scenario_name_lists_the_packaged_ones():
    code, _, err = run("--scenario", "lgr-three-unitaries")
    assert code == 1
    assert "lgr-single-unitary, lgr-two-unitaries" in err


def test_a_scenario_file_that_cannot_apply_names_the_file_not_the_value(tmp_path: Path):
    f = tmp_path / "what-if.toml"
    f.write_text(
        'name = "w"\ntitle = "W"\n[[changes]]\nop = "create_area"\ncode = "x"\nname = "X"\n'
        'replaces = ["Jane Citizen"]\n[[changes]]\nop = "abolish_authority"\n'
        'authority = "nobody"\n'
    )
    code, _, err = run("--scenario", str(f))
    assert code == 1
    assert f"{f}: changes[0].replaces[0]:" in err
    assert "Jane Citizen" not in err
    assert "expected an area's GSS code" in err  # not an id (hostile review 6)
    # a packaged scenario keeps its name
    code, _, err = run("--scenario", "Jane Citizen")
    assert code == 1
    assert "Jane Citizen" not in err


def test_a_scenario_naming_an_area_it_never_creates_names_its_file(tmp_path: Path):
    """Found by the long fuzz run: the error named neither the file nor the scenario."""
    import tomllib

    import tomli_w

    bundle = Path(str(svduty.sample_path("warwickshire-bundle")))
    source = bundle / "scenarios" / "lgr-two-unitaries.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    data["changes"] = [c for c in data["changes"] if c.get("code") != "north-warwickshire-unitary"]
    path = tmp_path / "what-if.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    code, _, err = run("--scenario", str(path), "--format", "json")
    assert code == 1
    assert err.startswith(f"svduty governance: error: {path}: changes[")
    assert ".area: not an area of the partnership, and no change creates it" in err
    assert "(got 'north-warwickshire-unitary')" in err


# --- each finding shown once; --on ---------------------------------------------------------


def each_error_once(out: str, err: str, findings) -> None:
    """Each error appears exactly once across standard output and standard error."""
    for f in findings.errors:
        assert (out + err).count(f.message) == 1, f.message


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_report_on_standard_output_and_one_summary_line_on_standard_error(fmt):
    p = svduty.warwickshire()
    findings = p.validate_governance(scenario="lgr-two-unitaries")
    code, out, err = run("--scenario", "lgr-two-unitaries", "--validate", "--format", fmt)
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith("svduty governance: error: ")
    assert f"{len(findings.errors)} governance error(s)" in err
    text = out if fmt == "text" else json.dumps(json.loads(out)["validation"], ensure_ascii=False)
    each_error_once(text, err, findings)


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "graphml"])
def test_a_graph_on_standard_output_and_each_error_on_standard_error(fmt):
    p = svduty.warwickshire()
    findings = p.validate_governance(scenario="lgr-two-unitaries")
    code, out, err = run("--scenario", "lgr-two-unitaries", "--validate", "--format", fmt)
    assert code == 1
    assert err.splitlines() == [f"svduty governance: {f}" for f in findings.errors]
    each_error_once(out, err, findings)


def test_no_errors_no_standard_error():
    code, out, err = run("--validate")
    assert (code, err) == (0, "")
    assert "2 warning(s)" in out


def dated_bundle(tmp_path: Path) -> Path:
    """Warwickshire's bundle with Rugby's CSP board's record ending with the agreement."""
    bundle = copy_bundle(tmp_path)
    gov = bundle / "governance.toml"
    text = gov.read_text(encoding="utf-8")
    head = 'id = "rugby-csp-board"\n'
    assert text.count(head) == 1
    term = 'valid = { start = "2023-01-31", last_day = "2025-03-31" }\n'
    gov.write_text(text.replace(head, head + term), encoding="utf-8")
    return bundle


def test_on_a_day_shows_and_checks_the_records_that_hold(tmp_path: Path):
    bundle = str(dated_bundle(tmp_path))
    p = svduty.load_partnership(bundle)
    assert p.validate_governance() == svduty.warwickshire().validate_governance()
    code, out, err = run("--partnership", bundle, "--validate", "--on", "2024-06-01")
    assert (code, err) == (0, "")
    assert "rugby-csp-board" in out
    # after the term, Rugby's board is not known: its district's coverage, the paths of
    # the groups reporting to it and the timetable naming it are not known, not breaches
    code, out, err = run("--partnership", bundle, "--validate", "--on", "2025-04-01")
    assert (code, err) == (0, "")
    listing = out.split("validation:")[0]
    assert "rugby-csp-board" not in listing
    later = p.validate_governance(on="2025-04-01")
    assert later.ok
    assert later == p.validate_governance(on=date("2025-04-01"))
    assert findings_text(later) in out
    lapsed = [f for f in later.warnings if f.message.startswith("not known: ")]
    rules = {"GOV-CSP-COVERAGE", "GOV-PATH", "GOV-SPECIFIED", "GOV-TIMETABLE"}
    assert {f.rule for f in lapsed} == rules
    assert all(str(f.get("not_holding")).startswith("rugby-csp-board") for f in lapsed)
    strict = p.validate_governance(on="2025-04-01", strict=True)
    assert [f.message for f in strict.errors if f.message.startswith("not known: ")] == [
        f.message for f in lapsed
    ]
    code, out, _ = run("--partnership", bundle, "--on", "2025-04-01", "--format", "json")
    data = json.loads(out)
    assert data["on"] == "2025-04-01"
    assert "rugby-csp-board" not in {b["id"] for b in data["governance"]["bodies"]}


def test_on_is_a_day_and_not_with_a_scenario():
    code, _, err = run("--validate", "--on", "2025-13-01")
    assert code == 2
    assert err == "svduty governance: error: --on: expected a calendar date YYYY-MM-DD\n"
    code, _, err = run("--scenario", "lgr-two-unitaries", "--on", "2025-04-01")
    assert code == 2
    assert "give --on or --scenario, not both" in err
    p = svduty.warwickshire()
    with pytest.raises(GovernanceError, match="on: expected a day or a scenario"):
        p.validate_governance(scenario="lgr-two-unitaries", on="2025-04-01")


@pytest.mark.parametrize(
    ("op", "got"),
    [
        ("5", "a number of 1 digit, not shown"),
        ('"renam"', "a string of 5 characters, not shown"),  # free text: not echoed
    ],
)
def test_a_scenario_op_that_is_not_a_change_says_what_it_was(tmp_path, op, got):
    f = tmp_path / "s.toml"
    f.write_text(f'name = "s"\ntitle = "S"\n\n[[changes]]\nop = {op}\nbody = "x"\n')
    out, err = io.StringIO(), io.StringIO()
    assert main(["governance", "--scenario", str(f)], stdout=out, stderr=err) == 1
    assert err.getvalue().endswith(f"(got {got})\n")


def test_a_scenario_given_twice_is_refused_not_the_last_kept():
    """--scenario a --scenario b applied b alone, silently (a policy review)."""
    code, out, err = run(
        "--scenario", "lgr-two-unitaries", "--scenario", "jag-to-sv-strategic-board"
    )
    assert code == 2
    assert out == ""
    assert "argument --scenario: given twice with different values" in err
    assert "jag-to" not in err.splitlines()[-1]
    code, _, _ = run(
        "--scenario", "lgr-two-unitaries", "--scenario", "lgr-two-unitaries", "--validate"
    )
    assert code == 1  # the same value twice is one scenario (it breaks Schedule 1)


def test_a_missing_scenario_file_is_named_and_a_near_name_suggested(tmp_path: Path):
    missing = tmp_path / "plans" / "missing.toml"
    code, _, err = run("--scenario", str(missing))
    assert code == 1
    assert err.startswith(f"svduty governance: error: {missing}: file not found: give one")
    code, _, err = run("--scenario", "lgr-two-unitary")
    assert "no scenario 'lgr-two-unitary' (did you mean lgr-two-unitaries?)" in err


def test_the_authorities_a_scenario_changes_are_listed(tmp_path: Path):
    """A scenario abolishing the PCC showed 'changes: no differences' (a policy review)."""
    f = tmp_path / "pcc.toml"
    f.write_text(
        'name = "no-pcc"\ntitle = "T"\n[[changes]]\nop = "abolish_authority"\n'
        'authority = "warwickshire-pcc"\n'
    )
    code, out, _ = run("--scenario", str(f))
    assert code == 0
    pcc = "Police and Crime Commissioner for Warwickshire (warwickshire-pcc)"  # named (users54)
    assert f"the authorities changed: abolished {pcc}\n" in out  # said once (users55)
    assert out.count(pcc) == 1
    code, out, _ = run("--scenario", "lgr-single-unitary", "--format", "json")
    made = json.loads(out)["authorities"]
    assert made["created"] == ["warwickshire-unitary-council"]
    assert "warwickshire-fire-and-rescue-authority" not in made["abolished"]  # passed on
    assert made["abolished"][0] == "warwickshire-county-council"


def test_a_merge_naming_an_unknown_area_is_an_error(tmp_path: Path):
    path = tmp_path / "merge.toml"
    path.write_text(
        'name = "m"\ntitle = "M"\n[[changes]]\nop = "merge"\nkeep = "rugby-csp-board"\n'
        'absorb = "north-warwickshire-csp-board"\narea = "nowhere-at-all"\n',
        encoding="utf-8",
    )
    code, _, err = run("--scenario", str(path))
    assert code == 1
    assert f"{path}: changes[0].area: not an area of the partnership" in err


def test_the_how_to_scenario_file_runs_as_written(tmp_path: Path):
    """A policy review: the how-to gave the scenario as Python only; its TOML file runs."""
    import re

    howto = Path(__file__).parents[2] / "docs" / "howto" / "write-a-governance-scenario.rst"
    blocks = re.finditer(
        r".. code-block:: toml\n\n(.*?)\n\S", howto.read_text(encoding="utf-8"), re.S
    )
    whole = 'name = "tactical-to-swpb"'  # the whole file (other blocks: one change, no-icb)
    block = next((b for b in blocks if b.group(1).lstrip().startswith(whole)), None)
    assert block is not None
    f = tmp_path / "tactical-to-swpb.toml"
    f.write_text("\n".join(line[3:] for line in block.group(1).splitlines()), encoding="utf-8")
    code, out, err = run("--scenario", str(f))
    assert (code, err) == (0, "")
    assert "(safer-warwickshire-partnership-board) oversees Serious Organised Crime" in out
