"""What ``svduty classify --output X.parquet`` writes, continued (issue 15, ``speed49d``).

``id`` (police.uk's Crime IDs: 64 hex digits of a hash, in which LZ4 finds nothing to
shorten) is written uncompressed, every other column with Snappy (LZ4 until the
fifty-first session: pyarrow writes it as LZ4_RAW, which older readers cannot read), all in the
encodings every reader reads (plain, dictionary, RLE: no delta encodings). What a reader
gets back is unchanged: the values, types, nulls and column order.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import OUTPUT_SCHEMA, sample_police_uk, write_table


def _chunks(path):
    meta = pq.ParquetFile(path).metadata
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        for i in range(group.num_columns):
            yield group.column(i)


def test_ids_uncompressed_the_rest_snappy_in_encodings_every_reader_reads(tmp_path, capsys):
    out = tmp_path / "rows.parquet"
    assert main(["classify", str(sample_police_uk()), "--output", str(out)]) == 0
    capsys.readouterr()
    chunks = list(_chunks(out))
    assert len({c.path_in_schema for c in chunks}) == len(OUTPUT_SCHEMA)
    plain = {c.path_in_schema for c in chunks if c.compression == "UNCOMPRESSED"}
    assert plain == {"id"}
    assert {c.compression for c in chunks if c.path_in_schema != "id"} == {"SNAPPY"}
    assert {e for c in chunks for e in c.encodings} <= {"PLAIN", "RLE", "RLE_DICTIONARY"}
    got = pq.read_table(out)
    assert got.schema.field("row").type == pa.int64()
    assert got.column("row").to_pylist() == list(range(2, got.num_rows + 2))


_INT64 = st.integers(-(2**63), 2**63 - 1)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.one_of(st.none(), _INT64), max_size=40), min_size=1, max_size=4),
    st.lists(st.one_of(st.none(), st.text(max_size=70)), max_size=40),
)
def test_row_numbers_and_ids_read_back_as_written(tmp_path_factory, parts, ids):
    """Any whole numbers (jumps, the extremes, nulls) in a ``row`` column and any text in an
    ``id`` column read back as written, batch after batch."""
    schema = pa.schema([("row", pa.int64()), ("id", pa.string())])
    tables = []
    for k, rows in enumerate(parts):
        texts = [ids[(i + k) % len(ids)] if ids else None for i in range(len(rows))]
        tables.append(pa.table({"row": pa.array(rows, pa.int64()), "id": texts}, schema=schema))
    f = tmp_path_factory.mktemp("rows") / "o.parquet"
    assert write_table(tables, f, schema=schema) == sum(len(p) for p in parts)
    assert pq.read_table(f).equals(pa.concat_tables(tables))
