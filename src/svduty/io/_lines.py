r"""Where each record of a CSV file starts: the line numbers rows are named by.

A CSV record is not always one line: a quoted field may hold a line break, blank lines
are not records, and a line may end with ``\n``, ``\r\n`` or a lone ``\r``. The CSV
parser counts records; people count lines. :func:`record_lines` maps one to the other
with a vectorised scan (no Python loop per line), a block of the file at a time;
:func:`chunk_records` does the same for a piece of a file held in memory, and
:func:`record_cuts` finds where such pieces may be cut (only between two records).

Quotes are followed by counting them (a line break after an odd number of quotes is
inside a quoted field). That is what a CSV parser does as long as every field that holds
a quote starts with one; :func:`record_cuts` checks that it is so (a stray quote inside
an unquoted field, ``ab"c``, is text to the parser but would flip the count).
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ascii_records", "chunk_records", "record_cuts", "record_lines"]

_BLOCK = 1 << 24
_LF, _CR, _QUOTE, _COMMA = 10, 13, 34, 44
_FIELD_START = np.array([_COMMA, _LF, _CR, _QUOTE], dtype=np.uint8)  # may precede an opening quote


def _positions(data: Any, byte: int) -> Any:
    parts = [np.flatnonzero(data[i : i + _BLOCK] == byte) + i for i in range(0, len(data), _BLOCK)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _line_ends(data: Any, *, cr: bool) -> Any:
    r"""Where lines end: each ``\n`` and each ``\r`` not followed by ``\n``."""
    size = len(data)
    lf = _positions(data, _LF)
    crs = _positions(data, _CR) if cr else np.zeros(0, dtype=np.int64)
    if not len(crs):
        return lf
    nxt = np.minimum(crs + 1, size - 1)
    lone = (data[nxt] != _LF) | (crs + 1 >= size)
    return np.sort(np.concatenate([lf, crs[lone]]))


def _records(data: Any, *, cr: bool, quote: bool) -> tuple[Any, int, Any]:
    """Each non-empty record's line (1-based) and offset, and the number of line ends."""
    size = len(data)
    ends = _line_ends(data, cr=cr)
    quotes = _positions(data, _QUOTE) if quote else np.zeros(0, dtype=np.int64)
    ends_rec = ends[np.searchsorted(quotes, ends) % 2 == 0] if len(quotes) else ends
    starts = np.concatenate([[0], ends_rec + 1]).astype(np.int64)
    stops = np.concatenate([ends_rec, [size]]).astype(np.int64)
    length = stops - starts
    before = np.maximum(stops - 1, 0)
    crlf = (stops < size) & (length > 0) & (data[before] == _CR)
    length = length - crlf
    keep = length > 0
    lines = np.searchsorted(ends, starts[keep], side="left") + 1
    return lines.astype(np.int64), len(ends), starts[keep]


def record_lines(path: str | Path, *, quoted: bool = True, identity: bool = False) -> Any:
    r"""The line number (1-based) where each non-empty record of a CSV file starts.

    Index 0 is the header's record; a parser's record ``k`` (1-based, header 1, blank
    lines not counted) starts on line ``record_lines(path)[k - 1]``. With ``quoted=False``
    (JSON Lines, where a string cannot hold a raw line break) every non-empty line is a
    record. With ``identity=True``, ``None`` stands for "record ``k`` is on line ``k``"
    when the file shows that cheaply (no CR, no quote, no blank line: no scan needed).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = f.write_bytes(b'a,b\n\n"x\ny",1\n2,3\r4,5')
        >>> record_lines(f).tolist()
        [1, 3, 5, 6]
    """
    p = Path(path)
    size = p.stat().st_size
    if size == 0:
        return np.zeros(0, dtype=np.int64)
    with p.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        has_cr = mm.find(b"\r") >= 0  # memchr speed: most files have no CR at all
        has_quote = quoted and mm.find(b'"') >= 0
        blank = mm.find(b"\n\n") >= 0 or mm[:1] == b"\n"
    if identity and not (has_cr or has_quote or blank):
        return None
    data = np.memmap(p, dtype=np.uint8, mode="r")
    lines, _, _ = _records(data, cr=has_cr, quote=has_quote)
    del data
    return lines


def chunk_records(chunk: Any) -> tuple[Any, int]:
    r"""Where the records of a piece of a CSV file start, as 0-based line offsets.

    ``chunk`` starts where a record starts (outside any quoted field) and is not the tail
    of a ``\r\n``. Returns the line offset (from the chunk's first line) of each non-empty
    record, as :func:`record_lines` would number them, and the number of line ends in the
    chunk (so the line the next chunk starts on).

    Example:
        >>> offsets, ends = chunk_records(b'a\n\n"b\nc"\r\nd\r')
        >>> offsets.tolist(), ends
        ([0, 2, 4], 5)
    """
    data = np.frombuffer(chunk, dtype=np.uint8)
    if not len(data):
        return np.zeros(0, dtype=np.int64), 0
    lines, ends, _ = _records(data, cr=True, quote=True)
    return lines - 1, ends


def record_cuts(
    chunk: Any, limits: Sequence[int], *, start: int = 0, quoted: bool = True
) -> list[int] | None:
    r"""For each limit, the end of the last record of ``chunk`` that ends at or before it.

    ``chunk[start:]`` starts where a record starts. A record ends after ``\n`` or ``\r``
    outside quotes, as a CSV parser that stops reading at the limit sees it (a ``\r`` just
    before the limit ends a line); a cut is never put inside ``\r\n``. ``0`` where no
    record ends after ``start`` and before the limit. ``None`` if the quote count cannot be
    trusted (a quote opening something that is not a field), where only a CSV parser can
    say where records end. ``quoted=False`` says that ``chunk[start:]`` holds no quote.

    Example:
        >>> record_cuts(b'a\n"b\nc"\nd\n', [3, 6, 9])
        [2, 2, 8]
        >>> record_cuts(b'a\r\nb\r\n', [2]), record_cuts(b'ab"c\n', [5])
        ([3], None)
    """
    cuts: list[int] = []
    if not quoted or chunk.find(b'"', start) < 0:
        for limit in limits:
            cuts.append(max(chunk.rfind(b"\n", start, limit), chunk.rfind(b"\r", start, limit)) + 1)
    else:
        data = np.frombuffer(chunk, dtype=np.uint8)[start:]
        quotes = np.flatnonzero(data == _QUOTE)
        opening = quotes[0::2]
        before = data[opening[opening > 0] - 1]
        if not np.isin(before, _FIELD_START).all():
            return None
        ends = np.flatnonzero((data == _LF) | (data == _CR))
        ends = ends[np.searchsorted(quotes, ends) % 2 == 0] + 1 + start
        where = np.searchsorted(ends, np.asarray(limits, dtype=np.int64), side="right")
        cuts = [int(ends[i - 1]) if i else 0 for i in where.tolist()]
    return [c + 1 if 0 < c < len(chunk) and chunk[c - 1 : c + 1] == b"\r\n" else c for c in cuts]


def ascii_records(chunk: Any, records: Sequence[int], *, blank: bool) -> Any:
    r"""A copy of ``chunk`` where the given records hold no byte outside ASCII (``?`` instead).

    ``records`` are numbered from 1 as a CSV parser counts them in the chunk: every line
    if ``blank`` (blank lines are records; the chunk holds no quote), else the non-empty
    records. A parser cannot report a malformed row that is not UTF-8; this one it can.

    Example:
        >>> bytes(ascii_records(b"a\xe9\nb\xe9\n", [2], blank=True))
        b'a\xe9\nb?\n'
    """
    data = np.frombuffer(chunk, dtype=np.uint8)
    out = data.copy()
    if blank:
        starts = np.concatenate([[0], _line_ends(data, cr=True) + 1])
    else:
        starts = _records(data, cr=True, quote=True)[2]
    for k in records:
        part = out[starts[k - 1] : starts[k] if k < len(starts) else len(out)]
        part[part >= 0x80] = ord("?")
    return out
