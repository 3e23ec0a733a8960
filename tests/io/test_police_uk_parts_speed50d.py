"""A police.uk piece without quotes is parsed in blocks of 1 MiB, as one parse reads it.

Arrow's blocks read some pieces differently (``test_police_uk_one_block.py``: a block can
end between a carriage return and its line feed, and a quoted field can hold line ends), so
a piece is read in blocks only if it holds no quote, every line is a row, and no block would
end just after a carriage return; a line longer than a block makes it one block again. The
rows, their numbers, their values (the words' dictionaries too) and the rows skipped must be
those of one parse of the piece, whatever the block size.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.io import _police_uk_csv as csv_parts
from svduty.io import _police_uk_parse as parse
from svduty.io import read_police_uk
from svduty.io._police_uk_parse import _BINARY

from .test_reader_speed import GOOD, UNRAISABLE, police_file

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
WHOLE = 1 << 40  # a part size no piece reaches: one parse


def parsed(data: bytes, part: int, types: dict, **how: object) -> object:
    """``read_csv``'s table and skipped rows with parts of ``part`` bytes, or the error."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(csv_parts, "_PART", part)
        try:
            return csv_parts.read_csv(data, types, blank_rows=True, quotes=False, **how)
        except (pa.ArrowInvalid, UnicodeDecodeError) as e:
            return type(e)


# the strategies a line is drawn with, made once, not again for each line (the same draws: ci58b)
_KIND = st.sampled_from(["good"] * 5 + ["short", "long", "blank", "space", "odd"])
_ODD = st.sampled_from([(0, b"\xef\xbb\xbfid"), (4, b"west"), (6, b"Caf\xe9")])
_STYLES = [[b"\n"], [b"\r\n"], [b"\n", b"\r\n", b"\r"]]  # police.uk's, Windows', mixed
_END = {tuple(style): st.sampled_from(style) for style in _STYLES}


@st.composite
def plain_piece(draw: st.DrawFn) -> bytes:
    """Lines without quotes: good, short, long, blank, a space, a byte order mark, not UTF-8."""
    ends = [b"\n", b"\r\n", b"\r"]
    style = draw(st.sampled_from([[b"\n"], [b"\r\n"], ends]))  # police.uk's, Windows', mixed
    out = b""
    for i in range(draw(st.integers(0, 25))):
        cells = [c.encode() for c in GOOD]
        cells[0] = f"id{i}".encode()
        kind = draw(_KIND)
        if kind == "good":
            line = b",".join(cells)
        elif kind == "short":
            line = b",".join(cells[: draw(st.integers(1, 11))])
        elif kind == "long":
            line = b",".join([*cells, b"x"])
        elif kind == "odd":  # a value that begins with a byte order mark, a coordinate
            j, value = draw(_ODD)  # not a number, a cell that is not UTF-8
            cells[j] = value
            line = b",".join(cells)
        else:
            line = {"blank": b"", "space": b" "}[kind]
        out += line + (draw(_END[tuple(style)]) if draw(st.integers(0, 9)) else b"")
    return out


@UNRAISABLE  # pyarrow's, for a malformed row that is not UTF-8
@SETTINGS
@given(
    data=plain_piece(),
    part=st.integers(1, 700),
    types=st.sampled_from([parse._NUMBERS, parse._STRING, _BINARY]),
    columns=st.sampled_from([None, ("Month", "LSOA code", "Crime type")]),
    utf8=st.booleans(),
)
def test_parts_give_what_one_parse_gives(data, part, types, columns, utf8):
    want = parsed(data, WHOLE, types, utf8=utf8, columns=columns)
    got = parsed(data, part, types, utf8=utf8, columns=columns)
    if isinstance(want, type):
        assert got is want
        return
    assert isinstance(got, tuple)
    (table, bad), (whole, whole_bad) = got, want
    assert bad == whole_bad  # the same rows skipped, with the same numbers
    assert table.schema == whole.schema
    assert table.equals(whole)  # the same rows, values and dictionaries
    assert all(c.num_chunks <= 1 for c in table.columns)  # one chunk, as one parse gives


@UNRAISABLE
@SETTINGS
@given(
    data=police_file(cr_in_quotes=True),
    part=st.sampled_from([1, 40, 300]),
    block=st.sampled_from([512, 1 << 20]),
)
def test_the_reader_gives_the_same_batches_with_any_part_size(tmp_path, data, part, block):
    f = tmp_path / "p.csv"
    f.write_bytes(data)

    def batches(size: int) -> object:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(csv_parts, "_PART", size)
            try:
                return list(read_police_uk(f, block_size=block))
            except (pa.ArrowInvalid, UnicodeDecodeError) as e:
                return type(e)

    want, got = batches(WHOLE), batches(part)
    if isinstance(want, type):
        assert got is want
        return
    assert isinstance(got, list)
    assert [b.num_rows for b in got] == [b.num_rows for b in want]
    assert all(g.equals(w) for g, w in zip(got, want, strict=True))


def test_a_large_piece_without_quotes_is_parsed_a_megabyte_at_a_time(monkeypatch):
    line = b",".join(c.encode() for c in GOOD) + b"\n"
    data = line * (3 * (1 << 20) // len(line))  # about 3 MiB
    blocks: list[int] = []
    real = csv_parts._parsed

    def recorded(*args, block, **kwargs):  # type: ignore[no-untyped-def]
        blocks.append(block)
        return real(*args, block=block, **kwargs)

    monkeypatch.setattr(csv_parts, "_parsed", recorded)
    table, bad = csv_parts.read_csv(data, parse._NUMBERS, blank_rows=True, quotes=False)
    assert table.num_rows == len(data) // len(line)
    assert not bad
    assert blocks == [1 << 20]
    assert all(c.num_chunks == 1 for c in table.columns)
    blocks.clear()  # quotes possible, blank lines not rows, a CR before a block's end: whole
    csv_parts.read_csv(data, parse._NUMBERS, blank_rows=False, quotes=False)
    csv_parts.read_csv(data, parse._NUMBERS, blank_rows=True, quotes=True)
    crlf_line = line.replace(b"\n", b"\r\n")
    head = crlf_line * ((1 << 20) // len(crlf_line) - 1)
    at = (1 << 20) - 1  # the first block's last byte: a CR there
    crlf = head + b"y" * (at - len(head)) + b"\r\n" + crlf_line * 100
    assert crlf[at] == 0x0D
    csv_parts.read_csv(crlf, parse._STRING, blank_rows=True, quotes=False)
    assert blocks == [len(data) + 1, len(data) + 1, len(crlf) + 1]


def test_a_line_longer_than_a_block_is_read_in_one(monkeypatch):
    long = b",".join(c.encode() for c in GOOD)
    data = b"a\n" + long + b"\n" + b"b\n" + long
    blocks: list[int] = []
    real = csv_parts._parsed

    def recorded(*args, block, **kwargs):  # type: ignore[no-untyped-def]
        blocks.append(block)
        return real(*args, block=block, **kwargs)

    monkeypatch.setattr(csv_parts, "_parsed", recorded)
    monkeypatch.setattr(csv_parts, "_PART", 16)
    table, bad = csv_parts.read_csv(data, parse._STRING, blank_rows=True, quotes=False)
    assert blocks == [16, len(data) + 1]  # tried in blocks, then read whole
    assert [n for n, _ in bad] == [1, 3]  # "a" and "b", records 1 and 3
    assert table.column("Crime ID").to_pylist() == ["abc", "abc"]


def test_a_numpy_piece_is_looked_at_as_its_bytes():
    for data in (b"ab\r\ncd\n", b"a\nb\r\ncd\n"):
        as_array = np.frombuffer(data, dtype=np.uint8)
        assert csv_parts._in_blocks(as_array, 3) == csv_parts._in_blocks(data, 3)
