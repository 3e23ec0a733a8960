"""read_scenario without the bundle's sources says to pass them (users52).

A policy officer's scenario cited the partnership's own agreement (a source its bundle
declares). ``read_scenario(path)``, as a new user first calls it, said "unknown source ...;
expected the id of a national source or of one the bundle declares (a [[sources]] table in
bundle.toml ...)": but the bundle does declare it; what was missing was the second
argument.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.errors import ScenarioError
from svduty.io import read_scenario

BUNDLE = Path(__file__).resolve().parents[1] / "data" / "example-bundle"
SCENARIO = """name = "merge"
title = "Merge Exton into Sampleford"

[citation]
source = "examplshire-agreement"
provision = "Annex A"

[[changes]]
op = "abolish_authority"
authority = "exton-district-council"
"""


def test_a_bundle_source_read_without_the_bundle_says_to_pass_its_sources(tmp_path):
    f = tmp_path / "merge.toml"
    f.write_text(SCENARIO, encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        read_scenario(f)
    (problem,) = e.value.problems
    assert problem.message.startswith("unknown source: examplshire-agreement")
    assert "read_scenario(path, p.sources)" in str(e.value)
    p = svduty.load_partnership(BUNDLE)
    assert read_scenario(f, p.sources).citation.source.id == "examplshire-agreement"


def test_with_the_bundles_sources_an_unknown_source_gets_no_such_advice(tmp_path):
    f = tmp_path / "merge.toml"
    f.write_text(SCENARIO.replace("examplshire-agreement", "no-such-source"), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        read_scenario(f, svduty.load_partnership(BUNDLE).sources)
    assert "unknown source: no-such-source" in str(e.value)
    assert "read_scenario(path, p.sources)" not in str(e.value)
