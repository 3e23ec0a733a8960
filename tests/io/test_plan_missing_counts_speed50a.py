"""speed50a: a summary counts the missing facts of the plan's rows by plan row, not row by row.

A batch answered from the command's plan (:class:`svduty.io._plan.PolicePlan`) had each
row's missing facts spread (``missing_of``: a take over every distinct row for each of the
plan's columns) and counted row by row, though a row's facts are its plan row's. Now the
summary adds each plan row's rows once and counts the plan rows used
(``PolicePlan.missing_counts``, through ``_missing_facts._Facts.counted``). Counted (the
spreads done), never timed; the summary must be the one of counting row by row.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty.io import _alike
from svduty.io._plan import PolicePlan

from .test_plan_keys_speed49a import _ROW, _shared_plan, _summary, _table


def test_a_summary_spreads_no_missing_facts_over_its_rows(monkeypatch):
    spread: list[int] = []
    counted: list[int] = []
    real_of, real_counts = PolicePlan.missing_of, PolicePlan.missing_counts

    def missing_of(self, table, answered=None):
        spread.append(table.num_rows)
        return real_of(self, table, answered)

    def missing_counts(self, answered, weights=None):
        counted.append(answered.num_rows)
        return real_counts(self, answered, weights)

    monkeypatch.setattr(PolicePlan, "missing_of", missing_of)
    monkeypatch.setattr(PolicePlan, "missing_counts", missing_counts)
    monkeypatch.setattr(_alike, "MERGED_BATCHES", 1)  # each batch answered alone
    summary = _summary(_shared_plan())
    assert summary.rows_in == summary.rows_out > 0
    assert sum(summary.undetermined_by_missing["in_scope"].values()) > 0
    assert len(counted) > 1  # every batch's missing facts ...
    assert spread == []  # ... counted by plan row: none spread over the rows


def test_the_summary_is_the_one_counting_row_by_row(monkeypatch):
    by_plan_row = _summary(_shared_plan())
    monkeypatch.setattr(PolicePlan, "missing_counts", lambda self, answered, weights=None: None)
    assert _summary(_shared_plan()) == by_plan_row


def _by_row(found: dict[str, Any], weights: Any) -> dict[str, list[tuple[str, int]]]:
    """What counting each row's missing facts gives (``_summary_counts._count``'s sums)."""
    return {name: _arrays.value_sums(keys, weights) for name, keys in found.items()}


@settings(max_examples=80, deadline=None)
@given(
    st.lists(_ROW, min_size=1, max_size=40),
    st.one_of(st.none(), st.lists(st.integers(0, 6), min_size=40, max_size=40)),
)
def test_counted_by_plan_row_is_counted_row_by_row(rows, weights):
    plan = _shared_plan()
    table = _table(rows)
    answers = plan.answer(table)
    assert answers is not None
    answered = _arrays.with_columns(table, answers)
    w = None if weights is None else np.array(weights[: len(rows)], np.int64)
    counted = plan.missing_counts(answered, w)
    assert counted is not None
    assert counted == _by_row(plan.missing_of(table), w)  # the same words, order and sums
    for name, sums in counted.items():  # (a Counter of them: as the summary adds them)
        assert Counter(dict(sums)) == Counter(
            {str(k): n for k, n in _by_row(plan.missing_of(table), w)[name]}
        )
    # rows that are not the last answers (a slice of them, the rows alone): not counted here
    assert plan.missing_counts(answered.slice(1)) is None
    assert plan.missing_counts(table, w) is None


def test_rows_of_no_plan_are_counted_row_by_row():
    from svduty.io import default_pipeline
    from svduty.io._missing_facts import missing_facts_of

    facts = missing_facts_of(default_pipeline())  # the rule engine's: no plan
    assert facts is not None
    assert facts.counted(pa.table({"in_scope": ["undetermined"]}), None) is None  # type: ignore[attr-defined]
