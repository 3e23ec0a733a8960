"""A writer's batches answered a few at a time, each written as its own (issue 15, speed50b).

``svduty classify --output`` answered each batch of rows worth grouping alone: the
pipeline's pass and the summary's and bounds' counts cost about 10 ms a batch whatever its
rows. The first batch is now answered alone (the writer starts), then
:data:`~svduty.io._run.WRITTEN_BATCHES` together; each batch's rows still reach the writer
as a table of their own (a Parquet row group each), the same rows, in the same order. A
batch with rows the pipeline refuses is answered alone again (row by row, as before).
Counted, not timed.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _alike, _run, default_pipeline, read_police_uk, run_pipeline, sample_police_uk

BLOCK = 1 << 16  # about 300 rows a batch


def _repeated(path, rows=2400, *, unknown_every=0, seed=7):
    """A police.uk file of the sample's first 5 rows drawn again and again (few combinations).

    ``unknown_every``: every so many rows names an LSOA no geography knows (refused).
    """
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    header, body = lines[0], lines[1:6]
    draw = random.Random(seed)
    out = [header]
    for i in range(1, rows + 1):
        cells = draw.choice(body).split(",")
        if unknown_every and i % unknown_every == 0:
            cells[7], cells[8] = "E01999999", ""
        out.append(",".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _counted(monkeypatch):
    """The batches (how many merged) each answering took.

    Counted where they are joined (``_alike.merged``): since speed54b a writer's batches
    are answered from the answers kept across batches (``svduty.io._known_answers``),
    which classify only the combinations new to them, not by ``_alike.answered``.
    """
    answered, original = [], _alike.merged

    def counting(found):
        answered.append(len(found))
        return original(found)

    monkeypatch.setattr(_alike, "merged", counting)
    return answered


def test_a_writers_batches_are_answered_together_each_written_alone(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=BLOCK))
    assert len(batches) >= 6
    answered = _counted(monkeypatch)
    written: list[pa.Table] = []
    summary = run_pipeline(iter(batches), default_pipeline(), written.append)
    assert summary.rows_in == summary.rows_out == 2400
    # the first alone (the writer starts), then a few at a time
    assert answered[0] == 1
    assert max(answered) == _run.WRITTEN_BATCHES > 1
    assert len(answered) < len(batches)
    assert sum(answered) == len(batches)
    # each batch's rows as a table of its own, in order
    assert [t.num_rows for t in written] == [b.num_rows for b in batches]
    assert [t.column("row").to_pylist() for t in written] == [
        b.column("row").to_pylist() for b in batches
    ]


def _written(batches, monkeypatch, together: int):
    monkeypatch.setattr(_run, "WRITTEN_BATCHES", together, raising=False)
    rows: list[pa.Table] = []
    rejected: list[pa.Table] = []
    summary = run_pipeline(
        iter(batches), default_pipeline(), rows.append, on_rejected=rejected.append
    )
    return (
        [t.to_pylist() for t in rows],
        [t.to_pylist() for t in rejected],
        summary.to_json(),
    )


@pytest.mark.parametrize("unknown_every", [0, 997])
def test_rows_written_answered_together_are_those_answered_alone(
    tmp_path, monkeypatch, unknown_every
):
    path = _repeated(tmp_path / "m.csv", unknown_every=unknown_every)
    batches = list(read_police_uk(path, block_size=BLOCK))
    alone = _written(batches, monkeypatch, 1)
    together = _written(batches, monkeypatch, 3)
    assert together == alone
    assert sum(map(len, together[0])) + sum(map(len, together[1])) == 2400


def test_a_batch_the_pipeline_refuses_rows_of_is_answered_alone_the_others_grouped(
    tmp_path, monkeypatch
):
    path = _repeated(tmp_path / "m.csv", rows=2400, unknown_every=2000)  # one row
    batches = list(read_police_uk(path, block_size=BLOCK))
    monkeypatch.setattr(_run, "WRITTEN_BATCHES", len(batches), raising=False)  # all held
    answered = _counted(monkeypatch)
    each_row, original = [], _run._each_row

    def counting(batch, *args, **kwargs):
        each_row.append(batch.num_rows)
        return original(batch, *args, **kwargs)

    monkeypatch.setattr(_run, "_each_row", counting)
    written: list[pa.Table] = []
    run_pipeline(iter(batches), default_pipeline(), written.append)
    assert len(each_row) == 1  # the one batch with a refused row, row by row
    assert answered[:2] == [1, len(batches) - 1]  # the first; the rest, held together ...
    assert answered[2:] == [1] * (len(batches) - 1)  # ... answered alone again
    assert len(written) == len(batches)  # each batch's rows, the refused one's kept ones too
    assert sum(t.num_rows for t in written) == 2399


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 5), st.integers(0, 3), st.sampled_from([0, 450, 1000]))
def test_any_number_together_writes_the_same_rows(tmp_path_factory, together, seed, unknown):
    path = _repeated(
        tmp_path_factory.mktemp("m") / "m.csv", rows=1500, unknown_every=unknown, seed=seed
    )
    batches = list(read_police_uk(path, block_size=BLOCK))
    with pytest.MonkeyPatch.context() as patch:
        assert _written(batches, patch, together) == _written(batches, patch, 1)
