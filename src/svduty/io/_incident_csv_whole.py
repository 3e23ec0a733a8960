"""An incident CSV file read whole by pyarrow's multi-threaded reader: the usual export.

Split from :mod:`svduty.io._incident_tables` (which falls back to its streaming reader when
a file is not read whole here): a file up to :data:`_WHOLE` bytes, every line one record.
It imports only what the police.uk reader has already loaded (numpy, pyarrow's CSV
reader, :mod:`svduty.io._lines`), not the incident readers' modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _arrays
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
    """A CSV file of one block read by pyarrow's multi-threaded reader, as one batch.

    The batch (and its rows' lines) the streaming reader gives, when the file has no
    invalid row and each line is one record (no blank line, no carriage return, no line
    break in a quoted field: as many lines as records; no quote left open, which may
    swallow the last line's break); else ``None``. ``data``: the
    file's bytes, if already read (:func:`_small`). Read with ``newlines_in_values`` off
    (its blocks cut at any line break, 22 -> 14 ms of CPU for the bench's file): a block
    cut inside a quoted value drops, rejects or keeps (with its line break) the value's
    first line, so such a file is refused by the count of lines or :func:`_line_break_in`.
    """
    if mended is not None:
        data = mended
    elif data is None:
        data = _small(p)
    if not data or len(data) > _WHOLE or b"\r" in data or quotes(data) % 2:
        return None
    lf = np.frombuffer(data, np.uint8) == _LF
    if lf[0] or (lf[1:] & lf[:-1]).any():  # a blank line
        return None
    invalid: list[int] = []

    def handler(row: pacsv.InvalidRow) -> str:  # pragma: no cover - on pyarrow's threads
        invalid.append(1)  # (coverage does not trace them; the tests read such files)
        return "skip"

    source: Any = pa.BufferReader(data)
    try:
        with quiet_undecodable_rows(__name__):
            table = pacsv.read_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=_BLOCK),
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
    if int(np.count_nonzero(lf)) + (not lf[-1]) != n + 1:  # the header and a line each
        return None
    if _line_break_in(table):  # a quoted value's line break, kept where a block was cut
        return None
    batch = table.combine_chunks().to_batches()[0]
    return batch, _arrays.array(np.arange(2, n + 2, dtype=np.int64)), False


_LF = 10
_BLOCK = 1 << 20
"""The multi-threaded reader's block (pyarrow's own default); tests make it small."""


def _line_break_in(table: pa.Table) -> bool:
    """Whether a value of ``table`` (columns of text, no nulls) holds a line break."""
    for column in table.columns:
        for chunk in column.chunks:
            data: Any = chunk.buffers()[2]
            if data is not None and (np.frombuffer(data, np.uint8) == _LF).any():
                return True
    return False
