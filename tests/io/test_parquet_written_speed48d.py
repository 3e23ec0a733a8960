"""What ``svduty classify --output X.parquet`` writes (issue 15, ``speed48d``).

Min/max statistics only on the columns a reader filters row groups by (``file``, ``row``,
``month``, ``longitude``, ``latitude``); dictionary pages on every column but ``row`` and
``id``; police.uk's text columns that readers get as dictionaries written as the reader gave
them, the schema readers get stored in the footer (``ARROW:schema``): what a reader gets
back is what it got before (types, values, nulls, column order).
"""

from __future__ import annotations

import base64

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import OUTPUT_SCHEMA, sample_police_uk, write_table
from svduty.io._writers import TableWriter

WORDS = pa.dictionary(pa.int32(), pa.string())
RANGED = {"file", "row", "month", "longitude", "latitude"}


def _classified(tmp_path):
    out = tmp_path / "rows.parquet"
    assert main(["classify", str(sample_police_uk()), "--output", str(out)]) == 0
    return out


def _chunks(path):
    meta = pq.ParquetFile(path).metadata
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        for i in range(group.num_columns):
            yield group.column(i)


def test_statistics_only_on_the_columns_readers_filter_by_range(tmp_path, capsys):
    out = _classified(tmp_path)
    capsys.readouterr()
    chunks = list(_chunks(out))
    with_stats = {c.path_in_schema for c in chunks if c.is_stats_set and c.statistics.has_min_max}
    assert with_stats == RANGED
    columns = {c.path_in_schema for c in chunks}
    assert len(columns) == len(OUTPUT_SCHEMA)  # a leaf a column: kinds, reasons included
    assert {c.path_in_schema for c in chunks if "RLE_DICTIONARY" not in c.encodings} == {
        "row",
        "id",
    }


def test_the_schema_readers_get_is_the_output_schema_stored(tmp_path, capsys):
    out = _classified(tmp_path)
    capsys.readouterr()
    got = pq.read_table(out)
    assert got.schema.names == OUTPUT_SCHEMA.names
    words = {f.name for f in got.schema if pa.types.is_dictionary(f.type)}
    expected = {f.name for f in OUTPUT_SCHEMA if pa.types.is_dictionary(f.type)}
    assert words == expected
    assert {"reported_by", "falls_within", "last_outcome_category"} <= words
    assert got.schema.field("location").type == pa.string()
    assert got.schema.field("reasons").type.value_type == pa.string()
    stored = pq.ParquetFile(out).metadata.metadata[b"ARROW:schema"]
    schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(stored)))
    assert [f.type for f in schema] == [f.type for f in OUTPUT_SCHEMA]
    assert schema.metadata[b"svduty.partnership"] == b"warwickshire"


def test_police_uk_text_is_written_as_given_and_read_as_words(tmp_path, capsys):
    # the writer's own dictionary pages, not a dictionary made beforehand: the schema
    # written holds the text the reader gave for each words column it gives as text
    from svduty.io._parquet_sink import ParquetSink

    rows = tmp_path / "rows.parquet"
    captured = []
    original = ParquetSink.__init__

    def spy(self, sink, schema, first, **kw):
        original(self, sink, schema, first, **kw)
        captured.append(self.written)

    ParquetSink.__init__ = spy  # type: ignore[method-assign]
    try:
        assert main(["classify", str(sample_police_uk()), "--output", str(rows)]) == 0
    finally:
        ParquetSink.__init__ = original  # type: ignore[method-assign]
    capsys.readouterr()
    (written,) = captured
    text = {f.name for f in OUTPUT_SCHEMA if pa.types.is_dictionary(f.type)}
    text -= {f.name for f in written if pa.types.is_dictionary(f.type)}
    # (reported_by and falls_within hold one word in every row: numbered without a hash,
    # speed50b, tests/io/test_parquet_written_speed50b.py)
    assert text == {"last_outcome_category"}
    back = pq.read_table(rows)
    assert back.column("reported_by").type == WORDS
    assert set(back.column("reported_by").to_pylist()) == {"Warwickshire Police"}


def test_read_back_the_same_as_pyarrow_writing_the_schema_itself(tmp_path):
    """Against a file pyarrow writes of the same rows in the schema readers get."""
    from svduty.io._conformed import conform

    schema = pa.schema(
        [("w", WORDS), ("t", pa.string()), ("n", pa.float64()), ("l", pa.list_(pa.string()))],
        metadata={"k": "v"},
    )
    parts = [
        pa.table({"t": ["a", None], "w": ["x", None], "n": [1.5, None], "l": [["p"], None]}),
        pa.table({"w": pa.array(["y", "x"]).dictionary_encode(), "n": [None, 2.0]}),
    ]
    ours, theirs = tmp_path / "ours.parquet", tmp_path / "theirs.parquet"
    assert write_table(parts, ours, schema=schema) == 4
    pq.write_table(pa.concat_tables([conform(p, schema) for p in parts]), theirs)
    a, b = pq.read_table(ours), pq.read_table(theirs)
    assert a.schema.equals(b.schema, check_metadata=True)
    assert a.to_pylist() == b.to_pylist()
    assert a.column("w").type == WORDS


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "é", ""])), max_size=5),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_words_given_as_text_or_words_read_back_alike(tmp_path_factory, parts, encoded):
    from svduty.io._parquet_sink import written_schema

    schema = pa.schema([("w", WORDS)])
    texts = [pa.array(p, pa.string()) for p in parts]
    tables = [
        pa.table({"w": t.dictionary_encode() if e else t})
        for t, e in zip(texts, encoded, strict=False)
    ]
    f = tmp_path_factory.mktemp("w") / "o.parquet"
    w = TableWriter(f, schema=schema, background=False)
    for t in tables:
        w.write(t)
    assert w.commit() == sum(map(len, parts))
    back = pq.read_table(f)
    assert back.schema.field("w").type == WORDS
    assert back.column("w").to_pylist() == [v for p in parts for v in p]
    first = tables[0]
    one = not parts[0] or None in parts[0] or len(set(parts[0])) > 1  # not one word (speed50b)
    expected = first.schema.field("w").type if one else WORDS
    assert written_schema(schema, first).field("w").type == expected


def _repeated_month(tmp_path, rows=400):
    """A police.uk month of rows alike (one combination: its rows built from one answer)."""
    from svduty.io import POLICE_UK_COLUMNS

    good = (
        "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
        "E01031005,North Warwickshire 005A,Violence and sexual offences,Under investigation,"
    )
    f = tmp_path / "m.csv"
    f.write_text("\n".join([",".join(POLICE_UK_COLUMNS), *[good] * rows]) + "\n")
    return f


def test_grouped_rows_hand_location_and_reasons_to_the_writer_as_words(tmp_path, capsys):
    from svduty.io._parquet_sink import REPEATED_TEXT, ParquetSink

    assert TableWriter(tmp_path / "o.parquet").words == REPEATED_TEXT
    assert {"location", "kinds", "reasons", "lsoa_code", "lsoa_name"} == REPEATED_TEXT  # speed61a
    assert not TableWriter(tmp_path / "o.csv").words
    assert not TableWriter(tmp_path / "o.jsonl").words
    captured = []
    original = ParquetSink.__init__

    def spy(self, sink, schema, first, **kw):
        original(self, sink, schema, first, **kw)
        captured.append(self.written)

    rows = tmp_path / "rows.parquet"
    ParquetSink.__init__ = spy  # type: ignore[method-assign]
    try:
        assert main(["classify", str(_repeated_month(tmp_path)), "--output", str(rows)]) == 0
    finally:
        ParquetSink.__init__ = original  # type: ignore[method-assign]
    capsys.readouterr()
    (written,) = captured
    assert written.field("location").type == WORDS
    assert written.field("reasons").type.value_type == WORDS
    assert written.field("kinds").type.value_type == WORDS  # speed61a
    back = pq.read_table(rows)
    assert back.schema.field("location").type == pa.string()
    assert back.schema.field("reasons").type.value_type == pa.string()
    assert back.schema.field("kinds").type == pa.list_(pa.string())  # read back as text
    from svduty.io import default_pipeline, read_police_uk

    alone = default_pipeline()(next(read_police_uk(_repeated_month(tmp_path))))
    assert back.column("kinds").to_pylist() == alone.column("kinds").to_pylist()
    assert set(back.column("location").to_pylist()) == {"E07000218"}
    reasons = back.column("reasons").to_pylist()
    assert len(reasons) == 400
    assert reasons[0]
    assert all(r == reasons[0] for r in reasons)
    csv_out = tmp_path / "rows.csv"
    assert main(["classify", str(_repeated_month(tmp_path)), "--output", str(csv_out)]) == 0
    capsys.readouterr()
    assert csv_out.read_text().count("E07000218") >= 400


def test_usable_rows_as_words_are_the_same_text():
    from svduty.io import default_pipeline, read_police_uk, sample_police_uk

    batch = next(read_police_uk(sample_police_uk()))
    grouped = default_pipeline()._grouped(batch, most=1.0)
    plain, words = grouped.usable_rows(), grouped.usable_rows(["location", "reasons", "nope"])
    assert words.schema.names == plain.schema.names
    changed = {f.name for f in words.schema if f.type != plain.schema.field(f.name).type}
    assert changed == {"location", "reasons"}
    for name in changed:
        assert words.column(name).cast(plain.schema.field(name).type).equals(plain.column(name))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.one_of(st.none(), st.sampled_from(["E07000218", "E01031005", ""]))),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_text_given_as_words_or_text_reads_back_as_text(tmp_path_factory, parts):
    """Location and reasons-like columns: each batch as text or as words, in any order."""
    from svduty.io._conformed import conform

    schema = pa.schema([("location", pa.string()), ("reasons", pa.list_(pa.string()))])
    tables = []
    for values, as_words in parts:
        text = pa.array(values, pa.string())
        lists = pa.array([None if v is None else [v, "R1"] for v in values], schema[1].type)
        if as_words:
            text, lists = text.cast(WORDS), lists.cast(pa.list_(WORDS))
        tables.append(pa.table({"location": text, "reasons": lists}))
    f = tmp_path_factory.mktemp("w") / "o.parquet"
    theirs = f.with_name("theirs.parquet")
    w = TableWriter(f, schema=schema, background=False)
    for t in tables:
        w.write(t)
    assert w.commit() == sum(len(v) for v, _ in parts)
    pq.write_table(pa.concat_tables([conform(t, schema) for t in tables]), theirs)
    ours, ref = pq.read_table(f), pq.read_table(theirs)
    assert ours.schema.equals(ref.schema)
    assert ours.to_pylist() == ref.to_pylist()
