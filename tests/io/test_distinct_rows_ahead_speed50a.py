"""speed50a: a summary's distinct rows are taken on the reading thread, one batch ahead.

Answering a batch of police.uk rows classifies the first row of each combination: those
rows are taken from the batch (every reader column), about 10 ms of the loop's thread over
400,000 rows of real months. ``run_pipeline`` now takes them where it numbers the batch,
on the reading thread (``svduty classify``'s own reader, no rows written), and merging
batches takes from them. Counted (which thread takes them), never timed; and the rows
taken ahead must be the very rows taken when answered.
"""

from __future__ import annotations

import threading

import attrs
import pyarrow as pa
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from svduty.io import _alike, default_pipeline, read_police_uk, run_pipeline, sample_police_uk
from svduty.io import _run as run_module
from svduty.io._ahead import Ahead

from .test_alike import _KINDS, DEFAULT, _batch

BLOCK = 1 << 16  # the sample month in several batches


def _taking_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads on which batches' distinct rows are taken."""
    threads: list[str] = []
    given_ = _alike._taken

    def counted(rows, at, among=None):
        if among is None:  # from the batch's rows (merging takes its share of those after)
            threads.append(threading.current_thread().name)
        return given_(rows, at, among)

    monkeypatch.setattr(_alike, "_taken", counted)
    return threads


@pytest.mark.parametrize("alone", [False, True])
def test_a_summarys_distinct_rows_are_taken_on_the_reading_thread(monkeypatch, alone):
    plain = run_pipeline(read_police_uk(sample_police_uk(), block_size=BLOCK), default_pipeline())
    threads = _taking_threads(monkeypatch)
    if alone:  # every batch answered alone (as a block of real months is)
        monkeypatch.setattr(_alike, "MERGED_COMBINATIONS", 1)
    batches = Ahead(read_police_uk(sample_police_uk(), block_size=BLOCK))
    summary = run_pipeline(batches, default_pipeline())
    assert summary.to_json() == plain.to_json()
    assert len(threads) > 3  # every batch's ...
    assert set(threads) == {"svduty-read"}  # ... off the loop's thread


def test_a_writers_batches_take_theirs_when_answered_not_ahead(monkeypatch):
    # (speed50f: a writer's batches are numbered, and their distinct rows taken, ahead too;
    # speed54b: numbered ahead, but answered from the answers kept across batches, which
    # take each batch's combinations' own columns and only the new combinations' rows,
    # when answered: nothing is taken ahead for them)
    monkeypatch.setattr(_alike, "MOST_DISTINCT_WRITTEN", 0.5)  # small blocks: grouped
    plain: list[pa.Table] = []
    run_pipeline(
        read_police_uk(sample_police_uk(), block_size=BLOCK), default_pipeline(), plain.append
    )
    threads = _taking_threads(monkeypatch)
    rows: list[pa.Table] = []
    batches = Ahead(read_police_uk(sample_police_uk(), block_size=BLOCK))
    run_pipeline(batches, default_pipeline(), rows.append)
    assert len(threads) > 3
    assert "svduty-read" not in threads
    assert [t.to_pylist() for t in rows] == [t.to_pylist() for t in plain]


_ROWS = st.lists(st.sampled_from(sorted(_KINDS)), min_size=1, max_size=12)


def _distinct(found: _alike.Numbered) -> pa.Table:
    """The rows ``answered`` classifies: taken before, or taken now."""
    return found.firsts if found.firsts is not None else _alike._taken(found.rows, found.first)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_ROWS, st.booleans()), min_size=1, max_size=5))
def test_rows_taken_ahead_are_the_rows_taken_when_answered(parts):
    plain, ahead = [], []
    for kinds, early in parts:
        found = _alike.numbered(_batch(kinds))
        assume(found is not None)  # (a batch the reader rejects whole is not numbered)
        plain.append(found)
        if early:  # some batches taken ahead, some not (a batch not worth grouping)
            found = attrs.evolve(found, firsts=_alike._taken(found.rows, found.first))
            assert _alike._size(found) > _alike._size(plain[-1])  # held memory counts them
        ahead.append(found)
    one, two = _alike.merged(plain), _alike.merged(ahead)
    assert (one.groups == two.groups).all()
    assert (one.first == two.first).all()
    assert _distinct(two).equals(_distinct(one), check_metadata=True)
    assert _distinct(two).schema == _distinct(one).schema
    assert _alike.answered(one, DEFAULT).out.equals(_alike.answered(two, DEFAULT).out)


def test_the_loop_takes_only_a_batch_worth_grouping():
    found = _alike.numbered(_batch(["inside", "away", "no_location", "by_name"]))
    assert found is not None
    assert not found.worth(_alike.MOST_DISTINCT)  # all distinct
    assert run_module._with_firsts(found) is found  # classified row by row: nothing taken
    grouped = _alike.numbered(_batch(["inside"] * 4))
    assert grouped is not None
    ahead = run_module._with_firsts(grouped)
    assert ahead is not None
    assert ahead.firsts is not None
    assert ahead.firsts.equals(_alike._taken(grouped.rows, grouped.first))
    assert run_module._with_firsts(None) is None
