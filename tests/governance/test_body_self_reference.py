"""A body is not chaired or hosted by itself (a hostile review: such a bundle validated)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import attrs
import pytest

import svduty
from svduty.cli import main
from svduty.errors import GovernanceError

BUNDLE = Path(__file__).parents[2] / "src" / "svduty" / "data" / "warwickshire"


@pytest.mark.parametrize("field", ["chair", "host"])
def test_a_body_cannot_chair_or_host_itself(field: str) -> None:
    body = svduty.warwickshire().governance.bodies[0]
    with pytest.raises(GovernanceError, match=f"{field}: expected another body's id"):
        attrs.evolve(body, **{field: body.id})


def test_validate_names_the_field(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    f = bundle / "governance.toml"
    text = f.read_text(encoding="utf-8")
    old = 'chair = "north-warwickshire-borough-council"'
    assert old in text
    f.write_text(text.replace(old, 'chair = "north-warwickshire-csp-board"', 1))
    out = io.StringIO()  # a bundle's findings are the command's output
    assert main(["validate", str(bundle)], stdout=out, stderr=io.StringIO()) == 1
    assert ".chair: expected another body's id" in out.getvalue()


@pytest.mark.parametrize("field", ["chair", "host"])
def test_a_scenario_that_makes_a_body_chair_itself_names_the_change(field: str) -> None:
    """A review of the session's changes: the error named neither scenario nor change."""
    from svduty.errors import ScenarioError
    from svduty.governance import ChangeBody, Scenario
    from svduty.sources import cite

    p = svduty.warwickshire()
    body = "soc-joint-action-group"
    change = ChangeBody(body, **{field: body})  # type: ignore[arg-type]
    scenario = Scenario(
        "self", "Self", (change,), "A body chairs itself", citation=cite("pcsc-act-2022")
    )
    with pytest.raises(ScenarioError, match=f"changes\\[0\\]\\.{field}: "):
        p.what_if(scenario)


def test_two_csps_naming_one_csp_area_is_an_error(tmp_path: Path) -> None:
    """A hostile review: the North Warwickshire board moved to Rugby's CSP area validated."""
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    f = bundle / "governance.toml"
    text = f.read_text(encoding="utf-8")
    assert 'area = "E22000319"' in text
    f.write_text(text.replace('area = "E22000319"', 'area = "E22000321"', 1))
    out = io.StringIO()
    assert main(["validate", str(bundle)], stdout=out, stderr=io.StringIO()) == 1
    said = out.getvalue()
    assert "GOV-CSP-COVERAGE: the community safety partnership area E22000321 is named by 2" in said
