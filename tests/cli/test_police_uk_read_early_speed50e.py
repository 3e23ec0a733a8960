"""``svduty classify`` of a police.uk file reads its first batch from the start (speed50e).

A police.uk file was not read until the loop asked for its first batch, once the
partnership had been loaded and the outputs opened: its first 16 MiB block was read and
parsed only then. The first batch is now read on a thread of its own (``svduty-read``)
started before the partnership is loaded; the rest are read as before. A file that is
not a regular file (a named pipe, a device) is read as the loop asks. Synchronised, not
timed: the partnership's loading waits until the first batch has been read (before, it
never was by then). Errors, Ctrl-C and the outputs are as they were.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import threading
from typing import Any

import pyarrow.parquet as pq
import pytest

from svduty._commands import _planned
from svduty._commands import classify as command
from svduty.errors import InputFormatError, Problem
from svduty.io import sample_police_uk

from ..cli_run import run


def _watched(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """The first batch's reading, as an event, and the threads that read the batches."""
    read, threads = threading.Event(), []
    real = command.read_police_uk

    def watched(*args: Any, **kwargs: Any) -> Any:
        for batch in real(*args, **kwargs):
            threads.append(threading.current_thread().name)
            read.set()
            yield batch

    monkeypatch.setattr(command, "read_police_uk", watched)
    return read, threads


def _reading_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "svduty-read"]


def _waiting_for(read: threading.Event, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    loaded, waited = _planned.pipeline_for, []

    def loading(*args: Any, **kwargs: Any) -> Any:
        waited.append(read.wait(timeout=20))  # (before: never read while loading)
        return loaded(*args, **kwargs)

    monkeypatch.setattr(_planned, "pipeline_for", loading)
    return waited


@pytest.mark.parametrize("written", [False, True])
def test_the_first_batch_is_read_while_the_partnership_loads(monkeypatch, tmp_path, written):
    read, threads = _watched(monkeypatch)
    waited = _waiting_for(read, monkeypatch)
    out = ["-o", tmp_path / "out.parquet"] if written else []
    code, _, err = run("classify", sample_police_uk(), "--summary", "json", *out)
    assert code == 0, err
    assert waited == [True]
    assert threads[0] == "svduty-read"  # the first batch: the early thread's
    assert not _reading_threads()  # ended with the run


def test_an_input_that_is_not_a_regular_file_is_read_as_the_loop_asks(tmp_path):
    fifo = tmp_path / "months.csv"
    os.mkfifo(fifo)  # (a thread reading it could wait without end)
    args = argparse.Namespace(inputs=[str(fifo)], map=[], output=None)
    assert command._read_early(args, "police-uk", [fifo], io.StringIO()) == []
    assert not _reading_threads()


def _both(monkeypatch: pytest.MonkeyPatch, *argv: Any) -> tuple[Any, Any]:
    """``svduty classify ARGV`` read early (as now) and read as the loop asks (as before)."""
    early = run("classify", *argv)
    assert not _reading_threads()
    with monkeypatch.context() as m:
        m.setattr(command, "_read_early", lambda *args: [])
        late = run("classify", *argv)
    return early, late


@pytest.mark.parametrize(
    "text",
    [
        "Crime ID,Month\n1,2024-01\n",  # a header without police.uk's columns
        "\ufeff\ufeff",  # no header line
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
        "LSOA name,Crime type,Crime type,Last outcome category,Context\n",  # a column twice
    ],
)
def test_a_files_error_is_reported_as_before(monkeypatch, tmp_path, text):
    path = tmp_path / "months.csv"
    path.write_text(text)
    out, rejected = tmp_path / "out.parquet", tmp_path / "rejected.csv"
    argv = (path, "--format", "police-uk", "--summary", "json", "-o", out, "--rejected", rejected)
    early, late = _both(monkeypatch, *argv)
    assert early == late
    assert early[0] == 1, early
    assert "months.csv" in early[2]
    assert not out.exists()
    assert not rejected.exists()


def test_a_file_that_cannot_be_read_is_reported_as_before(monkeypatch, tmp_path):
    path = tmp_path / "months.csv"
    path.write_bytes(b"\xff\xfe\x00Crime ID\n")  # not UTF-8 text
    early, late = _both(monkeypatch, path, "--format", "police-uk", "--summary", "json")
    assert early == late
    assert early[0] == 1


def test_the_output_is_the_same_read_early_or_not(monkeypatch, tmp_path):
    def classified(name: str) -> Any:
        out, rejected = tmp_path / f"{name}.parquet", tmp_path / f"{name}.csv"
        argv = [sample_police_uk(), "--summary", "json", "-o", out, "--rejected", rejected]
        code, text, err = run("classify", *argv)
        assert code == 0, err
        return pq.read_table(out).drop_columns(["file"]), rejected.read_text(), json.loads(text)

    early = classified("early")
    with monkeypatch.context() as m:
        m.setattr(command, "_read_early", lambda *args: [])
        late = classified("late")
    assert early[0].equals(late[0])
    assert early[1:] == late[1:]
    early_summary = run("classify", sample_police_uk(), "--summary", "json")
    with monkeypatch.context() as m:
        m.setattr(command, "_read_early", lambda *args: [])
        assert run("classify", sample_police_uk(), "--summary", "json") == early_summary


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        (KeyboardInterrupt(), 130),
        (InputFormatError(Problem(file="partnership", expected="a partnership")), 1),
    ],
)
def test_a_stop_while_the_partnership_loads_stops_the_reading(monkeypatch, tmp_path, stop, code):
    read, _ = _watched(monkeypatch)

    def failing(*args: Any, **kwargs: Any) -> Any:
        read.wait(timeout=20)
        raise stop

    monkeypatch.setattr(_planned, "pipeline_for", failing)
    out = tmp_path / "out.parquet"
    got, _, err = run("classify", sample_police_uk(), "--summary", "json", "-o", out)
    assert got == code, err
    assert not _reading_threads()
    assert not out.exists()
    assert not list(tmp_path.iterdir())  # no temporary file either


@pytest.mark.parametrize("written", [False, True])
def test_one_reading_thread_takes_the_batches_after_the_first(monkeypatch, tmp_path, written):
    """The loop's reading thread reads the reader's blocks itself, rows written or not.

    Since speed50f every batch of svduty's reader is numbered one ahead on the loop's
    reading thread (a ``Started``); the first batch's thread must say so, or the reader
    starts a second thread of its own for its blocks (a written run had two: the lead's
    merge of speed50e with speed50f). Counted, not timed.
    """
    from svduty.io import _ahead

    made: list[int] = []
    real = _ahead.Started.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(_ahead.Started, "__init__", counted)
    out = ["-o", tmp_path / "out.parquet"] if written else []
    code, _, err = run("classify", sample_police_uk(), "--summary", "json", *out)
    assert code == 0, err
    assert len(made) == 1  # the loop's reading thread; none for the reader's blocks
