"""A JSON Lines file's first block made into rows ahead, taken only for the same file (speed54c).

``svduty classify`` reads a JSON Lines file's first block on a thread of its own while the
reading thread imports the incident readers (``io._jsonl_ahead``): since speed54c the whole
block, its lines found and checked, parsed, numbered and made into columns, and the
reader goes on reading the file from where that thread stopped. The reader takes it only
when its own handle reads the same file (device and inode) with the same bytes as far as
the block was read; otherwise it reads the file itself from where it was. These tests hold
it to the rows the reader gives without it, whatever the file became meanwhile.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest

from svduty.io import _incidents, _jsonl_ahead, _jsonl_numbers, _jsonl_rows
from svduty.io._incidents import iter_incidents_jsonl
from svduty.io._jsonl_ahead import First, jsonl_ahead


def _lines(ids: Any) -> str:
    return "".join(json.dumps({"id": i, "victim_age": k}) + "\n" for k, i in enumerate(ids))


def _rows(f: Path) -> list[dict[str, Any]]:
    return [r for b in iter_incidents_jsonl(f) for r in b.to_pylist()]


def _wait_for_the_thread() -> None:
    for thread in threading.enumerate():
        if thread.name == "svduty-read-ahead":
            thread.join()


def _closed(made: Any) -> bool:
    return bool(made.raw.closed)


@pytest.fixture
def blocks_of_four() -> Any:
    with patch.object(_incidents, "_BLOCK", 4), patch.object(_jsonl_ahead, "LINES", 4):
        yield


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Each :func:`taken` call's answer, as the reader asks it."""
    answers: list[Any] = []
    real = _jsonl_ahead.taken

    def counted(*args: Any) -> Any:
        answers.append(real(*args))
        return answers[-1]

    monkeypatch.setattr(_incidents, "taken", counted)
    return answers


@pytest.mark.usefixtures("blocks_of_four")
def test_the_block_made_ahead_is_taken_and_the_file_read_on_from_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f, other = tmp_path / "i.jsonl", tmp_path / "other.jsonl"
    f.write_text(_lines([str(k) for k in range(600)]))  # past the 8 KB read first
    other.write_text(_lines("xyz"))
    alone = _rows(f)
    answers = _counted(monkeypatch)
    monkeypatch.setattr(_jsonl_numbers, "_STEP", 16)  # the file in many pieces
    with jsonl_ahead([f]):
        _wait_for_the_thread()
        assert [r["id"] for r in _rows(other)] == list("xyz")  # another file: read alone
        rows = _rows(f)
    assert rows == alone
    assert [r["row"] for r in rows] == list(range(1, 601))
    none, first = answers
    assert none is None
    assert first is not None
    assert first.count == 4
    assert first.raw.closed
    assert not first.read  # the bytes compared are not kept
    assert not _jsonl_ahead._AHEAD


@pytest.mark.usefixtures("blocks_of_four")
def test_a_file_changed_meanwhile_is_read_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("abcdefghij"))
    answers = _counted(monkeypatch)
    with jsonl_ahead([f]):
        _wait_for_the_thread()
        with f.open("r+") as same:  # the same file, the same size, other bytes
            same.write(_lines("ABCDEFGHIJ"))
        rows = _rows(f)
    assert [r["id"] for r in rows] == list("ABCDEFGHIJ")
    assert [r["row"] for r in rows] == list(range(1, 11))
    assert answers == [None]
    assert not _jsonl_ahead._AHEAD


@pytest.mark.usefixtures("blocks_of_four")
@pytest.mark.parametrize("at", [None, 5_000, 15_000, 25_000])
def test_a_long_block_changed_anywhere_meanwhile_is_read_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: int | None
) -> None:
    """A block read in several pieces (the buffer's, then the stream's): each compared."""
    f = tmp_path / "i.jsonl"
    ids = ["x" * 5_000 + str(k) for k in range(6)]  # 4 lines: past the first 8 KB read
    f.write_text("".join(json.dumps({"id": i}) + "\n" for i in ids))
    answers = _counted(monkeypatch)
    with jsonl_ahead([f]):
        _wait_for_the_thread()
        (ahead,) = _jsonl_ahead._AHEAD
        assert len(ahead.found[0].read[0]) > 1  # read in pieces
        data = bytearray(f.read_bytes())
        if at is not None:  # in the first piece, the second, past the block (read with it)
            assert data[at] == ord("x")
            data[at] = ord("y")
            with f.open("r+b") as same:
                same.write(data)
        rows = _rows(f)
    assert [r["id"] for r in rows] == [json.loads(line)["id"] for line in data.splitlines()]
    assert [r["row"] for r in rows] == list(range(1, 7))
    assert (answers[0] is None) == (at is not None)  # taken only if the bytes read are the same


@pytest.mark.usefixtures("blocks_of_four")
def test_a_file_replaced_by_another_of_the_same_bytes_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f, other = tmp_path / "i.jsonl", tmp_path / "other.jsonl"
    f.write_text(_lines("abcdefghij"))
    other.write_text(_lines("abcdefghij"))
    answers = _counted(monkeypatch)
    with jsonl_ahead([f]):
        _wait_for_the_thread()
        os.replace(other, f)  # another inode: not the file read ahead
        rows = _rows(f)
    assert [r["id"] for r in rows] == list("abcdefghij")
    assert answers == [None]


def test_blocks_of_other_lines_are_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("abcdefghij"))
    answers = _counted(monkeypatch)
    with patch.object(_incidents, "_BLOCK", 3), patch.object(_jsonl_ahead, "LINES", 4):
        alone = _rows(f)
        with jsonl_ahead([f]):
            _wait_for_the_thread()
            rows = _rows(f)
    assert rows == alone
    assert answers == [None, None]  # (the first: nothing read ahead)


@pytest.mark.usefixtures("blocks_of_four")
def test_a_failed_read_ahead_leaves_the_file_to_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("abcdefghij"))
    alone = _rows(f)
    answers = _counted(monkeypatch)

    def broken(*args: Any) -> Any:
        raise MemoryError  # any failure: the reader reads the block and says what is wrong

    with patch.object(_jsonl_ahead, "block_rows", broken), jsonl_ahead([f]):
        _wait_for_the_thread()
        rows = _rows(f)
    assert rows == alone
    assert answers == [None]


@pytest.mark.usefixtures("blocks_of_four")
def test_what_is_not_taken_is_closed(tmp_path: Path) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("abcdefghij"))
    with jsonl_ahead([f]):
        _wait_for_the_thread()
        (ahead,) = _jsonl_ahead._AHEAD
        (made,) = ahead.found
        assert not _closed(made)
    assert _closed(made)
    assert not made.read
    assert not _jsonl_ahead._AHEAD
    ended = threading.Event()
    ended.set()  # the reading is over before the block is made: it is not kept
    late = _jsonl_ahead._Ahead(str(f))
    _jsonl_ahead._read(f, late, ended)
    assert late.done.is_set()
    assert not late.found
    ending = threading.Event()  # over while the block is made: made, then closed
    real = _jsonl_rows.block_rows
    made_then: list[Any] = []

    def ended_meanwhile(*args: Any) -> Any:
        ending.set()
        return real(*args)

    def closed(self: First) -> None:
        made_then.append(self)

    with patch.object(_jsonl_ahead, "block_rows", ended_meanwhile):
        while_made = _jsonl_ahead._Ahead(str(f))
        with patch.object(_jsonl_ahead.First, "close", closed):
            _jsonl_ahead._read(f, while_made, ending)
    assert while_made.done.is_set()
    assert not while_made.found
    (dropped,) = made_then
    dropped.raw.close()


@pytest.mark.usefixtures("blocks_of_four")
def test_a_taken_block_is_kept_by_its_thread_after_the_reading_ended(tmp_path: Path) -> None:
    """The reader waits for a block it took; its thread does not drop it when the reading ends."""
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("abcdefghij"))
    ended = threading.Event()
    ahead = _jsonl_ahead._Ahead(str(f))
    ahead.taken.append(True)
    ended.set()
    _jsonl_ahead._read(f, ahead, ended)
    (made,) = ahead.found
    assert made.table is not None
    assert made.table.column("id").to_pylist() == list("abcd")
    assert next(made.blocks)[2] == 4  # the next block, from where the first ended
    made.close()
    assert made.raw.closed


def test_a_block_closed_while_it_is_read_closes_its_file(tmp_path: Path) -> None:
    """Closed while another thread reads its next block: the file closed, that read fails."""
    f = tmp_path / "i.jsonl"
    f.write_text(_lines("ab"))
    made: list[First] = []

    def blocks() -> Any:
        made[0].close()  # (here: the generator is running, as on the other thread)
        yield b"", None, None

    raw = f.open("rb")
    made.append(First(None, b"", {"fields": None}, 0, blocks(), raw, [[b""]], 4))
    assert next(made[0].blocks) == (b"", None, None)
    assert _closed(made[0])
    assert not made[0].read
