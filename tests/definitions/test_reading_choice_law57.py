"""Who chooses the homicide review pilot's readings: Python alone, never a bundle (law57).

law56 made s.24(6)(a)'s age reading a field of ``OwhrPilot``; law57 decided that, like the
pilot's period and reg 7's reading, it is a reading of national law that no partnership's
bundle and no command-line option chooses (docs/explanation/definitions.rst, "Who chooses
a reading"). These tests pin the decision: a definition file that tries is refused, naming
the file and not the value, and the command line offers no such option.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

import svduty
from svduty.cli import main
from svduty.errors import SvdutyError

BUNDLE = Path(svduty.sample_path("warwickshire-bundle"))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("age_reading", '"at_fatal_events"'),
        ("pilot", '"as_announced"'),
        ("reg7_reading", '"any_part"'),
    ],
)
def test_a_definition_file_cannot_choose_a_reading(tmp_path: Path, key: str, value: str) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(BUNDLE, bundle)
    path = bundle / "definition.toml"
    text = path.read_text(encoding="utf-8")
    added = text.replace('\nid = "', f'\n{key} = {value}\nid = "', 1)
    assert added != text
    path.write_text(added, encoding="utf-8")
    with pytest.raises(SvdutyError, match="unknown field") as info:
        svduty.load_partnership(bundle)
    assert "definition.toml" in str(info.value)
    assert value.strip('"') not in str(info.value)  # never the value


@pytest.mark.parametrize("command", ["classify", "explain", "report"])
def test_no_command_offers_a_reading(command: str) -> None:
    out = io.StringIO()
    assert main([command, "--help"], stdout=out, stderr=io.StringIO()) == 0
    said = out.getvalue()
    assert "--definition" in said  # the help was read
    assert not re.search(r"--(pilot|age|reading|reg7)", said)
