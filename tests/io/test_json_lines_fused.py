"""Columns of few values written together (one text per combination) are still json.dumps."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _json_lines
from svduty.io._json_lines import _list_codes, _pieces, json_lines
from svduty.io._writers import _plain

WORDS = st.sampled_from(["", "a", "ab", "b", 'q"', "\\", "\n", "é", "🙂", "\x00"])
LISTS = st.lists(WORDS, max_size=3)


def _expected(batch: pa.RecordBatch) -> str:
    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in batch.to_pylist())


def _column(kind: str, n: int, draw: st.DrawFn) -> Any:
    maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731
    if kind == "dictionary":
        values = draw(st.lists(maybe(WORDS), min_size=n, max_size=n))
        return pa.array(values, pa.string()).dictionary_encode()
    if kind == "list":
        values = draw(st.lists(maybe(LISTS), min_size=n, max_size=n))
        return pa.array(values, pa.list_(pa.string()))
    if kind == "large_list":
        values = draw(st.lists(maybe(LISTS), min_size=n, max_size=n))
        return pa.array(values, pa.large_list(pa.large_string()))
    if kind == "null":
        return pa.nulls(n, pa.string()).dictionary_encode()
    return pa.array(draw(st.lists(maybe(st.integers(0, 2)), min_size=n, max_size=n)))


@st.composite
def runs(draw: st.DrawFn) -> pa.RecordBatch:
    n = draw(st.integers(1, 30))
    kinds = draw(
        st.lists(
            st.sampled_from(["dictionary", "list", "large_list", "null", "int"]),
            min_size=1,
            max_size=7,
        )
    )
    columns = [_column(k, n, draw) for k in kinds]
    batch = pa.record_batch(columns, names=[f"c{i}" for i in range(len(kinds))])
    start = draw(st.integers(0, n))
    return batch.slice(start, draw(st.integers(0, n)))


@settings(max_examples=400, deadline=None)
@given(runs(), st.sampled_from([1, 2, 32]), st.sampled_from([1 << 62, 4]))
def test_fused_columns_are_json_dumps_of_every_row(
    batch: pa.RecordBatch, share: int, widest: int
) -> None:
    # small batches: runs of any length, cut anywhere; a small widest: numbered on the way
    with patch.object(_json_lines, "_SHARE", share), patch.object(_json_lines, "_WIDEST", widest):
        assert json_lines(batch) == _expected(batch)


def test_a_run_is_cut_where_its_combinations_become_too_many() -> None:
    """The column that makes too many is found by halving; the columns after it go on."""
    n = 64
    few = [pa.array([str(i % 2) for i in range(n)]).dictionary_encode() for _ in range(4)]
    many = pa.array([str(i % 16) for i in range(n)]).dictionary_encode()  # 32 with the others
    batch = pa.record_batch([*few, many, *few], names=[f"c{i}" for i in range(9)])
    with patch.object(_json_lines, "_SHARE", 16):  # at most 4 combinations
        pieces = _pieces(batch)
        assert json_lines(batch) == _expected(batch)
    assert len([p for p in pieces if not isinstance(p, str)]) == 3  # before, at and after


def test_a_run_of_dictionaries_and_lists_is_one_column() -> None:
    n = 400
    batch = pa.record_batch(
        {
            "id": [str(i) for i in range(n)],
            "a": pa.array(["x", "y"] * (n // 2)).dictionary_encode(),
            "b": pa.array(["p", None, "q", "p"] * (n // 4)).dictionary_encode(),
            "kinds": [["k1", "k2"], [], None, ["k1"]] * (n // 4),
            "c": pa.array(["u"] * n).dictionary_encode(),
        }
    )
    pieces = _pieces(batch)
    columns = [p for p in pieces if not isinstance(p, str)]
    assert len(columns) == 2  # the id, and a, b, kinds and c as one column
    assert json_lines(batch) == _expected(batch)


def test_lists_are_equal_only_when_their_items_are() -> None:
    values = [["ab"], ["a", "b"], ["ab"], [], None, [""], ["a", "b"]]
    lists = pa.array(values, pa.list_(pa.string()))
    assert _list_codes(lists).tolist() == [0, 1, 0, 2, 3, 4, 1]
    assert _list_codes(pa.array([["a", None]], pa.list_(pa.string()))) is None
    assert _list_codes(pa.array([[1]], pa.list_(pa.int64()))) is None


def test_a_column_of_one_value_is_text_around_the_others() -> None:
    batch = pa.record_batch(
        {
            "file": ["a/b.jsonl"] * 300,
            "row": list(range(300)),
            "match": pa.array(['t"'] * 300).dictionary_encode(),
        }
    )
    pieces = _pieces(batch)
    text = [p for p in pieces if isinstance(p, str)]
    assert text == ['{"file": "a/b.jsonl", "row": ', ', "match": "t\\""}\n']
    assert json_lines(batch) == _expected(batch)


def test_a_dictionary_of_narrow_indices_as_many_words_as_they_hold():
    """int8 indices over 128 words (uint8 over 256): no room for one more code."""
    import json

    from svduty.io._json_lines import json_lines

    for index, n in ((pa.int8(), 128), (pa.uint8(), 256)):
        words = pa.array([f"w{i}" for i in range(n)])
        column = pa.DictionaryArray.from_arrays(pa.array([i % n for i in range(600)], index), words)
        batch = pa.record_batch({"a": column})
        expected = "".join(json.dumps({"a": f"w{i % n}"}) + "\n" for i in range(600))
        assert json_lines(batch) == expected
