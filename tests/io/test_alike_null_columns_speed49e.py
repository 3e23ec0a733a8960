"""speed49e: a column all null is made for the distinct rows, not taken row by row.

A summary's reader leaves the police.uk columns it does not count null (its street,
context, outcome, ...). :func:`svduty.io._alike.answered` (and :func:`~svduty.io._alike.merged`)
took every column of each batch's distinct rows, those too: a take per column and batch.
Now a column all null is made null at the distinct rows' length (the same values and
type). Counted, never timed; the answers must stay those of the columns taken.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest

from svduty import _compute
from svduty.io import _alike, default_pipeline, read_police_uk, sample_police_uk

_UNREAD = ("street", "context_note", "last_outcome_category", "reported_by")


def _batches() -> list[pa.Table]:
    out = []
    for batch in read_police_uk(sample_police_uk(), block_size=1 << 18):
        table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
        for name in _UNREAD:
            at = table.schema.get_field_index(name)
            field = table.schema.field(at)
            table = table.set_column(at, field, pa.nulls(table.num_rows, field.type))
        out.append(table)
    return out


def _buffers(values: Any) -> tuple[int, ...]:
    """Where an array's (or a column's) buffers are: the same array, wherever it is passed."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    return tuple(b.address for c in chunks for b in c.buffers() if b is not None)


def _answers(found: list[Any]) -> pa.Table:
    return _alike.answered(_alike.merged(found), default_pipeline()).out


def test_no_column_all_null_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [_alike.numbered(b) for b in _batches()]
    assert len(found) > 1
    assert all(f is not None for f in found)
    unread = {_buffers(f.rows.column(n)) for f in found for n in _UNREAD}  # type: ignore[union-attr]
    taken: list[str] = []
    real = _compute.take

    def take(values: Any, *args: Any, **kwargs: Any) -> Any:
        columns = values.columns if isinstance(values, pa.Table) else [values]
        taken.extend(str(c.type) for c in columns if _buffers(c) in unread)
        return real(values, *args, **kwargs)

    monkeypatch.setattr(_compute, "take", take)
    _answers(found[:1])  # one batch answered alone
    _answers(found)  # several merged
    assert taken == [], taken


def test_the_answers_are_those_of_every_column_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [_alike.numbered(b) for b in _batches()]
    made = [_answers(found[:1]), _answers(found)]
    monkeypatch.setattr(
        _alike, "_taken", lambda rows, at: _compute.take(rows, pa.array(at, pa.int64()))
    )
    assert [_answers(found[:1]), _answers(found)] == made
    for table in made:
        for name in _UNREAD:
            assert table.column(name).null_count == table.num_rows
