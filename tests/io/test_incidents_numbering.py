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
from svduty.io._incidents import INCIDENT_SCHEMA, _line_numbers, _one_per_line
from svduty.io._jsonl_numbers import line_blocks

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
@given(st.lists(PIECE, min_size=1, max_size=10), st.sampled_from(["\n", "\r\n"]), st.booleans())
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
    ((_body, ends, _),) = line_blocks(io.BytesIO(data), len(data) + 1)  # one block: all
    starts = np.concatenate([[0], ends + 1])
    return starts[starts < len(data)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["", "a", "bc", "\n", "d\ne", "\r", "\r\n", "\ufeff"]), max_size=12),
    st.integers(1, 4),
)
def test_line_blocks_are_the_input_cut_at_every_lines_th_line_end(
    pieces: list[str], lines: int
) -> None:
    data = "".join(pieces).encode()
    with patch.object(_jsonl_numbers, "_STEP", 3):  # several reads a block, and blocks a read
        blocks = list(line_blocks(io.BytesIO(data), lines))
    bom = data.startswith(b"\xef\xbb\xbf")
    assert b"\n".join(b for b, _, _ in blocks) == data[3 if bom else 0 :]
    assert [b.count(b"\n") for b, _, _ in blocks[:-1]] == [lines - 1] * (len(blocks) - 1)
    assert blocks[-1][2] is None
    assert blocks[-1][0].count(b"\n") < lines
    for body, ends, count in blocks:
        assert ends.tolist() == [i for i, c in enumerate(body) if c == 10]
        if count is not None:  # the lines the line reader reads in the body and its "\n"
            text = (body + b"\n").decode("utf-8", "surrogateescape")
            assert count == len(io.StringIO(text, newline=None).readlines())


def test_line_blocks_read_a_long_line_whole() -> None:
    data = b"x" * 100 + b"\n" + b"y" * 50
    with patch.object(_jsonl_numbers, "_STEP", 7):
        got = [(b, n) for b, _, n in line_blocks(io.BytesIO(data), 1)]
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
