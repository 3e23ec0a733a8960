"""speed50f: a writer's batches are numbered on the reading thread, as a summary's are.

``svduty classify --output`` read and numbered every batch on the loop's thread (the one
every batch waits on): about 25 ms of it for 400,000 rows, and on a file whose batches are
grouped, as much again taking their distinct rows. ``run_pipeline`` now numbers svduty's
own reader's batches one ahead on the reading thread whether rows are written or not.
Counted (which thread numbers), never timed; and the rows written must be the rows
written when every batch is numbered on the loop's thread.
"""

from __future__ import annotations

import threading

import pyarrow as pa
import pytest

from svduty.io import _alike, default_pipeline, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._ahead import Ahead
from tests import traced_examples

BLOCK = 1 << 16  # the sample month in several batches


def _numbering_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads on which batches are numbered."""
    threads: list[str] = []
    given_ = _alike.numbered

    def counted(batch, alike=_alike.ALIKE):
        threads.append(threading.current_thread().name)
        return given_(batch, alike)

    monkeypatch.setattr(_alike, "numbered", counted)
    return threads


@pytest.mark.parametrize("grouped", [True, False])
def test_a_writers_batches_are_numbered_on_the_reading_thread(monkeypatch, grouped):
    if not grouped:  # every batch classified row by row (as real months are, written)
        monkeypatch.setattr(_alike, "MOST_DISTINCT_WRITTEN", 0.0)
    threads = _numbering_threads(monkeypatch)
    rows: list[pa.Table] = []
    batches = Ahead(read_police_uk(sample_police_uk(), block_size=BLOCK))
    run_pipeline(batches, default_pipeline(), rows.append)
    assert len(threads) > 3  # every batch's ...
    assert set(threads) == {"svduty-read"}  # ... off the loop's thread


def _written(batches) -> tuple[list[pa.Table], list[pa.Table], str]:
    rows: list[pa.Table] = []
    bad: list[pa.Table] = []
    summary = run_pipeline(batches, default_pipeline(), rows.append, on_rejected=bad.append)
    return rows, bad, summary.to_json()


@pytest.mark.parametrize("most", [0.0, 0.15, 0.5, 1.0])
@pytest.mark.parametrize("block", [1 << 14, 1 << 16, 1 << 18])
def test_rows_numbered_ahead_are_written_as_numbered_on_the_loop(block, most):
    """Every block size at every ``most`` (before ci62a: 12 examples drawn from the 12).

    Coverage: the cases traced are the largest blocks (four batches) at every ``most`` and
    the smallest at 0.15 and 0.5, which cross all the code the twelve cross (ci62a, from
    coverage's contexts: every case traced cost 17 s of CPU of the file's 31)."""
    traced = block == 1 << 18 or (block == 1 << 14 and most in (0.15, 0.5))
    traced_examples.call(traced, _the_same_rows_written, block, most)


def _the_same_rows_written(block: int, most: float) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_alike, "MOST_DISTINCT_WRITTEN", most)
        ahead = _written(Ahead(read_police_uk(sample_police_uk(), block_size=block)))
        loop = _written(read_police_uk(sample_police_uk(), block_size=block))
    assert [t.num_rows for t in ahead[0]] == [t.num_rows for t in loop[0]]
    assert all(a.equals(b) for a, b in zip(ahead[0], loop[0], strict=True))
    assert pa.concat_tables(ahead[1]).equals(pa.concat_tables(loop[1])) if loop[1] else not ahead[1]
    assert ahead[2] == loop[2]
