"""A writer's answers kept across batches: each combination classified once a run (speed54b).

``svduty classify --output`` answered each batch worth grouping on its own: the pipeline
on its distinct rows, then the summary's and the bounds' counts of them. What the
pipeline adds to a row depends on its combination alone (``svduty.io._alike.ALIKE``), so
:class:`~svduty.io._known_answers.Known` keeps the answers, classifies only combinations
new to them, and counts the rows each answer stands for once. The rows written, the rows
rejected and the summary are those of classifying each batch. Counted, not timed.
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.errors import SvdutyError
from svduty.io import (
    _known_answers,
    _run,
    default_pipeline,
    read_police_uk,
    run_pipeline,
    sample_police_uk,
)
from svduty.io._alike import numbered

BLOCK = 1 << 16  # about 300 rows a batch


def _repeated(path, rows=2400, *, lines=5, unknown_every=0, seed=7, bad_every=0):
    """A police.uk file of the sample's first ``lines`` rows drawn again and again.

    ``unknown_every``: every so many rows names an LSOA no geography knows (refused);
    ``bad_every``: every so many rows has a month that is none (the reader rejects it).
    """
    text = sample_police_uk().read_text(encoding="utf-8").splitlines()
    header, body = text[0], text[1 : 1 + lines]
    draw = random.Random(seed)
    out = [header]
    for i in range(1, rows + 1):
        cells = draw.choice(body).split(",")
        if unknown_every and i % unknown_every == 0:
            cells[7], cells[8] = "E01999999", ""
        if bad_every and i % bad_every == 0:
            cells[1] = "2019-13"
        out.append(",".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _classified(monkeypatch):
    """The combinations each call of ``Known._add`` classified."""
    calls, original = [], _known_answers.Known._add

    def counting(self, *args):  # (firsts, keys, new, known, pipeline)
        calls.append(len(args[2]))
        return original(self, *args)

    monkeypatch.setattr(_known_answers.Known, "_add", counting)
    return calls


def _each_batch(batches):
    """Each batch classified alone by the pipeline: its usable rows, its rejected rows."""
    pipeline = default_pipeline()
    good, bad = [], []
    for batch in batches:
        out = pipeline(batch)
        usable = out.column("rejected").null_count
        good.append(out.slice(0, usable).to_pylist())
        if out.num_rows > usable:
            bad.append(sorted(out.slice(usable).to_pylist(), key=lambda r: r["row"]))
    return good, bad


def _run_written(batches):
    rows: list[pa.Table] = []
    rejected: list[pa.Table] = []
    summary = run_pipeline(
        iter(batches), default_pipeline(), rows.append, on_rejected=rejected.append
    )
    bad = [sorted(t.to_pylist(), key=lambda r: r["row"]) for t in rejected]
    return [t.to_pylist() for t in rows], bad, summary.to_json()


def test_each_combination_is_classified_once_a_run(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=BLOCK))
    assert len(batches) >= 6
    calls = _classified(monkeypatch)
    rows, _, summary = _run_written(batches)
    combinations = {len(numbered(b).first) for b in batches}
    assert calls == [max(combinations)]  # the first batch's: none new after it
    assert calls[0] > 1
    assert [len(r) for r in rows] == [b.num_rows for b in batches]  # each batch's own
    assert summary["rows_in"] == summary["rows_out"] == 2400


def test_the_rows_answered_are_counted_once_at_the_end(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=BLOCK))
    counted = []
    original = _run._count_usable

    def counting(tally, counters, good, weights):
        counted.append((good.num_rows, int(weights.sum())))
        return original(tally, counters, good, weights)

    monkeypatch.setattr(_run, "_count_usable", counting)
    _run_written(batches)
    assert counted == [(len(numbered(batches[0]).first), 2400)]


@settings(max_examples=12, deadline=None)
@given(
    st.integers(0, 3),
    st.tuples(st.sampled_from([0, 450, 1000]), st.sampled_from([0, 97])),
    st.sampled_from([BLOCK, 1 << 14]),
    st.integers(2, 12),
)
def test_the_rows_rejected_rows_and_summary_are_those_of_each_batch(
    tmp_path_factory, seed, every, block, lines
):
    unknown, bad = every  # (rows refused by the pipeline, rows rejected by the reader)
    path = _repeated(
        tmp_path_factory.mktemp("m") / "m.csv",
        rows=1500,
        lines=lines,
        unknown_every=unknown,
        seed=seed,
        bad_every=bad,
    )
    batches = list(read_police_uk(path, block_size=block))
    rows, bad, summary = _run_written(batches)
    good, refused = _each_batch(batches)
    assert rows == [r for r in good if r]
    assert [r for r in bad if r] == refused
    assert summary == run_pipeline(iter(batches), default_pipeline()).to_json()  # not written


def test_the_answers_kept_are_bounded_and_let_go_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(_known_answers, "KNOWN_COMBINATIONS", 12)
    first = list(read_police_uk(_repeated(tmp_path / "a.csv", lines=8), block_size=BLOCK))
    second = list(read_police_uk(_repeated(tmp_path / "b.csv", lines=16), block_size=BLOCK))
    batches = first + second
    calls = _classified(monkeypatch)
    kept = []
    original = _known_answers.Known._add

    def keeping(self, *args):
        done = original(self, *args)
        kept.append(self.plain.num_rows)
        return done

    monkeypatch.setattr(_known_answers.Known, "_add", keeping)
    rows, _, summary = _run_written(batches)
    assert max(kept) <= 12
    assert len(calls) > 2  # the answers let go, found again
    assert summary == run_pipeline(iter(batches), default_pipeline()).to_json()
    assert rows == [r for r in _each_batch(batches)[0] if r]


def test_a_mostly_distinct_batch_of_known_combinations_is_not_classified_row_by_row(
    tmp_path, monkeypatch
):
    many = list(read_police_uk(_repeated(tmp_path / "a.csv", rows=600), block_size=1 << 20))
    few = list(read_police_uk(_repeated(tmp_path / "b.csv", rows=12), block_size=1 << 20))
    found = numbered(few[0])
    assert not found.worth(0.15)  # row by row before
    assert found.worth(0.5)
    each_row, original = [], _run._each_row

    def counting(batch, *args, **kwargs):
        each_row.append(batch.num_rows)
        return original(batch, *args, **kwargs)

    monkeypatch.setattr(_run, "_each_row", counting)
    calls = _classified(monkeypatch)
    rows, _, _ = _run_written(many + few)
    assert each_row == []
    assert calls == [len(numbered(many[0]).first)]
    assert rows == [r for r in _each_batch(many + few)[0] if r]


def test_a_batch_with_more_new_combinations_than_asked_is_not_answered(tmp_path):
    batch = next(read_police_uk(_repeated(tmp_path / "m.csv", lines=8), block_size=1 << 20))
    found = numbered(batch)
    known = _known_answers.Known(count=lambda table, weights: None)
    assert known.answered(found, default_pipeline(), most_new=len(found.first) - 1) is None
    assert known.plain is None
    assert known.answered(found, default_pipeline(), most_new=len(found.first)) is not None
    assert known.plain.num_rows == len(found.first)
    more = numbered(
        next(read_police_uk(_repeated(tmp_path / "b.csv", lines=30), block_size=1 << 20))
    )
    assert known.answered(more, default_pipeline(), most_new=0) is None  # some are new
    assert known.plain.num_rows == len(found.first)


def test_a_refused_combination_keeps_nothing_and_counts_nothing(tmp_path):
    path = _repeated(tmp_path / "m.csv", rows=300, unknown_every=100)
    found = numbered(next(read_police_uk(path, block_size=1 << 20)))
    counted = []
    known = _known_answers.Known(count=lambda table, weights: counted.append(weights))
    assert known.answered(found, default_pipeline()) is None
    known.flush()
    assert known.plain is None
    assert counted == []


def test_the_counts_flushed_stand_for_every_row_answered(tmp_path):
    path = _repeated(tmp_path / "m.csv", rows=900)
    batches = list(read_police_uk(path, block_size=BLOCK))
    counted = []
    known = _known_answers.Known(count=lambda table, weights: counted.append((table, weights)))
    for batch in batches:
        assert known.answered(numbered(batch), default_pipeline()) is not None
    known.flush()
    ((table, weights),) = counted
    assert int(np.sum(weights)) == 900
    assert table.column("row").to_pylist() == list(range(len(numbered(batches[0]).first)))
    known.flush()  # nothing answered since: nothing counted
    assert len(counted) == 1


@pytest.mark.parametrize("words", [(), ("reasons", "location")])
def test_rows_built_from_kept_answers_hold_the_same_text(tmp_path, words):
    path = _repeated(tmp_path / "m.csv", rows=900)
    batches = list(read_police_uk(path, block_size=BLOCK))
    known = _known_answers.Known(count=lambda table, weights: None)
    built = [
        list(known.answered(numbered(b), default_pipeline(), words).grouped.usable_parts(words))
        for b in batches
    ]
    got = [t.to_pylist() for t in itertools.chain.from_iterable(built)]
    assert got == [r for r in _each_batch(batches)[0] if r]


def test_the_readers_rejected_rows_of_batches_answered_from_kept_answers(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv", rows=1500, bad_every=97)
    batches = list(read_police_uk(path, block_size=BLOCK))
    calls = _classified(monkeypatch)
    rows, bad, summary = _run_written(batches)
    assert len(calls) == 1  # every batch answered from the answers kept
    assert sum(map(len, bad)) == summary["rejected"] == 1500 // 97
    assert (rows, bad) == _each_batch(batches)


def test_answers_the_pipeline_gives_in_another_order_are_kept_in_order(tmp_path):
    path = _repeated(tmp_path / "m.csv", rows=900, lines=8)
    batches = list(read_police_uk(path, block_size=BLOCK))

    def reversed_rows(table):
        out = default_pipeline()(table)
        return out.take(pa.array(range(out.num_rows - 1, -1, -1)))

    known = _known_answers.Known(count=lambda table, weights: None)
    built = [
        list(known.answered(numbered(b), reversed_rows).grouped.usable_parts()) for b in batches
    ]
    got = [t.to_pylist() for t in itertools.chain.from_iterable(built)]
    assert got == [r for r in _each_batch(batches)[0] if r]
    numbers = known.plain.column("row").to_pylist()
    assert numbers == sorted(numbers)


def test_tables_of_other_columns_are_not_joined():
    a, b = pa.table({"x": [1]}), pa.table({"x": ["1"]})
    assert _known_answers._joined([a, b]) is None
    assert _known_answers._joined([a, a]).column("x").to_pylist() == [1, 1]


def test_rows_of_other_columns_let_the_answers_kept_go(tmp_path):
    path = _repeated(tmp_path / "m.csv", rows=300)
    batch = next(read_police_uk(path, block_size=1 << 20))
    counted = []
    known = _known_answers.Known(count=lambda table, weights: counted.append(int(weights.sum())))
    known.answered(numbered(batch), default_pipeline())
    other = batch.append_column("extra", pa.array([1] * batch.num_rows))
    assert known.answered(numbered(other), default_pipeline()) is not None
    assert counted == [300]  # the first rows counted as their answers were let go
    assert known.schema.names[-1] == "extra"


def test_batches_the_answers_cannot_keep_are_left_to_the_pipeline(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv", rows=300, lines=8)
    found = numbered(next(read_police_uk(path, block_size=1 << 20)))
    known = _known_answers.Known(count=lambda table, weights: None)
    monkeypatch.setattr(_known_answers, "KNOWN_COMBINATIONS", len(found.first) - 1)
    assert known.answered(found, default_pipeline()) is None  # more than are kept
    monkeypatch.undo()
    with monkeypatch.context() as patch:
        patch.setattr(_known_answers._alike, "_null_words", lambda table: True)
        assert known.answered(found, default_pipeline()) is None  # words Arrow cannot join
    with monkeypatch.context() as patch:
        patch.setattr(_known_answers, "_joined", lambda tables: None)
        assert known.answered(found, default_pipeline()) is None  # nor those
    assert known.plain is None


def test_a_pipeline_that_loses_rows_is_an_error(tmp_path):
    path = _repeated(tmp_path / "m.csv", rows=300)
    found = numbered(next(read_police_uk(path, block_size=1 << 20)))
    known = _known_answers.Known(count=lambda table, weights: None)
    with pytest.raises(SvdutyError, match="returned"):
        known.answered(found, lambda table: default_pipeline()(table).slice(1))


def test_only_the_answers_of_rows_answered_since_are_counted(tmp_path):
    many = next(
        read_police_uk(_repeated(tmp_path / "a.csv", rows=300, lines=8), block_size=1 << 20)
    )
    few = next(read_police_uk(_repeated(tmp_path / "b.csv", rows=300, lines=2), block_size=1 << 20))
    counted = []
    known = _known_answers.Known(count=lambda table, weights: counted.append((table, weights)))
    known.answered(numbered(many), default_pipeline())
    known.flush()
    known.answered(numbered(few), default_pipeline())
    known.flush()
    (_, first), (table, weights) = counted
    assert int(first.sum()) == int(weights.sum()) == 300
    assert table.num_rows == len(numbered(few).first) < len(first)
    assert table.column("row").to_pylist() == list(range(table.num_rows))
