"""One piece of a police.uk file parsed by Arrow's CSV reader, on the calling thread.

:mod:`svduty.io._police_uk_reader` cuts a file into pieces (up to a 16 MiB block each) and
parses each on a worker thread with :func:`read_csv`, the piece as one block of Arrow's.

The forty-sixth session parsed a piece 1 MiB at a time (about 5% less CPU for a summary),
falling back to one block for a record longer than that; hypothesis then found pieces whose
rows came out differently in blocks (quoted line breaks with CRLF line ends; a line of a
space and a carriage return before a record of 13 fields at the end of the file), so a
piece is again read as one block: the rows, their numbers and the rows it skips are those
of one parse.

Both shapes need a piece that Arrow's blocks would cut between a carriage return and what
follows it, or that holds quotes. A piece without quotes whose every line is a row (blank
lines too) is therefore read in blocks of :data:`_PART` bytes when no block of Arrow's would
end just after a carriage return (files with line feeds only, as police.uk's, never do), and
as one block otherwise, or when a line is longer than a block. Arrow's parser then works on
a megabyte at a time: for a 16 MiB block its buffers (about 34 MB) were new pages to the
allocator at every block, about 4,450 page faults a block.
"""

from __future__ import annotations

from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pacsv

from svduty.io._inputs import POLICE_UK_COLUMNS

__all__ = ["read_csv"]

_NAMES = list(POLICE_UK_COLUMNS)
_BOM = b"\xef\xbb\xbf"
"""A byte order mark: Arrow skips one at the start of what it parses, here a piece's first
row (the file's own was skipped with its header)."""

_MOST = 1 << 30
"""The largest block asked of Arrow (its ``block_size`` is 32-bit): a piece read whole."""

_PART = 1 << 20
"""The block size a piece without quotes is parsed in, where its carriage returns allow.

4,000,000 rows (887 MB), summary, whole processes interleaved with the one-block reader, 11
rounds at load 10-13, CPU best/median 2.78/2.89 -> 2.19/2.25 s, page faults 309,000 ->
95,000 (the parsing threads 1.70 -> 1.30 s); 400,000 rows 0.462/0.475 -> 0.420/0.424 s.
Blocks of 512 KiB or 2 MiB were no better. Cutting the piece into parts here and parsing
each alone was no quicker than one block (8 pieces of 16 MiB: 0.214 s whole, 0.231 s in
parts of 1 MiB; each parse has its own fixed cost).
"""


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
    UTF-8; ``columns``: those converted (default: all). The piece is parsed as one block,
    or in blocks of :data:`_PART` where they read it as one block does (see the module).

    Example:
        >>> rows = b"".join(b"x%d,2025-06" % i + b"," * 10 + b"\n" for i in range(3))
        >>> table, bad = read_csv(
        ...     rows + b"short\n", {}, blank_rows=False, quotes=False, columns=("Crime ID",)
        ... )
        >>> table.column("Crime ID").to_pylist(), bad
        (['x0', 'x1', 'x2'], [(4, 'fields: expected 12 fields, got 1')])
        >>> read_csv(b"\xef\xbb\xbf" + rows, {}, blank_rows=False, quotes=False)[0]["Crime ID"][0]
        <pyarrow.StringScalar: '\ufeffx0'>
    """
    bad: list[tuple[int, str]] = []
    if bytes(memoryview(data)[:3]) == _BOM:  # a value's, kept: a mark for Arrow to skip
        data = _BOM + bytes(memoryview(data))  # (mend48: the incident CSV reader keeps it)

    def parse(block: int) -> pa.Table:
        how = {"blank_rows": blank_rows, "quotes": quotes, "utf8": utf8}
        return _parsed(data, types, bad, block=block, columns=columns, **how)

    if blank_rows and not quotes and _in_blocks(data, _PART):
        try:  # one chunk, as one block gives (the words' dictionaries unified in order)
            return parse(_PART).combine_chunks(), bad
        except pa.ArrowInvalid:  # a record longer than a block, or what one block refuses
            bad.clear()  # too: read as one block, which answers (or refuses) as always
    return parse(min(len(data) + 1, _MOST)), bad


def _in_blocks(data: Any, block: int) -> bool:
    r"""Whether ``data`` is longer than ``block`` and no ``block`` of it ends in ``\r``.

    Arrow cuts a block after its last line end; one that ends in a carriage return whose
    line feed begins the next block is cut between the two, and the line feed read as a
    blank line of its own (``tests/io/test_police_uk_one_block.py``).

    Example:
        >>> _in_blocks(b"ab\ncd\n", 3), _in_blocks(b"ab\r\ncd", 3), _in_blocks(b"ab\n", 3)
        (True, False, False)
    """
    view = memoryview(data).cast("B")
    return len(view) > block and all(view[k - 1] != 0x0D for k in range(block, len(view), block))


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
