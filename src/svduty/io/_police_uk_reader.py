"""Streaming police.uk street-level files as normalised record batches.

Every header is checked first (after normalising the names: quotes, padding, a byte order
mark and case do not matter), then each file is parsed a block at a time as bytes: a cell
that is not UTF-8 rejects only its row. Rows with the wrong number of fields are kept as
rejected rows.

Row numbers: ``row`` is the line where the record starts, counting the header as line 1,
so the first data row is row 2 (what a text editor shows), also after blank lines, quoted
fields holding line breaks and CR-only line ends (:func:`svduty.io._lines.record_lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np  # a dependency of shapely, hence of svduty
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import POLICE_UK_COLUMNS, expand_inputs, first_line, is_police_uk_header
from svduty.io._lines import record_lines
from svduty.io._police_uk import POLICE_UK_SCHEMA, _reject, normalise_police_uk

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["police_uk_paths", "read_police_uk"]

_BINARY_TYPES = {name: pa.binary() for name in POLICE_UK_COLUMNS}
_HEADER_TEXT = ",".join(POLICE_UK_COLUMNS)


def police_uk_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the list of police.uk CSV files to read.

    A folder stands for every ``.csv`` file under it (any case; recursively, as police.uk's
    monthly downloads are laid out: ``2025-06/2025-06-warwickshire-street.csv``), in sorted
    order.

    Args:
        inputs: Files and folders.

    Raises:
        InputFormatError: if an input does not exist or a folder holds no CSV file.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> [p.name for p in police_uk_paths([sample_police_uk().parent])]
        ['2025-06-warwickshire-street.csv']
    """
    return list(expand_inputs(inputs).files)


def _check_header(path: Path) -> None:
    """Fail fast unless the first line is the police.uk header (quoted, padded or not)."""
    first = first_line(path)
    if not is_police_uk_header(first):
        got = [c.strip().strip('"') for c in first.decode("utf-8-sig", "replace").split(",")]
        missing = [c for c in POLICE_UK_COLUMNS if c not in got]
        detail = f"; missing {', '.join(missing)}" if missing and len(missing) < 12 else ""
        raise InputFormatError(
            Problem(
                message=f"not a police.uk street-level crime file{detail}",
                file=str(path),
                row=1,
                field="header",
                expected=f"the 12 police.uk columns {_HEADER_TEXT}",
            )
        )


def _row_numbers(start: int, n: int, skipped: Sequence[int]) -> Arrow:
    """The line numbers of ``n`` consecutive good rows from ``start``, jumping ``skipped``."""
    nums: Arrow = pa.array(np.arange(start, start + n, dtype=np.int64))
    for s in skipped:  # few: one per malformed line
        one = pa.scalar(1, pa.int64())
        nums = pc.if_else(pc.greater_equal(nums, pa.scalar(s, pa.int64())), pc.add(nums, one), nums)
    return nums


def _bad_lines(file: str, lines: Sequence[tuple[int, str]]) -> pa.RecordBatch:
    """Rows for the lines the CSV parser skipped (wrong number of fields)."""
    n = len(lines)
    arrays: list[Arrow] = []
    for f in POLICE_UK_SCHEMA:
        if f.name == "file":
            arrays.append(pa.array([file] * n, pa.string()))
        elif f.name == "row":
            arrays.append(pa.array([num for num, _ in lines], pa.int64()))
        elif f.name == "rejected":
            arrays.append(pa.array([why for _, why in lines], pa.string()))
        elif f.name == "rejected_field":
            arrays.append(pa.array(["fields"] * n, pa.string()))
        else:
            arrays.append(pa.nulls(n, f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=POLICE_UK_SCHEMA)


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
        return pa.array(lines[recs - 1])
    return pa.array([_line(lines, int(r)) for r in recs], pa.int64())


def _decoded(raw: pa.RecordBatch, name: str, rows: Arrow) -> pa.RecordBatch:
    """Normalise a batch read as bytes; a row with a cell that is not UTF-8 is rejected."""
    arrays: list[Arrow] = []
    bad: list[tuple[str, Arrow]] = []
    for column in POLICE_UK_COLUMNS:
        col = raw.column(column)
        try:
            arrays.append(col.cast(pa.string()))
        except pa.ArrowInvalid:  # rare: find the rows one by one
            mask = pa.array([not _utf8(v) for v in col.to_pylist()], pa.bool_())
            cleaned = pc.if_else(mask, pa.scalar(b"", pa.binary()), col)
            arrays.append(cleaned.cast(pa.string()))
            bad.append((column, mask))
    out = normalise_police_uk(
        pa.RecordBatch.from_arrays(arrays, names=list(POLICE_UK_COLUMNS)), file=name, rows=rows
    )
    for column, mask in bad:
        reason, field = _reject(
            out.column("rejected"),
            out.column("rejected_field"),
            mask,
            f"{column}: expected UTF-8 text",
            column,
        )
        out = out.set_column(out.schema.get_field_index("rejected"), "rejected", reason)
        out = out.set_column(out.schema.get_field_index("rejected_field"), "rejected_field", field)
    return out


def _utf8(value: bytes | None) -> bool:
    if value is None:
        return True
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_police_uk(
    inputs: str | Path | Iterable[str | Path],
    *,
    block_size: int = 1 << 24,
    progress: Callable[[int], None] | None = None,
) -> Iterator[pa.RecordBatch]:
    """Stream police.uk street-level files as normalised record batches.

    Reads one file, many files, or folders of monthly files (see :func:`police_uk_paths`)
    with :func:`pyarrow.csv.open_csv`, a block at a time, so memory stays flat however
    large the input. Every header is checked first: a file that is not a police.uk file
    fails fast, before any row is read. Lines with the wrong number of fields are kept as
    rejected rows with their line number; see :func:`normalise_police_uk` for the checks
    on the other rows.

    Args:
        inputs: A file, a folder, or several of them.
        block_size: Bytes parsed at a time (one record batch per block).
        progress: Called with the number of bytes read so far after each batch.

    Raises:
        InputFormatError: if an input is missing or is not a police.uk file.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> batches = list(read_police_uk(sample_police_uk()))
        >>> sum(b.num_rows for b in batches)
        4586
        >>> batches[0].column("row")[0].as_py()  # the header is row 1
        2
    """
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    paths = police_uk_paths(items)
    for p in paths:
        _check_header(p)
    done = 0
    for p in paths:
        lines = record_lines(p, identity=True)
        if lines is None or len(lines) >= 2:  # else the header alone: no rows
            yield from _read_file(p, lines, block_size, progress, done)
        done += p.stat().st_size
        if progress is not None:
            progress(done)


def _open(fh: Any, *, threads: bool, block_size: int, handler: Callable[[Any], str]) -> Any:
    """A streaming CSV reader of a police.uk file, every column as bytes; None if empty."""
    try:
        return pacsv.open_csv(
            fh,
            read_options=pacsv.ReadOptions(
                use_threads=threads,
                block_size=block_size,
                column_names=list(POLICE_UK_COLUMNS),
                skip_rows=1,
            ),
            parse_options=pacsv.ParseOptions(
                invalid_row_handler=handler,  # type: ignore[arg-type]
                newlines_in_values=True,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=_BINARY_TYPES,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:  # the header alone, with no line end after it
        if "skip" not in str(exc):  # pragma: no cover - the header was checked above
            raise InputFormatError(
                Problem(file=str(fh), message="not a readable CSV file")
            ) from None
        return None


def _read_file(
    p: Path, lines: Any, block_size: int, progress: Callable[[int], None] | None, done: int
) -> Iterator[pa.RecordBatch]:
    """One file: parsed on all cores while every row is good, else on one thread.

    A parser on one thread numbers the rows it skips (malformed rows); on all cores it
    does not, so from the first malformed row on the file is read again on one thread.
    """
    name = str(p)
    bad: list[int] = []

    def spot(row: pacsv.InvalidRow) -> str:
        bad.append(1)
        return "skip"

    records = 0  # data records yielded so far: records 2 .. records + 1
    with pa.OSFile(name, "rb") as fh:
        reader = _open(fh, threads=True, block_size=block_size, handler=spot)
        if reader is None:
            return
        for raw in reader:
            # a block is parsed before its batch arrives: no malformed row seen yet means
            # none in this batch or before it, so its rows are the next records in order
            if bad:
                break
            nums = pa.array(np.arange(records + 2, records + 2 + raw.num_rows, dtype=np.int64))
            yield _decoded(raw, name, _lines_of(lines, nums))
            records += raw.num_rows
            if progress is not None:
                progress(done + fh.tell())
        else:
            return
    for batch, parsed in _one_thread(p, lines, block_size, progress, done):
        if not parsed or not records:  # rows the parser skipped come after those yielded
            yield batch
        elif records >= batch.num_rows:  # already yielded (all good: none was skipped)
            records -= batch.num_rows
        else:
            yield batch.slice(records)
            records = 0


def _one_thread(
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
        reader = _open(fh, threads=False, block_size=block_size, handler=handler)
        next_row = 2
        consumed = 0  # skipped lines before next_row, already yielded
        for raw in reader:
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
