"""A what-if from a scenario file's path, as ``svduty governance --scenario FILE`` reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import ArgumentError

SCENARIO = svduty.sample_path("warwickshire-bundle") / "scenarios" / "lgr-two-unitaries.toml"


def test_a_scenario_file_path_gives_the_same_what_if_as_its_name():
    p = svduty.warwickshire()
    by_name, by_path = p.what_if("lgr-two-unitaries"), p.what_if(Path(SCENARIO))
    assert by_path.findings == by_name.findings
    assert by_path.governance == by_name.governance
    assert p.validate_governance(scenario=Path(SCENARIO)) == by_name.findings


def test_a_scenario_of_another_type_is_an_argument_error_not_an_attribute_error():
    with pytest.raises(ArgumentError, match=r"what_if\(scenario\): expected a Scenario"):
        svduty.warwickshire().what_if(5)  # type: ignore[arg-type]
