"""Review of rows alike (issue 15): inputs the grouped route must give what every row gives."""

from __future__ import annotations

import attrs
import pyarrow as pa
import pytest

from svduty.io import default_pipeline, read_police_uk, sample_police_uk

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
