"""Partnership.what_if given a scenario file's path, or a name a bundle has none of (users52).

A policy officer with a bundle from ``svduty init`` (no scenarios of its own) wrote a
scenario file and, as ``svduty governance --scenario FILE`` takes a file, called
``p.what_if("merge.toml")``. The error read "scenario: expected one of  (got ...)": an
empty list, and no word of how a file is read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import svduty
from svduty.errors import GovernanceError
from svduty.io import read_scenario

BUNDLE = Path(__file__).resolve().parents[1] / "data" / "example-bundle"
SCENARIO = """name = "merge"
title = "Merge Exton into Sampleford"

[[changes]]
op = "abolish_authority"
authority = "exton-district-council"
"""


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    shutil.copytree(BUNDLE, folder)
    assert not (folder / "scenarios").exists()
    (tmp_path / "merge.toml").write_text(SCENARIO, encoding="utf-8")
    return folder


def test_a_file_given_as_a_name_is_told_how_a_file_is_read(bundle, monkeypatch):
    monkeypatch.chdir(bundle.parent)
    p = svduty.load_partnership(bundle)
    assert not p.scenarios
    for name in ("merge.toml", str(bundle.parent / "merge.toml")):
        with pytest.raises(GovernanceError) as e:
            p.what_if(name)
        said = str(e.value)
        assert "expected one of  " not in said
        assert "(it has none)" in said
        assert "read_scenario(path, p.sources)" in said
    # what it says works
    w = p.what_if(read_scenario("merge.toml", p.sources))
    assert w.reorganised is not None


def test_a_partnership_with_scenarios_lists_them_and_a_name_gets_no_file_advice():
    p = svduty.warwickshire()
    with pytest.raises(GovernanceError) as e:
        p.what_if("lgr-two-unitarys")
    said = str(e.value)
    assert "expected one of jag-to-sv-strategic-board, lgr-single-unitary" in said
    assert "read_scenario" not in said
    with pytest.raises(GovernanceError, match=r"read_scenario\(path, p.sources\)"):
        p.validate_governance(scenario="scenarios/lgr.toml")
