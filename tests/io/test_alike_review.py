"""Review of rows alike (issue 15): inputs the grouped route must give what every row gives."""

from __future__ import annotations

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from svduty.errors import DataError
from svduty.io import (
    POLICE_UK_COLUMNS,
    BoundedCounts,
    Pipeline,
    default_pipeline,
    normalise_police_uk,
    read_police_uk,
    run_pipeline,
    sample_police_uk,
)
from svduty.io._alike import ALIKE

from ..conftest import fake_classify_table, fake_resolve_lsoas, fake_within
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


def _by_month(table: pa.Table) -> pa.Table:
    """A classifier that reads the month: rows before 2023 are out of scope."""
    out = fake_classify_table(table)
    old = pc.less(table.column("date"), pa.scalar("2023-01"))
    i = out.schema.get_field_index("in_scope")
    return out.set_column(i, "in_scope", pc.if_else(old, pa.scalar("no"), out.column(i)))


def test_the_month_decides_too():
    # rows alike but for their month get the month's answer (ALIKE without the month
    # passed every other test: the default definition answers the same in every month)
    cols = {c: [""] * 4 for c in POLICE_UK_COLUMNS}
    cols["Month"] = ["2025-06", "2019-01", "2025-06", "2019-01"]
    cols["LSOA code"] = ["E01031005"] * 4
    cols["LSOA name"] = ["North Warwickshire 005A"] * 4
    cols["Crime type"] = ["Robbery"] * 4
    batch = normalise_police_uk(pa.table(cols), file="f.csv", rows=pa.array([2, 3, 4, 5]))
    pipe = Pipeline(
        resolve_areas=fake_resolve_lsoas, classify=_by_month, within=fake_within, alike=ALIKE
    )
    out = pipe(batch)
    assert out.column("in_scope").to_pylist() == ["undetermined", "no", "undetermined", "no"]
    assert _decoded(out).equals(_decoded(attrs.evolve(pipe, alike=None)(batch)))


def _one_unresolved() -> pa.RecordBatch:
    cols = {c: [""] * 3 for c in POLICE_UK_COLUMNS}
    cols["Month"] = ["2025-06"] * 3
    cols["LSOA code"] = ["E01031005", "E01999999", "E01031005"]  # the second is unknown
    cols["LSOA name"] = ["North Warwickshire 005A", "", "North Warwickshire 005A"]
    cols["Crime type"] = ["Robbery"] * 3
    return normalise_police_uk(pa.table(cols), file="f.csv", rows=pa.array([2, 3, 4]))


def _written(pipeline, batches):
    rows: list[pa.Table] = []
    run_pipeline(batches, pipeline, rows.append)
    return rows


def test_the_writer_gets_the_words_it_got_before():
    # a record batch's usable rows carried the words of its rejected rows in their
    # dictionaries (``match``: "unresolved"), and so did the Parquet file; the grouped
    # route gave only the usable rows' words: another file (and other pandas categories)
    batch = _one_unresolved()
    assert batch.column("rejected").null_count == 3  # rejected by the pipeline, not the reader
    alike, plain = _routes()
    (new,) = _written(alike, [batch])
    (old,) = _written(plain, [batch])
    assert old.column("match").chunk(0).dictionary.to_pylist() == ["table", "unresolved"]
    assert new.schema == old.schema
    for a, b in zip(new.columns, old.columns, strict=True):
        assert a.num_chunks == b.num_chunks
        for x, y in zip(a.chunks, b.chunks, strict=True):
            assert x.equals(y)
            if pa.types.is_dictionary(x.type):
                assert x.dictionary.equals(y.dictionary)


def test_a_batch_whose_rows_are_all_rejected_by_the_pipeline_gives_the_writer_the_same():
    batch = _one_unresolved().slice(1, 1)  # the unknown LSOA alone
    alike, plain = _routes()
    (new,) = _written(alike, [batch])
    (old,) = _written(plain, [batch])
    assert new.num_rows == old.num_rows == 0
    assert new.schema == old.schema
    assert [c.num_chunks for c in new.columns] == [c.num_chunks for c in old.columns]
