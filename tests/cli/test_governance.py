from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import svduty
from svduty.cli import main
from svduty.io import load_governance
from svduty.io._governance import WARWICKSHIRE

SCENARIOS = Path(str(WARWICKSHIRE / "scenarios"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["governance", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


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
    assert load_governance(data["governance"]) == svduty.warwickshire().governance
    assert data["validation"]["ok"] is True


def test_scenario_prints_log_and_diff():
    code, out, _ = run("--scenario", str(SCENARIOS / "lgr-two-unitaries.toml"), "--validate")
    assert code == 0
    assert "scenario lgr-two-unitaries:" in out
    assert "bodies removed:" in out
    code, out, _ = run(
        "--scenario", str(SCENARIOS / "jag-to-sv-strategic-board.toml"), "--format", "json"
    )
    data = json.loads(out)
    assert data["diff"]["bodies renamed"] == [
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
    assert "error GOV-CSP-COVERAGE: district E07000220 is covered by no" in err
    assert "1 error(s)" in out


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


def test_bad_scenario_exits_1(tmp_path: Path):
    f = tmp_path / "bad.toml"
    f.write_text('name = "bad"\ntitle = "Bad"\n[[changes]]\nop = "remove_body"\nbody = "nobody"\n')
    code, _, err = run("--scenario", str(f))
    assert code == 1
    assert "changes[0].body" in err
