"""The police.uk reader's single-threaded path: the reference the block reader is held to.

The file is read by pyarrow's streaming parser on one thread, which numbers the rows it
skips (malformed rows) itself. Quotes are followed line by line first
(:func:`~svduty.io._lines.quote_lines`): the parser is given each line with a quote never
closed on it as ``?`` bytes, a record of one field that it skips, and that row is rejected
for its quote. The block reader falls back on it if the parser finds other records than
the quotes were followed to (never yet seen).
"""

from __future__ import annotations

import bisect
import io
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk_parse import _BINARY
from svduty.io._police_uk_rejected import _bad_lines, _decoded, _unclosed_quote
from svduty.io._quiet import quiet_undecodable_rows
from svduty.io._unchanged import began, refuse_if_changed

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["one_thread"]


def _row_numbers(start: int, n: int, skipped: Sequence[int]) -> Arrow:
    """The line numbers of ``n`` consecutive good rows from ``start``, jumping ``skipped``."""
    nums: Arrow = _arrays.int64_array(np.arange(start, start + n, dtype=np.int64))
    for s in skipped:  # few: one per malformed line
        one = pa.scalar(1, pa.int64())
        nums = pc.if_else(pc.greater_equal(nums, pa.scalar(s, pa.int64())), pc.add(nums, one), nums)
    return nums


def _line(lines: Any, record: int) -> int:
    if lines is None:  # records and lines coincide
        return record
    return int(lines[record - 1]) if 0 < record <= len(lines) else record


def _lines_of(lines: Any, records: Arrow) -> Arrow:
    """Parser record numbers (header = 1) -> the lines where the records start."""
    if lines is None:  # records and lines coincide
        return records
    recs = records.to_numpy(zero_copy_only=False)
    if len(recs) and recs[-1] <= len(lines):
        return _arrays.int64_array(lines[recs - 1])
    return pa.array([_line(lines, int(r)) for r in recs], pa.int64())


def _open(fh: Any, *, block_size: int, handler: Callable[[Any], str], name: str) -> Any:
    """A streaming CSV reader of a police.uk file, every column as bytes; None if empty."""
    try:
        with quiet_undecodable_rows(__name__):  # open_csv parses the first block
            return pacsv.open_csv(
                fh,
                read_options=pacsv.ReadOptions(
                    use_threads=False,
                    block_size=block_size,
                    column_names=list(POLICE_UK_COLUMNS),
                    skip_rows=1,
                ),
                parse_options=pacsv.ParseOptions(
                    invalid_row_handler=handler,  # type: ignore[arg-type]
                    newlines_in_values=True,
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types=_BINARY,
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
    except pa.ArrowInvalid as exc:  # the header alone, with no line end after it
        if "skip" not in str(exc):
            raise _unreadable(name) from None
        return None


def _unreadable(name: str) -> InputFormatError:
    # the one case known: a row with the wrong number of fields that is not UTF-8, in a
    # file with a quote inside an unquoted field (read on one thread, as a whole)
    return InputFormatError(
        Problem(
            file=name,
            message="not readable as CSV: a row with the wrong number of fields is not "
            "UTF-8 text, in a file with a quote inside a field",
            expected="UTF-8 text, or quotes only around whole fields",
        )
    )


def _batches_of(reader: Any, name: str) -> Iterator[pa.RecordBatch]:
    while True:
        try:
            with quiet_undecodable_rows(__name__):
                raw = reader.read_next_batch()
        except StopIteration:
            return
        except pa.ArrowInvalid:  # the invalid-row handler could not be given a row
            raise _unreadable(name) from None
        yield raw


class _Mended(io.RawIOBase):
    r"""A file read with some byte ranges made ``?`` (the lines with a quote never closed).

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile() as f:
        ...     _ = f.write(b'a,b\n"c\nd\n'); f.flush()
        ...     m = _Mended(f.name, [(4, 6)])
        ...     m.read(3), m.read(), m.tell()
        (b'a,b', b'\n??\nd\n', 9)
    """

    def __init__(self, path: str, spans: Sequence[tuple[int, int]]) -> None:
        super().__init__()
        self._fh = open(path, "rb")  # noqa: SIM115 - closed with this file
        self._spans = sorted(spans)
        self._starts = [lo for lo, _ in self._spans]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        at = self._fh.tell()
        n = self._fh.readinto(buffer)
        if not n:
            return 0
        view = memoryview(buffer).cast("B")
        i = max(bisect.bisect_right(self._starts, at) - 1, 0)
        while i < len(self._spans) and self._spans[i][0] < at + n:
            lo, hi = max(self._spans[i][0], at), min(self._spans[i][1], at + n)
            if lo < hi:
                view[lo - at : hi - at] = b"?" * (hi - lo)
            i += 1
        return n

    def tell(self) -> int:
        return self._fh.tell()

    def close(self) -> None:
        self._fh.close()
        super().close()


def _followed(p: Path) -> tuple[Any, dict[int, str], list[tuple[int, int]]]:
    """The lines where records start, the lines to reject for a quote and their bytes."""
    from svduty.io._lines import quote_lines, record_lines  # (not at every start-up)

    raw = p.read_bytes()  # read, not mapped: a file cut meanwhile is no bus error
    if raw.find(b'"') < 0:  # the bytes in hand numbered (not the file read again)
        return record_lines(p, data=raw), {}, []
    data = np.frombuffer(raw, np.uint8)
    scan = quote_lines(data, fields=len(POLICE_UK_COLUMNS))
    starts, _, _ = scan.records(data)
    spans = [scan.line_span(k, data) for k, _ in scan.unclosed]
    reasons = {k + 1: _unclosed_quote(field) for k, field in scan.unclosed}
    del data
    return starts + 1, reasons, spans


def one_thread(
    p: Path,
    block_size: int,
    progress: Callable[[int], None] | None,
    done: int,
    before: os.stat_result | None = None,
) -> Iterator[tuple[pa.RecordBatch, bool]]:
    """The file on one thread, numbering the rows the parser skips.

    Yields each batch and whether it holds parsed rows (else rows the parser skipped).
    ``before``: the file as the read began (:func:`~svduty.io._unchanged.began`), if
    another reader began it; the file is refused if it has changed since.
    """
    name = str(p)
    before = began(p) if before is None else before
    if p.stat().st_size == 0:
        return
    lines, reasons, spans = _followed(p)
    skipped: list[tuple[int, str]] = []

    def handler(row: pacsv.InvalidRow) -> str:
        # row.number is the record number (header = 1) when reading on one thread
        why = f"fields: expected 12 fields, got {row.actual_columns}"
        skipped.append((row.number if row.number is not None else -1, why))
        return "skip"

    with _Mended(name, spans) if spans else pa.OSFile(name, "rb") as fh:
        reader = _open(fh, block_size=block_size, handler=handler, name=name)
        if reader is None:
            return
        next_row = 2
        taken = 0  # the skipped records moved to pending (the handler only appends)
        pending: list[tuple[int, str]] = []  # skipped records not yet yielded, in order
        for raw in _batches_of(reader, name):
            # the parser may have read ahead, on its own thread: skipped lines can lie
            # beyond this batch, and only shift the numbers at or after them. The list the
            # handler appends to is never written here (a write raced an append: a
            # skipped record was lost, and the numbers after it shifted)
            new = skipped[taken:]
            taken += len(new)
            pending = sorted(pending + new)
            nums = _row_numbers(next_row, raw.num_rows, [s for s, _ in pending])
            if raw.num_rows:
                next_row = int(nums[-1].as_py()) + 1
            passed = [item for item in pending if item[0] < next_row]
            pending = pending[len(passed) :]
            bad = _bad_lines(name, _reasons(lines, passed, reasons)) if passed else None
            if raw.num_rows:  # one batch: the rows it rejects are then put in row order
                rows = _decoded(raw, name, _lines_of(lines, nums))
                yield (rows if bad is None else _arrays.joined([bad, rows])), True
            elif bad is not None:
                yield bad, False
            if progress is not None:
                progress(done + fh.tell())
        refuse_if_changed(p, before)  # read twice (followed, parsed): one file both times
        rest = sorted(pending + skipped[taken:])
        if rest:
            yield _bad_lines(name, _reasons(lines, rest, reasons)), False


def _reasons(
    lines: Any, records: Sequence[tuple[int, str]], reasons: dict[int, str]
) -> list[tuple[int, str]]:
    """The lines of skipped records, and why (a quote not closed, else the field count)."""
    at = [_line(lines, n) for n, _ in records]
    return [(line, reasons.get(line, why)) for line, (_, why) in zip(at, records, strict=True)]
