"""The shortcut that numbers one object a line agrees with the full numbering, or declines."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.json as pajson
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io._incidents import INCIDENT_SCHEMA, _line_numbers, _one_per_line

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
