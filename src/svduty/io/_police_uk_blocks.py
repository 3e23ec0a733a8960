"""A police.uk file cut into blocks and pieces where the streaming parser would cut it.

:func:`_blocks` maps a file a block at a time (never copying it) and cuts each block, and
the pieces of a block, after the last record that ends in it: by line ends alone where a
block holds no quote (:func:`_plain_cuts`), else by :func:`~svduty.io._lines.quote_lines`,
which follows quotes as the parser does and decides a quote left open on its line. Used by
:mod:`svduty.io._police_uk_reader`, which parses the pieces on worker threads.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._lines import quote_lines

__all__: list[str] = []

_FIELDS = len(POLICE_UK_COLUMNS)


def _blocks(p: Path, block: int, piece: int) -> Iterator[tuple[int, list[tuple[Any, bool]]]]:
    """The file after its header, a block at a time, cut where the parser would cut it.

    The streaming parser reads ``block`` bytes at a time and parses up to the last record
    that ends in what it has read; the pieces of a block end likewise at multiples of
    ``piece`` (which divides ``block``). Yields each block's end (bytes from the start of
    the file) and its pieces: a view of the bytes (mapped, not copied) and whether it
    holds a quote. A view keeps only its block's window of the file mapped.
    """
    size = p.stat().st_size
    with p.open("rb") as fh:
        quote_after = _QuoteAfter(fh)
        pos = 0  # where the rows not yet cut start (file offset)
        top = 0  # how far the file is read
        header = True  # the header is not passed yet
        skip_lf = False  # the last cut was after a final \r: a \n next is the rest of \r\n
        while top < size:
            top = min(size, (top // block + 1) * block)  # reads end where the parser's do
            eof = top == size
            lo = pos - pos % mmap.ALLOCATIONGRANULARITY
            if os.fstat(fh.fileno()).st_size < top:  # cut short since the read began
                raise _shorter(p)
            data = _map(fh, lo, top - lo)
            start = pos - lo
            if header:
                start = _header_end(data, eof)
                if start < 0:
                    continue
                header = False
            if skip_lf and data[start : start + 1] == b"\n":
                start += 1
            # the parser's last block runs to the end (also when it ends at a multiple)
            limits = list(range(pos - pos % piece + piece, top + (not eof), piece))
            quoted = data.find(b'"', start) >= 0
            at = [m - lo for m in limits]
            if quoted:  # a quote left open waits for the rest of the file only if it may close
                scan = quote_lines(
                    data, start, fields=_FIELDS, final=eof, more_quotes=quote_after.at(top)
                )
                cuts = scan.cuts(data, at)
            else:
                cuts = _plain_cuts(data, at, start)
            group: list[tuple[Any, bool]] = []
            for limit, cut in [*zip(limits, cuts, strict=True), (-1, len(data) if eof else 0)]:
                if cut > start:
                    quotes = quoted and data.find(b'"', start, cut) >= 0
                    group.append((memoryview(data)[start:cut], quotes))
                    start = cut
                if group and (limit % block == 0 or limit < 0):
                    yield lo + start, group
                    group = []
            skip_lf = data[start - 1 : start] == b"\r" and start == len(data)
            pos = lo + start


def _shorter(p: Path) -> InputFormatError:
    """The error for a file that became shorter while it was read (overwritten in place).

    Found before the next block is mapped; a block already mapped and cut away under a
    parse thread ends the process (a bus error): see the large-inputs guide.

    Example:
        >>> print(_shorter(Path("2025-06.csv")))  # doctest: +NORMALIZE_WHITESPACE
        2025-06.csv: the file became shorter while it was read (was it overwritten?);
        expected a file left whole until svduty has read it
    """
    return InputFormatError(
        Problem(
            message="the file became shorter while it was read (was it overwritten?)",
            file=str(p),
            expected="a file left whole until svduty has read it",
        )
    )


@attrs.define(slots=True)
class _QuoteAfter:
    """Whether a file holds a quote from an offset on (one search per quote found)."""

    fh: Any
    found: int = -1  # a quote found here
    none_from: int = -1  # no quote from here on (-1: not known)

    def at(self, pos: int) -> Callable[[], bool]:
        r"""A question for :func:`~svduty.io._lines.quote_lines`: a quote at ``pos`` or later?

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryFile() as f:
            ...     _ = f.write(b'ab"c\n'); f.flush()
            ...     q = _QuoteAfter(f)
            ...     q.at(2)(), q.at(3)(), q.at(0)()
            (True, False, True)
        """
        return lambda: self._after(pos)

    def _after(self, pos: int) -> bool:
        if self.found >= pos:
            return True
        if 0 <= self.none_from <= pos:
            return False
        with mmap.mmap(self.fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            at = mm.find(b'"', pos)
        if at < 0:
            self.none_from = pos
            return False
        self.found = at
        return True


def _plain_cuts(data: Any, limits: list[int], start: int) -> list[int]:
    r""":func:`~svduty.io._lines.record_cuts` where ``data[start:]`` holds no quote.

    Each cut follows the last ``\n`` or ``\r`` before its limit; a ``\r`` is looked for
    only after that ``\n`` (most files have none, and a search for one would read the
    whole block backwards).

    Example:
        >>> _plain_cuts(b"ab\ncd\r\nef\rg", [2, 4, 6, 7, 10, 11], 0)
        [0, 3, 7, 7, 10, 10]
    """
    cuts: list[int] = []
    for limit in limits:
        lf = data.rfind(b"\n", start, limit)
        cut = max(lf, data.rfind(b"\r", max(start, lf + 1), limit)) + 1
        cuts.append(cut + 1 if 0 < cut < len(data) and data[cut - 1 : cut + 1] == b"\r\n" else cut)
    return cuts


def _map(fh: Any, offset: int, length: int) -> mmap.mmap:
    """A read-only map of part of a file (its pages read in at once where the OS can)."""
    if hasattr(mmap, "MAP_POPULATE"):  # Linux
        flags = mmap.MAP_SHARED | mmap.MAP_POPULATE
        return mmap.mmap(fh.fileno(), length, flags=flags, prot=mmap.PROT_READ, offset=offset)
    return mmap.mmap(
        fh.fileno(), length, access=mmap.ACCESS_READ, offset=offset
    )  # pragma: no cover


def _header_end(data: mmap.mmap, eof: bool) -> int:
    r"""Where the first line ends (after ``\n``, ``\r`` or ``\r\n``); -1 if not read yet."""
    ends: list[int] = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
    if not ends:
        return len(data) if eof else -1  # the header alone: no rows
    end = min(ends)
    if data[end : end + 2] == b"\r\n":
        return end + 2
    if end + 1 == len(data) and data[end : end + 1] == b"\r" and not eof:
        return -1  # \r at the end of what was read: is it \r\n?
    return end + 1
