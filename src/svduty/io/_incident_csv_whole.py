"""An incident CSV file read whole by pyarrow's reader: the usual export.

Split from :mod:`svduty.io._incident_tables` (which falls back to its streaming reader when
a file is not read whole here): a file up to :data:`_WHOLE` bytes, every line one record.
It imports only what the police.uk reader has already loaded (numpy, pyarrow's CSV
reader, :mod:`svduty.io._lines`), not the incident readers' modules, so that ``svduty
classify`` can read an incident CSV file ahead, on a thread of its own, while those modules
are imported and the partnership is loaded (:func:`read_ahead`).
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _arrays
from svduty.io._csv_width import MOST_COLUMNS
from svduty.io._lines import quotes
from svduty.io._quiet import quiet_undecodable_rows

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__: list[str] = []

_WHOLE = 1 << 24
"""The streaming reader's block: a file up to this size is one batch."""


def _small(p: Path) -> bytes | None:
    """The bytes of a file the whole-file reader may read (up to :data:`_WHOLE`), else None."""
    try:
        return p.read_bytes() if p.stat().st_size <= _WHOLE else None
    except OSError:
        return None


def _header(data: bytes | None) -> list[str] | None:
    r"""The column names of a CSV file's first line, if it is a plain one; else ``None``.

    Plain: UTF-8, no carriage return, no byte order mark and its quotes closed on the line.
    A guess, which the whole-file reader checks against the names pyarrow reads.

    Example:
        >>> _header(b'"id",date\n"a",2024-01-01\n'), _header(b'"i\nd",date\n')
        (['id', 'date'], None)
        >>> _header(b"\xff,date\n"), _header(b"")  # not UTF-8; nothing
        (None, None)
        >>> _header(b"id," + b"x" * 200_000 + b"\n") is None  # beyond the csv module's limit
        True
    """
    if not data:
        return None
    end = data.find(b"\n")
    line = data if end < 0 else data[:end]
    if b"\r" in line or line.startswith(b"\xef\xbb\xbf") or line.count(b'"') % 2:
        return None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    import csv

    try:
        return next(csv.reader([text]))
    except csv.Error:  # a name beyond the csv module's field size limit: pyarrow reads it
        return None


def _text_columns(names: list[str]) -> pacsv.ConvertOptions:
    """Every column as text, its bytes not checked by pyarrow (which would refuse the file).

    :func:`~svduty.io._incident_values._utf8_marks` rejects the rows with a cell that is
    not UTF-8, and only those.
    """
    return pacsv.ConvertOptions(
        column_types={n: pa.string() for n in names}, strings_can_be_null=False, check_utf8=False
    )


def _whole_csv(
    p: Path, names: list[str], mended: bytes | None = None, *, data: bytes | None = None
) -> tuple[pa.RecordBatch, Arrow, bool] | None:
    """A CSV file of one block read by pyarrow's reader, as one batch.

    The batch (and its rows' lines) the streaming reader gives, when the file has no
    invalid row and each line is one record (no blank line, no carriage return, no line
    break in a quoted field: as many lines as records; no quote left open, which may
    swallow the last line's break); else ``None``. ``data``: the
    file's bytes, if already read (:func:`_small`). Read with ``newlines_in_values`` off
    (its blocks cut at any line break, 22 -> 14 ms of CPU for the bench's file): a block
    cut inside a quoted value drops, rejects or keeps (with its line break) the value's
    first line, so such a file is refused by the count of lines or :func:`_line_break_in`.

    Read on the calling thread, not pyarrow's pool (speed55c): ``svduty classify`` reads
    the file ahead while its other threads import and load the partnership, so the pool
    only took their cores; the bench's 200,000 incidents 28 -> 16 ms of CPU (thread pool
    against one thread), and the command's CPU median 0.891 -> 0.852 s (20 interleaved
    rounds at load 12-16).
    """
    if mended is not None:
        data = mended
    elif data is None:
        data = _small(p)
    if not data or len(data) > _WHOLE or b"\r" in data or quotes(data) % 2:
        return None
    lines = _lines(data)
    if lines is None:  # a blank line
        return None
    invalid: list[int] = []

    def handler(row: pacsv.InvalidRow) -> str:
        invalid.append(1)
        return "skip"

    source: Any = pa.BufferReader(data)
    try:
        with quiet_undecodable_rows(__name__):
            table = pacsv.read_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=_BLOCK, use_threads=False),
                parse_options=pacsv.ParseOptions(
                    newlines_in_values=False,  # each line one record, as checked below
                    invalid_row_handler=handler,  # type: ignore[arg-type]
                ),
                convert_options=_text_columns(names),
            )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    n = table.num_rows
    if invalid or not n or table.schema.names != names:
        return None
    if lines != n + 1:  # the header and a line each
        return None
    if _line_break_in(table):  # a quoted value's line break, kept where a block was cut
        return None
    batch = table.combine_chunks().to_batches()[0]
    return batch, _arrays.array(np.arange(2, n + 2, dtype=np.int64)), False


_LF = 10
_BLOCK = 1 << 20
"""The reader's block (pyarrow's own default); tests make it small."""


def _lines(data: bytes) -> int | None:
    r"""How many lines ``data`` holds (the last may lack its ``\n``); ``None``: one is blank.

    Blank: a line feed first, or two in a row. Read :data:`_STEP` bytes at a time (each
    with the next byte, for a pair across the cut): a mask of that size, used again, not
    two of the whole file (speed56d: the bench's 12.6 MB of incidents, 25 MB of fresh
    masks, 6.5 -> 2.7 ms of the reading thread's CPU in a fresh process, medians of 3).

    Example:
        >>> _lines(b"id\na\nb"), _lines(b"id\na\n"), _lines(b"id\n\na\n"), _lines(b"\nid\n")
        (3, 2, None, None)
    """
    a = np.frombuffer(data, np.uint8)
    if not len(a):
        return 0
    if a[0] == _LF:
        return None
    count = 0
    for i in range(0, len(a), _STEP):
        lf = a[i : i + _STEP + 1] == _LF
        if (lf[1:] & lf[:-1]).any():
            return None
        count += int(np.count_nonzero(lf[:_STEP]))
    return count + (data[-1] != _LF)


_STEP = 1 << 18
"""The bytes :func:`_lines` reads at a time (1 MiB: 4.1 ms; 64 KiB: 2.8 ms)."""


def _line_break_in(table: pa.Table) -> bool:
    """Whether a value of ``table`` (columns of text, no nulls) holds a line break."""
    for column in table.columns:
        for chunk in column.chunks:
            data: Any = chunk.buffers()[2]
            if data is not None and (np.frombuffer(data, np.uint8) == _LF).any():
                return True
    return False


_Whole = tuple[pa.RecordBatch, Arrow, bool]


@attrs.frozen
class _Ahead:
    """A file read ahead: its state before it was read, and what reading it found.

    ``found`` is filled once, before ``done`` is set: the file's bytes (``None`` if it is
    not read whole), the header's names the whole-file read took, and that read's result.
    """

    key: str
    before: tuple[int, ...]
    done: threading.Event = attrs.field(factory=threading.Event)
    found: list[Any] = attrs.field(factory=list)


_AHEAD: dict[str, _Ahead] = {}
"""The files being read ahead, by path (:func:`read_ahead` adds and removes them)."""


def _state(p: Path) -> tuple[int, ...] | None:
    """What tells a regular file changed (device, inode, size, times); ``None``: not one."""
    try:
        s = os.stat(p)
    except OSError:
        return None
    if not stat.S_ISREG(s.st_mode):
        return None
    return (s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)


def _read(p: Path, ahead: _Ahead) -> None:
    """On the thread of :func:`read_ahead`: the file's bytes and its whole-file read."""
    try:
        data = _small(p)
        header = _header(data)
        if header is not None and len(header) > MOST_COLUMNS:  # refused where it is due
            header = None
        whole = None
        if data is not None and header is not None and _plain(data):  # as _mended finds it
            whole = _whole_csv(p, header, None, data=data)
        if _state(p) == ahead.before:  # else the file is read again where it is due
            ahead.found[:] = [data, header, whole]
    except Exception:  # pragma: no cover - the reader where it is due says what is wrong
        pass
    finally:
        ahead.done.set()


def _plain(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 (``io._incident_tables._mended`` then mends nothing)."""
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@contextmanager
def read_ahead(paths: Sequence[Path]) -> Iterator[None]:
    r"""The first of ``paths``, if an incident CSV file to be read whole, read from now on.

    Its bytes are read and parsed (pyarrow's reader, which lets go of the interpreter's
    lock) on a thread of its own, while the thread that reads it imports the incident
    readers' modules and the command's main thread loads the partnership; the reader takes
    the result (:func:`ahead_of`) if the file is as it was (its size, times and inode),
    else reads it again. What was not taken is dropped when the block ends.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "in.csv"
        >>> _ = f.write_text("id,victim_age\na,19\n")
        >>> with read_ahead([f]):
        ...     data, names, whole = ahead_of(f)
        >>> data, names, whole[0].num_rows
        (b'id,victim_age\na,19\n', ['id', 'victim_age'], 1)
        >>> ahead_of(f) is None  # taken once
        True
    """
    first = paths[0] if paths else None
    before = None if first is None or first.suffix.lower() != ".csv" else _state(first)
    ahead = None
    if first is not None and before is not None and before[2] <= _WHOLE:
        ahead = _Ahead(os.fspath(first), before)
        _AHEAD[ahead.key] = ahead
        args = (first, ahead)
        threading.Thread(target=_read, args=args, name="svduty-read-ahead", daemon=True).start()
    try:
        yield
    finally:
        if ahead is not None and _AHEAD.get(ahead.key) is ahead:
            del _AHEAD[ahead.key]


def pending(p: Path) -> bool:
    """Whether ``p`` is being read ahead and its read is not yet done.

    Example:
        >>> pending(Path("nothing-read-ahead.csv"))
        False
    """
    ahead = _AHEAD.get(os.fspath(p))
    return ahead is not None and not ahead.done.is_set()


def ahead_of(p: Path) -> tuple[bytes | None, list[str] | None, _Whole | None] | None:
    """What reading ``p`` ahead found (its bytes, header, whole read), once; else ``None``.

    ``None`` when it was not read ahead, or it changed since (its size, times or inode).
    """
    ahead = _AHEAD.pop(os.fspath(p), None)
    if ahead is None:
        return None
    ahead.done.wait()
    if not ahead.found or _state(p) != ahead.before:
        return None
    data, names, whole = ahead.found
    return data, names, whole
