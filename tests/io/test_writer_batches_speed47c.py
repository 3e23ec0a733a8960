"""The JSON Lines writer's worker takes a batch as one job, and a reader's batch as one piece.

speed47c: a batch was handed to the worker in pieces of 32,768 rows, one job each, and the
writer lets one job wait: handing over a batch's second piece, the main thread waited for
the worker to finish the batch's own first piece (in the bench's 200,000 incidents, every
batch) instead of going on to read and classify the next batch. And each piece's columns
were analysed apart, twice for each of the reader's batches of 65,536 rows.
"""

from __future__ import annotations

import io
from collections import Counter

import pyarrow as pa

import svduty.io._json_lines as json_lines_module
import svduty.io._writers as writers
from svduty.io._background import Ordered
from svduty.io._incidents import BATCH_ROWS
from svduty.io._json_lines import json_lines
from svduty.io._writers import TableWriter


def _table(n: int) -> pa.Table:
    return pa.table(
        {
            "id": [f"inc-{i}" for i in range(n)],
            "violence": pa.array(
                ["yes", "no", "undetermined"] * (n // 3) + ["no"] * (n % 3)
            ).dictionary_encode(),
            "victim_age": list(range(n)),
        }
    )


def _stream() -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def test_a_batch_is_one_job_of_the_worker(monkeypatch):
    """Counted guard: one job handed to the worker per batch written, however many pieces."""
    submitted: Counter[str] = Counter()
    real = Ordered.submit

    def counted(self, make, use):
        submitted["jobs"] += 1
        return real(self, make, use)

    monkeypatch.setattr(Ordered, "submit", counted)
    monkeypatch.setattr(writers, "_ENCODED_ROWS", 4)  # 10 rows: 3 pieces
    raw, stream = _stream()
    w = TableWriter(stream, kind="jsonl", background=True)
    tables = [_table(10), _table(7)]
    for t in tables:
        w.write(t)
    w.commit()
    assert submitted["jobs"] == len(tables)
    expected = "".join(json_lines(b) for t in tables for b in t.to_batches())
    assert raw.getvalue().decode("utf-8") == expected  # in order, every piece


def test_a_reader_batch_is_analysed_once(monkeypatch):
    """Counted guard: a batch of the reader's size is one piece (its columns read once)."""
    analysed: list[int] = []
    real = json_lines_module._pieces

    def counted(batch):
        analysed.append(batch.num_rows)
        return real(batch)

    monkeypatch.setattr(json_lines_module, "_pieces", counted)
    raw, stream = _stream()
    w = TableWriter(stream, kind="jsonl", background=False)
    table = _table(BATCH_ROWS)
    w.write(table)
    w.commit()
    assert analysed == [BATCH_ROWS]
    assert raw.getvalue().count(b"\n") == BATCH_ROWS
