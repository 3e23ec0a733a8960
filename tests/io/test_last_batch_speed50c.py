"""An incident file's short last batch is classified with the one before it (speed50c).

The bench's 200,000 incidents were classified in four batches, the last of 3,392 rows;
the rules cost mostly per batch (one evaluation of the rule tree for a batch's new
combinations), so that batch cost the loop's thread as much as a long one.
:func:`~svduty.io._last_batch.last_joined` now gives it as part of the batch before, when
the written rows and the rejected rows come out the same: checked here row for row against
the batches classified in turn, never timed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from svduty.io import default_pipeline, run_pipeline
from svduty.io._last_batch import last_joined

from ._missing_tables import incident_table

_COLUMNS = {"police_uk_category": pa.string(), "location": pa.string(), "victim_age": pa.int64()}


def _batch(rows: list[int], file: str = "f.jsonl", ages: list[Any] | None = None) -> Any:
    """A reader's batch of incidents numbered ``rows`` in ``file``."""
    ages = ages if ages is not None else [30] * len(rows)
    table = incident_table([("Robbery", "E01031180", a) for a in ages], _COLUMNS)
    table = table.set_column(0, "file", pa.array([file] * len(rows)))
    table = table.set_column(1, "row", pa.array(rows, pa.int64()))
    columns = [c.combine_chunks() for c in table.columns]
    return pa.RecordBatch.from_arrays(columns, schema=table.schema)


def _rows(batches: Iterator[Any]) -> list[list[int]]:
    return [b.column("row").to_pylist() for b in batches]


def test_a_short_last_batch_is_given_with_the_one_before() -> None:
    got = last_joined([_batch([1, 2, 3]), _batch([4, 5, 6]), _batch([7])], small=1)
    assert _rows(got) == [[1, 2, 3], [4, 5, 6, 7]]  # before: [[1, 2, 3], [4, 5, 6], [7]]


@pytest.mark.parametrize(
    "last",
    [
        _batch([4, 5]),  # not short
        _batch([2]),  # a row of the batch before comes after it
        _batch([4], file="g.jsonl"),  # another file
        _batch([4]).set_column(1, "row", pa.array([None], pa.int64())),  # a row not numbered
        _batch([4]).select(["file", "row", "rejected"]),  # another schema
        _batch([]),  # no rows
    ],
)
def test_a_last_batch_is_given_alone_unless_its_rows_come_out_the_same(last: Any) -> None:
    batches = [_batch([0]), _batch([1, 2, 3]), last]
    assert _rows(last_joined(batches, small=1)) == _rows(iter(batches))


def test_the_first_batch_is_given_at_once() -> None:
    def two() -> Iterator[Any]:
        yield _batch([1, 2, 3])
        raise AssertionError("the second batch read before the first was given")

    got = last_joined(two(), small=1)
    assert _rows(iter([next(got)])) == [[1, 2, 3]]
    assert _rows(last_joined([_batch([1, 2, 3]), _batch([4])], small=1)) == [[1, 2, 3], [4]]


def test_only_the_last_batch_is_joined() -> None:
    batches = [_batch([1, 2]), _batch([3]), _batch([4, 5]), _batch([6])]
    assert _rows(last_joined(batches, small=1)) == [[1, 2], [3], [4, 5, 6]]


def test_an_error_comes_after_the_batches_read_before_it() -> None:
    def cut_short() -> Iterator[Any]:
        yield _batch([1, 2])
        yield _batch([3])
        raise ValueError("a file changed while it was read")

    got = last_joined(cut_short(), small=1)
    assert _rows(iter([next(got), next(got)])) == [[1, 2], [3]]  # each as it was read
    with pytest.raises(ValueError, match="changed"):
        next(got)


def test_closing_it_closes_the_batches() -> None:
    closed = []

    def batches() -> Iterator[Any]:
        try:
            yield _batch([1])
            yield _batch([2])
            yield _batch([3])
        finally:
            closed.append(True)

    got = last_joined(batches(), small=1)
    next(got)
    got.close()
    assert closed == [True]


def _run(batches: Any) -> tuple[Any, list[Any], list[Any]]:
    """The summary, the written rows and the rejected rows (in the order passed on)."""
    written: list[Any] = []
    rejected: list[Any] = []
    summary = run_pipeline(
        batches,
        default_pipeline(),
        lambda t: written.extend(t.to_pylist()),
        on_rejected=lambda t: rejected.extend(t.to_pylist()),
    )
    return summary, written, rejected


_AGE = st.sampled_from([14, 200, None])  # 200: the classifier rejects the row


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_AGE, min_size=0, max_size=6), min_size=2, max_size=5),
    st.lists(st.sampled_from(["g.jsonl", "f.jsonl"]), min_size=5, max_size=5),
    st.integers(-6, 0),
    st.sets(st.integers(0, 20), max_size=3),
    st.integers(1, 6),
)
@example([[14], [200, 200], [200]], ["f.jsonl"] * 4, -3, set(), 1)  # rejected 2, 3 then 1
def test_the_rows_written_and_rejected_are_those_of_each_batch_in_turn(
    ages: list[list[Any]], files: list[str], back: int, unread: set[int], small: int
) -> None:
    batches, start, at = [], 1, 0
    for i, part in enumerate(ages):
        rows = list(range(start, start + len(part)))
        start += len(part) + (back if i == len(ages) - 2 else 0)  # the last may not follow
        batch = _batch(rows, files[i], part)
        marked = [("not JSON" if at + k in unread else None) for k in range(len(part))]
        batch = batch.set_column(2, "rejected", pa.array(marked, pa.string()))
        field = [("line" if m else None) for m in marked]
        batches.append(batch.set_column(3, "rejected_field", pa.array(field, pa.string())))
        at += len(part)
    joined = _run(last_joined(batches, small))
    each = _run(batches)
    assert joined == each
