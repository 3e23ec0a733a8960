"""Text of one word in every row written from numbers made without a hash (issue 15, speed50b).

A police.uk file's ``file``, ``reported_by`` and ``falls_within`` hold one word in every
row: the Parquet writer, given the text, hashed every row's to build a dictionary of one
word. They are now handed to it as a dictionary whose numbers are all 0. What a reader gets
back is what it got before: the same values, types (the stored schema) and dictionary pages.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._writers import TableWriter

WORDS = pa.dictionary(pa.int32(), pa.string())


def test_a_police_uk_files_name_and_force_are_written_from_numbers(tmp_path, capsys):
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
    for name in ("file", "reported_by", "falls_within"):
        assert written.field(name).type == WORDS, name
    assert written.field("id").type == pa.string()  # no dictionary: never numbered
    back = pq.read_table(rows)
    assert back.schema.field("file").type == pa.string()  # the type readers got before
    assert set(back.column("file").to_pylist()) == {str(sample_police_uk())}
    assert set(back.column("falls_within").to_pylist()) == {"Warwickshire Police"}
    chunks = pq.ParquetFile(rows).metadata.row_group(0)
    named = {chunks.column(i).path_in_schema: chunks.column(i) for i in range(chunks.num_columns)}
    assert named["file"].statistics.min == named["file"].statistics.max == str(sample_police_uk())


def test_one_word_is_numbered_without_a_hash(monkeypatch):
    from svduty import _compute
    from svduty.io._conformed import cast_column

    def refused(*_a, **_k):
        raise AssertionError("hashed")

    monkeypatch.setattr(_compute, "dictionary_encode", refused)
    monkeypatch.setattr(_compute, "cast", refused)
    words = cast_column(pa.chunked_array([pa.array(["a.csv"] * 5)]), WORDS)
    assert words.type == WORDS
    assert words.chunk(0).dictionary.to_pylist() == ["a.csv"]
    assert words.to_pylist() == ["a.csv"] * 5


_TEXT = st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "é", ""])), max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            _TEXT, st.builds(lambda w, n: [w] * n, st.sampled_from(["a", ""]), st.integers(1, 6))
        ),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.integers(1, 3), min_size=4, max_size=4),
)
def test_text_written_as_one_word_or_not_reads_back_as_written(tmp_path_factory, parts, pieces):
    """Any tables of text, each of one word or not, in one chunk or several: the same text."""
    schema = pa.schema([("t", pa.string()), ("w", WORDS)])
    tables = []
    for p, k in zip(parts, pieces, strict=False):
        cut = [p[i * len(p) // k : (i + 1) * len(p) // k] for i in range(k)]
        column = pa.chunked_array([pa.array(c, pa.string()) for c in cut], pa.string())
        tables.append(pa.table({"t": column, "w": column}))
    f = tmp_path_factory.mktemp("w") / "o.parquet"
    w = TableWriter(f, schema=schema, background=False)
    for t in tables:
        w.write(t)
    assert w.commit() == sum(map(len, parts))
    back = pq.read_table(f)
    assert back.schema.field("t").type == pa.string()
    assert back.schema.field("w").type == WORDS
    expected = [v for p in parts for v in p]
    assert back.column("t").to_pylist() == back.column("w").to_pylist() == expected
