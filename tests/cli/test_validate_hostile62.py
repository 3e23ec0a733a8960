"""``svduty validate``'s newest words, given hostile bundles (hostile62).

- ``--list`` says each doubt on one line: a doubt over several lines (a TOML multi-line
  string, or one whose second line reads as the command's last, ``DIR: ok``) was printed
  with its line breaks, so a bundle could add lines to what ``validate`` says; the JSON
  keeps the doubt as written.
- A local kind's ``facts`` naming one fact twice is refused, naming the entry and the one
  it repeats (a repeated ``include`` or ``seriousness`` factor already was): it says
  nothing more, and hides a slip (another word meant?).
"""

from __future__ import annotations

import io
import json
import shutil
import tomllib
from pathlib import Path

import tomli_w

from svduty.cli import main

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
CITED = {"source": "examplshire-agreement", "provision": "Definition of serious violence"}


def _run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_doubt_over_lines_is_one_line_of_the_list(tmp_path):
    bundle = tmp_path / "rugby"
    assert _run("init", bundle, "--area", "Rugby")[0] == 0
    areas = bundle / "areas.toml"
    data = tomllib.loads(areas.read_text(encoding="utf-8"))
    doubt = f"the agreement is not cited\n{bundle}: ok\n\tto fill in: nothing"
    data["local_area"]["citation"]["doubt"] = doubt
    areas.write_text(tomli_w.dumps(data), encoding="utf-8")

    code, out, err = _run("validate", bundle, "--list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line for line in lines if line.endswith(": ok") or ": ok," in line] == [lines[-1]]
    assert not [line for line in lines if line.startswith(("\t", "to fill in: nothing"))]
    (said,) = [line for line in lines if line.startswith("to confirm: areas.toml: local_area.")]
    assert said.endswith(f": the agreement is not cited {bundle}: ok to fill in: nothing")

    code, out, _ = _run("validate", bundle, "--format", "json")
    assert code == 0
    found = json.loads(out)["to_fill_in"]
    assert {"file": "areas.toml", "field": "local_area.citation", "doubt": doubt} in found


def test_a_fact_given_twice_is_refused_naming_both_entries(tmp_path):
    bundle = tmp_path / "example"
    shutil.copytree(EXAMPLE, bundle)
    kind = {
        "id": "armed",
        "label": "armed violence",
        "facts": ["weapon:knife", "weapon:firearm", "weapon:knife"],
        "any_of": ["s13_violence"],
        "citation": CITED,
    }
    added = tomli_w.dumps({"kinds": [kind], "include": [{"kind": "armed", "citation": CITED}]})
    definition = bundle / "definition.toml"
    definition.write_text(definition.read_text(encoding="utf-8") + "\n" + added, encoding="utf-8")

    code, out, err = _run("validate", bundle, "--format", "json")
    assert code == 1, err
    assert json.loads(out)["problems"] == [
        {
            "file": "definition.toml",
            "row": None,
            "field": "kinds[0].facts[2]",
            "problem": "repeats facts[0]",
        }
    ]
