"""The police.uk reader's single-threaded path: the rare file the block reader cannot cut.

A quote inside an unquoted field (``ab"c``) makes the block reader's cuts unsafe; such a
file is read again, from where the blocks stopped, by pyarrow's streaming parser on one
thread, which numbers the rows it skips (malformed rows) itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk import _bad_lines, _decoded, int64_array
from svduty.io._quiet import quiet_undecodable_rows

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["one_thread"]

_BINARY: dict[str, pa.DataType] = {name: pa.binary() for name in POLICE_UK_COLUMNS}


def _row_numbers(start: int, n: int, skipped: Sequence[int]) -> Arrow:
    """The line numbers of ``n`` consecutive good rows from ``start``, jumping ``skipped``."""
    nums: Arrow = int64_array(np.arange(start, start + n, dtype=np.int64))
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
        return int64_array(lines[recs - 1])
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


def one_thread(
    p: Path, lines: Any, block_size: int, progress: Callable[[int], None] | None, done: int
) -> Iterator[tuple[pa.RecordBatch, bool]]:
    """The file on one thread, numbering the rows the parser skips.

    Yields each batch and whether it holds parsed rows (else rows the parser skipped).
    """
    name = str(p)
    skipped: list[tuple[int, str]] = []

    def handler(row: pacsv.InvalidRow) -> str:
        # row.number is the record number (header = 1) when reading on one thread
        why = f"fields: expected 12 fields, got {row.actual_columns}"
        skipped.append((row.number if row.number is not None else -1, why))
        return "skip"

    with pa.OSFile(name, "rb") as fh:
        reader = _open(fh, block_size=block_size, handler=handler, name=name)
        if reader is None:
            return
        next_row = 2
        consumed = 0  # skipped lines before next_row, already yielded
        for raw in _batches_of(reader, name):
            # the parser may have read ahead: skipped lines can lie beyond this batch,
            # and only shift the numbers at or after them
            pending = sorted(skipped[consumed:])
            nums = _row_numbers(next_row, raw.num_rows, [s for s, _ in pending])
            if raw.num_rows:
                next_row = int(nums[-1].as_py()) + 1
            passed = [item for item in pending if item[0] < next_row]
            skipped[consumed:] = pending
            consumed += len(passed)
            if passed:
                yield _bad_lines(name, [(_line(lines, n), why) for n, why in passed]), False
            if raw.num_rows:
                yield _decoded(raw, name, _lines_of(lines, nums)), True
            if progress is not None:
                progress(done + fh.tell())
        if len(skipped) > consumed:
            rest = sorted(skipped[consumed:])
            yield _bad_lines(name, [(_line(lines, n), why) for n, why in rest]), False
