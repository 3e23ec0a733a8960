"""One piece of a police.uk file parsed by Arrow's CSV reader, on the calling thread.

:mod:`svduty.io._police_uk_reader` cuts a file into pieces (up to a 16 MiB block each) and
parses each on a worker thread with :func:`read_csv`. Arrow's reader goes through a piece
:data:`PARSE_BLOCK` bytes at a time: it reads a block's records and converts its columns
while the block is still in the processor's caches, where one block of the whole piece was
read through to its end and then again, column by column, from memory. The rows, their
numbers and the rows it skips are the same either way; a piece then comes as a table of
several chunks, which the reader joins into the piece's one batch.
"""

from __future__ import annotations

from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pacsv

from svduty.io._inputs import POLICE_UK_COLUMNS

__all__ = ["PARSE_BLOCK", "read_csv"]

_NAMES = list(POLICE_UK_COLUMNS)

PARSE_BLOCK = 1 << 20
"""The bytes Arrow's CSV reader parses at a time within a piece.

A 16 MiB piece of ``benchmarks/make_data.py``'s file, parsed and normalised on one thread
(CPU, 4 runs each, a busy machine): 37-46 ms in one block, 34-40 ms in blocks of 1 MiB
(4 MiB: 33-44, 512 KiB: 33-40). The ``svduty classify`` summary of its 400,000 rows,
interleaved with the tree before (11 runs each): CPU 0.679/0.757 -> 0.647/0.707 s (best /
median), peak 298 -> 286 MB (median). A record longer than this is read with the piece
as one block, as before (:func:`read_csv`).
"""


_MOST = 1 << 30
"""The largest block asked of Arrow (its ``block_size`` is 32-bit): a piece read whole."""


def read_csv(
    data: Any,
    types: dict[str, pa.DataType],
    *,
    blank_rows: bool,
    quotes: bool,
    utf8: bool = True,
    columns: tuple[str, ...] | None = None,
) -> tuple[pa.Table, list[tuple[int, str]]]:
    r"""The piece's records (the 12 police.uk columns) and its malformed rows (line, reason).

    ``types``: each column's type; ``blank_rows``: a blank line is a row (of one empty
    field); ``quotes``: a quoted field may hold a line break; ``utf8``: check that text is
    UTF-8; ``columns``: those converted (default: all). Parsed :data:`PARSE_BLOCK` bytes
    at a time, or as one block when a record is longer than that (Arrow refuses a record
    that straddles two blocks) or when a quoted field may hold a line break: the same
    table and rows either way.

    Example:
        >>> rows = b"".join(b"x%d,2025-06" % i + b"," * 10 + b"\n" for i in range(3))
        >>> table, bad = read_csv(
        ...     rows + b"short\n", {}, blank_rows=False, quotes=False, columns=("Crime ID",)
        ... )
        >>> table.column("Crime ID").to_pylist(), bad
        (['x0', 'x1', 'x2'], [(4, 'fields: expected 12 fields, got 1')])
    """
    whole = min(len(data) + 1, _MOST)  # Arrow's block size is 32-bit
    # a quoted field may hold a line break: Arrow's blocks then need not end where the
    # piece's records do (its rows and errors differed: found by hypothesis), so one block
    block = whole if quotes else min(whole, PARSE_BLOCK)
    while True:
        bad: list[tuple[int, str]] = []
        try:
            table = _parsed(
                data,
                types,
                bad,
                block=block,
                blank_rows=blank_rows,
                quotes=quotes,
                utf8=utf8,
                columns=columns,
            )
        except pa.ArrowInvalid as exc:  # a record longer than a block: the piece whole
            if block == whole or "straddl" not in str(exc):
                raise
            block = whole
            continue
        return table, bad


def _parsed(
    data: Any,
    types: dict[str, pa.DataType],
    bad: list[tuple[int, str]],
    *,
    block: int,
    blank_rows: bool,
    quotes: bool,
    utf8: bool,
    columns: tuple[str, ...] | None,
) -> pa.Table:
    def skip(row: pacsv.InvalidRow) -> Literal["skip"]:
        # one thread: row.number is the record's number in the piece (1-based)
        bad.append((row.number or 0, f"fields: expected 12 fields, got {row.actual_columns}"))
        return "skip"

    source: Any = pa.BufferReader(pa.py_buffer(data))
    return pacsv.read_csv(
        source,
        read_options=pacsv.ReadOptions(use_threads=False, block_size=block, column_names=_NAMES),
        parse_options=pacsv.ParseOptions(
            invalid_row_handler=skip,
            newlines_in_values=quotes,  # only a quoted field can hold a line break
            ignore_empty_lines=not blank_rows,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=None if columns is None else list(columns),
            null_values=[""],  # for numbers only: text is never null here
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            check_utf8=utf8,  # whether to check that text cells are UTF-8
        ),
    )
