"""A JSON Lines batch's columns read by the writer's caller while it waits (speed57d, issue 15).

The writer's one worker writes a batch while the next waits; the caller (``svduty
classify``'s loop) hands it the next batch and waits for the one before. It now reads the
next batch's columns meanwhile (``_json_lines.lines_pieces``), and the worker only puts the
lines together: the same bytes, in the same order; an error met there is left to the
worker, which raises it where it always did.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._writers as writers
from svduty.io._background import Ordered
from svduty.io._writers import TableWriter

ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.one_of(st.none(), st.text(max_size=5)),
            "n": st.one_of(st.none(), st.integers(-5, 5)),
            "kinds": st.lists(st.sampled_from(["a", "b", 'q"']), max_size=2),
        }
    ),
    min_size=1,
    max_size=30,
)


def _gated(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """The worker held at its first batch until ``gate``; who read each batch's columns."""
    gate = threading.Event()
    real_write, real_pieces = writers._write_lines, writers.lines_pieces
    readers: list[str] = []
    started = threading.Event()

    def write_lines(raw: Any, pieces: Any, made: Any = None) -> None:
        if made is None:
            readers.append("worker")
        if not started.is_set():
            started.set()
            gate.wait(10)
        real_write(raw, pieces, made)

    def lines_pieces(batch: pa.RecordBatch) -> Any:
        readers.append(threading.current_thread().name)
        return real_pieces(batch)

    monkeypatch.setattr(writers, "_write_lines", write_lines)
    monkeypatch.setattr(writers, "lines_pieces", lines_pieces)
    return gate, readers


@settings(max_examples=15, deadline=None)
@given(ROWS, ROWS)
def test_the_caller_reads_the_next_batch_while_it_waits_and_the_text_is_the_same(
    first: list[dict[str, Any]], second: list[dict[str, Any]]
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        gate, readers = _gated(monkeypatch)
        folder = Path(tempfile.mkdtemp(dir=os.environ.get("TMPDIR")))
        out = folder / "o.jsonl"
        w = TableWriter(out, background=True)
        schema = pa.schema(
            [("id", pa.string()), ("n", pa.int64()), ("kinds", pa.list_(pa.string()))]
        )
        tables = [pa.Table.from_pylist(rows, schema=schema) for rows in (first, second)]
        w.write(tables[0])
        threading.Timer(0.02, gate.set).start()  # the caller waits: it reads meanwhile
        w.write(tables[1])
        w.commit()
    rows = tables[0].to_pylist() + tables[1].to_pylist()
    expected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert out.read_text(encoding="utf-8") == expected
    out.unlink()
    folder.rmdir()
    assert readers == ["worker", threading.current_thread().name]


def test_a_free_worker_reads_the_batch_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    assert writers._made_ahead([pa.record_batch({"a": [1]})], None) is None
    jobs = Ordered(workers=1, depth=1)
    assert not jobs.waiting()
    assert writers._made_ahead([pa.record_batch({"a": [1]})], jobs) is None
    gate = threading.Event()
    jobs.submit(lambda: gate.wait(10), lambda _: None)
    assert jobs.waiting()  # one job due, running: a submit would wait
    made = writers._made_ahead([pa.record_batch({"a": [1, 2]})], jobs)
    gate.set()
    jobs.finish()
    assert made is not None
    assert len(made) == 1
    assert not jobs.waiting()


def test_an_error_reading_ahead_is_raised_by_the_worker_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, readers = _gated(monkeypatch)

    def wrong(batch: pa.RecordBatch) -> Any:
        readers.append(threading.current_thread().name)
        raise TypeError("not JSON")

    monkeypatch.setattr(writers, "lines_pieces", wrong)
    real_parts = writers.json_lines_parts

    def parts(batch: pa.RecordBatch, rows: int = 2048, pieces: Any = None) -> Any:
        if batch.column(0)[0].as_py() == 2:
            raise TypeError("not JSON")  # the worker meets it again, where it always did
        return real_parts(batch, rows, pieces)

    monkeypatch.setattr(writers, "json_lines_parts", parts)
    out = tmp_path / "o.jsonl"
    w = TableWriter(out, background=True)
    w.write(pa.table({"a": [1]}))
    threading.Timer(0.05, gate.set).start()

    def second() -> None:  # raised by the write or by the commit, as ever
        w.write(pa.table({"a": [2]}))
        w.commit()

    with pytest.raises(TypeError, match="not JSON"):
        second()
    w.abort()
    assert list(tmp_path.iterdir()) == []
    assert readers == ["worker", threading.current_thread().name, "worker"]
