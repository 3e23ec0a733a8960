"""The columnar classifier's spreading of distinct rows' verdicts is ``take``, row for row."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions._distinct import _plain_lists, _spread_lists, spread_all

_WORD = st.one_of(
    st.sampled_from(["VIOLENCE-CODE", "CATEGORY-MIXED", "", "é", "x" * 300]),
    st.text(max_size=12),
)
_LISTS = st.lists(st.lists(_WORD, max_size=6), min_size=1, max_size=20)
_FULL = st.lists(st.lists(_WORD, min_size=1, max_size=6), min_size=1, max_size=20)


def _no_list_take(monkeypatch):
    """``take`` of a list column fails: the bytes route must be the one taken."""
    import svduty.definitions._distinct as distinct

    real = distinct.pc.take

    def take(values, indices):
        assert not pa.types.is_list(values.type)
        return real(values, indices)

    monkeypatch.setattr(distinct, "pc", type("pc", (), {"take": staticmethod(take)}))


@given(st.one_of(_LISTS, _FULL), st.data(), st.integers(0, 3), st.integers(0, 3))
def test_spread_lists_is_take(lists, data, cut_front, cut_back):
    """Any lists of words (empty, long, any unicode), sliced or not, any rows taken."""
    values = pa.array(lists, pa.list_(pa.string()))
    stop = max(len(lists) - cut_back, 1)
    values = values.slice(min(cut_front, stop - 1), stop - min(cut_front, stop - 1))
    groups = pa.array(data.draw(st.lists(st.integers(0, len(values) - 1), max_size=40)), pa.int32())
    assert _plain_lists(values)
    got = _spread_lists(values, groups)
    got.validate(full=True)
    assert got.type == values.type
    assert got.equals(pc.take(values, groups))


def test_spread_lists_of_sliced_words_and_long_words(monkeypatch):
    """A child array with an offset of its own, and words of 256 bytes or more."""
    _no_list_take(monkeypatch)
    words = pa.array(["skip", "a", "b" * 256, "c", "d"]).slice(1)
    values = pa.ListArray.from_arrays(pa.array([0, 2, 4], pa.int32()), words)
    groups = pa.array([1, 0, 1, 1], pa.int64())
    got = _spread_lists(values, groups)
    got.validate(full=True)
    assert got.to_pylist() == [["c", "d"], ["a", "b" * 256], ["c", "d"], ["c", "d"]]
    short = pa.array([["VIOLENCE-CODE", "SCOPE"], ["X"], []], pa.list_(pa.string()))
    assert _spread_lists(short, pa.array([2, 0, 0, 1])).to_pylist() == [
        [],
        ["VIOLENCE-CODE", "SCOPE"],
        ["VIOLENCE-CODE", "SCOPE"],
        ["X"],
    ]


def test_lists_with_nulls_or_other_types_are_left_to_take():
    assert not _plain_lists(pa.array([["a"], None], pa.list_(pa.string())))
    assert not _plain_lists(pa.array([["a", None]], pa.list_(pa.string())))
    assert not _plain_lists(pa.array([[1]], pa.list_(pa.int64())))
    assert not _plain_lists(pa.array(["a"]))


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["yes", "no", "", "é", None]), min_size=1, max_size=4),
            st.lists(st.integers(0, 3), min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.integers(0, 5), max_size=30),
    st.booleans(),
)
def test_spread_all_is_take_of_each_column(columns, rows, encode):
    """Word columns (alike, of one word, with null words or not) and lists, spelt or not."""
    size = min(len(picks) for _, picks in columns)
    out = {}
    for i, (words, picks) in enumerate(columns):
        dictionary = pa.array(words, pa.string())
        indices = pa.array([p % len(words) for p in picks[:size]], pa.int32())
        out[f"w{i}"] = pa.DictionaryArray.from_arrays(indices, dictionary)
    out["same"] = out["w0"]
    out["lists"] = pa.array([["A", "B"]] * size, pa.list_(pa.string()))
    groups = pa.array([r % size for r in rows], pa.int64())
    got = spread_all(out, groups, encode)
    assert list(got) == list(out)
    for name, values in out.items():
        want = pc.take(values, groups)
        if not encode and pa.types.is_dictionary(values.type):
            want = want.cast(pa.string())
        got[name].validate(full=True)
        assert got[name].type == want.type
        assert got[name].to_pylist() == want.to_pylist()


@given(
    st.integers(0, 70).flatmap(
        lambda k: st.tuples(
            st.just(k),
            st.lists(
                st.lists(st.one_of(st.none(), st.booleans()), min_size=k, max_size=k),
                max_size=12,
            ),
        )
    ),
    st.integers(0, 2),
)
def test_bools_to_lists_is_the_plain_reading(table, offset):
    """Per row the labels whose flag is true (null is not true), for 0 to 70 labels."""
    from svduty.definitions._bits import bools_to_lists as _bools_to_lists

    k, rows = table
    labels = [f"L{i}" for i in range(k)]
    padded = [[None] * k] * offset + rows
    flags = [pa.array([r[i] for r in padded], pa.bool_()).slice(offset) for i in range(k)]
    got = _bools_to_lists(flags, labels)
    if k:
        assert got.to_pylist() == [[labels[i] for i in range(k) if r[i]] for r in rows]
    else:
        assert got.to_pylist() == []


def test_more_text_than_offsets_address_is_left_to_take(monkeypatch):
    """Beyond 32-bit offsets (shrunk here) lists and words go to ``take`` and its error."""
    import svduty.definitions._distinct as distinct

    lists = pa.array([["VIOLENCE-CODE", "SCOPE"], ["X"]], pa.list_(pa.string()))
    words = pa.DictionaryArray.from_arrays(pa.array([0, 0], pa.int32()), pa.array(["yes"]))
    groups = pa.array([1, 0, 0])
    monkeypatch.setattr(distinct, "_MOST_TEXT", 4)
    got = spread_all({"l": lists, "w": words}, groups, False)
    assert got["l"].equals(pc.take(lists, groups))
    assert got["w"].to_pylist() == ["yes"] * 3
    monkeypatch.setattr(distinct, "_MOST_TEXT", (1 << 31) - 1)
    real = pc.take

    def take(values, indices):
        if pa.types.is_binary(values.type):
            raise pa.ArrowCapacityError("offset overflow")
        return real(values, indices)

    monkeypatch.setattr(distinct, "pc", type("pc", (), {"take": staticmethod(take)}))
    assert _spread_lists(lists, groups).equals(real(lists, groups))


def test_rows_outside_the_distinct_rows_are_refused_before_any_take():
    """speed44: the spread's takes no longer check each index; the rows are checked once.

    Before, every take checked its indices (Arrow's ``IndexError``); now one check of the
    rows refuses a number outside the distinct rows, or a null, with svduty's own error,
    before a take could read outside them.
    """
    import pytest

    from svduty.errors import SvdutyError

    out = {
        "v": pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int32()), ["yes", "no"]),
        "lists": pa.array([["A"], ["B", "C"]], pa.list_(pa.string())),
    }
    for bad in ([0, 2], [-1, 0], [0, None]):
        with pytest.raises(SvdutyError, match="numbering is wrong"):
            spread_all(out, pa.array(bad, pa.int32()), True)
    assert spread_all(out, pa.array([], pa.int32()), True)["v"].to_pylist() == []


@given(
    st.lists(st.one_of(st.none(), st.text(max_size=6)), min_size=1, max_size=8),
    st.data(),
    st.integers(0, 3),
)
def test_takes_in_bounds_are_takes(words, data, cut):
    """``take_in_bounds`` and ``words_of`` give what the checked ``take`` and wrap give."""
    from svduty import _compute

    values = pa.array(words, pa.string()).slice(min(cut, len(words) - 1))
    n = len(values)
    at = data.draw(st.lists(st.integers(0, n - 1), max_size=30))
    indices = pa.array(at, pa.int32())
    _compute.check_within(indices, n)
    got = _compute.take_in_bounds(values, indices)
    got.validate(full=True)
    assert got.equals(pc.take(values, indices))
    wrapped = _compute.words_of(indices, values)
    wrapped.validate(full=True)
    assert wrapped.equals(pa.DictionaryArray.from_arrays(indices, values))
