"""The case files of tests/cases/funding: each case names the findings and what they cite."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from svduty.findings import Finding, Severity
from svduty.funding import FundingModel, Money, SpendingPlan, difference_of
from svduty.io import load_funding, read_toml
from svduty.io._converter import make_converter, structure
from svduty.sources import CATALOGUE, Source

CASES = Path(__file__).parents[1] / "cases" / "funding"
FIXTURE = read_toml(CASES / "fixture.toml")
SOURCES = CATALOGUE.extend(structure(s, Source) for s in FIXTURE["sources"])


def model(change: dict[str, Any] | None = None) -> FundingModel:
    data = copy.deepcopy(FIXTURE["funding"])
    change = change or {}
    if "stated_totals" in change:
        data["stated_totals"] = change["stated_totals"]
    if "year_total" in change:
        year = change["year_total"]
        for a in data["allocations"]:
            if a["year"] == year["year"]:
                a["total"] = year["total"]
    return load_funding(data, file="fixture.toml", converter=make_converter(SOURCES))


def cases(name: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{name}:{case['id']}")
        for case in read_toml(CASES / f"{name}.toml")["cases"]
    ]


def check_expected(found: tuple[Finding, ...], expect: list[dict[str, str]]) -> None:
    for want in expect:
        matching = [
            f for f in found if f.rule == want["rule"] and f.severity is Severity(want["severity"])
        ]
        assert matching, (want, [str(f) for f in found])
        assert any(want["cites"] in c.provision for f in matching for c in f.citations), (
            want,
            [[c.provision for c in f.citations] for f in matching],
        )
        if "difference" in want:
            expected = Money.parse(want["difference"], allow_negative=True)
            assert any(difference_of(f) == expected for f in matching), want


@pytest.mark.parametrize("case", cases("plans"))
def test_plan_case(case: dict[str, Any]) -> None:
    found = model().check(SpendingPlan.of(case["plan"]))
    decided = [f for f in found if f.severity is not Severity.INFO]
    assert Counter((f.rule, f.severity.value) for f in decided) == Counter(
        (w["rule"], w["severity"]) for w in case["expect"]
    ), [str(f) for f in decided]
    check_expected(found, case["expect"])
    for f in found:  # every finding carries the rule's citation and its year
        assert f.citations, f
        assert f.get("year") is not None


@pytest.mark.parametrize("case", cases("reconcile"))
def test_reconcile_case(case: dict[str, Any]) -> None:
    found = model(case).reconcile()
    assert [(f.rule, f.severity.value) for f in found] == [
        (w["rule"], w["severity"]) for w in case["expect"]
    ], [str(f) for f in found]
    check_expected(found, case["expect"])


def test_the_case_files_cover_every_funding_rule() -> None:
    rules = {
        w["rule"]
        for name in ("plans", "reconcile")
        for c in cases(name)
        for w in c.values[0]["expect"]
    }
    assert rules == {
        "wrong-category",
        "no-cost-project",
        "no-allocation",
        "category-overspent",
        "needs-joint-agreement",
        "unknown-project",
        "unspent-no-carry-over",
        "year-total",
        "stated-total",
        "stated-total-observation",
    }
