"""A list of words (the reasons as a Parquet writer takes them) spread by one take of bytes.

``svduty classify --output x.parquet`` builds every row's ``reasons`` from its
combination's, as a list of words (``svduty.io._parquet_sink.REPEATED_TEXT``): a generic
``take`` of a list array cost 6.8 ms of the loop's thread for the bench's 400,000 rows, the
largest column built (speed52b). ``svduty.definitions._distinct.spread`` now takes each
distinct row's word numbers as one run of bytes: the same lists as ``take``, checked here
against it for any lists, words, slices and rows; and counted, not timed, in a run.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pac
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import _distinct
from svduty.definitions._distinct import spread
from svduty.io import default_pipeline, run_pipeline

WORDS = pa.dictionary(pa.int32(), pa.string())


@st.composite
def _word_lists(draw):
    dictionary = draw(st.lists(st.text(max_size=6), min_size=1, max_size=8, unique=True))
    lists = draw(
        st.lists(st.lists(st.integers(0, len(dictionary) - 1), max_size=6), min_size=1, max_size=30)
    )
    flat = [n for one in lists for n in one]
    offsets = [0]
    for one in lists:
        offsets.append(offsets[-1] + len(one))
    child = pa.DictionaryArray.from_arrays(pa.array(flat, pa.int32()), pa.array(dictionary))
    values = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), child)
    start = draw(st.integers(0, len(lists) - 1))  # a slice, as a table's column may be
    values = values.slice(start, draw(st.integers(1, len(lists) - start)))
    groups = draw(st.lists(st.integers(0, len(values) - 1), max_size=60))
    return values, pa.array(groups, pa.int64())


@settings(max_examples=300, deadline=None)
@given(case=_word_lists(), checked=st.booleans())
def test_a_list_of_words_spreads_as_take_does(case, checked):
    values, groups = case
    got = spread(values, groups, checked=checked)
    want = pac.take(values, groups)
    assert got.type == want.type
    assert got.to_pylist() == want.to_pylist()
    assert got.equals(want)
    got.validate(full=True)


def test_lists_of_words_with_nulls_or_of_other_numbers_are_taken_as_ever():
    child = pa.DictionaryArray.from_arrays(pa.array([0, None, 1], pa.int32()), pa.array(["a", "b"]))
    with_null = pa.ListArray.from_arrays(pa.array([0, 2, 3], pa.int32()), child)
    small = pa.ListArray.from_arrays(
        pa.array([0, 2, 3], pa.int32()),
        pa.DictionaryArray.from_arrays(pa.array([0, 1, 1], pa.int8()), pa.array(["a", "b"])),
    )
    groups = pa.array([1, 0, 1])
    for values in (with_null, small):
        assert not _distinct._word_lists(values)
        assert spread(values, groups).equals(pac.take(values, groups))


@pytest.mark.parametrize("words", [("reasons",), ()])
def test_a_writers_reasons_are_spread_by_bytes(tmp_path, monkeypatch, words):
    """Counted: each batch grouped and written with ``reasons`` as words spreads them so."""
    from svduty.io import read_police_uk

    from .test_written_batches_together_speed50b import BLOCK, _repeated

    calls: list[int] = []
    original = _distinct._spread_word_lists

    def counted(values, groups, take):
        calls.append(len(groups))
        return original(values, groups, take)

    monkeypatch.setattr(_distinct, "_spread_word_lists", counted)
    batches = list(read_police_uk(_repeated(tmp_path / "m.csv"), block_size=BLOCK))
    written: list[pa.Table] = []

    def sink(table: pa.Table) -> None:
        written.append(table)

    sink.words = words  # type: ignore[attr-defined]
    run_pipeline(iter(batches), default_pipeline(), sink)
    if words:
        assert calls == [b.num_rows for b in batches]  # each batch's rows, once
        assert all(t.column("reasons").type == pa.list_(WORDS) for t in written)
    else:  # text: spread as text, as before
        assert calls == []
