"""The police.uk reader in pieces on all cores gives what the one-thread parser gives.

Two references: the single-threaded streaming reader (``one_thread``: same rows, same
order, same values) and Python's ``csv`` module (where each record starts, how many fields
it has, which cell is not UTF-8), on generated files with quotes, line breaks in quotes,
CR-only and mixed line ends, blank lines, rows of the wrong width and bytes that are not
UTF-8.
"""

from __future__ import annotations

import csv
import io
import sys
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import POLICE_UK_COLUMNS, POLICE_UK_SCHEMA, _lines, _police_uk_csv, read_police_uk
from svduty.io import _police_uk_fallback as fallback
from svduty.io import _police_uk_reader as reader
from svduty.io._lines import chunk_records, record_cuts

HEADER = ",".join(POLICE_UK_COLUMNS)
GOOD = [
    "abc",
    "2025-06",
    "Warwickshire Police",
    "Warwickshire Police",
    "-1.5",
    "52.3",
    "On or near X",
    "E01031005",
    "North Warwickshire 005A",
    "Burglary",
    "Under investigation",
    "",
]


def fast(path: Path, block: int, pieces: int = 1) -> pa.Table:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_PIECES", pieces)
        batches = list(read_police_uk(path, block_size=block))
    return pa.Table.from_batches(batches, schema=POLICE_UK_SCHEMA)


def serial(path: Path, block: int) -> pa.Table:
    batches = [b for b, _ in fallback.one_thread(path, block, None, 0)]
    return pa.Table.from_batches(batches, schema=POLICE_UK_SCHEMA)


# the strategies a line is drawn with, made once, not again for each line (the same draws: ci58b)
_KIND = st.sampled_from(["good"] * 6 + ["blank", "short", "long", "empty", "space"])
_QUOTED = st.sets(st.integers(0, 11), max_size=2)
_FREE = st.sets(st.sampled_from([6, 11]), max_size=2)
_FREE_TEXT = st.sampled_from([b'"x""y"', b'""', b"Caf\xe9", b" y "])
_ENDS = st.sampled_from([b"\n", b"\r\n", b"\r"])


@st.composite
def police_file(draw: st.DrawFn, *, cr_in_quotes: bool) -> bytes:
    """A police.uk file: any line ends, quotes, blank and malformed lines, bad bytes."""
    header = draw(st.sampled_from([HEADER, ",".join(f'"{c}"' for c in POLICE_UK_COLUMNS)]))
    head = (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + header.encode()
    ends = [b"\n", b"\r\n", b"\r"]
    style = draw(st.sampled_from([*ends, None]))  # None: mixed
    inside = [b"a\nb", b"c\r\nd", b"e\rf"] if cr_in_quotes else [b"a\nb", b"a\n\nb"]
    lines = [head]
    for i in range(draw(st.integers(0, 30))):
        kind = draw(_KIND)
        cells = [c.encode() for c in GOOD]
        cells[0] = f"id{i}".encode()
        if kind == "good":
            for j in draw(_QUOTED):
                cells[j] = b'"' + cells[j] + b'"'  # the same value, quoted
            for j in draw(_FREE):  # free text
                cells[j] = draw(_FREE_TEXT)
            if draw(st.integers(0, 4)) == 0:
                cells[6] = b'"' + draw(st.sampled_from(inside)) + b'"'
            line = b",".join(cells)
        elif kind == "short":
            if draw(st.integers(0, 3)) == 0:
                cells[0] = b"Caf\xe9"  # pyarrow cannot hand this row to a handler
            line = b",".join(cells[: draw(st.integers(1, 11))])
        elif kind == "long":
            line = b",".join([*cells, b"x"])
        else:
            line = {"blank": b"", "empty": b"," * 11, "space": b" "}[kind]
        lines.append(line)
    out = b""
    for k, line in enumerate(lines):
        last = k == len(lines) - 1
        end = style if style is not None else draw(_ENDS)
        out += line + (end if not last or draw(st.booleans()) else b"")
    return out


def reference(data: bytes) -> list[tuple[int, str | None, str | None]]:
    """Each record's line, what is wrong with it and its id, from Python's csv module.

    What is wrong: the number of fields if not 12, else the first column whose cell is
    not UTF-8 (a surrogate after ``surrogateescape``), else None.
    """
    text = data.decode("utf-8", "surrogateescape")
    rows = csv.reader(io.StringIO(text, newline=""))
    out: list[tuple[int, str | None, str | None]] = []
    start = 1
    for n, cells in enumerate(rows):
        here, start = start, rows.line_num + 1
        if n == 0 or not cells:  # the header; a blank line
            continue
        if len(cells) != 12:
            out.append((here, f"got {len(cells)}", None))
            continue
        bad = [c for c, v in zip(POLICE_UK_COLUMNS, cells, strict=True) if _surrogate(v)]
        out.append((here, bad[0] if bad else None, cells[0].strip() or None))
    return out


def _surrogate(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def summary(t: pa.Table) -> list[tuple[int, str | None, str | None]]:
    out = []
    for row, why, field, ident in zip(
        t["row"].to_pylist(),
        t["rejected"].to_pylist(),
        t["rejected_field"].to_pylist(),
        t["id"].to_pylist(),
        strict=True,
    ):
        if field == "fields":
            out.append((row, why.rsplit(", ", 1)[1], None))
        elif why is not None and "expected UTF-8 text" in why:
            out.append((row, field, ident))
        else:
            out.append((row, None, ident))
    return sorted(out)


BLOCKS = st.sampled_from([256, 512, 1024, 1 << 20])
PIECES = st.sampled_from([1, 2, 4])
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


UNRAISABLE = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@UNRAISABLE  # pyarrow's, for a malformed row that is not UTF-8
@SETTINGS
@given(data=police_file(cr_in_quotes=False), block=BLOCKS, pieces=PIECES)
def test_pieces_give_the_serial_readers_rows_in_its_order(tmp_path, data, block, pieces):
    f = tmp_path / "p.csv"
    f.write_bytes(data)
    try:
        want = serial(f, block)
    except (pa.ArrowInvalid, InputFormatError, UnicodeDecodeError):
        assume(False)  # a record longer than a block, a malformed row not UTF-8: it cannot
    got = fast(f, block, pieces)
    assert _in_order(got).equals(_in_order(want))


def _in_order(t: pa.Table) -> pa.Table:
    """The good rows in the reader's order, then the malformed ones by row number.

    Where a batch of malformed rows comes among the good batches is not fixed: the
    one-thread reader's parser reads ahead, and the rows it skips are reported as it goes
    (a rare race; the outputs sort the rejected rows by file and row).
    """
    good = pc.is_null(t.column("rejected"))
    bad = pc.filter(t, pc.invert(good)).sort_by([("row", "ascending")])
    return pa.concat_tables([pc.filter(t, good), bad]).combine_chunks()


@UNRAISABLE
@SETTINGS
@given(data=police_file(cr_in_quotes=True), block=BLOCKS, pieces=PIECES)
def test_lines_fields_and_bad_bytes_are_those_of_the_csv_module(tmp_path, data, block, pieces):
    f = tmp_path / "c.csv"
    f.write_bytes(data)
    assert summary(fast(f, block, pieces)) == reference(data)


def _in_pieces(f, *, pieces: int, block_size: int):  # type: ignore[no-untyped-def]
    """``f`` read in ``pieces`` per block: the serial reader's rows, progress forward to the end."""
    seen: list[int] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_PIECES", pieces)
        got = pa.Table.from_batches(
            list(read_police_uk(f, block_size=block_size, progress=seen.append)),
            schema=POLICE_UK_SCHEMA,
        )
    assert got.equals(serial(f, block_size))
    assert seen == sorted(seen)
    assert seen[-1] == f.stat().st_size
    return got, seen


def test_a_stray_quote_falls_back_to_the_serial_reader(tmp_path):
    f = tmp_path / "q.csv"
    good = ",".join(GOOD)
    lines = [HEADER, *(good.replace("abc", f"id{i}") for i in range(2000))]
    lines[1500] = lines[1500].replace("On or near X", 'On or "near X')  # the parser keeps it
    lines.insert(5, "short,row")
    f.write_text("\n".join(lines) + "\n")
    got, _ = _in_pieces(f, pieces=4, block_size=4096)
    assert 'On or "near X' in got["street"].to_pylist()
    assert got.num_rows == 2001


def test_what_the_old_reader_got_wrong(tmp_path):
    good = ",".join(GOOD)
    # a file whose last block holds only malformed rows: they were lost
    f = tmp_path / "last.csv"
    f.write_text(HEADER + "\nabc,2025-06\n")
    t = fast(f, 1 << 20)
    assert t["row"].to_pylist() == [2]
    assert t["rejected"].to_pylist() == ["fields: expected 12 fields, got 2"]
    # a quoted \r\n cut by a block boundary lost its \n
    g = tmp_path / "crlf.csv"
    head = (HEADER + "\n").encode()
    cut = good.replace("On or near X", '"c\r\nd"').encode()
    pad = 255 - len(head) - cut[3:].index(b"\r")
    g.write_bytes(head + b"x" * pad + cut[3:] + b"\n" + good.encode() + b"\n")
    assert (len(head) + pad + cut[3:].index(b"\r")) % 256 == 255
    t = fast(g, 256)
    assert t["street"].to_pylist() == ["c\r\nd", "On or near X"]
    # a record longer than a block was an error
    h = tmp_path / "long.csv"
    h.write_text(HEADER + "\n" + good.replace("On or near X", "x" * 2000) + "\n")
    assert fast(h, 256).num_rows == 1


@UNRAISABLE
def test_a_malformed_row_that_is_not_utf8_is_rejected_like_any_other(tmp_path):
    good = ",".join(GOOD).encode()
    for sep, block in [(b"\n", 1 << 20), (b"\r\n", 1 << 20), (b"\n", 512)]:
        f = tmp_path / "u.csv"
        rows = [HEADER.encode(), good, b"Jane Caf\xe9,2025-06", b"", b'"q",x\xe9', good, b""]
        f.write_bytes(sep.join(rows))
        t = fast(f, block)
        assert t["row"].to_pylist() == [3, 5, 2, 6]
        assert t["rejected"].to_pylist()[:2] == ["fields: expected 12 fields, got 2"] * 2
        assert t["street"].to_pylist()[2:] == ["On or near X"] * 2


def test_clean_pieces_are_numbered_without_a_line_scan(tmp_path, monkeypatch):
    # the usual file (no quote, no blank line): its rows are its lines, no scan needed
    calls = []
    # (the reader imports it when a file needs it: speed48a; so it is counted where it lives)
    monkeypatch.setattr(_lines, "chunk_records", lambda d: calls.append(1) or chunk_records(d))
    f = tmp_path / "clean.csv"
    f.write_text(HEADER + "\n" + "\n".join([",".join(GOOD)] * 50) + "\n")
    t = fast(f, 1024, 4)
    assert t["row"].to_pylist() == list(range(2, 52))
    assert calls == []
    f.write_text(HEADER + "\n" + "\n\n".join([",".join(GOOD)] * 50) + "\n")
    t = fast(f, 1024, 4)
    assert t["row"].to_pylist() == list(range(2, 101, 2))
    assert calls


def test_record_cuts_and_chunk_records():
    assert record_cuts(b"ab\ncd\r\nef\rgh", [1, 3, 5, 6, 10, 12]) == [0, 3, 3, 7, 10, 10]
    assert record_cuts(b'x\n"a\r\nb",c\nd\n', [5, 12, 14]) == [2, 11, 13]
    assert record_cuts(b'x\n"a""b"\n', [10]) == [9]  # a doubled quote is in step
    assert record_cuts(b'x\na "b\n', [7]) is None  # a quote inside a field is not
    assert record_cuts(b"ab\ncd\n", [6], start=3, quoted=False) == [6]
    offsets, ends = chunk_records(b"a\r\n\r\nb\rc")
    assert (offsets.tolist(), ends) == ([0, 2, 3], 3)
    assert chunk_records(b"")[1] == 0


def test_many_pieces_and_progress(tmp_path):
    f = tmp_path / "m.csv"
    rows = [",".join(GOOD).replace("abc", f"id{i}") for i in range(300)]
    rows[17] = "bad,row"
    f.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    t, seen = _in_pieces(f, pieces=8, block_size=16384)
    assert len(seen) >= 3
    assert pc.sum(pc.is_valid(t["rejected"])).as_py() == 1


def test_stopping_early_leaves_no_work_behind(tmp_path):
    f = tmp_path / "s.csv"
    f.write_text(HEADER + "\n" + "\n".join([",".join(GOOD)] * 2000) + "\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_PIECES", 4)
        it = read_police_uk(f, block_size=8192)
        first = next(it)
        it.close()
    assert first.num_rows > 0


def test_python_calls_do_not_grow_with_rows(tmp_path, monkeypatch):
    # a clean file: the Python work per piece is the same for 200 rows as for 20,000 (and
    # a block is cut into at most _PER_WORKER pieces per worker: see test_pieces_bounded;
    # a piece over 1 MiB is parsed in Arrow's blocks, three calls more whatever its rows,
    # which only the 20,000 rows reach: see test_police_uk_parts_speed50d)
    monkeypatch.setattr(reader, "_MIN_PIECE", 1 << 30)
    monkeypatch.setattr(_police_uk_csv, "_PART", 1 << 30)

    def calls(rows: int) -> int:
        f = tmp_path / f"r{rows}.csv"
        f.write_text(HEADER + "\n" + "\n".join([",".join(GOOD)] * rows) + "\n")
        count = [0]

        def profile(frame, event, arg):
            # svduty's and pyarrow's calls (waiting on threads takes a varying number)
            where = frame.f_code.co_filename
            count[0] += event == "call" and ("svduty" in where or "pyarrow" in where)

        threading.setprofile(profile)
        sys.setprofile(profile)
        try:
            assert sum(b.num_rows for b in read_police_uk(f)) == rows
        finally:
            sys.setprofile(None)
            threading.setprofile(None)  # type: ignore[arg-type]
        return count[0]

    calls(10)  # imports and first-use set-up
    few, many = calls(200), calls(20_000)
    assert few == many
    assert few > 50  # the count counts


@pytest.mark.parametrize("end", [b"\r\n", b"\r"])
def test_every_cut_of_a_short_file(tmp_path, end):
    # a block boundary at every byte: inside the header, between \r and \n, in a row
    good = ",".join(GOOD).encode()
    f = tmp_path / "cut.csv"
    f.write_bytes(end.join([HEADER.encode(), good, b"short", good, b""]))
    want = serial(f, 1 << 20)
    for block in range(60, 3 * len(good)):
        got = fast(f, block)
        assert got.sort_by("row").equals(want.sort_by("row")), block
