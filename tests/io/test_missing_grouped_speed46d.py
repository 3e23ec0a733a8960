"""A grouped batch's missing facts: its rows grouped once, its rules evaluated once (speed46d).

A batch with many rows alike is classified through the pipeline's memo of combinations:
its rows are grouped, and each distinct row's verdicts are looked up or evaluated. The
summary's count of undetermined rows by missing facts then grouped the same rows again
and looked the distinct rows up in a memo of its own (about 0.12 s of CPU per 200,000
incidents, issue 15); and once the memo was full (``MEMO_ROWS`` combinations) the count
also prepared and evaluated the rules again on every distinct row. The classifier now
keeps its groups and the distinct rows' missing facts (held in the memo beside the
verdicts, or worked out from the rules evaluated for the verdicts when the memo is full),
and the count takes them when its rows are the classifier's. Counted here, never timed;
the answers must stay those of evaluating every row (``missing_keys(missing_columns(...))``).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty._arrays as arrays_module
import svduty.definitions._columnar as columnar_module
import svduty.definitions._distinct as distinct_module
import svduty.definitions._missing_columns as missing_module
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io import default_pipeline, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._missing_facts import _classifier_inputs, missing_facts_of

from ._missing_tables import four_facts, incident_table
from ._missing_tables import good as _good

_DATES = ["2019-01-15", "2023-03-02", "2025-06", None]
_CATEGORIES = ["Robbery", "Burglary", "Violence and sexual offences", None]
_PLACES = ["E01031180", "E07000222", "E08000025", None]
_AGES = [14, 30, 200, None]  # 200 is refused: its row rejected
_COMBINATIONS = [(d, c, p, 30) for d in _DATES for c in _CATEGORIES for p in _PLACES]


_TABLE_COLUMNS = {
    "date": pa.string(),
    "police_uk_category": pa.string(),
    "location": pa.string(),
    "victim_age": pa.int64(),
}


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    return incident_table(rows, _TABLE_COLUMNS)


def _reference(pipe: Any, good: pa.Table) -> dict[str, list[Any]]:
    bound = pipe.split.__self__
    resolve = bound.geography.district_code_of
    keys = missing_keys(
        missing_columns(_classifier_inputs(good), bound.chosen(), resolve_district=resolve)
    )
    return {name: column.to_pylist() for name, column in keys.items()}


def _spelt(got: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: column.cast(pa.string()).to_pylist() for name, column in got.items()}


def _rows_of(first: Any) -> int:
    """The rows of a table, or of a list of columns."""
    return int(first.num_rows) if hasattr(first, "num_rows") else len(first[0])


def _counted(monkeypatch: Any, module: Any, name: str) -> list[int]:
    """The number of rows of each call of ``module.name`` (its first argument)."""
    calls: list[int] = []
    original = getattr(module, name)

    def counted(first: Any, *args: Any, **kwargs: Any) -> Any:
        rows = getattr(first, "length", None)  # an environment's rows (missing_bits)
        calls.append(rows if rows is not None else _rows_of(first))
        return original(first, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_the_count_does_not_group_a_grouped_batch_again(monkeypatch) -> None:
    """Counted: the count of a grouped batch groups nothing and evaluates no rule."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(_table(_COMBINATIONS * 5)))  # 64 combinations, 320 rows: grouped
    assert good.num_rows == 320
    grouped = _counted(monkeypatch, arrays_module, "group_rows")
    evaluated = _counted(
        monkeypatch, missing_module, "missing_bits"
    )  # (speed53c: was _answer_flags)
    got = facts(good)
    assert grouped == []  # before speed46d: [320, 128] (the batch, then the memo and its rows)
    assert evaluated == []
    assert _spelt(got) == _reference(pipe, good)


def test_each_batch_is_grouped_once_in_a_run(monkeypatch) -> None:
    """Counted over a run: each batch's rows grouped once (by the classifier), not twice."""
    batches = [_table(_COMBINATIONS * 5) for _ in range(3)]
    whole = _counted(monkeypatch, arrays_module, "group_rows")  # the count's, the memo's
    classifier = _counted(monkeypatch, columnar_module, "_group_rows")  # the classifier's
    summary = run_pipeline(iter(batches), default_pipeline(), None)
    assert summary.rows_out == 960
    assert summary.undetermined_by_missing  # counted all the same
    assert (whole + classifier).count(320) == 3  # before speed46d: 6 (the count's too)


def test_a_police_uk_month_is_grouped_once(monkeypatch) -> None:
    """Counted: police.uk rows (their places classified as a dictionary, counted as text)
    are grouped once too, and their count is the engine's."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(next(read_police_uk(sample_police_uk()))))
    grouped = _counted(monkeypatch, arrays_module, "group_rows")
    got = facts(good)
    assert good.num_rows not in grouped  # before speed46d: grouped again by the count
    assert _spelt(got) == _reference(pipe, good)


def test_a_full_memo_does_not_evaluate_the_rules_twice(monkeypatch) -> None:
    """Counted: with the memo full, the count prepares none of the rows classified."""
    monkeypatch.setattr(distinct_module, "MEMO_ROWS", 8)  # full from the first batch
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    prepared = _counted(monkeypatch, missing_module, "prepare")
    for rows in (_COMBINATIONS * 3, _COMBINATIONS[:40] * 2):
        good = _good(pipe(_table(rows)))
        prepared.clear()  # the classifier's own (none: its module is another) are not counted
        got = facts(good)
        assert prepared == []  # before speed46d: [64], then [40] (every distinct row again)
        assert _spelt(got) == _reference(pipe, good)


row = four_facts(_DATES, _CATEGORIES, _PLACES, _AGES)


@settings(max_examples=30, deadline=None)
@given(
    batches=st.lists(st.lists(row, min_size=1, max_size=40), min_size=1, max_size=4),
    most=st.sampled_from([2, 8, 1 << 17]),
    count_last=st.booleans(),
)
def test_kept_groups_answer_only_their_own_batch(
    batches: list[list[tuple[Any, ...]]], most: int, count_last: bool
) -> None:
    """Whatever the batches, the memo's size and which batch is counted, each count is its
    rows' own missing facts: what the classifier kept never answers another batch."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(distinct_module, "MEMO_ROWS", most)
        pipe = default_pipeline()
        facts = missing_facts_of(pipe)
        assert facts is not None
        outs = [_good(pipe(_table(rows + rows))) for rows in batches]  # rows alike: grouped
        for good in outs[-1:] if count_last else outs:
            if good.num_rows:
                assert _spelt(facts(good)) == _reference(pipe, good)
