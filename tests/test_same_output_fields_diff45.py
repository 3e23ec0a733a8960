"""``benchmarks/same_output.py`` knows every incident field (the speed sessions' check).

The output-comparison tool the speed sessions run (``same_output.py check``) writes a file
of every incident field and takes the columns added on purpose (:data:`ADDED`) out of an
old output's comparison. The forty-fifth session added ``aware_before_pilot_end`` to the
contract (``owhr45``) but not to the tool, so an output saved before it compared
DIFFERENT for a column that is null wherever the input does not give it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from svduty.io import INCIDENT_SCHEMA

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "same_output.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("same_output_diff45", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_every_incident_field_is_in_the_fields_file() -> None:
    assert INCIDENT_SCHEMA.names == _tool().FIELD_NAMES


def test_the_last_added_field_is_known_as_added_and_its_reason_reworded() -> None:
    tool = _tool()
    assert INCIDENT_SCHEMA.names[-1] in tool.ADDED
    new, old = tool.REWORDED[0]
    assert new.endswith(INCIDENT_SCHEMA.names[-1])
    assert INCIDENT_SCHEMA.names[-1] not in old
