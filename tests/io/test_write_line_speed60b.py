"""The JSON Lines writer's parts are written by one thread kept across batches (speed60b).

Each batch's job used to start a thread of its own to write its parts and wait for the last
of them before it returned, so the writing thread sat idle while the next job read its
columns. Now one :class:`~svduty.io._background.Behind` writes every batch's parts, in
order, and a job returns once its parts are handed on. What is written must not change:
each row's ``json.dumps``, batch after batch, in order; an error writing a part still
reaches the caller (a later ``write`` or ``commit``) and leaves a file target as it was.
"""

from __future__ import annotations

import io
import itertools
import json
import threading
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._writers as writers
from svduty.errors import InputFormatError
from svduty.io._background import BEHIND, Behind
from svduty.io._writers import TableWriter

_WORDS = ["yes", "no", "undetermined", "required", 'say "no"', "é"]
_REASONS = ["DA-S1-2A-UNDER-16", "BASIS-CATEGORY", "CATEGORY-MIXED", "", "R\\3", "a\nb"]


@st.composite
def _batches(draw: st.DrawFn) -> list[pa.Table]:
    """Incident-like rows (text, numbers, verdict words as dictionaries, reason lists), cut."""
    n = draw(st.integers(0, 60))
    text = st.one_of(st.none(), st.text(max_size=6))
    reasons = st.lists(st.sampled_from(_REASONS), max_size=4)
    table = pa.table(
        {
            "row": pa.array(range(1, n + 1), pa.int64()),
            "id": pa.array(draw(st.lists(text, min_size=n, max_size=n)), pa.string()),
            "victim_age": pa.array(
                draw(st.lists(st.one_of(st.none(), st.integers(0, 130)), min_size=n, max_size=n)),
                pa.int64(),
            ),
            "violence": pa.array(
                draw(st.lists(st.sampled_from(_WORDS), min_size=n, max_size=n)), pa.string()
            ).dictionary_encode(),
            "homicide_review": pa.array(
                draw(st.lists(st.sampled_from(_WORDS), min_size=n, max_size=n)), pa.string()
            ).dictionary_encode(),
            "reasons": pa.array(
                draw(st.lists(reasons, min_size=n, max_size=n)), pa.list_(pa.string())
            ),
        }
    )
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=4)))
    bounds = [0, *cuts, n]
    return [table.slice(a, b - a) for a, b in itertools.pairwise(bounds)]


class _Recorded(io.BytesIO):
    """A byte stream that records the thread writing each part."""

    def __init__(self) -> None:
        super().__init__()
        self.writers: list[threading.Thread] = []  # (held: an ended thread's id is reused)

    def write(self, data: Any, /) -> int:
        self.writers.append(threading.current_thread())
        return super().write(data)


def _lines(tables: list[pa.Table]) -> bytes:
    rows = [r for t in tables for r in t.to_pylist()]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


@settings(max_examples=40, deadline=None)
@given(tables=_batches(), background=st.booleans(), part_rows=st.integers(1, 8))
def test_the_lines_are_each_rows_json_batch_after_batch(
    tables: list[pa.Table], background: bool, part_rows: int
) -> None:
    """Written by one thread across batches: each row's ``json.dumps``, in order."""
    with pytest.MonkeyPatch.context() as m:
        # parts of a few lines: many parts a batch, waiting on the one thread
        m.setattr(writers, "json_lines_parts", _parts_of(part_rows))
        raw = _Recorded()
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        w = TableWriter(stream, kind="jsonl", background=background)
        for t in tables:
            w.write(t)
        assert w.commit() == sum(t.num_rows for t in tables)
    assert raw.getvalue() == _lines(tables)
    assert len(set(raw.writers)) <= 1  # one thread wrote every batch's parts
    assert threading.current_thread() not in raw.writers  # and not the caller's
    assert not [t for t in threading.enumerate() if t.name == "svduty-write"]


def _parts_of(rows: int) -> Any:
    plain = writers.json_lines_parts

    def parts(batch: pa.RecordBatch) -> Any:
        return plain(batch, rows)

    return parts


def test_a_job_returns_before_its_parts_are_written() -> None:
    """The writer's next job starts while the parts of the one before are being written."""
    gate = threading.Event()
    used: list[int] = []

    def use(item: int) -> None:
        gate.wait(5)
        used.append(item)

    line = Behind(use)
    for i in range(BEHIND + 1):  # one in use (held by the gate), BEHIND waiting
        assert line.put(i)
    assert used == []  # handed on, not yet written: the caller goes on
    gate.set()
    line.end()
    line.raise_failed()
    assert used == list(range(BEHIND + 1))
    assert not [t for t in threading.enumerate() if t.name == "svduty-write"]


def test_after_a_failed_use_nothing_more_is_used_and_the_error_is_raised() -> None:
    used: list[int] = []

    def use(item: int) -> None:
        if item == 2:
            raise OSError("disk full")
        used.append(item)

    line = Behind(use)
    for i in range(3):
        line.put(i)
    line.end()  # every item put is used (or dropped after the error)
    assert used == [0, 1]
    assert not line.put(3)  # refused: a use failed
    with pytest.raises(OSError, match="disk full"):
        line.raise_failed()
    line.end()  # (no thread: nothing to end)
    assert used == [0, 1]


def test_a_failed_write_reaches_the_caller_and_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part that cannot be written (a full disk) fails the output: the target unchanged."""
    target = tmp_path / "out.jsonl"
    target.write_text("before\n", encoding="utf-8")
    calls: list[int] = []
    plain = writers.write_all

    def full(raw: Any, data: Any) -> None:
        calls.append(len(calls))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        plain(raw, data)

    monkeypatch.setattr(writers, "write_all", full)
    monkeypatch.setattr(writers, "json_lines_parts", _parts_of(1))
    w = TableWriter(target, background=True)
    batch = pa.table({"a": [1, 2, 3]})

    def run() -> None:  # the error comes with a later batch or with the commit
        for _ in range(4):
            w.write(batch)
        w.commit()

    with pytest.raises(InputFormatError, match="space"):
        run()
    assert target.read_text(encoding="utf-8") == "before\n"
    assert len(calls) == 2  # nothing written after the failed part
    assert not [t for t in threading.enumerate() if t.name == "svduty-write"]
