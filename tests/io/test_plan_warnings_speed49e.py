"""speed49e: a summary finds its warnings from the plan's rows, not from every row's reasons.

A police.uk summary counted the warnings in its rows' ``reasons`` (``Tally.count_usable``):
every distinct row's list of reasons flattened, their lengths read, the few of a warned
reason's length looked up (``_summary_warnings._warnings``), for every batch. A batch the
command's plan answered (:class:`svduty.io._plan.PolicePlan`) holds each row's plan row's
reasons, so the warnings follow from the plan rows: the warned reasons of the plan's rows
are found once a run, and each batch adds its plan rows' weights. Counted, never timed; the
warnings must stay those the rows' own reasons give.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty.io import (
    _alike,
    _summary,
    _summary_warnings,
    load_sections,
    read_police_uk,
    run_pipeline,
    sample_police_uk,
)
from svduty.io._pipeline import planned_pipeline
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan
from svduty.io._summary import Tally
from svduty.io._summary_warnings import WARNING_REASONS, warned_by_row, warned_items


@functools.cache
def _parts() -> Any:
    return load_sections("warwickshire", "areas", "definition")


def _summary_of_sample() -> Any:
    parts = _parts()
    plan = police_plan(parts.definition)
    pipe = planned_pipeline(parts, plan, lambda: parts.definition)
    return run_pipeline(read_police_uk(sample_police_uk(), block_size=1 << 18), pipe)


def test_a_planned_summary_reads_no_batchs_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    """The warned reasons are looked for once a run (the plan's), not once a batch."""
    looked: list[int] = []
    answered: list[int] = []
    real, real_answer = _summary_warnings._warnings, PolicePlan.answer

    def warnings(reasons: Any) -> Any:
        looked.append(len(reasons))
        return real(reasons)

    def answer(self: PolicePlan, table: pa.Table, *lists: Any) -> Any:
        answered.append(table.num_rows)
        return real_answer(self, table, *lists)

    monkeypatch.setattr(_summary_warnings, "_warnings", warnings)
    monkeypatch.setattr(_summary, "_warnings", warnings)
    monkeypatch.setattr(PolicePlan, "answer", answer)
    monkeypatch.setattr(_alike, "MERGED_BATCHES", 1)  # each batch answered alone
    summary = _summary_of_sample()
    assert summary.rows_in == summary.rows_out > 0
    assert len(answered) > 1  # (several batches)
    assert len(looked) <= 1, looked


def test_the_summary_is_the_one_every_rows_reasons_give(monkeypatch: pytest.MonkeyPatch) -> None:
    by_plan = _summary_of_sample()
    monkeypatch.setattr(PolicePlan, "answered_rows", lambda self, table: None)
    assert _summary_of_sample() == by_plan


_POOL = [*sorted(WARNING_REASONS), "BASIS-CATEGORY", "S13", "CATEGORY-MIXED", None]
_REASONS = st.one_of(st.none(), st.lists(st.sampled_from(_POOL), max_size=4))
_CATEGORIES = ("Drugs", "Robbery", "Shoplifting")
_PLACES = (None, "E07000222", "E08000026")


def _plan(reasons: list[Any]) -> PolicePlan:
    """3 categories x 1 month class x 3 places (2 district prefixes and nowhere): 9 rows."""
    verdicts = pa.table(
        {
            "basis": pa.array(["category"] * 9),
            "reasons": pa.array(reasons, pa.list_(pa.string())),
        }
    )
    prefixes = {"E07": 0, "E08": 1}
    return PolicePlan("d", _CATEGORIES, (), {}, prefixes, 2, 3, verdicts, frozenset({"basis"}))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(_REASONS, min_size=9, max_size=9),
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(1, 9)), min_size=1),
    st.integers(0, 3),
)
def test_warnings_by_plan_row_are_those_of_each_rows_reasons(
    reasons: list[Any], rows: list[tuple[int, int, int]], cut: int
) -> None:
    """Scalar (each row's reasons) and by plan row agree; rows not the plan's last answers
    (a slice, a copy) are not counted by plan row."""
    plan = _plan(reasons)
    table = pa.table(
        {
            "police_uk_category": [_CATEGORIES[c] for c, _, _ in rows],
            "date": ["2024-03"] * len(rows),
            "location": [_PLACES[p] for _, p, _ in rows],
        }
    )
    weights = np.array([w for _, _, w in rows], dtype=np.int64)
    answers = plan.answer(table)
    assert answers is not None
    good = _arrays.with_columns(table, answers)

    def warned(t: pa.Table, w: Any) -> Counter[str] | None:
        at = plan.answered_rows(t)
        if at is None:
            return None
        return warned_by_row(warned_items(plan.verdicts["reasons"]), at, w, plan.verdicts.num_rows)

    for t, w in ((good, weights), (good, None), (good.slice(cut), weights[cut:])):
        each, by_plan = Tally(), Tally(warned=warned)
        each.count_usable(t, w)
        by_plan.count_usable(t, w)
        assert by_plan.warnings == each.warnings
        assert by_plan == attrs.evolve(each, warned=warned)  # every count the same
    # the rows given, by their plan rows, without the Tally
    found = warned_by_row(
        warned_items(plan.verdicts["reasons"]), plan.answered_rows(good), weights, 9
    )
    assert found == _count_each(good, weights)


def _count_each(table: pa.Table, weights: Any) -> Counter[str]:
    """The warnings counted row by row in Python: the test's own scalar count."""
    out: Counter[str] = Counter()
    for reasons, w in zip(table["reasons"].to_pylist(), weights.tolist(), strict=True):
        for r in reasons or ():
            if r in WARNING_REASONS:
                out[r] += w
    return out
