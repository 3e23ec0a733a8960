"""A what-if's local government areas after the scenario: names with codes (users53b).

``WhatIf.to_text()``, ``_repr_html_`` and ``svduty governance --scenario`` listed them as
codes only (``E07000218, ...``) while the rest of the output names what it mentions. The
JSON keeps its codes (``areas``): the contract is unchanged.
"""

from __future__ import annotations

import html
import io
import json

import pytest

import svduty
from svduty.cli import main
from svduty.governance import CreateArea

P = svduty.warwickshire()


def _expected(scenario: str) -> list[str]:
    """Each area after the scenario as "Name (code)", the names from the geography or the
    scenario's create_area changes (not written out here)."""
    w = P.what_if(scenario)
    created = {c.code: c.name for c in w.scenario.changes if isinstance(c, CreateArea)}
    out = []
    for code in w.reorganised.areas:
        name = created[code] if code in created else P.geography.get(code).name
        out.append(f"{name} ({code})")
    return out


@pytest.mark.parametrize("scenario", sorted(P.scenarios))
def test_text_html_and_cli_name_the_areas_alike(scenario: str) -> None:
    w = P.what_if(scenario)
    line = "local government areas after the scenario: " + ", ".join(_expected(scenario))
    assert line in w.to_text().splitlines()
    assert f"<p>{html.escape(line)}</p>" in w._repr_html_()
    out = io.StringIO()
    main(["governance", "--scenario", scenario], stdout=out, stderr=io.StringIO())
    assert line in out.getvalue().splitlines()
    # the JSON contract keeps the codes
    out = io.StringIO()
    main(["governance", "--scenario", scenario, "--format", "json"], stdout=out)
    assert json.loads(out.getvalue())["areas"] == list(w.reorganised.areas)


def test_existing_districts_are_named_by_the_geography() -> None:
    text = P.what_if("jag-to-sv-strategic-board").to_text()
    assert "North Warwickshire (E07000218)" in text
    assert "Rugby (E07000220)" in text
