"""JSON Lines encoded on worker threads: the same bytes, in order, errors raised, nothing left."""

from __future__ import annotations

import datetime as dt
import io
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._parquet_sink as parquet_sink
import svduty.io._writers as writers
from svduty.cli import main
from svduty.errors import InputFormatError
from svduty.io._background import Ordered, cores
from svduty.io._writers import TableWriter

TEXT = st.text(st.sampled_from(["a", "é", '"', "\\", "\n", "🙂", "x"]), max_size=4)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers()), max_size=12), st.integers(1, 3))
def test_results_are_used_in_the_order_given(jobs: list[tuple[int, int]], workers: int) -> None:
    used: list[int] = []
    ordered = Ordered(workers=workers, depth=2)

    def make(pause: int, value: int) -> int:
        time.sleep(pause / 2000)  # the later jobs often finish first
        return value

    for pause, value in jobs:
        ordered.submit(lambda p=pause, v=value: make(p, v), used.append)
    ordered.finish()
    assert used == [v for _, v in jobs]


def test_an_error_is_raised_when_its_result_is_due_and_cancel_drops_the_rest() -> None:
    used: list[int] = []
    ordered = Ordered(workers=1, depth=1)

    def three() -> None:
        for make in (lambda: 1 / 0, lambda: 1, lambda: 2):
            ordered.submit(make, used.append)

    with pytest.raises(ZeroDivisionError):  # raised when due (one waits at most)
        three()
    ordered.cancel()
    ordered.cancel()  # again: nothing to do
    assert used == []
    started = threading.Event()
    release = threading.Event()
    ran: list[int] = []
    ordered = Ordered(workers=1, depth=5)
    ordered.submit(lambda: (started.set(), release.wait(5), ran.append(1)), used.append)
    ordered.submit(lambda: ran.append(2), used.append)
    started.wait(5)
    threading.Timer(0.05, release.set).start()
    ordered.cancel()  # waits for the running job, drops the one not started
    assert ran == [1]
    assert used == []
    ordered.finish()  # nothing left: a no-op
    assert cores() >= 1


@st.composite
def _tables(draw: st.DrawFn) -> list[pa.Table]:
    n = draw(st.integers(0, 3))
    out = []
    for _ in range(n):
        k = draw(st.integers(0, 9))
        ids = draw(st.lists(st.one_of(st.none(), TEXT), min_size=k, max_size=k))
        kinds = draw(st.lists(st.sampled_from(["inside", "outside", None]), min_size=k, max_size=k))
        ages = draw(st.lists(st.one_of(st.none(), st.integers(0, 130)), min_size=k, max_size=k))
        tags = draw(
            st.lists(st.one_of(st.none(), st.lists(TEXT, max_size=2)), min_size=k, max_size=k)
        )
        where = pa.array(kinds, pa.string())
        if draw(st.booleans()):  # as the pipeline gives verdicts: dictionary-encoded
            where = where.dictionary_encode()
        columns = {"id": pa.array(ids, pa.string()), "within_area": where}
        columns["age"] = pa.array(ages, pa.int64())
        columns["tags"] = pa.array(tags, pa.list_(pa.string()))
        out.append(pa.table(columns))
    return out


SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("within_area", pa.dictionary(pa.int32(), pa.string())),
        ("age", pa.int64()),
        ("tags", pa.list_(pa.string())),
        ("extra", pa.bool_()),  # never given: nulls
    ]
)


def _written(tables: list[pa.Table], background: bool, to: Any) -> None:
    w = TableWriter(to, schema=SCHEMA, kind="jsonl", background=background)
    for t in tables:
        w.write(t)
    w.commit()


@settings(max_examples=150, deadline=None)
@given(tables=_tables(), rows=st.integers(1, 4))
def test_the_threaded_writer_writes_what_the_plain_one_writes(
    tables: list[pa.Table], rows: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    expected = io.StringIO()
    _written(tables, False, expected)
    old = writers._ENCODED_ROWS
    writers._ENCODED_ROWS = rows  # a table's batches encoded side by side
    try:
        got = io.StringIO()
        _written(tables, True, got)
        f = tmp_path_factory.mktemp("w") / "o.jsonl"
        _written(tables, True, f)
    finally:
        writers._ENCODED_ROWS = old
    assert got.getvalue() == expected.getvalue()
    assert f.read_bytes() == expected.getvalue().encode()
    lines = expected.getvalue().splitlines()
    assert len(lines) == sum(t.num_rows for t in tables)
    for line in lines:  # the dictionary column's words, not its numbers
        assert '"within_area": "' in line or '"within_area": null' in line


def _write_and_commit(w: TableWriter, table: pa.Table) -> None:
    w.write(table)
    w.commit()


def test_an_encoding_error_is_raised_and_the_target_kept(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text("before")
    w = TableWriter(out, background=True)
    w.write(pa.table({"a": pa.array([[]], pa.list_(pa.date32()))}))
    bad = pa.table({"a": pa.array([[dt.date(2024, 1, 1)]])})  # written through _as_json

    def refuse(value: object) -> object:
        raise TypeError("not JSON")

    monkeypatch.setattr("svduty.io._json_lines._as_json", refuse)
    with pytest.raises(TypeError):
        _write_and_commit(w, bad)
    w.abort()
    assert out.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl"]


def test_a_write_error_in_the_workers_becomes_an_input_format_error(tmp_path: Path) -> None:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b: Any) -> int:
            raise OSError(28, "No space left on device")

    stream = io.TextIOWrapper(Full(), encoding="utf-8")  # type: ignore[arg-type]
    w = TableWriter(stream, background=True)
    with pytest.raises(InputFormatError, match="No space left"):
        _write_and_commit(w, pa.table({"a": [1]}))


def test_abort_waits_for_the_encoding_and_removes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    w = TableWriter(out, background=True)
    for _ in range(3):
        w.write(pa.table({"a": list(range(1000)), "b": ["x"] * 1000}))
    w.abort()
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_leaves_no_incidents_output(tmp_path: Path, monkeypatch: Any) -> None:
    """Ctrl-C while the writer's worker encodes: exit 130 and no output, its file removed.

    The interrupt is a real SIGINT, raised on the main thread just after a table was given
    to the writer's worker (``signal.raise_signal`` runs the command's handler there and
    then), so it lands at one known point. It was sent from the reading thread (ci56:
    ``os.kill``, then a 2 s sleep so that the run could not end first): the main thread
    took it wherever it was, once after the run had ended (exit 0), and without the sleep
    inside a lazy import (an unclosed file, 2 runs in 7). A real Ctrl-C from outside, in a
    process: ``tests/io/test_incidents_fast.py``.
    """
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "police_uk_category": "Robbery"}\n' * 50)
    out = tmp_path / "o.jsonl"
    real = writers.TableWriter.write
    given: list[int] = []

    def interrupted(self: TableWriter, table: Any) -> None:
        real(self, table)
        given.append(self._jobs is not None)  # the table went to the worker
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(writers, "cores", lambda: 2)  # a worker even on one core
    monkeypatch.setattr(writers.TableWriter, "write", interrupted)
    err = io.StringIO()
    assert main(["classify", str(f), "--output", str(out)], stderr=err) == 130
    assert given == [True]
    assert err.getvalue() == "svduty classify: interrupted; no output written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def _write_twice(w: TableWriter) -> None:
    w.write(pa.table({"a": [1]}))
    time.sleep(0.05)  # the first job is done: its error is raised by the next write
    w.write(pa.table({"a": [2]}))


@pytest.mark.parametrize("late", [False, True])
def test_errors_are_raised_by_write_or_by_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late: bool
) -> None:
    """A job done when the next is given fails that write; one still running, the commit."""
    gate = threading.Event()

    def encoded(batch: pa.RecordBatch) -> pa.Buffer:
        if late:
            gate.wait(5)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers, "json_lines_parts", encoded)
    out = tmp_path / "o.jsonl"
    w = TableWriter(out, background=True)
    if late:
        w.write(pa.table({"a": [1]}))
        gate.set()
        with pytest.raises(InputFormatError, match="No space left"):
            w.commit()
    else:
        with pytest.raises(InputFormatError, match="No space left"):
            _write_twice(w)
    w.abort()
    assert list(tmp_path.iterdir()) == []

    def wrong(batch: pa.RecordBatch) -> pa.Buffer:
        gate.wait(5)
        raise TypeError("not JSON")

    monkeypatch.setattr(writers, "json_lines_parts", wrong)
    gate.clear()
    w = TableWriter(out, background=True)
    w.write(pa.table({"a": [1]}))
    gate.set()
    with pytest.raises(TypeError, match="not JSON"):
        w.commit()
    assert list(tmp_path.iterdir()) == []
    w = TableWriter(out, background=False)
    w.abort()  # nothing written, no workers: nothing to do


@settings(max_examples=40, deadline=None)
@given(tables=_tables())
def test_parquet_written_on_the_worker_is_the_plain_writers_file(
    tables: list[pa.Table], tmp_path_factory: pytest.TempPathFactory
) -> None:
    import pyarrow.parquet as pq

    files = []
    for background in (False, True):
        f = tmp_path_factory.mktemp("p") / "o.parquet"
        w = TableWriter(f, schema=SCHEMA, background=background)
        for t in tables:
            w.write(t)
        assert w.commit() == sum(t.num_rows for t in tables)
        files.append(pq.read_table(f))
    assert files[0].equals(files[1])
    assert files[0].num_rows == sum(t.num_rows for t in tables)


@pytest.mark.parametrize("late", [False, True])
def test_a_parquet_write_error_on_the_worker_is_the_output_error(
    tmp_path: Path, late: bool
) -> None:
    out = tmp_path / "o.parquet"
    out.write_bytes(b"before")
    w = TableWriter(out, background=True)
    w.write(pa.table({"a": [1]}))  # opens the file
    gate = threading.Event()

    class Full:
        def write_table(self, table: pa.Table) -> None:
            gate.wait(5)
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            pass

    real = w._pq
    w._pq = Full()  # type: ignore[assignment]
    if late:  # still running when the commit comes
        w.write(pa.table({"a": [2]}))
        gate.set()
        with pytest.raises(InputFormatError, match="No space left"):
            w.commit()
    else:  # done when the next batch is given
        gate.set()
        with pytest.raises(InputFormatError, match="No space left"):
            _write_twice(w)
    w.abort()
    assert real is not None
    real.close()
    assert out.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.parquet"]


def test_parquet_tables_are_conformed_on_the_worker_not_in_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A counted guard (never timed): the casts to the output schema (the reader's text
    columns to the schema's dictionaries, police.uk months to dates) are made on the
    writer's worker, off the thread that reads and classifies the next batch."""
    schema = pa.schema(
        [("month", pa.date32()), ("reported_by", pa.dictionary(pa.int32(), pa.string()))]
    )
    tables = [
        pa.table({"month": ["2025-06", "2025-07"], "reported_by": ["A Police", None]}),
        pa.table({"month": ["2019-01"], "reported_by": ["B Police"]}),
    ]
    real = parquet_sink.conform  # the Parquet file's (speed48d: its own module)
    callers: list[str] = []

    def counted(table: pa.Table, target: pa.Schema, **kw: Any) -> pa.Table:
        callers.append(threading.current_thread().name)
        return real(table, target, **kw)

    monkeypatch.setattr(parquet_sink, "conform", counted)
    files = []
    for background in (False, True):
        callers.clear()
        f = tmp_path / f"{background}.parquet"
        w = TableWriter(f, schema=schema, background=background)
        for t in tables:
            w.write(t)
        assert w.commit() == 3
        files.append(pq_read(f))
        on_caller = callers.count(threading.current_thread().name)
        assert (len(callers), on_caller) == ((2, 0) if background else (2, 2))
    assert files[0].equals(files[1])
    assert files[0].schema == schema
    assert files[0].column("month").to_pylist() == [
        dt.date(2025, 6, 1),
        dt.date(2025, 7, 1),
        dt.date(2019, 1, 1),
    ]
    assert files[0].column("reported_by").to_pylist() == ["A Police", None, "B Police"]


def test_a_cast_error_on_the_worker_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "o.parquet"
    out.write_bytes(b"before")
    w = TableWriter(out, schema=pa.schema([("month", pa.date32())]), background=True)
    with pytest.raises(pa.ArrowInvalid):  # raised by the commit (or a later write)
        _write_and_commit(w, pa.table({"month": ["not a month"]}))
    w.abort()
    assert out.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.parquet"]


def pq_read(f: Path) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(f)


def test_submit_after_cancel_raises_instead_of_using_none() -> None:
    """mend46: after ``cancel()`` a job never ran, and its ``use`` was called with ``None``."""
    used: list[object] = []
    ordered = Ordered()
    ordered.submit(lambda: 1, used.append)
    ordered.cancel()
    with pytest.raises(RuntimeError, match=r"after cancel\(\)"):
        ordered.submit(lambda: 2, used.append)
    ordered.finish()  # nothing due: no error, nothing used
    assert 2 not in used
    assert None not in used
