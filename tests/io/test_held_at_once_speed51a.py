"""What ``svduty classify`` holds at once: blocks parsed ahead, a writer's batches (issue 15).

Peak memory of ``svduty classify`` on 400,000 police.uk rows had grown to 3.1-3.4x the
file: the loop's reading thread numbered a batch ahead (speed50f) while the reader under
it still parsed two blocks ahead of that, and a writer's batches were held and built
three at a time (speed50b), however large. Now the reader parses no block ahead of a
reading thread when every column is converted (rows written) and one when only a
summary's are; a writer's batches are held together only while they are small
(:data:`~svduty.io._run.WRITTEN_BYTES`). Counted, not timed: which block the reader had
taken when it handed each batch over, and how many batches each answering took.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from svduty.io import _alike, _run, default_pipeline, read_police_uk, run_pipeline
from svduty.io import _police_uk_reader as reader
from svduty.io._ahead import one_ahead
from svduty.io._inputs import SUMMARY_COLUMNS
from svduty.io._police_uk_reader import WRITTEN_BLOCK

from .test_inputs_unchanged import aged
from .test_reader_speed import GOOD, HEADER
from .test_written_batches_together_speed50b import _counted, _repeated


def _file(tmp_path: Path, rows: int) -> Path:
    f = tmp_path / "month.csv"
    lines = [",".join(GOOD).replace("abc", f"id{i}") for i in range(rows)]
    f.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    aged(f)
    return f


def _blocks_taken(monkeypatch, f: Path, columns, *, on_reading_thread: bool):
    """For each batch the reader handed over: how many blocks it had taken by then."""
    taken: list[int] = []
    blocks = reader._blocks

    def counted(*args):
        for block in blocks(*args):
            taken.append(1)
            yield block

    monkeypatch.setattr(reader, "_blocks", counted)
    seen: list[tuple[int, int]] = []

    def observed():  # on the reading thread when read by one_ahead: the reader's blocks too
        for k, batch in enumerate(read_police_uk(f, block_size=1 << 14, columns=columns), 1):
            seen.append((k, len(taken)))
            yield batch

    got = list(one_ahead(observed())) if on_reading_thread else list(observed())
    assert sum(b.num_rows for b in got) == 3000
    assert len(got) > 8  # many blocks
    return [t - k for k, t in seen]


@pytest.mark.parametrize(("columns", "ahead"), [(None, 0), (SUMMARY_COLUMNS, 1)])
def test_a_reader_read_on_a_reading_thread_parses_few_blocks_ahead(
    tmp_path, monkeypatch, columns, ahead
):
    f = _file(tmp_path, 3000)
    beyond = _blocks_taken(monkeypatch, f, columns, on_reading_thread=True)
    # the reading thread is the step ahead: rows written (every column), no block parsed
    # beyond the batch handed over; a summary's (few columns), one
    assert max(beyond) == ahead
    assert beyond[0] == ahead


def test_a_reader_read_on_the_callers_thread_still_parses_ahead(tmp_path, monkeypatch):
    f = _file(tmp_path, 3000)
    beyond = _blocks_taken(monkeypatch, f, None, on_reading_thread=False)
    # (its blocks read on a thread of their own: at least the blocks parsed ahead)
    assert max(beyond) >= min(2, reader.os.cpu_count() or 1)


def test_a_writers_large_batches_are_answered_one_at_a_time(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv", rows=90_000)  # about 2.5 blocks of WRITTEN_BLOCK
    batches = list(read_police_uk(path, block_size=WRITTEN_BLOCK))
    assert len(batches) == 3
    assert all(_alike.numbered(b).worth(_alike.MOST_DISTINCT_WRITTEN) for b in batches)
    answered = _counted(monkeypatch)
    written: list[pa.Table] = []
    summary = run_pipeline(iter(batches), default_pipeline(), written.append)
    assert summary.rows_in == summary.rows_out == 90_000
    assert answered == [1, 1, 1]  # each held alone: a block of every column is not small
    assert [t.num_rows for t in written] == [b.num_rows for b in batches]


def test_a_writers_batches_are_held_together_within_the_bytes(tmp_path, monkeypatch):
    path = _repeated(tmp_path / "m.csv")
    batches = list(read_police_uk(path, block_size=1 << 16))
    assert len(batches) >= 6
    one = max(_alike._size(_alike.numbered(b)) for b in batches)
    monkeypatch.setattr(_run, "WRITTEN_BYTES", one * 3 // 2)  # room for one, not two
    answered = _counted(monkeypatch)
    written: list[pa.Table] = []
    run_pipeline(iter(batches), default_pipeline(), written.append)
    # the first alone (the writer starts), then pairs: the second goes past the bytes
    assert answered[0] == 1
    assert set(answered[1:-1]) == {2}
    assert sum(answered) == len(batches)
    assert [t.column("row").to_pylist() for t in written] == [
        b.column("row").to_pylist() for b in batches
    ]
