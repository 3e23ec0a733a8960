"""Incident batches counted one row a combination of the classifier's inputs (speed48c).

The summary counted every incident row (``_each_row``): 200,000 incidents of the bench's
file are about 20,000 combinations of what the rules read, and the classifier had
already grouped each batch by them. The summary now counts one row a group, with the
group's number of rows, as it counts a police.uk batch. Counted here (rows given to the
summary's count), never timed; the summary must stay the one counting every row.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty.io._run as run_module
from svduty.io import default_pipeline, run_pipeline
from svduty.io._incident_groups import grouping_of
from svduty.io._summary import Tally

from ._missing_tables import four_facts, incident_table

_DATES = ["2019-01-15", "2023-03-02", "2025-06", None]
_CATEGORIES = ["Robbery", "Burglary", "Violence and sexual offences", "other theft", None]
_PLACES = ["E01031180", "E07000222", "E08000025", "e01031322 ", "W99999999", "", None]
_AGES = [14, 30, 67, None]
_BAD_AGE = 200  # refused by the classifier: its row rejected
_COLUMNS = {
    "date": pa.string(),
    "police_uk_category": pa.string(),
    "location": pa.string(),
    "victim_age": pa.int64(),
}


def _table(rows: list[tuple[Any, ...]], ids: bool = True) -> pa.Table:
    table = incident_table(rows, _COLUMNS)
    if ids:
        table = table.append_column("id", pa.array([f"inc-{i % 7}" for i in range(len(rows))]))
    return table


def _unread(table: pa.Table, rows: set[int]) -> pa.Table:
    """``table`` with the reader's rejection on ``rows`` (those within it)."""
    marked = [("not JSON" if i in rows else None) for i in range(table.num_rows)]
    at = table.schema.get_field_index("rejected")
    table = table.set_column(at, "rejected", pa.array(marked, pa.string()))
    at = table.schema.get_field_index("rejected_field")
    fields = [("line" if i in rows else None) for i in range(table.num_rows)]
    return table.set_column(at, "rejected_field", pa.array(fields, pa.string()))


def _counted_rows(monkeypatch: Any) -> list[tuple[int, int]]:
    """Each call of ``Tally.count_usable``: the rows given and the rows they stand for."""
    calls: list[tuple[int, int]] = []
    original = Tally.count_usable

    def counted(self: Tally, good: pa.Table, weights: Any = None) -> None:
        calls.append((good.num_rows, good.num_rows if weights is None else int(weights.sum())))
        original(self, good, weights)

    monkeypatch.setattr(Tally, "count_usable", counted)
    return calls


def test_an_incident_batch_is_counted_one_row_a_combination(monkeypatch) -> None:
    rows = [(d, c, "E01031180", 30) for d in _DATES[:2] for c in _CATEGORIES[:3]] * 50  # 6 alike
    calls = _counted_rows(monkeypatch)
    summary = run_pipeline([_table(rows), _table(rows[:120])], default_pipeline())
    assert calls == [(6, 300), (6, 120)]  # before: [(300, 300), (120, 120)]
    assert summary.rows_out == 420
    violence = "Violence and sexual offences"
    assert summary.by_category == {"Robbery": 140, "Burglary": 140, violence: 140}


def test_rows_the_classifier_refuses_are_counted_row_by_row(monkeypatch) -> None:
    rows = [("2025-06", "Robbery", "E01031180", 30)] * 40 + [("2025-06", "Robbery", None, 200)]
    calls = _counted_rows(monkeypatch)
    summary = run_pipeline([_table(rows)], default_pipeline())
    assert calls == [(40, 40)]  # the classifier's groups are of 41 rows: not taken
    assert (summary.rows_out, summary.rejected) == (40, 1)


def test_a_batch_with_an_lsoa_code_column_is_counted_row_by_row(monkeypatch) -> None:
    rows = [("2025-06", "Robbery", "E01031180", 30)] * 30
    table = _table(rows).append_column("lsoa_code", pa.array(["E01031180", "E01999999"] * 15))
    calls = _counted_rows(monkeypatch)
    run_pipeline([table], default_pipeline())
    assert calls == [(30, 30)]


def test_grouping_of_a_pipeline_without_the_columnar_classifier() -> None:
    assert grouping_of(lambda batch: batch) is None
    pipe = default_pipeline()
    grouped = grouping_of(pipe)
    assert grouped is not None
    table = _table([("2025-06", "Robbery", "E01031180", 30)] * 5)
    assert grouped(table) is None  # nothing classified yet: no groups kept
    out = pipe(table)
    distinct, weights = grouped(out)
    assert distinct.num_rows == 1
    assert weights.tolist() == [5]
    assert "id" not in distinct.column_names  # a row's own columns are not counted
    assert grouped(out.slice(0, 4)) is None  # not the rows the classifier grouped


def _batch(row: st.SearchStrategy[tuple[Any, ...]]) -> st.SearchStrategy[list[tuple[Any, ...]]]:
    """Rows drawn from a few distinct ones (so that the classifier groups them), in any order."""
    return st.lists(row, min_size=1, max_size=6).flatmap(
        lambda base: st.lists(st.sampled_from(base), min_size=1, max_size=80)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            _batch(four_facts(_DATES, _CATEGORIES, _PLACES, _AGES)),
            _batch(four_facts(_DATES, _CATEGORIES, _PLACES, [*_AGES, _BAD_AGE])),
        ),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
    st.sets(st.integers(0, 79), max_size=3),
)
def test_counted_by_group_the_summary_is_that_of_every_row(
    batches: list[list[tuple[Any, ...]]], ids: bool, unread: set[int]
) -> None:
    tables = [_unread(_table(rows, ids), unread) for rows in batches]
    grouped = run_pipeline(tables, default_pipeline())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(run_module, "grouping_of", lambda pipeline: None)
        each = run_pipeline(tables, default_pipeline())
    assert grouped == each
