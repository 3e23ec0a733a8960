"""Review of rows alike (issue 15): inputs the grouped route must give what every row gives."""

from __future__ import annotations

import attrs
import numpy as np
import pyarrow as pa
import pytest

from svduty.errors import DataError
from svduty.io import BoundedCounts, default_pipeline, read_police_uk, sample_police_uk

from .test_alike import _decoded


def _routes() -> tuple[object, object]:
    """Two pipelines of their own (no memo or remembered answers shared): alike and not."""
    return default_pipeline(), attrs.evolve(default_pipeline(), alike=None)


def _sample(n: int = 60) -> pa.Table:
    return pa.Table.from_batches(list(read_police_uk(sample_police_uk()))).slice(0, n)


def _without_row(t: pa.Table) -> pa.Table:
    return t.drop_columns(["row"])


def _row_int32(t: pa.Table) -> pa.Table:
    i = t.schema.get_field_index("row")
    return t.set_column(i, "row", t.column("row").cast(pa.int32()))


def _row_null(t: pa.Table) -> pa.Table:
    i = t.schema.get_field_index("row")
    return t.set_column(i, "row", pa.nulls(t.num_rows))


@pytest.mark.parametrize("change", [_without_row, _row_int32, _row_null])
@pytest.mark.parametrize("as_batch", [False, True])
def test_a_row_column_of_another_type_or_none_is_classified_as_before(change, as_batch):
    # the grouped route numbered its combinations in the ``row`` column: a table without
    # one, or with one that is not int64, failed ("Field type did not match data type")
    table = change(_sample())
    batch = table.combine_chunks().to_batches()[0] if as_batch else table
    alike, plain = _routes()
    assert _decoded(pa.table(alike(batch))).equals(_decoded(pa.table(plain(batch))))


_ROWS = pa.table(
    {
        "within_area": ["inside", "outside", "inside"],
        "month": ["2025-06", "2025-07", "2025-08"],
        "in_scope": ["yes", "no", "undetermined"],
        "basis": ["category", "offence", "category"],
        "rejected": pa.array([None, None, None], pa.string()),
    }
)


def test_a_row_of_weight_zero_is_not_counted():
    # a row standing for no rows made a group of zero rows: a line "outside 2025-07: 0
    # rows" in every table, and "nothing is certain outside the area: all 0 rows are
    # answered no"
    weights = np.array([2, 0, 1])
    weighted, repeated = BoundedCounts(), BoundedCounts()
    weighted.add(_ROWS, weights=weights)
    repeated.add(_ROWS.take(np.repeat(np.arange(3), weights)))
    assert weighted.to_json() == repeated.to_json()
    assert weighted.why_nothing_certain("outside") is None
    nothing = BoundedCounts()
    nothing.add(_ROWS, weights=np.zeros(3, dtype=np.int64))
    assert nothing.to_json() == BoundedCounts().to_json()


def test_a_row_of_weight_zero_with_a_bad_answer_is_not_read():
    rows = _ROWS.set_column(2, "in_scope", pa.array(["yes", "maybe", "no"]))
    weighted = BoundedCounts()
    weighted.add(rows, weights=[1, 0, 1])
    repeated = BoundedCounts()
    repeated.add(rows.take([0, 2]))
    assert weighted.to_json() == repeated.to_json()


@pytest.mark.parametrize("weights", [[1.5, 1, 1], [-1, 1, 1], [1, np.nan, 1]])
def test_a_weight_that_is_not_a_number_of_rows_is_refused(weights):
    # 1.5 was counted as 1, and -1 made negative counts
    with pytest.raises(DataError, match="weights"):
        BoundedCounts().add(_ROWS, weights=np.array(weights))
