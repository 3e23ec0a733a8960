"""The legal case files: tests/cases/definitions/*.toml, each case one scenario."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from svduty import errors
from svduty.definitions import (
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    Incident,
    classify,
    classify_table,
)
from svduty.io import load_packaged_definition

from .helpers import to_table

CASES_DIR = Path(__file__).resolve().parents[1] / "cases" / "definitions"
PILOTS = {"as_made": OWHR_PILOT_AS_MADE, "as_announced": OWHR_PILOT_AS_ANNOUNCED}
# Each definition loaded once a run: a packaged bundle's (warwickshire, examplshire) is the
# whole partnership read and checked, ~0.4 s of CPU with coverage, which was most of each
# of its 54 cases (ci58a); the same frozen definition every time, the packaged files unchanged
_definition = functools.cache(load_packaged_definition)


def _load() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for i, case in enumerate(tomllib.loads(path.read_text("utf-8"))["case"]):
            out.append(pytest.param(case, id=f"{path.stem}[{i}] {case['name'][:50]}"))
    return out


CASES = _load()


def test_there_are_at_least_60_legal_cases():
    legal = [c for c in CASES if "error" not in c.values[0]]
    assert len(legal) >= 60


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict[str, Any]) -> None:
    definition = _definition(case.get("definition", "pcsc-s13"))
    if "presume" in case:  # the presumptions the case's definition makes (else its own)
        definition = attrs.evolve(definition, presume=tuple(case["presume"]))
    pilot = PILOTS[case.get("pilot", "as_made")]
    if "age_reading" in case:  # s.24(6)(a) as the case's configuration reads it (law56)
        pilot = attrs.evolve(pilot, age_reading=case["age_reading"])
    if "error" in case:
        cls = getattr(errors, case["error"])
        with pytest.raises(cls) as info:
            Incident.from_json(case["incident"], line=3, file="case.jsonl")
        assert type(info.value) is cls
        assert [p.field for p in info.value.problems] == [case["field"]]
        assert all(p.row == 3 and p.file == "case.jsonl" for p in info.value.problems)
        with pytest.raises(cls) as tinfo:
            classify_table(to_table([case["incident"]], all_columns=False))
        assert case["field"] in {p.field for p in tinfo.value.problems}
        return
    incident = Incident.from_json(case["incident"])
    result = classify(incident, definition, pilot=pilot)
    for answer, expected in case["expect"].items():
        assert getattr(result, answer).value == expected, (answer, result.explain())
    rules = {r.rule: r for r in result.reasons}
    if "decided_by" in case:
        assert case["decided_by"] in rules, result.explain()
        citation = rules[case["decided_by"]].citation
        assert citation is not None
        assert case["citation"] in citation.provision
    else:  # an open question: nothing decides it, and the facts that would are named
        assert set(case["expect"].values()) == {"undetermined"}, case["name"]
        assert case["missing"], case["name"]
    for fact in case.get("missing", []):
        assert fact in result.missing_facts, result.explain()
    for fact in case.get("not_missing", []):  # a fact that cannot change the answer
        assert fact not in result.missing_facts, result.explain()
    for quiet in case.get("not_reasons", []):  # a reason that cannot bear on the answer
        assert quiet not in rules, result.explain()
    given = set(incident.to_json())
    assert not given & set(result.missing_facts), result.explain()
    # the columnar engine agrees on the same case
    row = classify_table(to_table([case["incident"]]), definition, pilot=pilot).to_pylist()[0]
    for answer in ("violence", "in_scope", "domestic_abuse", "qualifying_homicide"):
        assert row[answer] == getattr(result, answer).value
    assert row["homicide_review"] == result.homicide_review.value
    assert row["reasons"] == [r.rule for r in result.reasons]
    assert row["kinds"] == list(result.kinds)
    assert row["basis"] == result.basis


def test_all_cases_in_one_batch_agree_with_the_scalar_engine():
    """Every legal case in one table (mixed facts, mixed columns): row for row."""
    cases = [c.values[0] for c in CASES if "error" not in c.values[0]]
    rows = [c["incident"] for c in cases]
    out = classify_table(to_table(rows)).to_pylist()
    assert len(out) == len(rows)
    for data, row in zip(rows, out, strict=True):
        result = classify(Incident.from_json(data))
        assert row["violence"] == result.violence.value
        assert row["homicide_review"] == result.homicide_review.value
        assert row["reasons"] == [r.rule for r in result.reasons]
