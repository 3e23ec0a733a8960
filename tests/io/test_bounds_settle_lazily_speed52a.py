"""speed52a: the undetermined rows by settle keys are summed when asked, not every batch.

``BoundedCounts.add`` summed each batch's undetermined rows by police.uk category, month,
location and ``within_area`` as the batch came (a filter and a grouping of the batch's
finest counts: about 0.5 ms of the loop's thread a batch of real months), though only
``settlements`` (``svduty report``) reads them, and ``svduty classify`` never does. They
are now summed from the finest counts when asked, which hold every settle key: the same
rows in the same order. Counted, never timed; the sums must be those of the batch-by-batch
way (kept here as the reference).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _compute as pc
from svduty.io import BoundedCounts
from svduty.io import _bounds as bounds_module

GROUPINGS = {"month": ("month",), "district": ("district_code", "district_name")}
SETTLE = ("within_area", "police_uk_category", "month", "location")
CODES = ("E07000222", "E07000218", "E08000026", None)
CATEGORIES = ("Drugs", "Public order", "Robbery")


def _batch(rows: list[tuple[int, int, int, int, int]]) -> pa.Table:
    """Rows of (district, month, category, answer, location given?) numbers."""
    districts = [CODES[d] for d, *_ in rows]
    where = [
        "no_location" if d is None else "outside" if d == CODES[2] else "inside" for d in districts
    ]
    columns = {
        "within_area": where,
        "month": [f"2024-0{1 + m}" for _, m, *_ in rows],
        "district_code": districts,
        "district_name": [d and d[-3:] for d in districts],
        "police_uk_category": [CATEGORIES[c] for _, _, c, *_ in rows],
        "location": [d if g else None for d, (*_, g) in zip(districts, rows, strict=True)],
        "in_scope": [("yes", "undetermined", "no")[a] for *_, a, _ in rows],
    }
    return pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})


def _settled_each_batch(batches: list[pa.Table], compact_at: int) -> list[dict[str, Any]]:
    """The undetermined rows by settle keys, summed batch by batch (the way before)."""
    parts: list[pa.Table] = []
    for batch in batches:
        alone = BoundedCounts(groupings=GROUPINGS)
        alone.add(batch)
        (fine,) = alone._fine  # this batch's finest counts
        und = pc.filter(fine, pc.greater(fine.column("undetermined"), pa.scalar(0)))
        part = bounds_module._summed(und, SETTLE, ["undetermined"])
        parts.append(part.rename_columns([*SETTLE, "rows"]))
        if len(parts) >= compact_at:
            parts = [bounds_module._summed(pa.concat_tables(parts), SETTLE, ["rows"])]
    return bounds_module._summed(pa.concat_tables(parts), SETTLE, ["rows"]).to_pylist()


def test_adding_a_batch_groups_its_rows_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = bounds_module._arrays.groups

    def counted(columns: Any, rows: int, *args: Any) -> Any:
        calls.append(len(columns))
        return real(columns, rows, *args)

    monkeypatch.setattr(bounds_module._arrays, "groups", counted)
    b = BoundedCounts(groupings=GROUPINGS)
    for seed in range(4):
        b.add(_batch([(seed % 3, i % 2, i % 3, (i + seed) % 3, 1) for i in range(9)]))
    # one grouping a batch (its finest counts); none by the settle keys
    assert calls == [6, 6, 6, 6]  # within_area, month, district code and name, category, location
    calls.clear()
    assert b._undetermined().num_rows
    assert calls == [len(SETTLE)]


def test_no_batch_no_undetermined_rows() -> None:
    empty = BoundedCounts(groupings=GROUPINGS)._undetermined()
    assert empty.num_rows == 0
    assert empty.schema == pa.schema([*((k, pa.string()) for k in SETTLE), ("rows", pa.int64())])
    none = BoundedCounts(groupings=GROUPINGS)
    none.add(_batch([(0, 0, 0, 0, 1), (1, 1, 1, 2, 1)]))  # yes and no: nothing undetermined
    assert none._undetermined().to_pylist() == []
    assert none._undetermined().schema == empty.schema


ROW = st.tuples(
    st.integers(0, 3), st.integers(0, 2), st.integers(0, 2), st.integers(0, 2), st.integers(0, 1)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(ROW, min_size=0, max_size=12), min_size=1, max_size=7), st.integers(2, 4))
def test_settle_rows_are_those_summed_batch_by_batch(
    rows: list[list[tuple[int, int, int, int, int]]], compact_at: int
) -> None:
    batches = [_batch(r) for r in rows]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bounds_module, "_COMPACT_AT", compact_at)  # finest counts compacted too
        b = BoundedCounts(groupings=GROUPINGS)
        for batch in batches:
            b.add(batch)
        assert b._undetermined().to_pylist() == _settled_each_batch(batches, compact_at)
