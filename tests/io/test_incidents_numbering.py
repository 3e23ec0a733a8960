"""The shortcut that numbers one object a line agrees with the full numbering, or declines."""

from __future__ import annotations

import io
import json
from unittest.mock import patch

import numpy as np
import pyarrow as pa
import pyarrow.json as pajson
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _jsonl_numbers
from svduty.io._incidents import INCIDENT_SCHEMA
from svduty.io._jsonl_numbers import _line_numbers, _one_per_line, byte_chunks, line_blocks

PIECE = st.one_of(
    st.fixed_dictionaries({}, optional={"id": st.text(max_size=3)}).map(json.dumps),
    st.sampled_from(["", " ", "\t", '{"id": "{"}', '{"id":', '"x"}', "{}{}", '{} {"id": "a"}']),
    st.sampled_from([' {"id": "c"}', "{}  ", "{\n}", '{"id": "}"}']),
)


def _rows(data: bytes) -> int | None:
    """How many rows pyarrow's reader makes of ``data``, or None if it refuses it."""
    try:
        options = pajson.ParseOptions(explicit_schema=INCIDENT_SCHEMA)
        return pajson.read_json(pa.BufferReader(data), parse_options=options).num_rows
    except pa.ArrowException:
        return None


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECE, min_size=1, max_size=10), st.just("\n"), st.booleans())
def test_one_per_line_is_the_line_numbering_or_nothing(
    lines: list[str], end: str, last: bool
) -> None:
    data = (end.join(lines) + (end if last else "")).encode()
    rows = _rows(data)
    if rows is None:
        return
    quick = _one_per_line(data, rows)
    if quick is not None:
        assert quick.tolist() == _line_numbers(data).tolist()
    known = _one_per_line(data, rows, _starts(data))  # the line starts given: the same answer
    assert (known is None) == (quick is None)
    assert known is None or known.tolist() == quick.tolist()


def _starts(data: bytes) -> np.ndarray:
    """Where each line of ``data`` starts, a last empty line left out (as the block reader)."""
    ((_body, ends, _),) = line_blocks([data], len(data) + 1)  # one block: all
    starts = np.concatenate([[0], ends + 1])
    return starts[starts < len(data)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["", "a", "bc", "\n", "d\ne", "\r", "\r\n", "\ufeff"]), max_size=12),
    st.integers(1, 4),
    st.integers(1, 12),
)
def test_line_blocks_are_the_input_cut_at_line_ends(
    pieces: list[str], lines: int, most: int
) -> None:
    """Blocks of ``lines`` lines, or fewer once ``most`` bytes are held (a lone CR too)."""
    data = "".join(pieces).encode()
    with (
        patch.object(_jsonl_numbers, "_STEP", 3),  # several reads a block, blocks a read
        patch.object(_jsonl_numbers, "_MOST_BYTES", most),
    ):
        blocks = list(line_blocks(byte_chunks(b"", io.BytesIO(data)), lines))
    data = data.removeprefix(b"\xef\xbb\xbf")
    at = 0
    for body, ends, count in blocks[:-1]:
        assert data[at : at + len(body)] == body
        end = data[at + len(body) : at + len(body) + 1]
        assert end == b"\n" or (
            end == b"\r" and data[at + len(body) + 1 : at + len(body) + 2] != b"\n"
        )
        assert body.count(b"\n") <= lines - 1
        assert ends.tolist() == [i for i, c in enumerate(body) if c == 10]
        text = (body + end).decode("utf-8", "surrogateescape")  # the lines the line reader reads
        assert count == len(io.StringIO(text, newline=None).readlines())
        at += len(body) + 1
    body, ends, count = blocks[-1]
    assert body == data[at:]
    assert count is None
    assert ends.tolist() == [i for i, c in enumerate(body) if c == 10]
    assert body.count(b"\n") < lines


def test_line_blocks_of_lone_carriage_returns_stay_small() -> None:
    """A file of lone CRs was one block, the whole file in memory (hostile review, 38th)."""
    data = b"\r".join(b'{"id": "%d"}' % i for i in range(1000))
    with (
        patch.object(_jsonl_numbers, "_STEP", 100),
        patch.object(_jsonl_numbers, "_MOST_BYTES", 500),
    ):
        blocks = list(line_blocks(byte_chunks(b"", io.BytesIO(data)), 1 << 16))
    assert len(blocks) > 20
    assert max(len(b) for b, _, _ in blocks) < 700
    assert sum(n for _, _, n in blocks[:-1]) + blocks[-1][0].count(b"\r") + 1 == 1000


def test_a_pipe_with_nothing_yet_is_waited_for_not_ended() -> None:
    """A non-blocking standard input's pause read as its end: rows dropped (hostile review)."""

    class Paused(io.BytesIO):
        calls = 0

        def read(self, n: int = -1) -> bytes | None:  # type: ignore[override]
            self.calls += 1
            if self.calls == 1:
                return None  # nothing yet
            if self.calls == 2:
                raise BlockingIOError
            return super().read(n)

    with patch("select.select") as waited:
        got = list(line_blocks(byte_chunks(b"", Paused(b"a\nb")), 1))
    assert [b for b, _, _ in got] == [b"a", b"b"]
    assert waited.call_count == 2


def test_line_blocks_read_a_long_line_whole() -> None:
    data = b"x" * 100 + b"\n" + b"y" * 50
    with patch.object(_jsonl_numbers, "_STEP", 7):
        got = [(b, n) for b, _, n in line_blocks(byte_chunks(b"", io.BytesIO(data)), 1)]
    assert got == [(b"x" * 100, 1), (b"y" * 50, None)]


def test_one_per_line_declines_what_it_cannot_vouch_for() -> None:
    assert _one_per_line(b'{"a": 1}\n{"a": 2}', 2).tolist() == [1, 2]
    assert _one_per_line(b'{"a": 1}\n{"a": 2}\n', 2).tolist() == [1, 2]
    assert _one_per_line(b"", 0) is None
    assert _one_per_line(b'{"a": 1}\r\n{"a": 2}', 2) is None  # a carriage return
    assert _one_per_line(b'{"a": "{"}\n{"a": 2}', 2) is None  # a brace in a string
    assert _one_per_line(b'{"a": 1}\n\n{"a": 2}', 2) is None  # a blank line
    assert _one_per_line(b'{"a":\n1}\n{"a": 2}', 2) is None  # an object over two lines
    assert _one_per_line(b' {"a": 1}\n{"a": 2}', 2) is None  # a space first
    assert _one_per_line(b'{"a": 1}\n{"a": 2}', 3) is None  # another count
    starts = np.array([0, 9])
    assert _one_per_line(b'{"a": 1}\n{"a": 2}', 2, starts).tolist() == [1, 2]
    assert _one_per_line(b'{"a": 1}\n{"a": 2}', 3, starts) is None  # another count
    assert _one_per_line(b'{"a": 1}\n {"a":2}', 2, starts) is None  # a space first
    assert _one_per_line(b'{"a": 1}\n{"a":{}}', 2, starts) is None  # another brace


def test_lone_carriage_returns_after_a_long_line_stay_small() -> None:
    """A long line lets a block grow; the lone-CR lines after it are cut small again."""
    data = b"x" * 300 + b"\n" + b"\r".join(b"a" * 5 for _ in range(200))
    with patch.object(_jsonl_numbers, "_STEP", 16), patch.object(_jsonl_numbers, "_MOST_BYTES", 64):
        blocks = list(line_blocks(byte_chunks(b"", io.BytesIO(data)), 1000))
    assert blocks[0][0] == b"x" * 300
    assert max(len(b) for b, _, _ in blocks[1:]) < 80
