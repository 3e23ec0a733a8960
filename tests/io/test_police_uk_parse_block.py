"""A piece is parsed a block of ``PARSE_BLOCK`` bytes at a time: the same rows as one block.

``svduty.io._police_uk_csv.read_csv`` lets Arrow's CSV reader go through a 16 MiB piece
1 MiB at a time (about 10-15% less CPU for the parse threads, a lower peak); a record
longer than a block is read with the piece as one block, as before.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.io import SUMMARY_COLUMNS, read_police_uk
from svduty.io import _police_uk_csv as parse
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk_reader import _STRING

from .test_reader_speed import GOOD, UNRAISABLE, police_file

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _read(path: Path, parse_block: int, columns: tuple[str, ...] | None) -> list[pa.RecordBatch]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parse, "PARSE_BLOCK", parse_block)
        return list(read_police_uk(path, columns=columns))


@UNRAISABLE  # pyarrow's, for a malformed row that is not UTF-8
@SETTINGS
@given(
    data=police_file(cr_in_quotes=True),
    parse_block=st.sampled_from([1, 64, 256, 4096]),
    columns=st.sampled_from([None, tuple(SUMMARY_COLUMNS)]),
)
def test_blocks_of_a_piece_give_the_rows_of_one_block(tmp_path, data, parse_block, columns):
    f = tmp_path / "p.csv"
    f.write_bytes(data)
    try:
        want = _read(f, 1 << 30, columns)
    except (pa.ArrowInvalid, UnicodeDecodeError) as e:  # the known limitation: same error
        with pytest.raises(type(e)):
            _read(f, parse_block, columns)
        return
    got = _read(f, parse_block, columns)
    assert [b.num_rows for b in got] == [b.num_rows for b in want]
    assert all(g.equals(w) for g, w in zip(got, want, strict=True))


def _rows(n: int) -> bytes:
    return "".join(",".join(GOOD).replace("abc", f"id{i}") + "\n" for i in range(n)).encode()


def test_a_piece_is_parsed_a_block_at_a_time(monkeypatch):
    """The counted guard: a piece of about 3 blocks comes as 3 or 4 chunks (1 before)."""
    data = _rows(600)
    monkeypatch.setattr(parse, "PARSE_BLOCK", len(data) // 3)
    table, bad = parse.read_csv(data, _STRING, blank_rows=True, quotes=False)
    assert table.num_rows == 600
    assert not bad
    assert table.column(0).num_chunks in (3, 4)


def test_a_record_longer_than_a_block_reads_the_piece_whole(monkeypatch):
    long = ",".join(GOOD).replace("abc", "x" * 5000).encode() + b"\n"
    data = _rows(50) + long + b"too,few\n" + _rows(50)
    calls: list[int] = []
    real = parse._parsed

    def parsed(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["block"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parse, "_parsed", parsed)
    monkeypatch.setattr(parse, "PARSE_BLOCK", 1024)
    for quotes in (False, True):
        calls.clear()
        table, bad = parse.read_csv(data, _STRING, blank_rows=False, quotes=quotes)
        # refused in blocks, then read whole; a piece with quotes is read whole at once
        assert calls == ([len(data) + 1] if quotes else [1024, len(data) + 1])
        assert table.num_rows == 101
        assert table.column("Crime ID")[50].as_py() == "x" * 5000
        assert bad == [(52, "fields: expected 12 fields, got 2")]  # counted once


def test_another_parse_error_is_not_read_again(monkeypatch):
    """A cell that is not a number is refused once, as before (the reader reads it as text)."""
    data = _rows(50).replace(b"-1.5", b"east", 1)
    calls: list[int] = []
    real = parse._parsed

    def parsed(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["block"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parse, "_parsed", parsed)
    monkeypatch.setattr(parse, "PARSE_BLOCK", 1024)
    numbers = {**_STRING, "Longitude": pa.float64()}
    with pytest.raises(pa.ArrowInvalid):
        parse.read_csv(data, numbers, blank_rows=False, quotes=False)
    assert calls == [1024]


def test_a_column_not_read_is_not_searched_for_empty_strings(monkeypatch):
    """The summary's unread columns are null: no ``equal``/``any`` over them (6 a piece before)."""
    from svduty import _compute
    from svduty.io._police_uk import _empty_to_null

    calls: list[str] = []
    for name in ("equal", "any"):
        real = getattr(_compute, name)
        monkeypatch.setattr(
            _compute, name, lambda *a, _n=name, _r=real, **k: calls.append(_n) or _r(*a, **k)
        )
    unread = pa.nulls(5, pa.string())
    assert _empty_to_null(unread) is unread
    assert _empty_to_null(pa.chunked_array([unread]), trim=False).null_count == 5
    assert calls == []
    blank = pa.array(["a", "", None])  # a column read: its empty string is still made null
    assert _empty_to_null(blank).to_pylist() == ["a", None, None]


def _quoted_file() -> bytes:
    """Found by hypothesis: quoted line breaks, CRLF line ends and a blank line."""
    head = ",".join(POLICE_UK_COLUMNS).encode()
    rows = [
        f"id{i},2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,"
        f"{'x' if i % 2 else chr(34) + 'a' + chr(10) + 'b' + chr(34)},E01031005,"
        "North Warwickshire 005A,Burglary,Under investigation,"
        for i in range(1, 5)
    ]
    return head + b"\r\n\r\n" + "\r\n".join(rows).encode() + b"\r\n"


@pytest.mark.parametrize("columns", [None, tuple(SUMMARY_COLUMNS)])
def test_a_piece_with_quoted_line_breaks_is_parsed_as_one_block(tmp_path, columns):
    """With blocks, Arrow read such a piece's rows differently (the summary's columns filled
    others; a larger file was refused as not CSV): a piece whose quoted fields may hold a
    line break is parsed whole, as before the blocks."""
    f = tmp_path / "p.csv"
    f.write_bytes(_quoted_file())
    got, want = _read(f, 1, columns), _read(f, 1 << 30, columns)
    assert [b.to_pylist() for b in got] == [b.to_pylist() for b in want]
    assert sum(b.num_rows for b in want) == 4
