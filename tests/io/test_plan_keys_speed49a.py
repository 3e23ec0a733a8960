"""speed49a: a summary finds each batch's plan rows once, not once to answer and once more.

A police.uk batch answered from the command's plan (:class:`svduty.io._plan.PolicePlan`)
is looked up twice: its answers (``answer``, from the classifier), then its rows' missing
facts (``missing_of``, from the summary's count). Both worked out each row's plan row
from its crime type, month and place (``_keys``: each column's words classed in Python,
the rows numbered), and ``missing_of`` dictionary-encoded the plan's own missing-fact
texts again for every batch. Now ``missing_of`` takes the plan rows ``answer`` found when
it is given the very rows answered (their answers' arrays, in place), and encodes the
plan's texts once. Counted, never timed; the facts must stay those worked out afresh.
"""

from __future__ import annotations

import functools
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays, _compute
from svduty.definitions import POLICE_UK_CATEGORIES
from svduty.io import _alike, load_sections, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._pipeline import planned_pipeline
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan


@functools.cache
def _parts() -> Any:
    return load_sections("warwickshire", "areas", "definition")


def _plan() -> PolicePlan:
    return police_plan(_parts().definition)


def _summary(plan: PolicePlan) -> Any:
    parts = _parts()
    pipe = planned_pipeline(parts, plan, lambda: parts.definition)
    return run_pipeline(read_police_uk(sample_police_uk(), block_size=1 << 18), pipe)


def test_a_summary_finds_each_batchs_plan_rows_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"answer": 0, "_keys": 0}
    for name in calls:
        real = getattr(PolicePlan, name)

        def counted(self: PolicePlan, *args: Any, _real: Any = real, _name: str = name) -> Any:
            calls[_name] += 1
            return _real(self, *args)

        monkeypatch.setattr(PolicePlan, name, counted)
    monkeypatch.setattr(_alike, "MERGED_BATCHES", 1)  # each batch answered alone
    summary = _summary(_plan())
    assert summary.rows_in == summary.rows_out > 0
    assert calls["answer"] > 1  # (several batches)
    assert calls["_keys"] == calls["answer"], calls


def test_the_summary_is_the_one_the_plan_rows_found_again_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shared = _summary(_plan())
    monkeypatch.setattr(PolicePlan, "_answered_keys", lambda self, table: None)
    assert _summary(_plan()) == shared


def _rows(n: int, seed: int) -> pa.Table:
    month = pa.Table.from_batches(list(read_police_uk(sample_police_uk())))
    at = pa.array([(seed * 7919 + i * 104729) % month.num_rows for i in range(n)])
    places = ["E07000222", "E08000026", None, "E07000218", "E06000062"]
    return pa.table(
        {
            "police_uk_category": _compute.take(month["police_uk_category"], at),
            "date": _compute.take(month["month"], at),
            "location": pa.array([places[(seed + i) % len(places)] for i in range(n)]),
        }
    )


def test_the_plans_missing_texts_are_encoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan()
    assert plan.missing is not None
    encoded: list[int] = []
    real = _compute.dictionary_encode

    def dictionary_encode(values: Any, *args: Any, **kwargs: Any) -> Any:
        if len(values) == plan.missing.num_rows:  # type: ignore[union-attr]
            encoded.append(1)
        return real(values, *args, **kwargs)

    monkeypatch.setattr(_compute, "dictionary_encode", dictionary_encode, raising=False)
    for seed in (1, 2, 3):
        assert plan.missing_of(_rows(300, seed)) is not None
    assert len(encoded) == plan.missing.num_columns, len(encoded)


CATEGORIES = [c.name for c in POLICE_UK_CATEGORIES]
MONTHS = ["2019-01", "2023-03", "2023-04", "2024-03", "2025-06"]
PLACES = [None, "E08000025", "E07000222", "E07000219", "E06000062"]
_ROW = st.tuples(st.sampled_from(CATEGORIES), st.sampled_from(MONTHS), st.sampled_from(PLACES))


def _table(rows: list[tuple[str, str, str | None]]) -> pa.Table:
    names = ("police_uk_category", "date", "location")
    return pa.table({n: pa.array([r[i] for r in rows], pa.string()) for i, n in enumerate(names)})


def _plain(found: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if found is None else {k: v.to_pylist() for k, v in found.items()}


@functools.cache
def _shared_plan() -> PolicePlan:
    return _plan()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(st.lists(_ROW, min_size=n, max_size=n), st.lists(_ROW, min_size=n))
    ),
    st.integers(0, 3),
)
def test_missing_facts_are_those_of_the_rows_given(pair: Any, cut: int) -> None:
    """Only the very rows last answered take its plan rows: any other rows (the rows answered
    before, of the same number; a slice of the last) are looked up afresh."""
    plan = _shared_plan()
    first, second = _table(pair[0]), _table(pair[1])
    answered = []
    for rows in (first, second):
        answers = plan.answer(rows)
        assert answers is not None
        answered.append(_arrays.with_columns(rows, answers))
    asked = [
        (second, answered[1]),
        (first, answered[0]),  # answered before the last: its keys are not the last's
        (second.slice(cut), answered[1].slice(cut)),
        (second, answered[1].combine_chunks()),
    ]
    for rows, with_answers in asked:
        assert _plain(plan.missing_of(rows, with_answers)) == _plain(plan.missing_of(rows))
