r"""Where each record of a CSV file starts: the line numbers rows are named by.

A CSV record is not always one line: a quoted field may hold a line break, blank lines
are not records, and a line may end with ``\n``, ``\r\n`` or a lone ``\r``. The CSV
parser counts records; people count lines. :func:`record_lines` maps one to the other
with a vectorised scan (no Python loop per line), a block of the file at a time;
:func:`chunk_records` does the same for a piece of a file held in memory, and
:func:`record_cuts` finds where such pieces may be cut (only between two records).

Quotes are followed by counting them (a line break after an odd number is inside a quoted
field), those a parser reads as text left out (``ab"c``: :mod:`svduty.io._csv_quotes`);
:func:`record_cuts` checks that no stray quote would flip the count of a piece.

A CSV parser lets a quote that is never closed run to the end of the file: one stray
quote makes the rest of the file one field. :func:`quote_lines` follows quotes line by
line instead, as the parser reads them, and lets a quoted value hold a line break only
where the value is closed (as a CSV writer closes it) and its record then has the number
of fields expected; otherwise the line where the quote opens is a record of its own, to
be rejected, and the next line is read as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from svduty.io._csv_quotes import counting_right, parsed_quotes

__all__ = [
    "QuoteLines",
    "ascii_records",
    "chunk_records",
    "longest_record",
    "odd_quotes",
    "quote_lines",
    "quotes",
    "record_cuts",
    "record_lines",
]

_BLOCK = 1 << 24
_LF, _CR, _QUOTE, _COMMA = 10, 13, 34, 44


def odd_quotes(path: str | Path) -> bool:
    r"""Whether a file holds an odd number of quotes (:func:`quotes`, a block at a time).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
        >>> odd_quotes(f) if f.write_bytes(b'a,b\n"x""y",1\n2,"3\n') else None
        True
    """
    with Path(path).open("rb") as fh:
        return sum(quotes(block) for block in iter(lambda: fh.read(_BLOCK), b"")) % 2 == 1


def quotes(data: bytes) -> int:
    """How many quotes ``data`` holds, with numpy (``bytes.count``: 6 ms, this 2, speed51d).

    Example:
        >>> quotes(b'"a","b""c"'), quotes(b"")
        (6, 0)
    """
    a = np.frombuffer(data, np.uint8)  # 1 MiB at a time: a small mask, not one of the file
    step = 1 << 20
    return sum(int(np.count_nonzero(a[i : i + step] == _QUOTE)) for i in range(0, len(a), step))


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
    quotes = parsed_quotes(data, _positions(data, _QUOTE)) if quote else np.zeros(0, np.int64)
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


def record_lines(
    path: str | Path, *, quoted: bool = True, identity: bool = False, data: Any = None
) -> Any:
    r"""The line number (1-based) where each non-empty record of a CSV file starts.

    Index 0 is the header's record; a parser's record ``k`` (1-based, header 1, blank
    lines not counted) starts on line ``record_lines(path)[k - 1]``. With ``quoted=False``
    (JSON Lines, where a string cannot hold a raw line break) every non-empty line is a
    record. With ``identity=True``, ``None`` stands for "record ``k`` is on line ``k``"
    when the file shows that cheaply (no CR, no quote, no blank line: no scan needed).
    ``data``: the file's bytes as read (mended, of the same lines), instead of the file.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = f.write_bytes(b'a,b\n\n"x\ny",1\n2,3\r4,5')
        >>> record_lines(f).tolist()
        [1, 3, 5, 6]
    """
    if data is not None:
        if not len(data):
            return np.zeros(0, dtype=np.int64)
        lines, _, _ = _records(np.frombuffer(data, np.uint8), cr=b"\r" in data, quote=quoted)
        return lines
    raw = Path(path).read_bytes()  # read, not mapped: a file cut meanwhile is no bus error
    if not raw:
        return np.zeros(0, dtype=np.int64)
    has_cr = raw.find(b"\r") >= 0  # memchr speed: most files have no CR at all
    has_quote = quoted and raw.find(b'"') >= 0
    blank = raw.find(b"\n\n") >= 0 or raw[:1] == b"\n"
    if identity and not (has_cr or has_quote or blank):
        return None
    lines, _, _ = _records(np.frombuffer(raw, np.uint8), cr=has_cr, quote=has_quote)
    return lines


def longest_record(data: bytes) -> int:
    r"""The length in bytes of the longest record of CSV data (quotes followed), at least.

    A CSV parser reading a block at a time needs a block longer than this: a record that
    does not fit in one is refused with the whole file. Blank lines count with the record
    before them (the length may be more than the record's, never less).

    Example:
        >>> longest_record(b'a\n"b\nc"\nd\n')
        6
    """
    view = np.frombuffer(data, dtype=np.uint8)
    starts = _records(view, cr=True, quote=True)[2] if len(view) else ()
    if not len(starts):
        return len(view)
    return int(np.diff(np.concatenate([[0], starts, [len(view)]])).max())


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
        if not counting_right(data, quotes):
            return None
        ends = np.flatnonzero((data == _LF) | (data == _CR))
        ends = ends[np.searchsorted(quotes, ends) % 2 == 0] + 1 + start
        where = np.searchsorted(ends, np.asarray(limits, dtype=np.int64), side="right")
        cuts = [int(ends[i - 1]) if i else 0 for i in where.tolist()]
    return [c + 1 if 0 < c < len(chunk) and chunk[c - 1 : c + 1] == b"\r\n" else c for c in cuts]


def ascii_records(chunk: Any, records: Sequence[int], *, blank: bool, starts: Any = None) -> Any:
    r"""A copy of ``chunk`` where the given records hold no byte outside ASCII (``?`` instead).

    ``records`` are numbered from 1 as a CSV parser counts them in the chunk: every line
    if ``blank`` (blank lines are records; the chunk holds no quote), else the non-empty
    records. A parser cannot report a malformed row that is not UTF-8; this one it can.
    ``starts``, if given, are where the non-empty records start (from
    :meth:`QuoteLines.records`), for a chunk whose quotes counting cannot follow.

    Example:
        >>> bytes(ascii_records(b"a\xe9\nb\xe9\n", [2], blank=True))
        b'a\xe9\nb?\n'
    """
    data = np.frombuffer(chunk, dtype=np.uint8)
    out = data.copy()
    if starts is not None:
        pass
    elif blank:
        starts = np.concatenate([[0], _line_ends(data, cr=True) + 1])
    else:
        starts = _records(data, cr=True, quote=True)[2]
    for record in records:  # one the counting did not find (quotes read otherwise): the last
        k = min(record, len(starts))
        part = out[starts[k - 1] : starts[k] if k < len(starts) else len(out)]
        part[part >= 0x80] = ord("?")
    return out


@attrs.frozen(slots=True)
class QuoteLines:
    r"""The records of a piece of a CSV file, with quotes followed line by line.

    Made by :func:`quote_lines`. Lines are numbered from 0 (the line where the scan
    starts); line ``k`` ends at ``ends[k]`` (its ``\n``, or a lone ``\r``), and the line
    after the last line end runs to the end of the data.

    Attributes:
        start: Where the scan starts in the data.
        ends: Where each line ends (offsets in the data).
        joined: For each line end, whether the record goes on after it (a closed quoted
            value holding a line break).
        unclosed: The lines with a quote that is never closed on the line (each a record
            of its own, to be rejected), with the field (from 0) the quote opens.
        decided: Lines before this one are decided: the records after it may depend on
            data not yet read.
    """

    start: int
    ends: Any
    joined: Any
    unclosed: tuple[tuple[int, int], ...]
    decided: int

    def line_span(self, k: int, data: Any) -> tuple[int, int]:
        r"""Where line ``k`` starts and stops in the data (its line end left out).

        Example:
            >>> quote_lines(b'a\r\n"b\n', fields=1).line_span(1, b'a\r\n"b\n')
            (3, 5)
        """
        view = np.frombuffer(data, dtype=np.uint8)
        lo = self.start if k == 0 else int(self.ends[k - 1]) + 1
        if k >= len(self.ends):
            return lo, len(view)
        hi = int(self.ends[k])
        if hi > lo and view[hi - 1] == _CR and view[hi] == _LF:
            hi -= 1
        return lo, hi

    def cuts(self, data: Any, limits: Sequence[int]) -> list[int]:
        r"""For each limit, the end of the last decided record that ends at or before it.

        As :func:`record_cuts` (a ``\r`` just before the limit ends a line; never a cut
        inside ``\r\n``; 0 where no record ends after the start and before the limit).

        Example:
            >>> d = b'a\n"b\nc"\nx"y\nd\n'
            >>> quote_lines(d, fields=1).cuts(d, [3, 8, 13, 15])
            [2, 8, 12, 14]
        """
        view = np.frombuffer(data, dtype=np.uint8)[self.start :]
        marks = np.flatnonzero((view == _LF) | (view == _CR))
        if self.decided <= len(self.ends) or self.joined.any():
            line = np.searchsorted(self.ends - self.start, marks)
            joined = np.concatenate([self.joined, [False]])
            marks = marks[(line < self.decided) & ~joined[np.minimum(line, len(self.joined))]]
        ends = marks + 1 + self.start
        where = np.searchsorted(ends, np.asarray(limits, dtype=np.int64), side="right")
        cuts = [int(ends[i - 1]) if i else 0 for i in where.tolist()]
        return [c + 1 if 0 < c < len(data) and data[c - 1 : c + 1] == b"\r\n" else c for c in cuts]

    def records(self, data: Any) -> tuple[Any, int, Any]:
        r"""Where the non-empty records start: line offsets, the line ends, byte offsets.

        The line offsets and the number of line ends are those :func:`chunk_records`
        gives where counting quotes is right; the byte offsets are from the scan's start.

        Example:
            >>> d = b'a\n\n"b\nc"\nx"y\nd'
            >>> lines, ends, at = quote_lines(d, fields=1).records(d)
            >>> lines.tolist(), ends, at.tolist()
            ([0, 2, 4, 5], 5, [0, 3, 9, 13])
        """
        view = np.frombuffer(data, dtype=np.uint8)[self.start :]
        ends = self.ends - self.start
        lo = np.concatenate([[0], ends + 1]).astype(np.int64)
        hi = np.concatenate([ends, [len(view)]]).astype(np.int64)
        inside = hi < len(view)  # a line end: \r\n is one where the \n follows a \r
        crlf = np.zeros(len(hi), dtype=bool)
        crlf[inside] = (hi[inside] > lo[inside]) & (view[np.maximum(hi[inside] - 1, 0)] == _CR)
        crlf[inside] &= view[hi[inside]] == _LF
        first = np.concatenate([[True], ~self.joined.astype(bool)])
        keep = first & (hi - lo - crlf > 0)
        return np.flatnonzero(keep).astype(np.int64), len(ends), lo[keep]

    def mended(self, data: Any) -> Any:
        r"""The data, with each unclosed line's bytes made ``?`` (a record of one field).

        Example:
            >>> d = b'a,b\n"c,d\ne,f\n'
            >>> bytes(quote_lines(d, fields=2).mended(d))
            b'a,b\n????\ne,f\n'
        """
        if not self.unclosed:
            return data
        out = np.frombuffer(data, dtype=np.uint8).copy()
        for k, _ in self.unclosed:
            lo, hi = self.line_span(k, data)
            out[lo:hi] = ord("?")
        return out


def quote_lines(
    data: Any,
    start: int = 0,
    *,
    fields: int,
    final: bool = True,
    more_quotes: Callable[[], bool] | None = None,
) -> QuoteLines:
    r"""Follow the quotes of ``data[start:]`` as a CSV parser reads them, line by line.

    ``data[start:]`` starts where a record starts. A quote opens a quoted value only at
    the start of a field (elsewhere it is text); in a quoted value ``""`` is a quote, and a
    lone quote closes it. A line that leaves a quoted value open starts a record that goes
    on over the next lines only if the value is closed by a quote that ends it (a comma or
    a line end next, as a CSV writer closes it) and the record then has ``fields`` fields;
    otherwise the line is a record of its own (``unclosed``), and the next line starts a
    record. (A stray quote is mostly closed ragged, by the quote that opens a quoted value
    on a later line.) Each line is otherwise a record (blank lines are empty records).

    Counting the quotes of each line (vectorised) decides most lines; only lines with a
    quote inside a field and lines that leave a quote open are followed quote by quote.

    With ``final=False`` the data may go on: a line that leaves a quote open is decided
    only once its record ends in the data, or when ``more_quotes()`` (whether the rest of
    the file holds a quote) is false.

    Example:
        >>> d = b'a,b\n"c,d\ne,f\n"g\nh",i\nj,k"\n'
        >>> q = quote_lines(d, fields=2)
        >>> q.unclosed, q.joined.tolist()
        (((1, 0),), [False, False, False, True, False, False])
        >>> [quote_lines(b'a\n"b\nc', fields=1, final=False, more_quotes=lambda: m).decided
        ...  for m in (True, False)]  # line 1 waits for the rest of the file, if it holds a quote
        [1, 3]
    """
    view = np.frombuffer(data, dtype=np.uint8)[start:]
    ends = _line_ends(view, cr=True)
    n = len(ends)  # lines 0..n (the last one after the last line end)
    joined = np.zeros(n, dtype=bool)
    quotes = np.flatnonzero(view == _QUOTE)
    if not len(quotes):
        return QuoteLines(start, ends + start, joined, (), n + 1)
    starts = np.concatenate([[0], ends + 1]).astype(np.int64)
    first = np.searchsorted(quotes, starts)  # each line's first quote
    odd = np.diff(np.concatenate([first, [len(quotes)]])) % 2 == 1
    if not odd.any() and counting_right(view, quotes):  # the usual quoted file
        return QuoteLines(start, ends + start, joined, (), n + 1)
    line_of = np.searchsorted(ends, quotes)
    rank = np.arange(len(quotes)) - first[line_of]
    prev = view[np.maximum(quotes - 1, 0)]
    at_start = (quotes == 0) | np.isin(prev, _STARTS) | (prev == _QUOTE)
    # counting is right on a line whose opening quotes (by count) all start a field (or
    # follow a closing quote: "" in a quoted value); the other lines are followed
    irregular = np.unique(line_of[(rank % 2 == 0) & ~at_start])
    opens = odd
    opens[irregular] = False
    follow = _Follow(view, quotes, line_of, first, starts, n)
    for k in irregular.tolist():
        opens[k] = follow.record(k, one_line=True).open
    unclosed: list[tuple[int, int]] = []
    decided = n + 1
    done = -1  # the last line of the last record followed
    for k in np.flatnonzero(opens).tolist():
        if k <= done:
            continue
        got = follow.record(k, one_line=False)
        last = got.last
        if got.open or (last == n and not final):  # the data ends in the record
            if not final and (more_quotes is None or more_quotes() or not got.open):
                decided = k
                break
            last = -1  # the quote is never closed
        if last > k and got.fields == fields and not got.ragged:
            joined[k:last] = True
            done = last
        else:
            unclosed.append((k, got.field))
    return QuoteLines(start, ends + start, joined, tuple(unclosed), decided)


_STARTS = np.array([_COMMA, _LF, _CR], dtype=np.uint8)


@attrs.frozen(slots=True)
class _Followed:
    """A record followed quote by quote from the start of a line."""

    last: int  # the line where it ends (as far as followed)
    open: bool  # whether a quoted value is still open there
    fields: int  # its fields
    field: int  # the field the first line leaves open (-1 if none)
    ragged: bool  # a value holding a line break is closed by a quote that does not end it


@attrs.frozen(slots=True)
class _Follow:
    """The state machine of a CSV parser, stepping from quote to quote."""

    view: Any
    quotes: Any
    line_of: Any
    first: Any
    starts: Any
    lines: int  # the number of line ends

    def _commas(self, lo: int, hi: int) -> int:
        return int(np.count_nonzero(self.view[lo:hi] == _COMMA))

    def record(self, k: int, *, one_line: bool) -> _Followed:
        """Follow the record starting on line ``k`` (outside quotes) to its end.

        With ``one_line``, stop at the end of line ``k``.
        """
        view, quotes = self.view, self.quotes
        inside, closed, opened = False, -2, -1
        crossed = ragged = False  # the open value holds a line break; one closed ragged
        inner = 0  # commas inside quoted values
        field = -1  # the field left open at the end of line k
        line = k
        i = int(self.first[k])
        while i < len(quotes):
            at, where = int(quotes[i]), int(self.line_of[i])
            if where != line:
                if not inside or one_line:
                    break
                if line == k:
                    field = self._commas(int(self.starts[k]), opened) - inner
                line, crossed = where, True
            if inside:
                inside, closed = False, at
                inner += self._commas(opened, at)
                after = int(view[at + 1]) if at + 1 < len(view) else _LF
                if crossed and after != _QUOTE:  # closed (a quote after it: "" in the value)
                    ragged |= after not in (_COMMA, _LF, _CR)
                    crossed = False
            else:
                before = int(view[at - 1]) if at > 0 else _LF
                if before in (_COMMA, _LF, _CR) or (before == _QUOTE and closed == at - 1):
                    inside, opened = True, at
            i += 1
        if inside:
            if line == k:
                field = self._commas(int(self.starts[k]), opened) - inner
            inner += self._commas(opened, len(view))
            return _Followed(line, True, -1, field, ragged)
        stop = len(view) if line >= self.lines else int(self.starts[line + 1])
        count = self._commas(int(self.starts[k]), stop) - inner + 1
        return _Followed(line, False, count, field, ragged)
