"""The column-by-column JSON Lines encoder writes exactly what ``json.dumps`` writes per row."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io._json_lines import json_lines
from svduty.io._writers import TableWriter, _plain

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
ODD = st.text(st.sampled_from(['"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
                               "é", "\u2028", "🙂", "a", "/"]), max_size=8)  # fmt: skip
FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1.0, 1e-4, 9.9e-5, 1e15, 1e16, 1e15 - 1, 123456.5, -2.5]),
    st.integers(-(10**17), 10**17).map(float),
)
DATES = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))


@functools.cache  # made once a kind, not at every column drawn (the same examples: ci58b)
def _column(kind: str) -> st.SearchStrategy[Any]:
    """(type, values) of one column of ``kind``; the values may hold nulls."""
    maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731
    return {
        "string": st.lists(maybe(st.one_of(TEXT, ODD))).map(lambda v: pa.array(v, pa.string())),
        "large_string": st.lists(maybe(TEXT)).map(lambda v: pa.array(v, pa.large_string())),
        "int64": st.lists(maybe(st.integers(-(2**63), 2**63 - 1))).map(
            lambda v: pa.array(v, pa.int64())
        ),
        "int8": st.lists(maybe(st.integers(-128, 127))).map(lambda v: pa.array(v, pa.int8())),
        "uint64": st.lists(maybe(st.integers(0, 2**64 - 1))).map(
            lambda v: pa.array(v, pa.uint64())
        ),
        "float64": st.lists(maybe(FLOATS)).map(lambda v: pa.array(v, pa.float64())),
        "float32": st.lists(maybe(st.floats(width=32))).map(lambda v: pa.array(v, pa.float32())),
        "bool": st.lists(maybe(st.booleans())).map(lambda v: pa.array(v, pa.bool_())),
        "date32": st.lists(maybe(DATES)).map(lambda v: pa.array(v, pa.date32())),
        "null": st.integers(0, 5).map(pa.nulls),
        "list_string": st.lists(maybe(st.lists(maybe(st.one_of(TEXT, ODD)), max_size=4))).map(
            lambda v: pa.array(v, pa.list_(pa.string()))
        ),
        "large_list_int": st.lists(maybe(st.lists(maybe(st.integers(-9, 9)), max_size=3))).map(
            lambda v: pa.array(v, pa.large_list(pa.int64()))
        ),
        "list_list_float": st.lists(
            maybe(st.lists(maybe(st.lists(maybe(FLOATS), max_size=2)), max_size=2))
        ).map(lambda v: pa.array(v, pa.list_(pa.list_(pa.float64())))),
        "dictionary": st.lists(maybe(st.one_of(TEXT, ODD))).map(
            lambda v: pa.array(v, pa.string()).dictionary_encode()
        ),
        "list_dictionary": st.lists(maybe(st.lists(st.sampled_from(["a", 'b"'])))).map(
            lambda v: pa.array(v, pa.list_(pa.dictionary(pa.int8(), pa.string())))
        ),
        "timestamp": st.lists(maybe(st.datetimes(dt.datetime(1900, 1, 1)))).map(
            lambda v: pa.array(v, pa.timestamp("us"))
        ),
        "struct": st.lists(maybe(st.fixed_dictionaries({"a": maybe(TEXT)}))).map(
            lambda v: pa.array(v, pa.struct([("a", pa.string())]))
        ),
    }[kind]


KINDS = [
    "string", "large_string", "int64", "int8", "uint64", "float64", "float32", "bool", "date32",
    "null", "list_string", "large_list_int", "list_list_float", "dictionary", "list_dictionary",
    "timestamp", "struct",
]  # fmt: skip


@st.composite
def batches(draw: st.DrawFn) -> pa.RecordBatch:
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=5))
    columns = [draw(_column(k)) for k in kinds]
    n = min(len(c) for c in columns)
    names = draw(st.lists(TEXT, min_size=len(kinds), max_size=len(kinds), unique=True))
    batch = pa.record_batch([c.slice(0, n) for c in columns], names=names)
    start = draw(st.integers(0, n))  # a slice: arrays that do not start at offset 0
    return batch.slice(start)


def _expected(batch: pa.RecordBatch) -> str:
    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in batch.to_pylist())


@settings(max_examples=400, deadline=None)
@given(batches())
def test_json_lines_is_json_dumps_of_every_row(batch: pa.RecordBatch) -> None:
    assert json_lines(batch) == _expected(batch)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), FLOATS), min_size=1))
def test_floats_are_written_as_python_writes_them(values: list[float | None]) -> None:
    batch = pa.record_batch({"x": pa.array(values, pa.float64())})
    assert json_lines(batch) == _expected(batch)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(TEXT, ODD), min_size=1))
def test_every_character_is_escaped_as_json_dumps_escapes_it(values: list[str]) -> None:
    batch = pa.record_batch({"s": pa.array(values), "d": pa.array(values).dictionary_encode()})
    assert json_lines(batch) == _expected(batch)


def test_every_control_character_and_quote() -> None:
    text = "".join(chr(c) for c in range(0x80)) + '"\\'
    batch = pa.record_batch({"s": [text, text[::-1]], "l": [[text], [text, None]]})
    assert json_lines(batch) == _expected(batch)


def test_a_date_inside_a_list_is_written_as_iso_text() -> None:
    """It failed as ``json.dumps`` fails (a TypeError stopping the run): a passed-through
    value JSON has no type for is written as text (hostile review)."""
    batch = pa.record_batch({"d": pa.array([[dt.date(2024, 1, 1)]], pa.list_(pa.date32()))})
    with pytest.raises(TypeError):
        _expected(batch)
    assert json_lines(batch) == '{"d": ["2024-01-01"]}\n'


def test_no_rows_and_no_columns() -> None:
    assert json_lines(pa.record_batch({"a": pa.array([], pa.int64())})) == ""
    empty = pa.RecordBatch.from_pydict({"a": [1, 2]}).select([])
    assert json_lines(empty) == "{}\n{}\n" == _expected(empty)


def test_every_column_null_writes_one_line_n_times() -> None:
    batch = pa.record_batch({"a": pa.nulls(3), "b": pa.array([None] * 3, pa.string())})
    assert json_lines(batch) == '{"a": null, "b": null}\n' * 3 == _expected(batch)


TABLE = pa.table({"id": ["a", 'é"\n', None], "n": [1, 2, None], "kinds": [["x"], [], None]})


def test_the_writer_writes_the_same_text_to_files_and_streams(tmp_path: Path) -> None:
    expected = _expected(TABLE.to_batches()[0])
    buf = io.StringIO()  # text only: no bytes underneath
    w = TableWriter(buf)
    w.write(TABLE)
    w.commit()
    assert buf.getvalue() == expected
    f = tmp_path / "o.jsonl"  # a file: its bytes written directly
    w = TableWriter(f)
    w.write(TABLE)
    w.write(TABLE.slice(1))
    w.commit()
    assert f.read_bytes() == (expected + expected.split("\n", 1)[1]).encode()
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")  # not UTF-8: written as text
    w = TableWriter(latin)
    w.write(TABLE.select(["n"]))
    w.commit()
    assert latin.buffer.getvalue() == b'{"n": 1}\n{"n": 2}\n{"n": null}\n'


def test_a_repeated_column_name_keeps_one_value_as_a_dict_does() -> None:
    table = pa.Table.from_arrays([pa.array([1]), pa.array([2])], names=["a", "a"])
    buf = io.StringIO()
    w = TableWriter(buf, schema=table.schema)
    w.write(table)
    w.commit()
    assert buf.getvalue() == '{"a": 2}\n'


def test_lists_of_nulls_and_dictionaries_of_other_types() -> None:
    when = pa.array([dt.datetime(2024, 1, 2, 3, 4, 5), None, dt.datetime(2024, 1, 2, 3, 4, 5)])
    batch = pa.record_batch(
        {
            "nulls": pa.array([[None, None], [], None], pa.list_(pa.null())),
            "days": pa.array([dt.date(2024, 1, 1), None, dt.date(2024, 1, 1)]).dictionary_encode(),
            "times": when.dictionary_encode(),
        }
    )
    assert json_lines(batch) == _expected(batch)
    assert '"times": "2024-01-02T03:04:05"' in json_lines(batch)
