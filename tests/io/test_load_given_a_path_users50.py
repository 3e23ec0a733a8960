"""A ``load_*`` function given a file's path says it takes the file's data (users50).

``svduty.io.load_scenario("scenarios/x.toml")`` (and ``load_governance``,
``load_timetable``, ``load_authorities``) said "<root>: expected a table of key = value
pairs (got a string of 16 characters, not shown)": true, but it read as a fault in the
file, and did not say that these functions take the data read from a file while
``read_scenario`` and ``load_partnership`` read files. ``load_definition`` already
said ``load_definition(data): expected Mapping[str, Any] (got a str)``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import SvdutyError
from svduty.io import load_authorities, load_governance, load_scenario, load_timetable

LOADERS = [load_scenario, load_governance, load_timetable, load_authorities]


@pytest.mark.parametrize("load", LOADERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("given", ["scenarios/Jane Citizen.toml", Path("scenarios/x.toml")])
def test_a_path_for_the_data_is_told_as_such(load: object, given: object) -> None:
    with pytest.raises(SvdutyError) as caught:
        load(given)  # type: ignore[operator]
    said = str(caught.value)
    assert "not its path" in said
    assert "read_scenario" in said
    assert "Jane" not in said


def test_the_data_itself_still_loads() -> None:
    data = {"name": "x", "title": "X", "changes": []}
    assert load_scenario(data).name == "x"
    assert svduty.warwickshire().governance is not None
