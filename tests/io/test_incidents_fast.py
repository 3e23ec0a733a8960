"""The fast JSON Lines reader numbers rows exactly as the line-by-line reader does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import _incidents, _jsonl_numbers, _jsonl_rows
from svduty.io._incidents import iter_incidents_jsonl, read_incidents_jsonl
from svduty.io._jsonl_numbers import _line_numbers

FIELDS = {"id": st.text(max_size=4), "victim_age": st.integers(0, 99)}
LINE = st.one_of(
    st.fixed_dictionaries({}, optional=FIELDS).map(json.dumps),
    st.sampled_from(["", "  ", "\t", '{"id": "a"} {"id": "b"}', '{"id":', '"x"}', '{"id": "}"}{}']),
    st.sampled_from([' {"id": "c"}', '\t{"id": "}  {"}', '{"id": "d"} \t {}', "{}  "]),
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(LINE, min_size=1, max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_fast_rows_are_numbered_as_the_line_reader_numbers_them(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], end: str, last: bool
) -> None:
    f = tmp_path_factory.mktemp("j") / "a.jsonl"
    f.write_text(end.join(lines) + (end if last else ""), newline="")
    slow = read_incidents_jsonl(f, validate=lambda *a: None)  # a validator: line by line
    with patch.object(_incidents, "_parse_line", wraps=_incidents._parse_line) as by_line:
        fast = list(iter_incidents_jsonl(f, batch_rows=4))
    assert pa.Table.from_batches(fast, schema=slow.schema).to_pylist() == slow.to_pylist()
    assert all(b.num_rows <= 4 for b in fast)
    objects = [_one_object(line) for line in lines]
    blank_or_one = (o or not line.strip(" \t") for o, line in zip(objects, lines, strict=True))
    if any(objects) and all(blank_or_one):
        # by pyarrow, unless "}" and "{" meet on a line (even in a string: read line by line)
        assert not by_line.called or any(re.search(r"}[ \t]*{", line) for line in lines)


def _one_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def test_line_numbers_without_and_with_empty_lines() -> None:
    assert _line_numbers(b'{"a": 1}\n{"a": 2}').tolist() == [1, 2]
    assert _line_numbers(b'\n{"a": 1}\n\n{"a": 2}\n').tolist() == [2, 4]
    assert _line_numbers(b"").tolist() == []


BLOCK_LINE = st.one_of(
    st.fixed_dictionaries({}, optional=FIELDS).map(json.dumps),
    st.sampled_from(["", " ", "x", '{"nope": 1}', '{"id": 5}', '{"id": "a"} {}', "\u00a0", "\x0c"]),
    st.sampled_from(['{"harms": ["injury", null]}', '{"context": [null]}', '{"harms": null}']),
    st.just('{"id": "\udc80"}'),  # not UTF-8 once written with surrogateescape
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(BLOCK_LINE, st.sampled_from(["\n", "\n", "\r\n", "\r"])), max_size=40),
    st.booleans(),
    st.booleans(),
    st.integers(1, 5),
    st.sampled_from([20, 60, 1 << 25]),
)
def test_blocks_read_as_the_line_reader_reads(  # noqa: PLR0917 - hypothesis arguments
    tmp_path_factory: pytest.TempPathFactory,
    lines: list[tuple[str, str]],
    last: bool,
    bom: bool,
    batch_rows: int,
    most: int,
) -> None:
    """Any line ends, a byte order mark, the file read a few bytes at a time, blocks cut
    by their size (at a lone CR too) as well as their lines."""
    f = tmp_path_factory.mktemp("j") / "a.jsonl"
    text = "".join(line + end for line, end in lines)
    text = text if last or not lines else text.removesuffix(lines[-1][1])
    f.write_bytes(b"\xef\xbb\xbf" * bom + text.encode("utf-8", "surrogateescape"))
    slow = read_incidents_jsonl(f, validate=lambda *a: None)  # a validator: line by line
    with (
        patch.object(_incidents, "_BLOCK", 8),
        patch.object(_incidents, "_SMALL", 2),
        patch.object(_jsonl_numbers, "_STEP", 16),
        patch.object(_jsonl_numbers, "_MOST_BYTES", most),
    ):
        blocks = _incidents._jsonl_blocks(f, batch_rows)
        assert blocks is not None
        got = list(blocks)
    cut = list(iter_incidents_jsonl(f, validate=lambda *a: None, batch_rows=batch_rows))
    assert [b.num_rows for b in got] == [b.num_rows for b in cut]  # batches as the line reader
    assert pa.Table.from_batches(got, schema=slow.schema).to_pylist() == slow.to_pylist()


def test_standard_input_is_read_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = b'\xef\xbb\xbf{"id": "a"}\r\n\r\n{"died": true}\r{"victim_age": 3}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    with patch.object(_incidents, "_parse_line", wraps=_incidents._parse_line) as by_line:
        got = pa.Table.from_batches(list(iter_incidents_jsonl("-")))
    assert got.column("row").to_pylist() == [1, 3, 4]
    assert got.column("died").to_pylist() == [None, True, None]
    assert got.column("victim_age").to_pylist() == [None, None, 3]
    assert got.column("file").to_pylist() == ["<stdin>"] * 3
    assert not by_line.called  # read by pyarrow, as a file is
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "a"}\n'))  # text without bytes
    assert _incidents._jsonl_blocks("-", 4) is None
    assert read_incidents_jsonl("-").column("id").to_pylist() == ["a"]


def test_a_file_that_is_not_json_lines_text_is_refused_at_once(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    for text in (b"\xff\xfe{\x00", b'{\x00"id": "a"}\n', b"\x1f\x8b\x08\x00"):
        f.write_bytes(text)
        with pytest.raises(InputFormatError) as err:
            list(iter_incidents_jsonl(f))
        assert str(f) in str(err.value)
    with pytest.raises(InputFormatError, match="a file, not a folder"):
        list(iter_incidents_jsonl(tmp_path))


def test_a_read_that_fails_midway_names_the_file_not_the_bytes(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "secret-1"}\n' * 10)
    real = _jsonl_numbers.line_blocks

    def failing(raw, lines):  # type: ignore[no-untyped-def]
        yield next(real(raw, 2))
        raise OSError(5, "Input/output error")

    with patch.object(_incidents, "line_blocks", failing), pytest.raises(InputFormatError) as err:
        list(iter_incidents_jsonl(f))
    assert "cannot read the file (Input/output error)" in str(err.value)
    assert str(f) in str(err.value)
    assert "secret" not in str(err.value)


LATER = st.fixed_dictionaries(
    {}, optional={**FIELDS, "weapon": st.sampled_from(["knife", "é"]), "died": st.booleans()}
).map(json.dumps)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 70), st.lists(LATER, max_size=30), st.integers(1, 5))
def test_fields_the_first_lines_do_not_name_are_read_too(
    tmp_path_factory: pytest.TempPathFactory, plain: int, later: list[str], batch_rows: int
) -> None:
    """Read with the fields the first lines name, then with all once a line names another."""
    f = tmp_path_factory.mktemp("j") / "a.jsonl"
    f.write_text("\n".join(['{"id": "a"}'] * plain + later) + "\n")
    slow = read_incidents_jsonl(f, validate=lambda *a: None)  # a validator: line by line
    with patch.object(_incidents, "_BLOCK", 16):
        got = list(iter_incidents_jsonl(f, batch_rows=batch_rows))
    assert pa.Table.from_batches(got, schema=slow.schema).to_pylist() == slow.to_pylist()
    assert _jsonl_rows._likely_fields(b'{"id": "a"}\n{"nope": 1}\n') == {"fields": None}
    assert _jsonl_rows._likely_fields(b"[1]\n") == {"fields": None}
    assert _jsonl_rows._likely_fields(b"[" * 100_000 + b"\n") == {"fields": None}
    cut = b'{"id": "a"}\n{"weapon": "' + b"x" * (1 << 16) + b'"}\n'  # the head ends in a line
    assert _jsonl_rows._likely_fields(cut) == {"fields": ["id"]}


def test_ctrl_c_while_standard_input_waits_exits_at_once() -> None:
    """Standard input read on a pool's thread kept the process waiting after Ctrl-C until
    the input closed (review of the session's changes, 38th); then its buffer's lock was
    held at exit (a fatal error). Now a daemon thread reads below the buffer."""
    import array
    import fcntl
    import os
    import signal
    import subprocess
    import sys
    import termios
    import time

    read, write = os.pipe()  # (not communicate(): it would close the input)
    proc = subprocess.Popen(
        [sys.executable, "-m", "svduty", "classify", "-"],
        stdin=read,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        os.write(write, b'{"id": "a"}\n')  # the input left open: the reader waits for more
        # Signal once the command has taken the line (the pipe holds nothing unread), not
        # after a fixed sleep: on a loaded machine the import can take longer than any
        # sleep, and Ctrl-C during the import rightly says less (forty-third session).
        unread = array.array("i", [1])
        deadline = time.monotonic() + 120
        while unread[0] and time.monotonic() < deadline:
            time.sleep(0.05)
            fcntl.ioctl(read, termios.FIONREAD, unread)
        assert unread[0] == 0, "the command never read its standard input"
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        os.close(read)
        os.close(write)
    assert proc.returncode == 130
    assert err.decode() == "svduty classify: interrupted; no output written\n"


def test_a_byte_order_mark_given_a_byte_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe may give the mark's three bytes in three reads (review, 38th)."""
    import io
    import sys

    class OneByte(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            if not self.data:
                return 0
            b[0], self.data = self.data[0], self.data[1:]
            return 1

    data = b'\xef\xbb\xbf{"id": "a"}\r\n{"id": "b"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(OneByte(data))))
    got = pa.Table.from_batches(list(iter_incidents_jsonl("-")))
    assert got.column("id").to_pylist() == ["a", "b"]
    assert got.column("rejected").to_pylist() == [None, None]


def test_one_ahead_makes_one_item_ahead_and_stops_when_closed() -> None:
    import threading

    from svduty.io._ahead import one_ahead

    made: list[int] = []
    gate = threading.Event()

    def items() -> Any:
        for i in range(10):
            made.append(i)
            yield i

    ahead = one_ahead(items())
    assert next(ahead) == 0
    for _ in range(100):  # the next one is made meanwhile, and no more
        if len(made) == 2:
            break
        gate.wait(0.01)
    assert made == [0, 1]
    ahead.close()
    gate.wait(0.1)
    assert made == [0, 1]  # closed: nothing more made

    def broken() -> Any:
        yield 1
        raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output"):
        list(one_ahead(broken()))
