"""The case files of tests/cases/governance: scenario changes and the findings they must give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import svduty
from svduty.governance import GOVERNANCE_RULES
from svduty.io import load_scenario, read_toml
from svduty.io._governance import _governance_converter

CASES = Path(__file__).parents[1] / "cases" / "governance"
P = svduty.warwickshire()


def cases(name: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{name}:{case['id']}")
        for case in read_toml(CASES / f"{name}.toml")["cases"]
    ]


def findings(case: dict[str, Any]) -> list[Any]:
    scenario = load_scenario(
        {"name": case["id"], "title": case["id"], "changes": case["changes"]},
        converter=_governance_converter(P.sources),
    )
    found = [f for f in P.what_if(scenario).findings if f.rule == case["decided_by"]]
    rule = GOVERNANCE_RULES[case["decided_by"]]
    assert case["cites"] == rule.citation.provision
    assert all(f.citations[0] == rule.citation for f in found)
    return found


@pytest.mark.parametrize("case", cases("schedule-1"))
def test_schedule_1_case(case: dict[str, Any]) -> None:
    found = findings(case)
    by_area: dict[str, list[str]] = {}
    for f in found:
        by_area.setdefault(f.subjects[0], []).append(f.message)
    assert set(by_area) == set(case["expect"]), [str(f) for f in found]
    for area, wanted in case["expect"].items():
        assert len(by_area[area]) == len(wanted), by_area[area]
        for want in wanted:
            assert any(want in m for m in by_area[area]), (want, by_area[area])


@pytest.mark.parametrize("case", cases("csp-coverage"))
def test_csp_coverage_case(case: dict[str, Any]) -> None:
    assert sorted(f.message for f in findings(case)) == sorted(case["expect"])


def test_the_case_files_cover_every_national_rule() -> None:
    decided = {
        case["decided_by"] for path in CASES.glob("*.toml") for case in read_toml(path)["cases"]
    }
    assert decided == set(GOVERNANCE_RULES)
