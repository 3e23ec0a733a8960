"""A police.uk file cut into blocks and pieces where the streaming parser would cut it.

:func:`_blocks` reads a file a block at a time into a few buffers it reuses (its memory
touched once, not for every block) and cuts each block, and the pieces of a block, after
the last record that ends in it: by line ends alone where a block holds no quote
(:func:`_plain_cuts`), else by :func:`~svduty.io._lines.quote_lines`, which follows
quotes as the parser does and decides a quote left open on its line. Used by
:mod:`svduty.io._police_uk_reader`, which parses the pieces on worker threads.
"""

from __future__ import annotations

import contextlib
import mmap
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._unchanged import changed, refuse_if_changed

__all__: list[str] = []

_FIELDS = len(POLICE_UK_COLUMNS)


def _blocks(
    p: Path, block: int, piece: int, buffers: _Buffers
) -> Iterator[tuple[int, list[tuple[Any, bool]]]]:
    """The file after its header, a block at a time, cut where the parser would cut it.

    The streaming parser reads ``block`` bytes at a time and parses up to the last record
    that ends in what it has read; the pieces of a block end likewise at multiples of
    ``piece`` (which divides ``block``). Yields each block's end (bytes from the start of
    the file) and its pieces: a view of the bytes read and whether it holds a quote.
    The bytes are read, not mapped: a file cut short, or changed, while it is read is
    refused by name (see :mod:`svduty.io._unchanged`) when a read comes short or, after
    a read, the file's modification time is not what it was; never a bus error in a
    parse thread, nor rows of two versions of the file. ``buffers``: those to read into
    (shared by the files of one read).
    """
    with p.open("rb", buffering=0) as fh:
        began = os.fstat(fh.fileno())  # the file opened, not whatever the path names later
        size = began.st_size
        quote_after = _QuoteAfter(fh)
        pos = 0  # where the rows not yet cut start (file offset)
        top = 0  # how far the file is read
        header = True  # the header is not passed yet
        skip_lf = False  # the last cut was after a final \r: a \n next is the rest of \r\n
        while top < size:
            top = min(size, (top // block + 1) * block)  # reads end where the parser's do
            eof = top == size
            lo = pos
            data = buffers.read(fh, lo, top - lo, p)
            refuse_if_changed(p, began, os.fstat(fh.fileno()))  # (also a size that grows)
            start = 0
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
                from svduty.io._lines import quote_lines  # a file with quotes only

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
        at = _find(self.fh, b'"', pos)
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


_RING = 6
"""Buffers :class:`_Buffers` keeps: the blocks parsed ahead, the one being read, spares."""


@attrs.define(slots=True)
class _Buffers:
    """A few buffers reused for the blocks of a file, each once nothing views it any more.

    Reading into memory touched before costs less than mapping each block (which sets up
    and tears down its pages) or than new memory: 887 MB in 16 MiB blocks took 0.084 s
    read so, 0.097 s mapped, 0.18 s read into new buffers. A buffer is reused only when
    Python can resize it, which it refuses while a view of it is alive (a piece not yet
    parsed, an array over its bytes): no buffer is written while something may read it.
    A buffer of 2 MiB or more is memory in huge pages (:func:`_new`), not a bytearray: a
    read's first two 16 MiB blocks took 13-16 ms each into new bytearrays, 5-8 ms so.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryFile() as f:
        ...     _ = f.write(b"abcdef"); f.flush()
        ...     b, csv = _Buffers(), Path("f.csv")
        ...     first = b.read(f, 1, 3, csv)
        ...     view = memoryview(first)  # viewed: not reused
        ...     bytes(first), b.read(f, 0, 2, csv) is first, bytes(b.read(f, 4, 2, csv))
        (b'bcd', False, b'ef')
        >>> view.release()
        >>> with tempfile.TemporaryFile() as f:  # shorter than the read expects
        ...     _ = f.write(b"abc"); f.flush()
        ...     b.read(f, 2, 5, csv)
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: f.csv: the file became shorter while it was read (was it overwritten, or is it still being written?); expected a file left whole until svduty has read it
    """  # noqa: E501

    ring: list[bytearray] = attrs.Factory(list)

    def read(self, fh: Any, offset: int, length: int, path: Path) -> Any:
        """``length`` bytes of the file ``fh`` (at ``path``) from ``offset``, in a buffer."""
        buf = self._unviewed(length)
        fh.seek(offset)
        got = 0
        with memoryview(buf) as view:
            while got < length:
                n = fh.readinto(view[got:])
                if not n:  # the file ends before the size it had
                    raise changed(path, shorter=True)
                got += n
        return buf

    def _unviewed(self, length: int) -> Any:
        for buf in self.ring:
            if _resized(buf, length):  # refused while a view of it is alive
                return buf
        buf = _new(length)
        self.ring.append(buf)
        if len(self.ring) > _RING:
            del self.ring[0]
        return buf


_HUGE = 1 << 21
"""A buffer of at least this many bytes (a huge page) is memory mapped in huge pages."""


def _new(length: int) -> Any:
    """A buffer of ``length`` bytes: a large one in huge pages where the system gives them.

    A bytearray's memory is written (zeroed) by Python, with the GIL held, a page of 4 KiB
    at a time: 16 MiB are 4,096 page faults, 10-15 ms of the reading thread for each of a
    read's first buffers. Anonymous memory asked for in huge pages (``MADV_HUGEPAGE``;
    Linux, where transparent huge pages are ``madvise`` or ``always``) is zeroed by the
    kernel as the file is read into it, 2 MiB a fault, without the GIL (speed55a).

    Example:
        >>> type(_new(10)).__name__, len(_new(10)), len(_new(_HUGE))
        ('bytearray', 10, 2097152)
    """
    advice = getattr(mmap, "MADV_HUGEPAGE", None)
    if length < _HUGE or advice is None:
        return bytearray(length)
    buf = mmap.mmap(-1, length, flags=mmap.MAP_PRIVATE)  # (shared memory would not grow)
    with contextlib.suppress(OSError):  # (no transparent huge pages: plain pages)
        buf.madvise(advice)
    return buf


def _resized(buf: Any, length: int) -> bool:
    """Make ``buf`` ``length`` bytes long, unless a view of it is alive (then False).

    Example:
        >>> buf = bytearray(4)
        >>> _resized(buf, 2), len(buf)
        (True, 2)
        >>> view = memoryview(buf)
        >>> _resized(buf, 8)
        False
    """
    if isinstance(buf, bytearray):
        try:
            buf.append(0)  # refused while a view of it is alive
        except BufferError:
            return False
        del buf[-1]
        if len(buf) > length:
            del buf[length:]
        else:
            buf.extend(bytes(length - len(buf)))
        return True
    try:
        buf.resize(length)  # refused while a view of it is alive (also to the same length)
    except BufferError:
        return False
    return True


def _find(fh: Any, sub: bytes, pos: int) -> int:
    """Where ``sub`` (one byte) is first in the file ``fh`` at ``pos`` or after, else -1.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryFile() as f:
        ...     _ = f.write(b'ab"c'); f.flush()
        ...     _find(f, b'"', 1), _find(f, b'"', 3)
        (2, -1)
    """
    fh.seek(pos)
    while chunk := fh.read(1 << 20):
        at: int = chunk.find(sub)
        if at >= 0:
            return pos + at
        pos += len(chunk)
    return -1


def _header_end(data: bytearray, eof: bool) -> int:
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
