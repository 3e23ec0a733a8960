"""Streaming police.uk street-level files as normalised record batches.

Every header is checked first (after normalising the names: quotes, padding, a byte order
mark and case do not matter), then each file is read a block at a time, cut where the
streaming parser would cut it (after the last record that ends in the block), and the
blocks are parsed and normalised on all cores (the parser on one thread numbers the rows
it skips). In a file of one block (a monthly download is smaller than one) the block
is cut into one piece per thread, and the pieces' rows are joined again into the block's
one batch: the batches do not depend on the number of threads. A cell that is not UTF-8
rejects only its row; rows with the wrong number of fields are kept as rejected rows.

Row numbers: ``row`` is the line where the record starts, counting the header as line 1,
so the first data row is row 2 (what a text editor shows), also after blank lines, quoted
fields holding line breaks and CR-only line ends. A block without quotes is parsed with
blank lines kept as rows, so that its rows are its lines (no scan of its bytes); a block
with quotes (or blank lines) is numbered by :func:`svduty.io._lines.chunk_records`.

Order: the rows of a block come in file order, and a malformed row comes just before the
good rows of the first block whose last good row follows it (the order of the
single-threaded streaming parser, :func:`~svduty.io._police_uk_fallback.one_thread`, which
still reads the rare file whose quotes the pieces cannot follow).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import numpy as np  # a dependency of shapely, hence of svduty
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._arguments import count_argument
from svduty._checked import checked
from svduty.errors import InputFormatError, Problem
from svduty.io._ahead import one_ahead, reading
from svduty.io._inputs import (
    POLICE_UK_COLUMNS,
    POLICE_UK_HEADER,
    expand_inputs,
    first_line,
    is_police_uk_header,
    other_police_uk_file,
    other_separator,
    wanted_columns,
)
from svduty.io._police_uk import _RENAMES, POLICE_UK_SCHEMA, normalise_police_uk
from svduty.io._police_uk_blocks import _blocks, _Buffers
from svduty.io._police_uk_fallback import one_thread
from svduty.io._police_uk_parse import _parse
from svduty.io._police_uk_rejected import _bad_lines, _decoded, _unclosed_quote
from svduty.io._police_uk_words import shortest
from svduty.io._unchanged import began

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["WRITTEN_BLOCK", "police_uk_paths", "read_police_uk"]

_NAMES = list(POLICE_UK_COLUMNS)
_FIELDS = len(POLICE_UK_COLUMNS)
_ROW = POLICE_UK_SCHEMA.get_field_index("row")
_PIECES = 1  # the fewest pieces a block is parsed in (a power of 2); the tests ask for more
_PER_WORKER = 1  # a block is cut into this many pieces per worker thread ...
_MIN_PIECE = 1 << 18  # ... of at least 256 KiB (a smaller piece costs more than it gains),
_AHEAD = 2  # blocks parsed ahead of the one the caller holds, one a thread: with one, one
# of two threads sat idle while the caller classified (4,000,000 rows, best/median of 5:
# 1.40/1.48 -> 1.27/1.36 s); each is about 25 MB, so more threads do not read further (a
# review: 4 ahead on 4 threads, 421 -> 528 MB). A read error comes after fewer batches.
WRITTEN_BLOCK = 1 << 23
"""The block size ``svduty classify`` reads with when it writes the classified rows.

Every column is then converted and every row built again with its answers, so a block
of 16 MiB (the default, for a summary) holds about 40 MB of Arrow arrays, and the writer
one more batch. Interleaved, best..median of 5, 16 -> 8 MiB, ``--output x.parquet``:
400,000 rows 0.52-0.53 -> 0.50-0.54 s, peak 396 -> 303 MB; real months 0.48-0.53 ->
0.47-0.50 s, 381 -> 306 MB; 4,000,000 rows 3.25 -> 3.42 s, 442 -> 319 MB. Blocks of 4 MiB
went to 260 MB but cost 8% at 400,000 rows. A summary keeps 16 MiB: its batches' fixed
costs, fewer when merged (``svduty.io._alike.MERGED_ROWS``), still add up: 4,000,000
rows, median of 9, 1.16 s at 16 MiB against 1.27 s at 8 MiB (370 against 284 MB).
"""
_FEW_BLOCKS = 1  # in a file of one block (in a larger one, whole blocks keep the threads
# busy, and cutting them would only cost the joins: 400,000 rows, 6 blocks, 0.48 -> 0.45 s
# of CPU in process)


@checked
def police_uk_paths(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[Path]:
    """Expand files and folders into the list of police.uk CSV files to read.

    A folder stands for every ``.csv`` file under it (any case; recursively, as police.uk's
    monthly downloads are laid out: ``2025-06/2025-06-warwickshire-street.csv``), in sorted
    order. Each file is listed once, however many times it is named
    (``svduty classify`` and ``svduty report`` list the later names as skipped).

    Args:
        inputs: A file or folder, or several.

    Raises:
        InputFormatError: if an input does not exist, a folder holds no CSV file, or
            there is no input (an empty list).

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
        other = other_police_uk_file(first)
        if other:  # named, not found in a folder (a folder's are skipped)
            detail = f": {other} (svduty reads the street-level file of a month's download)"
        elif not first.strip():
            detail = "; the first line is blank (the header must come first)"
        elif said := other_separator(first):
            detail = f"; its fields are separated by {said} (save it as CSV, comma delimited)"
        elif not missing:
            many = len(got) > len(POLICE_UK_COLUMNS)
            detail = f"; {len(got)} columns, not 12" if many else "; its columns in another order"
        raise InputFormatError(
            Problem(
                message=f"not a police.uk street-level crime file{detail}",
                file=str(path),
                row=1,
                field="header",
                expected=POLICE_UK_HEADER,
            )
        )


@checked
def read_police_uk(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    block_size: int = 1 << 24,
    progress: Callable[[int], None] | None = None,
    columns: Collection[str] | None = None,
) -> Iterator[pa.RecordBatch]:
    """Stream police.uk street-level files as normalised record batches.

    Reads one file, many files, or folders of monthly files (see :func:`police_uk_paths`)
    a block at a time, parsed with :func:`pyarrow.csv.read_csv` on all cores, so memory
    stays flat however large the input. Every header is checked first: a file that is not
    a police.uk file fails fast, before any row is read. Lines with the wrong number of
    fields are kept as rejected rows with their line number; see
    :func:`normalise_police_uk` for the checks on the other rows.

    Args:
        inputs: A file, a folder, or several of them.
        block_size: Bytes parsed at a time (one record batch per block).
        progress: Called with the number of bytes read so far after each batch.
        columns: The police.uk columns whose values are wanted (default: all of them,
            :data:`~svduty.io.POLICE_UK_COLUMNS`); the others are null in every row, and
            not converted: a job that only counts reads :data:`~svduty.io.SUMMARY_COLUMNS`. Every
            row is checked and accounted for as before (its fields counted, every cell of
            a file that is not ASCII checked to be UTF-8, the month, the coordinates and
            the crime type checked when read).

    Raises:
        InputFormatError: if an input is missing or is not a police.uk file, there is no
            input, or ``columns`` names a column police.uk files do not have.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> batches = list(read_police_uk(sample_police_uk()))
        >>> sum(b.num_rows for b in batches)
        4586
        >>> batches[0].column("row")[0].as_py()  # the header is row 1
        2
        >>> from svduty.io import SUMMARY_COLUMNS
        >>> counted = next(read_police_uk(sample_police_uk(), columns=SUMMARY_COLUMNS))
        >>> counted.column("lsoa_code").null_count < counted.num_rows  # read
        True
        >>> counted.column("street").null_count == counted.num_rows  # not read
        True
    """
    count_argument(block_size, "read_police_uk(block_size)", "a number of bytes, 1 or more")
    wanted = wanted_columns(columns)
    paths = police_uk_paths(inputs)
    for p in paths:
        _check_header(p)
    workers = min(4, os.cpu_count() or 1)
    done = 0
    buffers = _Buffers()  # one file after another: its memory touched once
    with ThreadPoolExecutor(workers, thread_name_prefix="svduty-csv") as pool:
        for p in paths:
            how = _Reading(block_size, pool, workers, progress, done, wanted, buffers)
            yield from _read_file(p, how)
            done += p.stat().st_size
            if progress is not None:
                progress(done)


@attrs.frozen(slots=True)
class _Reading:
    """How one file is read: block size, threads, and where progress is reported."""

    block_size: int
    pool: Executor
    workers: int  # the pool's threads
    progress: Callable[[int], None] | None
    done: int  # bytes of the files before this one
    columns: tuple[str, ...] | None = None  # the columns converted (None: all)
    buffers: _Buffers = attrs.Factory(_Buffers)  # the blocks are read into


class _OutOfStep(Exception):
    """The parser found other records than the quotes were followed to (never yet seen)."""


def _read_file(p: Path, how: _Reading) -> Iterator[pa.RecordBatch]:
    """One file: in blocks on worker threads; on one thread if its quotes are out of step."""
    if how.progress is not None:  # never backwards, also when the serial reader takes over
        report, high = how.progress, [0]

        def forward(n: int) -> None:
            if n > high[0]:
                high[0] = n
                report(n)

        how = attrs.evolve(how, progress=forward)
    yielded = 0
    before = began(p)  # the one-thread reader, if it takes over, checks from here
    try:
        for batch in _pieces_read(p, how):
            yielded += batch.num_rows
            yield batch
    except _OutOfStep:
        # the rows yielded so far are the serial reader's first rows: it goes on from there
        for batch, _ in one_thread(p, how.block_size, how.progress, how.done, before):
            if yielded >= batch.num_rows:
                yielded -= batch.num_rows
            else:
                yield batch.slice(yielded)
                yielded = 0


@attrs.frozen(slots=True)
class _Piece:
    """A parsed piece: its good rows, its malformed rows and how many lines it spans.

    Row numbers are line offsets from the piece's first line until :func:`_emit` adds it.
    """

    good: pa.RecordBatch | None
    bad: list[tuple[int, str]]
    lines: int


def _pieces(block: int, size: int, workers: int) -> int:
    """How many pieces a block is cut into, each parsed on a worker thread.

    In a file of at most ``_FEW_BLOCKS`` blocks, halved until a block (or the file, if
    smaller) holds ``_PER_WORKER`` pieces per worker, so that the threads finish a block
    together, but never below ``_MIN_PIECE`` bytes; a power of 2 that divides ``block``,
    so that no piece straddles two blocks. The pieces of a block are joined again into
    one batch: what the reader yields does not depend on the number of pieces.

    Example:
        >>> _pieces(1 << 24, 1 << 24, 2), _pieces(1 << 24, 7 << 20, 2), _pieces(1000, 10**4, 2)
        (2, 4, 1)
        >>> _pieces(1 << 24, 1 << 26, 2)  # several blocks: whole blocks keep the threads busy
        1
    """
    n = _PIECES if block % _PIECES == 0 else 1
    span, most = min(block, size), _PER_WORKER * workers
    if size > _FEW_BLOCKS * block:
        most = 0
    while 0 < -(-span // (block // n)) < most and block % (2 * n) == 0:
        if block // (2 * n) < _MIN_PIECE:
            break
        n *= 2
    return n


def _ahead(columns: tuple[str, ...] | None) -> int:
    """Blocks parsed ahead of the one the reader's caller holds (at most one a worker).

    :data:`_AHEAD`, unless the reader is itself read on a reading thread
    (:func:`~svduty.io._ahead.reading`: ``svduty classify``'s batches, numbered there a
    batch ahead of the loop that answers them), which is a step ahead already: then one
    block when only some columns are converted (a summary's), none when every column is
    (rows written: each block parsed ahead held one batch of every column more, and the
    written rows of the batches before are still held). With ``svduty.io._run``'s
    :data:`~svduty.io._run.WRITTEN_BYTES`, 400,000 rows, 10 interleaved runs (machine
    loaded 16-19 on 2 cores), median peak MB: summary 211 -> 198, ``--output x.parquet``
    263 -> 195, ``.jsonl`` 294 -> 206; real months 226 -> 203, 258 -> 208, 247 -> 206;
    CPU the same or less (issue 15, speed51a). None ahead for a summary too took 10-20 MB
    more off it, but then the reading thread waits for each block's parse, which two
    workers did side by side: a summary has no writer's thread to fill the cores.

    Example:
        >>> _ahead(None) == _AHEAD  # (not on a reading thread)
        True
    """
    if not reading():
        return _AHEAD
    return 1 if columns is not None else 0


def _pieces_read(p: Path, how: _Reading) -> Iterator[pa.RecordBatch]:
    name = str(p)
    piece = how.block_size // _pieces(how.block_size, p.stat().st_size, how.workers)
    window: deque[tuple[int, list[Future[_Piece]]]] = deque()
    state = _Order(line=2)
    ahead = min(how.workers, _ahead(how.columns))
    blocks = one_ahead(_blocks(p, how.block_size, piece, how.buffers))  # on its own thread
    try:
        for end, pieces in blocks:
            futures = [
                how.pool.submit(_parse_piece, data, quoted, name, how.columns)
                for data, quoted in pieces
            ]
            window.append((end, futures))
            del pieces  # (its views of the block's bytes: the buffer reused once parsed)
            if len(window) > ahead:
                yield from _emit(window.popleft(), state, name, how)
        while window:
            yield from _emit(window.popleft(), state, name, how)
        if state.bad:
            yield _bad_lines(name, state.bad)
    finally:
        blocks.close()
        for _, futures in window:
            for f in futures:
                f.cancel()


@attrs.define(slots=True)
class _Order:
    """Where the next piece starts, and malformed rows not yet yielded."""

    line: int
    bad: list[tuple[int, str]] = attrs.Factory(list)


def _emit(
    block: tuple[int, list[Future[_Piece]]], state: _Order, name: str, how: _Reading
) -> Iterator[pa.RecordBatch]:
    """A block's rows: malformed rows before its last good row, with its good rows."""
    end, futures = block
    good: list[pa.RecordBatch] = []
    for f in futures:
        piece = f.result()
        state.bad.extend((state.line + off, why) for off, why in piece.bad)
        if piece.good is not None and piece.good.num_rows:
            rows = pc.add(piece.good.column(_ROW), pa.scalar(state.line, pa.int64()))
            good.append(piece.good.set_column(_ROW, POLICE_UK_SCHEMA.field(_ROW), rows))
        state.line += piece.lines
    if good:
        last = good[-1].column(_ROW)[-1].as_py()
        before = [b for b in state.bad if b[0] < last]
        state.bad = [b for b in state.bad if b[0] > last]
        if before:  # in the block's batch: the rows it rejects are then put in row order
            good.insert(0, _bad_lines(name, before))
        # one batch per block, as the streaming parser makes it, however many pieces
        yield good[0] if len(good) == 1 else _arrays.joined(good)
    if how.progress is not None:
        how.progress(how.done + end)


def _parse_piece(
    data: Any, quoted: bool, name: str, columns: tuple[str, ...] | None = None
) -> _Piece:
    """Parse and normalise one piece (on a worker thread; Arrow releases the GIL)."""
    if not quoted:
        raw, bad = _parse(data, blank_rows=True, quotes=False, columns=columns)
        month = raw.column("Month")
        if not len(month) or shortest(month) > 0:
            # no quotes and no blank line: every line is a row, good or bad
            n = raw.num_rows + len(bad)
            keep = np.ones(n, dtype=bool)
            keep[[num - 1 for num, _ in bad]] = False
            good = _normalised(raw, name, np.flatnonzero(keep), columns)
            return _Piece(good, [(num - 1, why) for num, why in bad], n)
        from svduty.io._lines import chunk_records  # blank lines: not at every start-up

        offsets, lines = chunk_records(data)
        raw, bad = _parse(data, blank_rows=False, quotes=True, columns=columns)
        unclosed: dict[int, str] = {}
    else:
        # a line with a quote not closed on it is made a record of one field, to reject
        from svduty.io._lines import quote_lines  # (a file with quotes only)

        scan = quote_lines(data, fields=_FIELDS)
        offsets, lines, starts = scan.records(data)
        mended = scan.mended(data)
        raw, bad = _parse(mended, blank_rows=False, quotes=True, starts=starts, columns=columns)
        unclosed = {k: _unclosed_quote(field) for k, field in scan.unclosed}
    if raw.num_rows + len(bad) != len(offsets):  # pragma: no cover - the quotes are followed
        raise _OutOfStep  # as the parser reads them
    keep = np.ones(len(offsets), dtype=bool)
    keep[[num - 1 for num, _ in bad]] = False
    good = _normalised(raw, name, offsets[keep], columns)
    at = [int(offsets[num - 1]) for num, _ in bad]
    why = [unclosed.get(k, reason) for k, (_, reason) in zip(at, bad, strict=True)]
    return _Piece(good, list(zip(at, why, strict=True)), lines)


def _normalised(
    raw: pa.Table, name: str, offsets: Any, columns: tuple[str, ...] | None
) -> pa.RecordBatch | None:
    if not raw.num_rows:
        return None
    every = raw.num_columns == _FIELDS  # read whole (to check every cell is UTF-8)
    if not every:  # the columns not read: null
        absent: Arrow = pa.nulls(raw.num_rows, pa.string())
        read = set(raw.column_names)
        cells = [raw.column(c) if c in read else absent for c in _NAMES]
        raw = pa.Table.from_arrays(cells, names=_NAMES)
    batch = raw.combine_chunks().to_batches()[0]
    rows = _arrays.int64_array(offsets)
    if batch.schema.field(0).type == pa.string():
        out = normalise_police_uk(batch, file=name, rows=rows)
    else:
        out = _decoded(batch, name, rows)
    if columns is None or not every:  # (not read: null already)
        return out
    # the columns not wanted are null also where they were read (to check they are UTF-8)
    unwanted = {_RENAMES[c] for c in POLICE_UK_COLUMNS if c not in columns}
    n, cols = out.num_rows, zip(out.columns, out.schema, strict=True)
    return pa.RecordBatch.from_arrays(
        [pa.nulls(n, f.type) if f.name in unwanted else c for c, f in cols],
        schema=out.schema,
    )
