"""The table check's answer does not depend on the size of the input's buffer.

``svduty classify`` and ``explain`` tell a table given as JSON Lines by its first line
(``io/_table_kind.py``, hostile54). They peeked at the input's buffer, whose size is the
file system's block size (4 KiB here, 1 MiB or more on some network file systems): a
first line that ended past the buffer was "not whole", so a CSV header of 5,000
characters was refused as a CSV on one file system and read line by line, every line a
rejected row, on another; a pretty-printed document whose second line began past it
likewise. The check now looks at the first :data:`~svduty.io._table_kind.LOOK` bytes
of any input it can read again, whatever its buffer (hostile56).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import iter_incidents_jsonl
from svduty.io._table_kind import LOOK, refuse_table, table_kind
from tests.fuzz.budget import budget


def _outcome(name: str, raw: IO[bytes]) -> str | None:
    """What :func:`refuse_table` says of ``raw`` (``None``: read on), and ``raw`` unread."""
    try:
        refuse_table(name, raw)
    except InputFormatError as exc:
        return str(exc)
    return None


def _data(first: bytes, width: int, second: bytes) -> bytes:
    """A first line of ``first`` padded to ``width`` bytes (a CSV header's last name), then more."""
    padded = first + b"x" * max(0, width - len(first))
    return padded + b"\n" + second + b'{"id": "a"}\n'


_firsts = st.sampled_from([b"id,date,z", b'"ID";"Date";"', b"offence_code\tx\t", b"[", b"{"])
_widths = st.one_of(st.integers(0, 300), st.integers(4000, 9000), st.integers(LOOK - 50, LOOK + 50))


@budget(40)
@given(
    first=_firsts,
    width=_widths,
    second=st.sampled_from([b"", b"  ", b'  "id": "a",\n', b"\n\n  1\n"]),
    sizes=st.lists(st.integers(1, 3 * LOOK), min_size=1, max_size=4),
)
@example(first=b"id,date,z", width=5000, second=b"", sizes=[4096, 1 << 20])
@example(first=b"id,date,z", width=LOOK - 2, second=b"", sizes=[4096, 1 << 17])
@example(first=b"[", width=1, second=b"\n" * 5000 + b"  ", sizes=[4096, 1 << 16])
def test_the_answer_is_the_same_for_every_buffer(
    first: bytes, width: int, second: bytes, sizes: list[int]
) -> None:
    data = _data(first, width, second)
    told = {_outcome("in.jsonl", io.BufferedReader(io.BytesIO(data), n)) for n in sizes}
    assert len(told) == 1
    shown = table_kind(data[:LOOK])  # what the first LOOK bytes say, whatever the buffer
    assert (told.pop() is None) == (shown is None)
    for n in sizes:  # and the input is left unread
        raw = io.BufferedReader(io.BytesIO(data), n)
        _outcome("in.jsonl", raw)
        assert raw.read() == data


@pytest.mark.parametrize("buffering", [2, 4096, 1 << 20])
def test_a_file_of_a_long_header_is_told_a_csv_whatever_its_buffer(
    tmp_path: Path, buffering: int
) -> None:
    p = tmp_path / "in.jsonl"
    p.write_bytes(_data(b"id,date,", 5000, b""))
    with p.open("rb", buffering=buffering) as raw:
        assert "this is a CSV file" in (_outcome(str(p), raw) or "")


def test_the_reader_tells_it_on_a_file_system_of_small_blocks(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"  # this file system's blocks (4 KiB) are shorter than the line
    p.write_bytes(_data(b"id,date,", 2 * max(p.parent.stat().st_blksize, 4096), b""))
    with pytest.raises(InputFormatError, match="this is a CSV file"):
        list(iter_incidents_jsonl(p))


def test_lines_after_the_look_are_still_rows(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"  # a first line not whole in LOOK bytes: no header, its row
    p.write_bytes(_data(b"id,date,", LOOK + 10, b""))
    rows = [r for b in iter_incidents_jsonl(p) for r in b.select(["row", "rejected"]).to_pylist()]
    assert [r["row"] for r in rows] == [1, 2]
    assert rows[0]["rejected"] is not None
    assert rows[1]["rejected"] is None


class _Pipe(io.BytesIO):
    """A stream that cannot seek (a pipe on standard input)."""

    def seekable(self) -> bool:
        return False


def test_a_pipe_is_looked_at_as_far_as_its_buffer_holds() -> None:
    """A pipe cannot be read again: its first line is told if its buffer holds it (the limit
    left, hostile56: the answer there still depends on the buffer)."""
    data = _data(b"id,date,", 5000, b"")
    assert "this is a CSV file" in (
        _outcome("in.jsonl", io.BufferedReader(_Pipe(data), 8192)) or ""
    )
    assert _outcome("in.jsonl", io.BufferedReader(_Pipe(data), 4096)) is None
