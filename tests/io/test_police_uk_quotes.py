"""A quote never closed on its line rejects that line, and only that line.

A CSV parser lets an open quote run to the end of the file: one stray quote made the rest
of a police.uk file one field, and its rows vanished from every count. The reader follows
quotes line by line: a quoted value may hold a line break only where it is closed and
its record then has the 12 fields; otherwise the line where the quote opens is rejected
(naming the field and a closing quote), and every following line is read as usual. In
the block reader (one block, many blocks, pieces) and in the one-thread reader alike.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from svduty.io import POLICE_UK_COLUMNS, POLICE_UK_SCHEMA, _lines, read_police_uk, sample_police_uk
from svduty.io import _police_uk_reader as reader
from svduty.io._police_uk_fallback import one_thread

HEADER = ",".join(POLICE_UK_COLUMNS)
ROW = (
    "x{},2025-06,Warwickshire Police,Warwickshire Police,-1.525805,52.266332,"
    "On or near Murcott Road East,E01031330,Warwick 015D,Anti-social behaviour,,"
)
CLOSING = 'expected a closing quote (") on the same line'
KEPT = [c for c in POLICE_UK_SCHEMA.names if c not in ("file", "row")]


def threaded(path: Path, block: int = 1 << 24, pieces: int = 1) -> pa.Table:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "_PIECES", pieces)
        batches = list(read_police_uk(path, block_size=block))
    return pa.Table.from_batches(batches, schema=POLICE_UK_SCHEMA)


def serial(path: Path, block: int = 1 << 20) -> pa.Table:
    batches = [b for b, _ in one_thread(path, block, None, 0)]
    return pa.Table.from_batches(batches, schema=POLICE_UK_SCHEMA)


READERS = {
    "one-block": threaded,
    "many-blocks": lambda p: threaded(p, 4096),
    "pieces": lambda p: threaded(p, 1 << 16, 4),
    "one-thread": serial,
}


def rejected(t: pa.Table) -> list[tuple[int, str, str]]:
    rows = zip(
        t["row"].to_pylist(),
        t["rejected_field"].to_pylist(),
        t["rejected"].to_pylist(),
        strict=True,
    )
    return sorted((r, f, why) for r, f, why in rows if why is not None)


def stray_file(
    tmp_path: Path, line: int, before: str | None, *, end: str = "\n", last: bool = True
) -> Path:
    """1,000 rows, a quote put in file line ``line`` (the header is 1) before ``before``
    (at the end of the line if None)."""
    rows = [ROW.format(i) for i in range(1000)]
    text = rows[line - 2]
    cut = len(text) if before is None else text.index(before)
    rows[line - 2] = text[:cut] + '"' + text[cut:]
    f = tmp_path / "q.csv"
    f.write_bytes((end.join([HEADER, *rows]) + (end if last else "")).encode())
    return f


# where the quote goes: (line, before what, the field it opens)
AT_FIELD_START = [
    pytest.param(3, "x", "Crime ID", id="line-start"),
    pytest.param(3, "On or", "Location", id="field-start"),
    pytest.param(600, "Warwick 0", "LSOA name", id="middle-of-file"),
    pytest.param(1001, "x", "Crime ID", id="last-line"),
    pytest.param(1001, None, "Context", id="end-of-file"),
]


@pytest.mark.parametrize("how", list(READERS))
@pytest.mark.parametrize("end", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("last", [True, False], ids=["newline", "no-newline"])
@pytest.mark.parametrize(("line", "before", "field"), AT_FIELD_START)
def test_an_unclosed_quote_rejects_only_its_line(  # noqa: PLR0917 - pytest's parameters
    tmp_path, how, end, last, line, before, field
):
    f = stray_file(tmp_path, line, before, end=end, last=last)
    t = READERS[how](f)
    assert t.num_rows == 1000  # every line of the file is a row
    assert rejected(t) == [(line, field, f"{field}: {CLOSING}")]
    assert sorted(t["row"].to_pylist()) == list(range(2, 1002))
    ids = [i for i in t["id"].to_pylist() if i is not None]
    assert len(ids) == 999
    assert f"x{line - 2}" not in ids


@pytest.mark.parametrize("how", list(READERS))
def test_a_quote_inside_a_field_is_text(tmp_path, how):
    # the parser reads a quote that does not start a field as text: the row is read
    f = stray_file(tmp_path, 3, "ar Murcott")
    t = READERS[how](f)
    assert t.num_rows == 1000
    assert rejected(t) == []
    assert 'On or ne"ar Murcott Road East' in t["street"].to_pylist()


def test_the_review_repro_through_the_command(tmp_path):
    f = stray_file(tmp_path, 3, "x")
    done = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", str(f)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert b"rows in: 1,000\nrows out: 999\nrejected: 1\n" in done.stdout
    assert f"row 3: Crime ID: {CLOSING}".encode() in done.stdout


@pytest.mark.parametrize("how", list(READERS))
def test_the_real_month_with_a_stray_quote(tmp_path, how):
    lines = sample_police_uk().read_bytes().split(b"\n")
    lines[2] = b'"' + lines[2]
    f = tmp_path / "2025-06-warwickshire-street.csv"
    f.write_bytes(b"\n".join(lines))
    t = READERS[how](f)
    assert t.num_rows == 4586
    assert rejected(t) == [(3, "Crime ID", f"Crime ID: {CLOSING}")]


def _quoted(cells: list[str]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(cells)  # a value with \n is quoted
    return text.getvalue()[:-1]


@pytest.mark.parametrize("how", list(READERS))
def test_a_closed_value_over_two_lines_is_one_row_only_with_12_fields(tmp_path, how):
    cells = ROW.format(1).split(",")
    cells[6] = "On or near\nMurcott Road"  # 12 fields: one row over two lines
    eleven = cells[:11]  # 11 fields: each line alone
    wide = [*cells, "x"]  # 13 fields: each line alone
    rows = [ROW.format(0), _quoted(cells), ROW.format(2), _quoted(eleven), _quoted(wide), "z"]
    f = tmp_path / "m.csv"
    f.write_text("\n".join([HEADER, *rows]) + "\n")
    t = READERS[how](f).sort_by("row")
    assert t["street"].to_pylist()[:2] == [
        "On or near Murcott Road East",
        "On or near\nMurcott Road",
    ]
    assert sorted(t["row"].to_pylist()) == [2, 3, 5, 6, 7, 8, 9, 10]
    assert rejected(t) == [
        (6, "Location", f"Location: {CLOSING}"),
        (7, "fields", "fields: expected 12 fields, got 5"),  # Murcott Road",...: 5 fields
        (8, "Location", f"Location: {CLOSING}"),
        (9, "fields", "fields: expected 12 fields, got 7"),
        (10, "fields", "fields: expected 12 fields, got 1"),
    ]


def test_a_quote_never_closed_does_not_hold_back_the_blocks(tmp_path, monkeypatch):
    # with no quote after it, a line's open quote is decided at once: the reader does not
    # keep the rest of the file in one ever larger block waiting for a closing quote
    scanned: list[int] = []
    real = _lines.quote_lines  # imported by the blocks' reader when a block has a quote

    def quote_lines(data, start=0, **kw):  # type: ignore[no-untyped-def]
        if "more_quotes" in kw:  # the blocks' scan (a piece's parse asks without it)
            scanned.append(len(data) - start)
        return real(data, start, **kw)

    monkeypatch.setattr(_lines, "quote_lines", quote_lines)
    rows = [ROW.format(i) for i in range(20_000)]
    rows[1] = '"' + rows[1]
    f = tmp_path / "big.csv"
    f.write_text("\n".join([HEADER, *rows]) + "\n")
    t = threaded(f, 1 << 16)
    assert t.num_rows == 20_000
    assert scanned  # the block with the quote was scanned
    assert sum(scanned) < 2 * (1 << 16)  # the block with the quote, once or twice


# -- the invariant, on generated files ---------------------------------------------------

SAMPLE = sample_police_uk().read_text(encoding="utf-8").splitlines()[1:60]
CELLS = [next(csv.reader([line])) for line in SAMPLE]
# a line's strategies, made once, not again for each line drawn (the same draws: ci58b)
_CELLS = st.sampled_from(CELLS)
_CHANGED = st.sets(st.integers(0, 11), max_size=3)
_STYLE = st.sampled_from([csv.QUOTE_MINIMAL] * 3 + [csv.QUOTE_ALL])


@st.composite
def _line(draw: st.DrawFn) -> str:
    """A valid police.uk line: sample cells, some quoted (with commas and quotes inside)."""
    cells = list(draw(_CELLS))
    for j in draw(_CHANGED):
        cells[j] = draw(st.sampled_from([cells[j], f"{cells[j]}, x", f'{cells[j]} "y"', ""]))
    style = draw(_STYLE)
    text = io.StringIO()
    csv.writer(text, lineterminator="\n", quoting=style).writerow(cells)
    return text.getvalue()[:-1]


def _place(draw: st.DrawFn, line: str, field: int, *, start: bool) -> int:
    """A place in the line: anywhere, or where its field ``field`` starts (or ends)."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.integers(0, len(line)))
    bounds = [-1, *(i for i, ch in enumerate(line) if ch == ","), len(line)]
    field = min(field, len(bounds) - 2)
    return bounds[field] + 1 if start else bounds[field + 1]


@st.composite
def _stray_quotes(draw: st.DrawFn) -> tuple[list[str], list[str], set[int]]:
    """Lines, the same lines with quotes put in at random places, and the lines changed.

    Some quotes go in pairs: one where a field of a line starts, one where the same field
    of a later line ends (the two lines and those between then may be one record).
    """
    lines = draw(st.lists(_line(), min_size=1, max_size=25))
    changed = list(lines)
    touched: set[int] = set()
    for _ in range(draw(st.integers(1, 4))):
        ks = [draw(st.integers(0, len(lines) - 1))]
        if draw(st.integers(0, 3)) and ks[0] + 1 < len(lines):
            ks.append(draw(st.integers(ks[0] + 1, min(ks[0] + 3, len(lines) - 1))))
        field = draw(st.integers(0, 11))
        for n, k in enumerate(reversed(ks)):
            at = _place(draw, changed[k], field, start=n == len(ks) - 1)
            changed[k] = changed[k][:at] + '"' + changed[k][at:]
            touched.add(k)
    return lines, changed, touched


def follow(lines: list[str]) -> tuple[list[int], set[int]]:
    """The reference, char by char: the line where each record starts and the lines
    rejected for a quote (data lines from 0), as a CSV parser reads quotes and with a
    line break in a value only where a quote closes it, followed by a comma or the line
    end, and the record has 12 fields."""
    starts: list[int] = []
    unclosed: set[int] = set()
    k = 0
    while k < len(lines):
        state, fields, j, crossed, ragged = "start", 1, k, False, False
        while True:
            for ch in lines[j]:
                if state == "quoted":
                    state = "after" if ch == '"' else state
                elif state == "after" and ch == '"':
                    state = "quoted"  # "" is a quote in the value
                else:
                    if state == "after":  # the value closed: by a comma, as a writer does?
                        ragged |= crossed and ch != ","
                        crossed = False
                    if ch == ",":
                        state, fields = "start", fields + 1
                    elif state == "start":
                        state = "quoted" if ch == '"' else "text"
                    else:
                        state = "text"
            if state != "quoted" or j + 1 == len(lines):
                break
            j, crossed = j + 1, True  # the line break is in the quoted value
        starts.append(k)
        if j > k and state != "quoted" and fields == 12 and not ragged:
            k = j + 1
        else:
            if j > k or state == "quoted":
                unclosed.add(k)
            k += 1
    return starts, unclosed


def _table(rows: list[str], path: Path, end: str, last: bool, how: str) -> pa.Table:
    path.write_bytes((end.join([HEADER, *rows]) + (end if last else "")).encode())
    if how == "one-thread":  # (its parser cannot read a record longer than a block)
        return serial(path, 1 << 20)
    return threaded(path, int(how), pieces=2)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    case=_stray_quotes(),
    end=st.sampled_from(["\n", "\r\n"]),
    last=st.booleans(),
    how=st.sampled_from(["256", "1024", str(1 << 20), "one-thread"]),
)
def test_every_line_is_a_row_and_untouched_lines_read_alone(tmp_path, case, end, last, how):
    lines, changed, touched = case
    got = _table(changed, tmp_path / "changed.csv", end, last, how)
    alone = _table(lines, tmp_path / "lines.csv", end, last, how)  # every line read alone
    starts, unclosed = follow(changed)
    event(f"lines rejected for a quote: {min(len(unclosed), 2)}")
    # every data line is a row, but for the lines a closed 12-field value joins to the one
    # before it (quotes put in the same field of two lines, or one before a quoted value
    # that starts with a comma)
    spans = [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True) if e > s + 1]
    joined = {k for s, e in spans for k in range(s, e)}
    assert got.num_rows == len(lines) - len(joined) + len(spans)
    event(f"lines joined: {bool(spans)}")
    assert sorted(got["row"].to_pylist()) == [k + 2 for k in starts]
    reasons = dict(zip(got["row"].to_pylist(), got["rejected"].to_pylist(), strict=True))
    assert {k for k in starts if CLOSING in (reasons[k + 2] or "")} == unclosed
    before = {r: i for i, r in enumerate(alone["row"].to_pylist())}
    after = {r: i for i, r in enumerate(got["row"].to_pylist())}
    for k in range(len(lines)):
        if k in touched or k in joined:
            continue
        row = k + 2
        assert [alone[c][before[row]].as_py() for c in KEPT] == [
            got[c][after[row]].as_py() for c in KEPT
        ]
