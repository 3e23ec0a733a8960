"""A batch classified row by row: the summary's missing facts from its evaluated rules (speed46b).

A batch with more than half its rows distinct (incidents with their own days, ages and
places: most real incident files) is classified row by row, not through the pipeline's memo
of combinations. The summary's count of undetermined rows by missing facts then prepared
the same rows and evaluated the rules a second time (200,000 such incidents: 0.49-0.57 s of
CPU for the count against 0.31-0.34 s for classifying). The classifier now keeps each row's
missing facts, worked out from the rules it has just evaluated, and the count takes them
when its rows are the classifier's (the same values in every column the rules read);
anything else (rows set apart, another batch) is counted as before.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.definitions._missing_columns as missing_module
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io import default_pipeline, run_pipeline
from svduty.io._missing_facts import _classifier_inputs, missing_facts_of

from ._missing_tables import four_facts, incident_table
from ._missing_tables import good as _good

_DATES = [f"2024-{m:02d}-{d:02d}" for m in (1, 5, 9) for d in (3, 14, 27)] + ["2025-06", None]
_CATEGORIES = ["Robbery", "Violence and sexual offences", "Public order", None]
_PLACES = ["E01031180", "E07000222", "E08000025", "E01000001", None]
_AGES = [14, 15, 30, 67, 200, None]  # 200 is refused: its row rejected


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    return incident_table(
        [(f"i{i}", *r) for i, r in enumerate(rows)],
        {
            "id": pa.string(),
            "date": pa.string(),
            "police_uk_category": pa.string(),
            "location": pa.string(),
            "victim_age": pa.int64(),
        },
    )


def _distinct_rows(n: int, shift: int = 0) -> list[tuple[Any, ...]]:
    """``n`` rows, nearly all distinct (so classified row by row), none rejected."""
    ages = [a for a in _AGES if a != 200]
    return [
        (
            _DATES[(i + shift) % len(_DATES)],
            _CATEGORIES[(i // 3) % len(_CATEGORIES)],
            _PLACES[(i // 7) % len(_PLACES)],
            ages[(i // 11) % len(ages)],
        )
        for i in range(n)
    ]


def _reference(pipe: Any, good: pa.Table) -> dict[str, list[Any]]:
    bound = pipe.split.__self__
    resolve = bound.geography.district_code_of
    keys = missing_keys(
        missing_columns(_classifier_inputs(good), bound.chosen(), resolve_district=resolve)
    )
    return {name: column.to_pylist() for name, column in keys.items()}


def _counted_prepare(monkeypatch: Any) -> list[int]:
    prepared: list[int] = []
    original = missing_module.prepare

    def counted(table: pa.Table, *args: Any) -> Any:
        prepared.append(table.num_rows)
        return original(table, *args)

    monkeypatch.setattr(missing_module, "prepare", counted)
    return prepared


def test_row_by_row_batch_is_not_prepared_again(monkeypatch) -> None:
    """Counted, not timed: the count prepares none of the rows the classifier evaluated."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(_table(_distinct_rows(400))))
    assert good.num_rows == 400
    prepared = _counted_prepare(monkeypatch)
    got = facts(good)
    assert prepared == []  # before speed46b: [the batch's distinct rows]
    reference = _reference(pipe, good)
    assert {n: c.cast(pa.string()).to_pylist() for n, c in got.items()} == reference


def test_a_run_of_row_by_row_batches_prepares_each_batch_once(monkeypatch) -> None:
    """Counted: each batch's rows prepared once (its verdicts), not twice (and its count)."""
    batches = [_table(_distinct_rows(300, shift=s)) for s in (0, 1)]
    pipe = default_pipeline()
    prepared = _counted_prepare(monkeypatch)
    # the classifier's own prepare (its module's name) is not counted here: the rows the
    # missing-facts module prepares are the count's (and any the memo route evaluates)
    summary = run_pipeline(iter(batches), pipe, None)
    assert summary.rows_out == 600
    assert prepared == []  # before speed46b: each batch's distinct rows, prepared again
    assert summary.undetermined_by_missing  # counted all the same


row = four_facts(_DATES, _CATEGORIES, _PLACES, _AGES)


@settings(max_examples=30, deadline=None)
@given(
    first=st.lists(row, min_size=2, max_size=24),
    second=st.lists(row, min_size=2, max_size=24),
    count_first=st.booleans(),
)
def test_kept_rows_answer_only_their_own_batch(
    first: list[Any], second: list[Any], count_first: bool
) -> None:
    """The count of a batch other than the one last classified (or of rows set apart from
    it) is each row's own missing facts: what the classifier kept is never taken for it."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    a = _good(pipe(_table(first)))
    b = _good(pipe(_table(second)))  # the classifier now keeps b's rows (if row by row)
    for good in [a, b] if count_first else [b, a]:
        if not good.num_rows:
            continue
        got = {n: c.cast(pa.string()).to_pylist() for n, c in facts(good).items()}
        assert got == _reference(pipe, good)
