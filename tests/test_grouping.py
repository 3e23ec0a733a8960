"""Grouping rows by their values: every shortcut numbers rows as a plain dictionary does."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty._arrays as grouping
from svduty._arrays import group_rows


def _plain(columns: list[pa.Array], n: int) -> tuple[list[int], list[int]]:
    """Each row's combination numbered in order of first appearance, in Python."""
    seen: dict[tuple, int] = {}
    groups, first = [], []
    for i in range(n):
        combo = tuple(c[i].as_py() for c in columns)
        if combo not in seen:
            seen[combo] = len(seen)
            first.append(i)
        groups.append(seen[combo])
    return groups, first


def _text(width: int) -> st.SearchStrategy:
    """Text of one width in bytes (ASCII), or of any width."""
    if width:
        return st.text(alphabet="ab\x00\xff"[:3], min_size=width, max_size=width)
    return st.text(max_size=20)


@st.composite
def _column(draw: st.DrawFn, n: int) -> pa.Array:
    kind = draw(st.sampled_from(["fixed", "text", "int", "bool", "dict", "date"]))
    if kind == "fixed":  # one width: read as its bytes, with or without a null
        width = draw(st.sampled_from([1, 2, 3, 7, 8, 9, 10, 15, 16, 17]))
        values = draw(st.lists(_text(width), min_size=n, max_size=n))
        if draw(st.booleans()) and n:
            values[draw(st.integers(0, n - 1))] = None
        return pa.array(values, pa.string())
    if kind == "text":
        return pa.array(draw(st.lists(st.one_of(st.none(), _text(0)), min_size=n, max_size=n)))
    if kind == "int":
        ints = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.integers(0, 3))
        return pa.array(draw(st.lists(ints, min_size=n, max_size=n)), pa.int64())
    if kind == "bool":
        return pa.array(draw(st.lists(st.one_of(st.none(), st.booleans()), min_size=n, max_size=n)))
    if kind == "date":
        return pa.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), pa.date32())
    words = draw(st.lists(st.sampled_from(["a", "b", "a", None]), min_size=1, max_size=4))
    picks = draw(
        st.lists(st.one_of(st.none(), st.integers(0, len(words) - 1)), min_size=n, max_size=n)
    )
    return pa.DictionaryArray.from_arrays(pa.array(picks, pa.int32()), pa.array(words, pa.string()))


@st.composite
def _table(draw: st.DrawFn) -> tuple[list[pa.Array], int]:
    n = draw(st.integers(0, 30))
    offset = draw(st.integers(0, 3))
    columns = [draw(_column(n + offset)).slice(offset) for _ in range(draw(st.integers(0, 4)))]
    return columns, n


@settings(max_examples=300, deadline=None)
@given(_table(), st.sampled_from([1, 4, 1 << 16]), st.one_of(st.none(), st.integers(1, 30)))
def test_group_rows_is_the_plain_numbering(table, direct, most):
    """Any columns (text of one width or not, nulls, sliced, dictionaries with repeated and
    null words), keys numbered directly or hashed, with and without a limit."""
    columns, n = table
    real = grouping._DIRECT
    grouping._DIRECT = direct
    try:
        got = group_rows(columns, n, most=most)
    finally:
        grouping._DIRECT = real
    groups, first = _plain(columns, n)
    if most is not None and len(first) > most:
        assert got is None
        return
    assert got is not None
    assert got[0].type == pa.int32()
    assert got[1].type == pa.int64()
    assert got[0].to_pylist() == groups
    assert got[1].to_pylist() == first


def test_text_of_one_width_is_read_as_numbers():
    """Widths of 8 and 16 bytes (whole numbers) and of 9 (a one-byte part of its own)."""
    for width in (2, 8, 9, 16):
        values = ["x" * width, "y" * width, "x" * width, "x" * (width - 1) + "y"]
        parts = grouping._packed(pa.array(values))
        assert parts is not None
        assert len(parts) == -(-width // 8)
        assert group_rows([pa.array(values)], 4)[0].to_pylist() == [0, 1, 0, 2]
    assert grouping._packed(pa.array(["x" * 17] * 2)) is None
    assert grouping._packed(pa.array(["ab", "a", "abc"])) is None


def test_chunks_of_a_dictionary_with_a_null_word_classify_as_their_text():
    """Arrow cannot merge such chunks' dictionaries: they are read as text instead."""
    from svduty.definitions import classify_split, classify_table

    words = pa.DictionaryArray.from_arrays(
        pa.array([0, 1, 1, 0, None], pa.int32()), pa.array(["e07000222", None])
    )
    chunked = pa.table({"location": pa.chunked_array([words, words]), "offence_code": ["8N"] * 10})
    text = pa.table(
        {"location": chunked.column("location").cast(pa.string()), "offence_code": ["8N"] * 10}
    )
    for classify in (classify_table, lambda t: classify_split(t)[0]):
        got, want = classify(chunked), classify(text)
        for name in ("violence", "in_scope", "basis", "reasons"):
            assert got.column(name).to_pylist() == want.column(name).to_pylist()
