"""A writer's rows built by ``Grouped.usable_parts`` (speed52b, issue 15).

``svduty classify --output`` built each batch's rows with ``svduty.io._alike``'s private
helpers in ``svduty.io._run``, repeating part of ``Grouped.usable_rows``, and gave the
LSOA code and name as their combination's words whatever columns the pipeline had numbered
its rows by (``_alike.ALIKE``, not the pipeline's ``alike``): a pipeline numbering rows
without ``lsoa_name`` wrote another row's name in a row of its combination. The rows are
now built by ``Grouped.usable_parts``, which takes as the combination's only the columns the
rows were numbered by; ``usable_rows`` is its one-part case.
"""

from __future__ import annotations

import functools
import itertools

import attrs
import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import default_pipeline, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._alike import answered, merged, numbered
from svduty.io._parquet_sink import REPEATED_TEXT


def _tiled(times: int, *, unknown_every: int = 0) -> pa.Table:
    """The sample month ``times`` over (its rows repeated: grouped when written), renumbered."""
    batch = next(read_police_uk(sample_police_uk()))
    table = pa.concat_tables([pa.Table.from_batches([batch])] * times)
    at = table.schema.get_field_index("row")
    table = table.set_column(at, "row", pa.array(np.arange(table.num_rows, dtype=np.int64)))
    if unknown_every:  # an LSOA no geography knows: rejected combinations among usable ones
        for name, unknown in (("lsoa_code", "E01999999"), ("lsoa_name", None)):
            values = table.column(name).to_pylist()
            values = [v if i % unknown_every else unknown for i, v in enumerate(values)]
            at = table.schema.get_field_index(name)
            table = table.set_column(at, table.schema.field(at), pa.array(values, pa.string()))
    return table


def test_a_pipeline_numbering_by_fewer_columns_writes_each_rows_own_lsoa_name():
    """Fails before: 16,820 of 45,860 rows written with another row's LSOA name."""
    pipeline = attrs.evolve(default_pipeline(), alike=("lsoa_code", "month", "police_uk_category"))
    table = _tiled(10)
    names = table.column("lsoa_name").to_pylist()
    names = [n.upper() if n and i % 2 else n for i, n in enumerate(names)]  # two per code
    at = table.schema.get_field_index("lsoa_name")
    table = table.set_column(at, table.schema.field(at), pa.array(names, pa.string()))
    written: list[pa.Table] = []

    def sink(rows: pa.Table) -> None:
        written.append(rows)

    sink.words = REPEATED_TEXT  # type: ignore[attr-defined]  # as the Parquet writer's
    summary = run_pipeline(iter([table]), pipeline, sink)
    rows = pa.concat_tables(written)
    assert summary.rows_out == rows.num_rows == table.num_rows
    own = dict(zip(table.column("row").to_pylist(), names, strict=True))
    got = zip(rows.column("row").to_pylist(), rows.column("lsoa_name").to_pylist(), strict=True)
    assert [r for r, name in got if own[r] != name] == []


@functools.cache
def _grouped(unknown_every: int):
    one = numbered(_tiled(2, unknown_every=unknown_every))
    return answered(merged([one, one]), default_pipeline())


@settings(max_examples=30, deadline=None)
@given(
    unknown_every=st.sampled_from([0, 37]),
    cuts=st.lists(st.integers(0, 2 * 2 * 4586), max_size=4),
    words=st.sampled_from([(), ("reasons",), tuple(sorted(REPEATED_TEXT))]),
)
def test_the_parts_are_the_usable_rows_cut_where_asked(unknown_every, cuts, words):
    grouped = _grouped(unknown_every)
    assert (grouped.usable < grouped.out.num_rows) == bool(unknown_every)
    whole = grouped.usable_rows(words)
    edges = [0, *sorted(cuts), grouped.rows.num_rows]
    sizes = [b - a for a, b in itertools.pairwise(edges)]
    parts = list(grouped.usable_parts(words, sizes=sizes))
    assert len(parts) == len(sizes)
    assert all(p.schema == whole.schema for p in parts)
    assert pa.concat_tables(parts).equals(whole)
    # by default each batch answered together is a part of its own
    halves = list(grouped.usable_parts(words))
    assert [len(h) for h in halves] == [whole.num_rows // 2] * 2
    assert pa.concat_tables(halves).equals(whole)
