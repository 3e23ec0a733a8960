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

import pytest

from svduty.io import _police_uk_reader as reader
from svduty.io import read_police_uk
from svduty.io._ahead import one_ahead
from svduty.io._inputs import SUMMARY_COLUMNS

from .test_inputs_unchanged import aged
from .test_reader_speed import GOOD, HEADER


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
