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
