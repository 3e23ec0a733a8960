"""The case files of tests/cases/governance: scenario changes and the findings they must give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import svduty
from svduty.authorities import Authorities
from svduty.findings import Severity
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
    p = P
    if case.get("unrecorded"):  # a bundle that does not record these authorities
        kept = [a for a in P.authorities if a.id not in case["unrecorded"]]
        assert len(kept) == len(P.authorities) - len(case["unrecorded"])
        auths = Authorities(kept, districts_within=P.authorities.districts_within)
        p = attrs.evolve(P, authorities=auths)
    found = [f for f in p.what_if(scenario).findings if f.rule == case["decided_by"]]
    rule = GOVERNANCE_RULES[case["decided_by"]]
    assert case["cites"] == rule.citation.provision
    assert all(f.citations[0] == rule.citation for f in found)
    return found


@pytest.mark.parametrize("case", cases("schedule-1"))
def test_schedule_1_case(case: dict[str, Any]) -> None:
    found = findings(case)
    together = [f for f in found if "no local government area has together" in f.message]
    # councils an area cannot have together: the area -> those councils
    said = {f.subjects[0]: sorted(f.subjects[1:]) for f in together}
    assert said == {a: sorted(ids) for a, ids in case.get("councils", {}).items()}
    assert all(f.severity is Severity.WARNING for f in together)
    found = [f for f in found if f not in together]
    # errors: what the changes take away; warnings: what is not known (nothing recorded)
    for severity, key in ((Severity.ERROR, "expect"), (Severity.WARNING, "not_known")):
        by_area: dict[str, list[str]] = {}
        for f in found:
            if f.severity is severity:
                by_area.setdefault(f.subjects[0], []).append(f.message)
        expected = case.get(key, {})
        assert set(by_area) == set(expected), (key, [str(f) for f in found])
        for area, wanted in expected.items():
            assert len(by_area[area]) == len(wanted), by_area[area]
            for want in wanted:
                assert any(want in m for m in by_area[area]), (want, by_area[area])
    assert {f.severity for f in found} <= {Severity.ERROR, Severity.WARNING}


@pytest.mark.parametrize("case", cases("csp-coverage"))
def test_csp_coverage_case(case: dict[str, Any]) -> None:
    assert sorted(f.message for f in findings(case)) == sorted(case["expect"])


@pytest.mark.parametrize("case", cases("s8-consult"))
def test_s8_consult_case(case: dict[str, Any]) -> None:
    found = findings(case)
    assert sorted(f.message for f in found if f.severity is Severity.WARNING) == sorted(
        case["warnings"]
    )
    assert [f for f in found if f.severity is Severity.ERROR] == []


def test_the_case_files_cover_every_national_rule() -> None:
    decided = {
        case["decided_by"] for path in CASES.glob("*.toml") for case in read_toml(path)["cases"]
    }
    assert decided == set(GOVERNANCE_RULES)


@pytest.mark.parametrize("case", cases("csp-responsible"))
def test_csp_responsible_case(case: dict[str, Any]) -> None:
    found = findings(case)
    for severity, key in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings")):
        said = sorted(list(f.subjects) for f in found if f.severity is severity)
        assert said == sorted(case[key]), (key, [str(f) for f in found])


@pytest.mark.parametrize("case", cases("s8-collaborate"))
def test_s8_collaborate_case(case: dict[str, Any]) -> None:
    """law58a: s.8(1)-(2) is national law, checked for every area, never an error."""
    found = findings(case)
    assert sorted(f.message for f in found) == sorted(case["warnings"])
    assert {f.severity for f in found} <= {Severity.WARNING}
