"""``benchmarks/_paired.py``: issue 15's ratios from pairs of runs made one after the other.

No process is run: the runs are made up, so that what is checked is how the bench pairs,
orders and summarises them (a report's reading, not a timing).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "_paired.py"


@pytest.fixture(scope="module")
def paired() -> Any:
    spec = importlib.util.spec_from_file_location("_bench_paired", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple needs its module
    spec.loader.exec_module(module)
    return module


def test_each_pair_runs_back_to_back_and_alternates_which_goes_first(paired: Any) -> None:
    calls: list[str] = []

    def run(name: str) -> dict[str, Any]:
        calls.append(name)
        return {"name": name, "seconds": 1.0, "cpu_s": 1.0}

    names = ["startup", "p_import_pyarrow_csv"]
    runs, ratios, loads = paired.measure_pairs(names, 1, run)
    label = "start-up (header-only file) / import pyarrow.csv"
    (pair,) = [p for p in paired.PAIRS if p.label == label]
    assert calls == ["startup", "p_import_pyarrow_csv", "p_import_pyarrow_csv", "startup"] * (
        pair.rounds // 2
    )
    assert list(ratios) == [label]  # the pairs with a member not asked for are not run
    assert len(runs["startup"]) == pair.rounds
    assert len(loads) == pair.rounds + 1


def test_a_ratio_is_taken_within_each_round(paired: Any) -> None:
    # the machine slows down by 10x from round to round; each pair's ratio stays 1.5
    calls: list[str] = []

    def run(name: str) -> dict[str, Any]:
        calls.append(name)
        slow = 10.0 ** ((len(calls) - 1) // 2)
        return {"name": name, "seconds": slow * (1.5 if name == "p_help" else 1.0), "cpu_s": 2.0}

    _, ratios, _ = paired.measure_pairs(["p_help", "p_interpreter"], 2, run)
    seen = ratios["svduty --help / bare interpreter"]
    assert seen["wall"] == pytest.approx([1.5] * len(seen["wall"]))
    assert paired.spread(seen["cpu"]) == (1.0, 1.0, 1.0)


def test_met_is_on_the_median_and_a_straddled_target_is_said(paired: Any) -> None:
    assert paired.spread([]) is None
    assert paired.spread([1.6, 1.2, 1.4]) == (1.4, 1.2, 1.6)
    assert paired.reading(1.4, 1.3, 1.45, "<= 1.5") == "met"
    assert paired.reading(1.4, 1.3, 1.6, "<= 1.5") == "met (within spread)"
    assert paired.reading(1.6, 1.4, 1.7, "<= 1.5") == "**not met** (within spread)"
    assert paired.reading(9.0, 8.0, 9.5, ">= 10") == "**not met**"
    assert paired.reading(3.0, 2.0, 4.0, "< 3") == "**not met** (within spread)"
    assert paired.reading(3.0, 3.0, 4.0, "> 2") == "met"
