"""A summary's batches answered a few at a time: the same summary, rows and rejections."""

from __future__ import annotations

import attrs
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import BoundedCounts, run_pipeline
from svduty.io import _alike as alike_module
from svduty.io._alike import Held, merged, numbered

from .test_alike import _KINDS, DEFAULT, PICKY, _batch, _same, _summaries

_ROWS = st.lists(st.sampled_from(sorted(_KINDS)), max_size=12)


def _in(batch: pa.Table, file: str) -> pa.Table:
    """The batch as read from ``file``."""
    at = batch.schema.get_field_index("file")
    return batch.set_column(at, "file", pa.repeat(pa.scalar(file, pa.string()), len(batch)))


def _counted(pipe):
    """``pipe``, and the number of rows of each table its classifier is given."""
    seen: list[int] = []
    name = "split" if pipe.split is not None else "classify"
    given = getattr(pipe, name)

    def counted(t):
        seen.append(t.num_rows)
        return given(t)

    return attrs.evolve(pipe, **{name: counted}), seen


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(_ROWS, st.sampled_from(["a.csv", "b.csv"])), max_size=5),
    st.integers(1, 40),
    st.integers(1, 20),
)
def test_batches_answered_together_give_what_each_gives(parts, most_rows, most_combinations):
    batches = [_in(_batch(kinds), file) for kinds, file in parts]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(alike_module, "MOST_DISTINCT", 1.0)  # every batch grouped
        mp.setattr(alike_module, "MERGED_ROWS", most_rows)
        mp.setattr(alike_module, "MERGED_COMBINATIONS", most_combinations)
        for pipe in (DEFAULT, PICKY):
            s1, b1, _, bad1 = _summaries(pipe, batches, write=False)
            s2, b2, _, bad2 = _summaries(attrs.evolve(pipe, alike=None), batches, write=False)
            assert s1 == s2
            assert b1 == b2
            # each batch's rejected rows passed on as its own, in the batches' order
            for x, y in zip(bad1, bad2, strict=True):
                _same(x, y)


def test_a_combination_in_every_batch_is_classified_once():
    batches = [_batch(["inside", "away", "unresolved"] * 2) for _ in range(3)]
    pipe, seen = _counted(DEFAULT)
    together = run_pipeline(batches, pipe)
    assert seen == [2]  # one pass, its two located combinations (not 3 passes of 2)
    assert together == run_pipeline(batches, attrs.evolve(DEFAULT, alike=None))


def test_batches_are_held_only_up_to_the_limits(monkeypatch):
    batches = [_batch(["inside", "away"] * 2) for _ in range(5)]
    monkeypatch.setattr(alike_module, "MERGED_ROWS", 8)  # two batches of 4 rows
    pipe, seen = _counted(DEFAULT)
    run_pipeline(batches, pipe)
    assert len(seen) == 3  # 2 + 2 + 1 batches
    monkeypatch.setattr(alike_module, "MERGED_ROWS", 1 << 30)
    monkeypatch.setattr(alike_module, "MERGED_COMBINATIONS", 6)  # three batches of 2 each
    pipe, seen = _counted(DEFAULT)
    run_pipeline(batches, pipe)
    assert len(seen) == 2  # 3 + 2 batches


def test_a_writer_gets_each_batch_as_its_own():
    batches = [_batch(["inside", "away", "inside"] * 3) for _ in range(3)]
    rows: list[pa.Table] = []
    pipe, seen = _counted(DEFAULT)
    run_pipeline(batches, pipe, rows.append)
    assert len(seen) == len(rows) == 3


def test_batches_of_other_columns_are_not_joined():
    plain = _batch(["inside", "away", "inside"])
    wider = plain.append_column("extra", pa.array(["x"] * 3))  # police.uk rows, one more column
    batches = [plain, wider, plain, wider]
    pipe, seen = _counted(DEFAULT)
    s1 = run_pipeline(batches, pipe)
    assert len(seen) == 4  # each batch alone: a table has one set of columns
    assert s1 == run_pipeline(batches, attrs.evolve(DEFAULT, alike=None))


def test_a_batch_classified_row_by_row_comes_in_its_turn():
    repeated = _in(_batch(["inside", "unresolved"] * 4), "a.csv")
    distinct = _in(_batch(["away", "unresolved", "by_name", "no_location"]), "b.csv")
    bad: list[pa.Table] = []
    s1 = run_pipeline([repeated, distinct, repeated], DEFAULT, on_rejected=bad.append)
    files = [t.column("file")[0].as_py() for t in bad]
    assert files == ["a.csv", "b.csv", "a.csv"]
    assert s1 == run_pipeline([repeated, distinct, repeated], attrs.evolve(DEFAULT, alike=None))


def test_merged_numbers_each_combination_once():
    a = numbered(_batch(["inside", "away", "inside"]))
    b = numbered(_batch(["away", "by_name", "away"]))
    assert a is not None
    assert b is not None
    both = merged([a, b])
    assert both.groups.tolist() == [0, 1, 0, 1, 2, 1]
    assert both.first.tolist() == [0, 1, 4]
    assert both.parts == ((3, 0), (3, 0))
    assert merged([a]) is a
    held = Held()
    held.add(a)
    assert held.takes(b)
    assert not held.takes(attrs.evolve(b, alike=("month",)))
    held.add(b)
    assert (held.rows, held.combinations) == (6, 4)
    # whole buffers, once: no rejected row, so no second count of the same buffers
    assert held.size == a.rows.get_total_buffer_size() + b.rows.get_total_buffer_size()
    assert held.taken() == [a, b]
    assert (held.found, held.rows, held.combinations, held.size) == ([], 0, 0, 0)


def test_a_batch_beyond_every_limit_is_held_alone(monkeypatch):
    monkeypatch.setattr(alike_module, "MERGED_ROWS", 3)
    big = numbered(_batch(["inside", "away"] * 2))  # 4 rows
    assert big is not None
    held = Held()
    assert held.takes(big)  # none held: any batch
    held.add(big)
    assert not held.takes(big)  # 8 rows > 3


def test_a_slice_counts_the_buffers_it_keeps_alive():
    whole = pa.Table.from_batches([_batch(["inside", "away"] * 50)])
    part = numbered(whole.slice(0, 4))
    assert part is not None
    held = Held()
    held.add(part)
    assert held.size >= whole.get_total_buffer_size() > part.rows.nbytes


def test_merged_refuses_nothing_or_other_columns():
    a = numbered(_batch(["inside"]))
    assert a is not None
    with pytest.raises(ValueError, match="the same columns"):
        merged([])
    with pytest.raises(ValueError, match="the same columns"):
        merged([a, attrs.evolve(a, alike=("month",))])


def test_the_limits_in_bytes_and_in_batches_hold_too(monkeypatch):
    batches = [_batch(["inside", "away"] * 2) for _ in range(5)]
    monkeypatch.setattr(alike_module, "MERGED_BYTES", 1)  # any batch is enough
    pipe, seen = _counted(DEFAULT)
    run_pipeline(batches, pipe)
    assert len(seen) == 5
    monkeypatch.setattr(alike_module, "MERGED_BYTES", 1 << 30)
    monkeypatch.setattr(alike_module, "MERGED_BATCHES", 2)
    pipe, seen = _counted(DEFAULT)
    run_pipeline(batches, pipe)
    assert len(seen) == 3  # 2 + 2 + 1 batches


def test_the_first_rows_are_taken_from_each_batch():
    """What is classified is the rows at ``first``, taken batch by batch (never joined)."""
    tables = [_in(_batch(kinds), f) for kinds, f in ((["inside", "away"], "a"), (["away"], "b"))]
    found = [numbered(t) for t in tables]
    assert None not in found
    both = merged(found)
    joined = pa.concat_tables([f.rows for f in found])
    assert both.firsts is not None
    assert both.firsts.equals(joined.take(pa.array(both.first)))
    assert both.firsts.column("file").to_pylist() == ["a", "a"]  # "away" first met in a


def _named(batch: pa.Table | pa.RecordBatch, words: list[str | None]) -> pa.Table:
    """The batch with its LSOA names as a dictionary of ``words`` (all rows the first)."""
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    at = table.schema.get_field_index("lsoa_name")
    names = pa.DictionaryArray.from_arrays(
        pa.array([0] * table.num_rows, pa.int32()), pa.array(words, pa.string())
    )
    return table.set_column(at, "lsoa_name", names)


def test_dictionaries_with_a_null_word_pass():
    # Arrow cannot join dictionaries when one holds a null word: the pipeline joined a
    # table's chunks so, and failed on a table of two such batches
    a = _named(_batch(["inside"] * 4), ["North Warwickshire 005A"])
    b = _named(_batch(["inside"] * 4), [None])
    plain = attrs.evolve(DEFAULT, alike=None)
    assert run_pipeline([a, b], DEFAULT) == run_pipeline([a, b], plain)
    assert run_pipeline([pa.concat_tables([a, b])], plain).rows_out == 8


def _month(kinds: list[str], month: str) -> pa.Table:
    """The batch with its month as a dictionary whose first word is null."""
    table = pa.Table.from_batches([_batch(kinds)])
    words = pa.DictionaryArray.from_arrays(
        pa.array([1] * table.num_rows, pa.int32()), pa.array([None, month], pa.string())
    )
    return table.set_column(table.schema.get_field_index("month"), "month", words)


@pytest.mark.parametrize("pipe", [DEFAULT, PICKY], ids=["default", "picky"])
def test_batches_with_a_dictionary_column_are_answered_one_at_a_time(pipe, monkeypatch):
    # joined, their answers would be one chunk a batch, each with a dictionary holding a
    # null word: the bounded counts and the refused rows' marks take from them (a review)
    batches = [_month(["inside", "refused"] * 2, m) for m in ("2025-06", "2025-05")]
    reference = attrs.evolve(pipe, alike=None)
    bounds = [BoundedCounts(), BoundedCounts()]
    counted, seen = _counted(pipe)
    grouped = run_pipeline(batches, counted, counts=[bounds[0]])
    assert grouped == run_pipeline(batches, reference, counts=[bounds[1]])
    assert bounds[0].to_json() == bounds[1].to_json()
    monkeypatch.setattr(alike_module, "MERGED_BATCHES", 1)  # each batch alone
    alone, seen_alone = _counted(pipe)
    run_pipeline(batches, alone)
    assert seen == seen_alone
    assert not Held(found=[numbered(batches[0])]).takes(numbered(batches[1]))
