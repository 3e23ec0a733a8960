"""The fast JSON Lines reader numbers rows exactly as the line-by-line reader does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io._incidents import _fast_jsonl, _line_numbers, read_incidents_jsonl

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
    fast = _fast_jsonl(f, 4)
    slow = read_incidents_jsonl(f, validate=lambda *a: None)  # a validator: line by line
    if fast is not None:
        assert pa.Table.from_batches(fast, schema=slow.schema).to_pylist() == slow.to_pylist()
        assert all(b.num_rows <= 4 for b in fast)
    objects = [_one_object(line) for line in lines]
    blank_or_one = (o or not line.strip(" \t") for o, line in zip(objects, lines, strict=True))
    if any(objects) and all(blank_or_one):
        # read at once, unless "}" and "{" meet on a line (even in a string: read line by line)
        assert fast is not None or any(re.search(r"}[ \t]*{", line) for line in lines)


def _one_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def test_line_numbers_without_and_with_empty_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(b'{"a": 1}\n{"a": 2}')
    assert _line_numbers(f).tolist() == [1, 2]
    f.write_bytes(b'\n{"a": 1}\n\n{"a": 2}\n')
    assert _line_numbers(f).tolist() == [2, 4]
    f.write_bytes(b'{"a": 1}\r{"a": 2}\r\n')
    assert _line_numbers(f).tolist() == [1, 2]
    f.write_bytes(b"")
    assert _line_numbers(f).tolist() == []
