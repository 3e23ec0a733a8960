"""A writer's rows answered row by row get their reasons as words (issue 15, speed59a).

Real months written to Parquet are classified row by row (most rows distinct); the plan
now gives each distinct answer's ``reasons`` once and the rows get lists of words
(``svduty.io._written_lists``), which the writer writes without hashing every word. What
a reader gets is what it got before: the same values, types, row groups and dictionary
pages, every column chunk the same size and encodings.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _written_lists, sample_police_uk
from svduty.io._written_lists import listed, writing

WORDS = pa.dictionary(pa.int32(), pa.string())
_TYPE = pa.list_(pa.string())
_LISTS = st.lists(st.lists(st.sampled_from(["a", "b", "c", "é", ""]), max_size=4), min_size=1)


@settings(max_examples=80, deadline=None)
@given(_LISTS, st.data())
def test_the_rows_lists_of_words_are_their_lists(lists, data):
    rows = data.draw(st.lists(st.integers(0, len(lists) - 1), max_size=30))
    column = pa.DictionaryArray.from_arrays(pa.array(rows, pa.int32()), pa.array(lists, _TYPE))
    out = listed(pa.table({"reasons": column, "n": list(range(len(rows)))}))
    assert out.column("n").to_pylist() == list(range(len(rows)))  # other columns as they were
    reasons = out.column("reasons")
    assert reasons.type == pa.list_(WORDS)
    assert reasons.to_pylist() == [lists[r] for r in rows]


@settings(max_examples=60, deadline=None)
@given(_LISTS)
def test_words_come_in_the_order_the_rows_first_give_them(lists):
    # the plan's distinct lists are in the order the rows first give them: so are the words
    # (what the writer's own hashing made its dictionary page of)
    rows = list(range(len(lists))) + list(reversed(range(len(lists))))
    column = pa.DictionaryArray.from_arrays(pa.array(rows, pa.int32()), pa.array(lists, _TYPE))
    (chunk,) = listed(pa.table({"reasons": column})).column("reasons").chunks
    seen = list(dict.fromkeys(w for r in rows for w in lists[r]))
    assert chunk.values.dictionary.to_pylist() == seen


def test_a_sliced_dictionary_and_several_chunks_give_the_same_lists():
    lists = pa.array([["x"], ["y", "z"], [], ["z"]]).slice(1)  # ["y", "z"], [], ["z"]
    one = pa.DictionaryArray.from_arrays(pa.array([2, 0, 1, 0], pa.int32()), lists)
    (chunk,) = listed(pa.table({"r": one})).column("r").chunks
    assert chunk.to_pylist() == [["z"], ["y", "z"], [], ["y", "z"]]
    assert chunk.values.dictionary.to_pylist() == ["y", "z"]  # not the slice's unused "x"
    two = pa.chunked_array(
        [one, pa.DictionaryArray.from_arrays(pa.array([0], pa.int32()), pa.array([["q"]]))]
    )
    out = listed(pa.table({"r": two})).column("r")
    assert out.to_pylist() == [["z"], ["y", "z"], [], ["y", "z"], ["q"]]
    assert out.type == pa.list_(pa.string())  # spelt out, as before


def test_null_lists_are_spelt_out_as_before():
    lists = pa.array([["a"], None])
    column = pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.int32()), lists)
    out = listed(pa.table({"r": column})).column("r")
    assert out.to_pylist() == [None, ["a"]]
    assert out.type == pa.list_(pa.string())


def test_only_a_plans_pipeline_and_a_writer_of_reasons_as_words_are_changed():
    from svduty.io import default_pipeline

    p = default_pipeline()
    assert writing(p, ()) is p
    assert writing(p, ["location"]) is p
    assert writing(len, ["reasons"]) is len


def _written(path, spy, monkeypatch, *, off):
    from svduty.io import load_sections, read_police_uk, run_pipeline
    from svduty.io._output import output_schema
    from svduty.io._parquet_sink import ParquetSink
    from svduty.io._pipeline import planned_pipeline
    from svduty.io._plan_build import police_plan
    from svduty.io._writers import TableWriter

    if off:  # the rows' lists spelt out, as before
        monkeypatch.setattr(_written_lists, "writing", lambda pipeline, words: pipeline)
    original = ParquetSink.write_table

    def seen(self, table):
        spy.append(table.schema.field("reasons").type)
        original(self, table)

    monkeypatch.setattr(ParquetSink, "write_table", seen)
    parts = load_sections("warwickshire", "areas", "definition")
    pipeline = planned_pipeline(parts, police_plan(parts.definition), lambda: parts.definition)
    writer = TableWriter(path, schema=output_schema("police-uk"))  # as the command's
    summary = run_pipeline(read_police_uk(sample_police_uk()), pipeline, writer)
    writer.commit()
    monkeypatch.undo()
    return summary


def test_the_sample_month_written_is_the_file_it_was(tmp_path, monkeypatch):
    old, new = tmp_path / "old.parquet", tmp_path / "new.parquet"
    before, after = [], []
    assert _written(old, before, monkeypatch, off=True) == _written(
        new, after, monkeypatch, off=False
    )
    assert set(before) == {pa.list_(pa.string())}
    assert set(after) == {pa.list_(WORDS)}  # the words reach the writer (it can fail)
    assert old.read_bytes() == new.read_bytes()  # the same file, byte for byte
    assert pq.read_table(new).schema.field("reasons").type == pa.list_(pa.string())


def test_the_command_gives_the_writer_words(tmp_path, monkeypatch, capsys):
    from svduty.io._parquet_sink import ParquetSink

    seen = []
    original = ParquetSink.write_table

    def spy(self, table):
        seen.append(table.schema.field("reasons").type)
        original(self, table)

    monkeypatch.setattr(ParquetSink, "write_table", spy)
    out = tmp_path / "rows.parquet"
    monkeypatch.setenv("SVDUTY_CACHE_DIR", str(tmp_path / "cache"))
    from svduty.cli import _run

    args = ["classify", str(sample_police_uk()), "--output", str(out)]
    assert _run(args, *_streams(), cache=True) == 0  # as the command runs: its plan cached
    capsys.readouterr()
    assert seen == [pa.list_(WORDS)]
    assert pq.read_table(out).column("reasons").type == pa.list_(pa.string())


def _streams():
    import io

    return io.StringIO(), io.StringIO()
