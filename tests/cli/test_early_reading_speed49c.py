"""``svduty classify`` of incident files reads them on a thread of its own, from the start.

An incident file's first batch was read only once the partnership had been loaded and the
outputs opened (the loop asked for it), and a CSV file's batches were read on the thread
every batch waits on. They are now read one batch ahead on a reading thread
(``svduty-read``) started before the partnership is loaded, so the first batch is read
meanwhile. Standard input is read as before: a thread waiting on a pipe could not be
stopped. Synchronised, not timed: the partnership's loading waits until the first batch
has been read (before, it never was by then); the output is the same either way.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from svduty._commands import _planned
from svduty._commands import classify as command
from svduty.errors import InputFormatError, Problem

from ..cli_run import run

ROWS = (
    '{"id": "a", "police_uk_category": "Robbery", "location": "E07000222"}\n'
    '{"id": "b", "victim_age": 200}\n'
    '{"id": "a", "date": "2025-06-15", "police_uk_category": "burglary"}\n'
)


def _watched(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """The first batch's reading, as an event, and the threads that read the batches."""
    read, threads = threading.Event(), []
    real = command.iter_incidents

    def watched(*args, **kwargs):
        for batch in real(*args, **kwargs):
            threads.append(threading.current_thread().name)
            read.set()
            yield batch

    monkeypatch.setattr(command, "iter_incidents", watched)
    return read, threads


def _reading_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "svduty-read"]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_the_first_batch_is_read_while_the_partnership_loads(monkeypatch, tmp_path, suffix):
    path = tmp_path / f"in{suffix}"
    if suffix == ".jsonl":
        path.write_text(ROWS)
    else:
        path.write_text("id,police_uk_category,victim_age\na,Robbery,19\nb,Burglary,200\n")
    read, threads = _watched(monkeypatch)
    loaded = _planned.pipeline_for
    waited: list[bool] = []

    def loading(*args, **kwargs):
        waited.append(read.wait(timeout=20))  # (before: never read while loading)
        return loaded(*args, **kwargs)

    monkeypatch.setattr(_planned, "pipeline_for", loading)
    code, _, err = run("classify", path, "--summary", "json", "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    assert waited == [True]
    assert threads == ["svduty-read"]  # the reading thread's, not the loop's
    assert not _reading_threads()  # ended with the run


def test_standard_input_is_read_on_the_callers_thread(monkeypatch, tmp_path):
    import io
    import sys

    _, threads = _watched(monkeypatch)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ROWS.encode())))
    code, _, err = run("classify", "-", "--summary", "json", "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    assert threads == [threading.current_thread().name]


def test_an_input_that_is_not_a_regular_file_is_read_as_the_loop_asks(tmp_path):
    import argparse
    import io

    args = argparse.Namespace(inputs=["/dev/null"], map=[])  # a device (or a named pipe)
    early = command._read_early(args, "incidents", [Path("/dev/null")], io.StringIO())
    for reading in early:  # (before: a thread reading it, which could wait without end)
        reading.close()
    assert early == []
    assert command._read_early(args, "police-uk", [tmp_path], io.StringIO()) == []


def test_a_partnership_that_fails_to_load_stops_the_reading(monkeypatch, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(ROWS * 50_000)  # more than one batch: the thread waits to read the next
    read, _ = _watched(monkeypatch)

    def failing(*args, **kwargs):
        read.wait(timeout=20)
        raise InputFormatError(Problem(file="partnership", expected="a partnership"))

    monkeypatch.setattr(_planned, "pipeline_for", failing)
    code, _, err = run("classify", path, "--summary", "json", "-o", tmp_path / "out.jsonl")
    assert code == 1
    assert "partnership" in err
    assert not _reading_threads()
    assert not (tmp_path / "out.jsonl").exists()


def test_a_files_error_is_reported_as_before(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xff\xfe\x00x\n")  # not UTF-8 text
    code, _, err = run("classify", path, "--summary", "json", "-o", tmp_path / "out.jsonl")
    assert code == 1
    assert "in.csv" in err
    assert not _reading_threads()


def test_the_output_is_the_same_read_early_or_not(monkeypatch, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(ROWS * 30_000)  # two batches and a part

    def classified(name: str) -> tuple[str, dict[str, object]]:
        out = tmp_path / name
        code, text, err = run("classify", path, "--summary", "json", "-o", out)
        assert code == 0, err
        return out.read_text(), json.loads(text)

    early = classified("early.jsonl")
    monkeypatch.setattr(command, "_read_early", lambda *args: [])  # read as the loop asks
    assert classified("late.jsonl") == early
