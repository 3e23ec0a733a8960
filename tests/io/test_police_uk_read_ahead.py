"""The reader reads a file's next block on a thread of its own while the caller works.

Reading a block (its bytes into memory, the search for quotes and line ends) was about a
fifth of a summary's work on the caller's thread after start-up (real months, 400,000
rows): the caller's thread is the one every batch waits on. Counted, not timed: which
thread reads each block, and how many items are taken ahead of the caller.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from svduty.errors import InputFormatError
from svduty.io import _police_uk_blocks as blocks
from svduty.io import read_police_uk
from svduty.io._ahead import one_ahead

from .test_inputs_unchanged import aged
from .test_reader_speed import GOOD, HEADER


def _file(tmp_path: Path, rows: int) -> Path:
    f = tmp_path / "month.csv"
    lines = [",".join(GOOD).replace("abc", f"id{i}") for i in range(rows)]
    f.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    aged(f)
    return f


def test_every_block_is_read_on_the_reading_thread_not_the_callers(tmp_path, monkeypatch):
    f = _file(tmp_path, 2000)
    readers: list[str] = []
    read = blocks._Buffers.read

    def counted(self, *args):
        readers.append(threading.current_thread().name)
        return read(self, *args)

    monkeypatch.setattr(blocks._Buffers, "read", counted)
    got = list(read_police_uk(f, block_size=1 << 14))
    assert sum(b.num_rows for b in got) == 2000
    assert len(readers) > 5  # many blocks ...
    assert set(readers) == {"svduty-read"}  # ... none read on the caller's thread


def test_one_item_is_taken_ahead_at_most():
    taken: list[int] = []

    def items():
        for i in range(10):
            taken.append(i)
            yield i

    ahead = one_ahead(items())
    for k in range(10):
        assert next(ahead) == k
        threading.Event().wait(0.01)  # (the thread may take the next: no more)
        assert len(taken) <= k + 2
    assert list(ahead) == []
    assert len(taken) == 10


def test_stopping_early_stops_the_thread_and_closes_the_items():
    closed: list[bool] = []

    def items():
        try:
            yield from range(1000)
        finally:
            closed.append(True)

    before = threading.active_count()
    ahead = one_ahead(items())
    assert next(ahead) == 0
    ahead.close()
    assert closed == [True]
    assert threading.active_count() == before


def test_an_error_reading_is_raised_to_the_caller_and_the_thread_ends(tmp_path, monkeypatch):
    f = _file(tmp_path, 2000)
    calls = [0]
    read = blocks._Buffers.read

    def failing(self, fh, offset, length, path):
        calls[0] += 1
        if calls[0] == 3:
            raise blocks.changed(path, shorter=True)
        return read(self, fh, offset, length, path)

    monkeypatch.setattr(blocks._Buffers, "read", failing)
    with pytest.raises(InputFormatError, match="became shorter"):
        list(read_police_uk(f, block_size=1 << 14))
    assert calls[0] == 3  # no block read after the one that failed
    assert not [t for t in threading.enumerate() if t.name == "svduty-read"]


def test_a_one_ahead_inside_a_one_ahead_starts_no_second_thread():
    seen: list[int] = []

    def items():
        for i in range(3):
            seen.append(len([t for t in threading.enumerate() if t.name == "svduty-read"]))
            yield i

    assert list(one_ahead(one_ahead(items()))) == [0, 1, 2]
    assert seen == [1, 1, 1]  # the outer reading thread takes the inner items itself


def test_closing_without_wait_returns_while_the_thread_still_waits_on_its_input():
    """``wait=False`` (stdin, a pipe): Ctrl-C must not wait for input that may never come."""
    released, inside = threading.Event(), threading.Event()
    closed: list[bool] = []

    def items():
        yield 0
        inside.set()
        released.wait()  # a read blocked on a pipe
        try:
            yield 1
        finally:
            closed.append(True)

    ahead = one_ahead(items(), wait=False)
    assert next(ahead) == 0
    assert inside.wait(10)  # the reading thread is making the next item
    closer = threading.Thread(target=ahead.close)
    closer.start()
    closer.join(timeout=10)
    assert not closer.is_alive()  # returned while the reading thread still waits
    assert closed == []
    released.set()  # the input comes: the thread takes its item, sees the stop, closes the items
    for t in [t for t in threading.enumerate() if t.name == "svduty-read"]:
        t.join(timeout=10)
    assert closed == [True]


def test_closing_with_wait_returns_once_the_thread_has_closed_the_items():
    closed: list[bool] = []

    def items():
        try:
            yield from range(5)
        finally:
            closed.append(True)

    ahead = one_ahead(items())
    assert next(ahead) == 0
    ahead.close()
    assert closed == [True]
    assert not [t for t in threading.enumerate() if t.name == "svduty-read"]
