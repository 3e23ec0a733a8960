"""Two different definitions with one id are not compared (users52).

A researcher copied one bundle's ``definition.toml`` into another bundle, changed its age
limit and kept its id. ``svduty explain FILE --compare-definition OTHER`` then printed
"examplshire against examplshire ... examplshire=yes examplshire=no", the two sides' missing
facts merged on one line (they are grouped by id), and exit 0.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import attrs
import pytest

from svduty.cli import main
from svduty.definitions import DEFINITIONS, Incident, compare_definitions
from svduty.errors import DefinitionError

BUNDLE = Path(__file__).resolve().parents[1] / "data" / "example-bundle"
KNIFE = Incident(
    id="v30", offence_code="8N", weapon="knife", intentional=True, target="person", victim_age=30
)


def test_two_different_definitions_with_one_id_are_refused():
    s13 = DEFINITIONS["pcsc-s13"]
    young = attrs.evolve(s13, victim_age_below=25)
    with pytest.raises(DefinitionError, match="two different definitions with the same id"):
        compare_definitions([KNIFE], s13, young)


def test_the_same_definition_twice_agrees_with_itself():
    s13 = DEFINITIONS["pcsc-s13"]
    c = compare_definitions([KNIFE], s13, attrs.evolve(s13))
    assert (c.rows, c.agree, c.differences) == (1, 1, ())


def test_the_command_refuses_a_copy_edited_in_another_bundle_before_printing(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(BUNDLE, first)
    shutil.copytree(BUNDLE, second)
    toml = second / "definition.toml"
    text = toml.read_text(encoding="utf-8")
    assert "victim_age_below = 25" in text
    toml.write_text(text.replace("victim_age_below = 25", "victim_age_below = 18"), "utf-8")
    incidents = tmp_path / "incidents.jsonl"
    incidents.write_text(
        '{"id": "v20", "offence_code": "8N", "victim_age": 20}\n', encoding="utf-8"
    )
    for fmt in ("text", "json", "html"):
        out, err = io.StringIO(), io.StringIO()
        args = ["explain", str(incidents), "--partnership", str(first)]
        args += ["--compare-definition", str(second), "--format", fmt]
        assert main(args, stdout=out, stderr=err) == 1
        assert out.getvalue() == ""  # refused before any line is read: no page begun
        assert "--compare-definition: two different definitions with the same id" in (
            err.getvalue()
        )
        assert "'examplshire'" in err.getvalue()
    # the same bundle's definition against itself is no error
    out = io.StringIO()
    args = ["explain", str(incidents), "--partnership", str(first)]
    assert main([*args, "--compare-definition", str(first)], stdout=out) == 0
    assert "examplshire against examplshire: 1 incident, 1 agree, 0 differ" in out.getvalue()
