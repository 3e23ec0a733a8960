"""Rows alike: classifying once per combination gives what classifying every row gives."""

from __future__ import annotations

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.errors import DataError, SvdutyError
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
from svduty.io import _alike as alike_module
from svduty.io import _pipeline as pipeline_module
from svduty.io._alike import ALIKE, answered, numbered

from ..conftest import (
    fake_classify_table,
    fake_resolve_lsoas,
    fake_within,
    picky_classify_table,
    resolve_e01999998_by_name,
)

DEFAULT = default_pipeline()
PLAIN = attrs.evolve(default_pipeline(), alike=None)  # its own memo: not DEFAULT's

# what a row can be: (LSOA code, LSOA name, crime type, month)
_KINDS = {
    "inside": ("E01031005", "North Warwickshire 005A", "Robbery", "2025-06"),
    "inside_other": ("E01031005", "North Warwickshire 005A", "Burglary", "2025-05"),
    "by_name": ("E01999990", "Rugby 001A", "Violence and sexual offences", "2025-06"),
    "away": ("E01009450", "Birmingham 012E", "Robbery", "2025-06"),
    "unresolved": ("E01999999", "", "Robbery", "2025-06"),
    "named": ("E01999999", "Rugby 001A", "Robbery", "2025-06"),  # the same code, a name
    "refused": ("E01999998", "Birmingham 012E", "Drugs", "2025-06"),
    "contradicted": ("E01031005", "Birmingham 012E", "Robbery", "2025-06"),  # not the code's
    "no_location": ("", "", "Public order", "2019-01"),
    "name_only": ("", "Warwick 001A", "Robbery", "2025-06"),  # no code: located by its name
    "name_only_away": ("", "Birmingham 012E", "Robbery", "2025-06"),
    "name_unknown": ("", "Nowhere", "Robbery", "2025-06"),  # no code, a name that is not one
    "bad_type": ("E01031005", "", "Nope", "2025-06"),
    "bad_month": ("E01031005", "", "Robbery", "June"),
}


def _batch(kinds: list[str], table: dict[str, tuple[str, str, str, str]] | None = None) -> pa.Table:
    """A normalised batch, a row of each kind (``table``: the kinds; ``_KINDS`` if not given)."""
    cols = {c: [""] * len(kinds) for c in POLICE_UK_COLUMNS}
    for i, kind in enumerate(kinds):
        code, name, crime, month = (_KINDS if table is None else table)[kind]
        cols["LSOA code"][i], cols["LSOA name"][i] = code, name
        cols["Crime type"][i], cols["Month"][i] = crime, month
        cols["Crime ID"][i] = f"id-{i}"  # every row its own id: the id decides nothing
    rows = pa.array(range(2, len(kinds) + 2))
    return normalise_police_uk(pa.table(cols), file="f.csv", rows=rows)


PICKY = Pipeline(
    resolve_areas=resolve_e01999998_by_name,
    classify=picky_classify_table,
    within=fake_within,
    alike=ALIKE,
)


def _alike(pipe, batch):
    """What the grouped route gives ``batch`` (as calling the pipeline gives it)."""
    answers = pipe._grouped(batch, most=1.0)  # grouped however many are distinct
    if answers is None:
        return pipe(batch)
    table = answers.table()
    if isinstance(batch, pa.Table):
        return table
    return pipeline_module.as_batch(table)


def _decoded(table):
    return pa.table(
        {
            name: col.cast(col.type.value_type) if pa.types.is_dictionary(col.type) else col
            for name, col in zip(table.schema.names, table.columns, strict=True)
        }
    )


def _same(a, b) -> None:
    """The same rows, types and values; a record batch's words in the same order too.

    (A table's chunks may be cut elsewhere, each with its own dictionary.)
    """
    assert type(a) is type(b)
    assert a.schema == b.schema
    assert _decoded(a).equals(_decoded(b))
    if isinstance(a, pa.RecordBatch):  # what the command writes: the same files
        for name in a.schema.names:
            if pa.types.is_dictionary(a.schema.field(name).type):
                assert a.column(name).dictionary.equals(b.column(name).dictionary), name


_ROWS = st.lists(st.sampled_from(sorted(_KINDS)), max_size=30)


@given(_ROWS)
def test_classifying_once_per_combination_gives_every_row_its_own_answer(kinds):
    batch = _batch(kinds)
    _same(_alike(DEFAULT, batch), DEFAULT(batch))
    _same(_alike(PICKY, batch), PICKY(batch))


@given(st.lists(_ROWS, min_size=1, max_size=3))
def test_a_table_of_many_chunks_gives_a_table(parts):
    table = pa.Table.from_batches([_batch(kinds) for kinds in parts])
    _same(_alike(DEFAULT, table), DEFAULT(table))
    _same(_alike(PICKY, table), PICKY(table))


def _summaries(pipeline, batches, *, write):
    rows, rejected, bounds = [], [], BoundedCounts()
    summary = run_pipeline(
        batches,
        pipeline,
        rows.append if write else None,
        on_rejected=rejected.append,
        counts=[bounds],
    )
    return summary, bounds.to_json(), rows, rejected


@settings(max_examples=40)
@given(st.lists(_ROWS, max_size=3), st.booleans())
def test_the_summary_of_combinations_is_the_summary_of_the_rows(parts, write):
    most, alike_module.MOST_DISTINCT = alike_module.MOST_DISTINCT, 1.0  # always grouped
    written, alike_module.MOST_DISTINCT_WRITTEN = alike_module.MOST_DISTINCT_WRITTEN, 1.0
    try:
        _same_summaries(parts, write)
    finally:
        alike_module.MOST_DISTINCT = most
        alike_module.MOST_DISTINCT_WRITTEN = written


def _same_summaries(parts, write):
    for pipe in (DEFAULT, PICKY):
        batches = [_batch(kinds) for kinds in parts]
        s1, b1, rows1, bad1 = _summaries(pipe, batches, write=write)
        s2, b2, rows2, bad2 = _summaries(attrs.evolve(pipe, alike=None), batches, write=write)
        assert s1 == s2
        assert b1 == b2
        for x, y in zip([*rows1, *bad1], [*rows2, *bad2], strict=True):
            _same(x, y)


def test_the_real_month_the_same_either_way():
    table = pa.Table.from_batches(list(read_police_uk(sample_police_uk())))
    answers = DEFAULT._grouped(table)
    assert answers is not None
    assert answers.out.num_rows < table.num_rows / 2  # rows alike are many
    _same(answers.table(), DEFAULT(table))
    distinct, weights = answers.distinct()
    assert int(weights.sum()) == table.num_rows
    assert distinct.num_rows == len(weights)


def test_a_long_table_is_classified_a_slice_at_a_time(monkeypatch):
    batch = _batch(["inside", "unresolved", "bad_type", "refused", "away", "inside"] * 5)
    whole = _alike(PICKY, batch)
    monkeypatch.setattr(pipeline_module, "SLICE_ROWS", 7)  # the combinations in slices
    _same(_alike(PICKY, pa.Table.from_batches([batch])), pa.Table.from_batches([whole]))


def test_nothing_to_group():
    assert PLAIN._grouped(_batch(["inside"])) is None  # no alike columns
    assert DEFAULT._grouped(_batch(["bad_type", "bad_month"])) is None  # no usable row
    incidents = pa.table({"id": ["a"], "rejected": pa.nulls(1, pa.string())})
    assert DEFAULT._grouped(incidents) is None  # not police.uk rows
    out = _alike(DEFAULT, _batch(["bad_type"]))
    assert out.num_rows == 1
    assert out.column("rejected")[0].as_py().startswith("Crime type")


def test_a_pipeline_that_loses_or_reorders_combinations_is_caught():
    batch = _batch(["inside", "away", "inside", "away", "inside"])
    with pytest.raises(SvdutyError, match="returned 1 rows for 2 rows"):
        answered(numbered(batch), lambda t: DEFAULT(t).slice(0, 1))
    backwards = pa.concat_tables  # the rejected row first: not the pipeline's order

    def rejected_first(t):
        out = PLAIN(t)
        bad = out.slice(0, 1).set_column(
            out.schema.get_field_index("rejected"), "rejected", pa.array(["x"], pa.string())
        )
        return backwards([bad, out.slice(1)])

    with pytest.raises(SvdutyError, match="usable rows first"):
        answered(numbered(batch), rejected_first)


def test_bounded_counts_weigh_each_row():
    rows = pa.table(
        {
            "within_area": ["inside", "inside", "outside"],
            "month": ["2025-06"] * 3,
            "in_scope": ["yes", "undetermined", "no"],
            "basis": ["category"] * 3,
            "rejected": pa.array([None, None, None], pa.string()),
        }
    )
    weights = np.array([3, 0, 2])
    weighted, repeated = BoundedCounts(), BoundedCounts()
    weighted.add(rows, weights=weights)
    repeated.add(rows.take(np.repeat(np.arange(3), weights)))
    assert weighted.to_json() == repeated.to_json()
    with pytest.raises(DataError, match="one weight for each of the 3 rows"):
        BoundedCounts().add(rows, weights=np.array([1]))


def test_a_batch_of_mostly_distinct_rows_is_classified_row_by_row():
    """Grouping pays only when rows repeat (MOST_DISTINCT); the summary is the same."""
    from svduty.io._alike import MOST_DISTINCT

    repeated = _batch(["inside", "away"] * 4)  # 2 of 8 distinct
    distinct = _batch(["inside", "away", "by_name", "no_location", "named"])
    assert MOST_DISTINCT < 1
    assert DEFAULT._grouped(repeated) is not None
    assert DEFAULT._grouped(distinct) is None
    assert DEFAULT._grouped(distinct, most=1.0) is not None
    for batch in (repeated, distinct):
        s1, b1, _, _ = _summaries(DEFAULT, [batch], write=False)
        s2, b2, _, _ = _summaries(PLAIN, [batch], write=False)
        assert (s1, b1) == (s2, b2)


# Found by the review of rows alike (issue 15): inputs the grouped route must give what
# every row gives.


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


_COUNTED = pa.table(
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
    weighted.add(_COUNTED, weights=weights)
    repeated.add(_COUNTED.take(np.repeat(np.arange(3), weights)))
    assert weighted.to_json() == repeated.to_json()
    assert weighted.why_nothing_certain("outside") is None
    nothing = BoundedCounts()
    nothing.add(_COUNTED, weights=np.zeros(3, dtype=np.int64))
    assert nothing.to_json() == BoundedCounts().to_json()


def test_a_row_of_weight_zero_with_a_bad_answer_is_not_read():
    rows = _COUNTED.set_column(2, "in_scope", pa.array(["yes", "maybe", "no"]))
    weighted = BoundedCounts()
    weighted.add(rows, weights=[1, 0, 1])
    repeated = BoundedCounts()
    repeated.add(rows.take([0, 2]))
    assert weighted.to_json() == repeated.to_json()


@pytest.mark.parametrize("weights", [[1.5, 1, 1], [-1, 1, 1], [1, np.nan, 1]])
def test_a_weight_that_is_not_a_number_of_rows_is_refused(weights):
    # 1.5 was counted as 1, and -1 made negative counts
    with pytest.raises(DataError, match="weights"):
        BoundedCounts().add(_COUNTED, weights=np.array(weights))


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


@pytest.fixture(params=[False, True], ids=["as-is", "always-grouped"])
def grouped_for_writers(request, monkeypatch):
    if request.param:  # the batch grouped for the writer too: the pipeline's rows all the same
        monkeypatch.setattr(alike_module, "MOST_DISTINCT_WRITTEN", 1.0)


@pytest.mark.usefixtures("grouped_for_writers")
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


@pytest.mark.usefixtures("grouped_for_writers")
def test_a_batch_whose_rows_are_all_rejected_by_the_pipeline_gives_the_writer_the_same():
    batch = _one_unresolved().slice(1, 1)  # the unknown LSOA alone
    alike, plain = _routes()
    (new,) = _written(alike, [batch])
    (old,) = _written(plain, [batch])
    assert new.num_rows == old.num_rows == 0
    assert new.schema == old.schema
    assert [c.num_chunks for c in new.columns] == [c.num_chunks for c in old.columns]


def test_a_batch_of_few_distinct_rows_is_grouped_for_the_writer_too():
    """Rows that repeat (few combinations) are classified once each, also when written."""
    month = pa.Table.from_batches(list(read_police_uk(sample_police_uk())))
    table = month.take(pa.array(np.tile(np.arange(40), 25)))  # 1,000 rows, 40 at most distinct
    seen: list[int] = []

    def split(t):  # the classifier sees each combination once
        seen.append(t.num_rows)
        return DEFAULT.split(t)

    counted = attrs.evolve(DEFAULT, split=split)
    rows: list[pa.Table] = []
    s1 = run_pipeline(table.to_batches(), counted, rows.append)
    assert sum(seen) <= 40 < alike_module.MOST_DISTINCT_WRITTEN * table.num_rows
    plain: list[pa.Table] = []
    s2 = run_pipeline(table.to_batches(), PLAIN, plain.append)
    assert s1 == s2
    assert pa.concat_tables(rows).equals(pa.concat_tables(plain))
    assert sum(t.num_rows for t in rows) == table.num_rows
