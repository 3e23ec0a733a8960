"""Reading incidents from CSV and Parquet files whose columns are mapped to incident fields.

The file's columns are renamed by ``--map`` (``COLUMN=FIELD``); columns that are not
incident fields are passed through (police.uk-like ones such as ``lsoa_code`` too: the file
is still incidents). At least one column must be an incident field, and none may be named
like a column svduty adds. CSV cells are text and are converted column by column
with :mod:`pyarrow.compute`; a cell that cannot be converted rejects its row, with the line
where the record starts (see :func:`svduty.io._lines.record_lines`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _arrays
from svduty._checked import checked
from svduty.errors import InputFormatError, Problem
from svduty.io import _incident_csv_whole as _whole
from svduty.io._csv_quotes import left_open
from svduty.io._csv_width import refuse_too_wide
from svduty.io._incident_columns import _mapped_names, _short
from svduty.io._incident_csv_whole import (
    _header,
    _small,
    _text_columns,
    _whole_csv,
    ahead_of,
)
from svduty.io._incident_fields import _KIND
from svduty.io._incident_lines import record_lines_of
from svduty.io._incident_parquet import (
    open_parquet,
    parquet_batches,
    without_inner_dictionaries,
)
from svduty.io._incident_slices import LATER_BATCHES, first_then_larger
from svduty.io._incident_values import _normalise, _utf8_marks, blank_as_unknown, readable
from svduty.io._incidents import _SCHEMA, BATCH_ROWS, iter_incidents_jsonl
from svduty.io._inputs import (
    _NOT_UTF8,
    NOT_A_PIPE,
    PARQUET_SUFFIXES,
    is_json_lines,
    path_list,
)
from svduty.io._lines import (
    ascii_records,
    odd_quotes,
    quote_lines,
)
from svduty.io._missing import not_found
from svduty.io._quiet import quiet_undecodable_rows
from svduty.io._unchanged import began, refuse_if_changed

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["iter_incident_table", "iter_incidents", "read_incident_table"]


def _open_table(p: Path) -> tuple[pa.Schema, Iterator[tuple[pa.RecordBatch, Arrow, bool]]]:
    """The file's schema and its batches, each with the rows' numbers."""
    suffix = p.suffix.lower()
    if suffix == ".csv":
        return _open_csv(p)
    if suffix in PARQUET_SUFFIXES:
        try:
            pf = open_parquet(p)
        except UnicodeEncodeError:  # pyarrow opens a name as UTF-8 text (hostile55)
            raise InputFormatError(Problem(file=str(p), expected=_NOT_UTF8)) from None
        except (pa.ArrowException, OSError) as exc:
            raise InputFormatError(
                Problem(file=str(p), message=f"not a readable Parquet file ({type(exc).__name__})")
            ) from None

        def parquet() -> Iterator[tuple[pa.RecordBatch, Arrow, bool]]:
            start = 1
            try:
                for b in parquet_batches(pf, BATCH_ROWS):  # inner dictionaries too
                    rows = np.arange(start, start + b.num_rows, dtype=np.int64)
                    yield b, _arrays.array(rows), False
                    start += b.num_rows
            except (pa.ArrowException, OSError) as exc:
                raise InputFormatError(
                    Problem(file=str(p), message=f"a damaged Parquet file ({type(exc).__name__})")
                ) from None

        return without_inner_dictionaries(pf.schema_arrow), parquet()
    expected = "a .csv or .parquet file (or JSON Lines: a .jsonl file, or '-' for standard input)"
    raise InputFormatError(Problem(file=str(p), expected=expected))


def _engine_imported() -> None:
    """The rule engine's columnar modules imported (``svduty classify``'s reading thread).

    They were imported as the loop classified its first batch, on the thread every batch
    waits on (~12-25 ms of its CPU, speed54d), the offences' fact tables built likewise.
    An incident CSV file read ahead (:func:`~svduty.io._incident_csv_whole.read_ahead`) is
    often not yet parsed when its reader asks for it, and the command's main thread then
    waits for the first batch: the reading thread imports them while it waits for the
    parse (which does not need the interpreter's lock).
    """
    from svduty.definitions import _columnar, _columns, _missing_rows  # noqa: F401

    _columns._fact_tables()  # (the offences' facts by code and crime type, built once)


def _open_csv(p: Path) -> tuple[pa.Schema, Iterator[tuple[pa.RecordBatch, Arrow, bool]]]:
    skipped, unclosed = set[int](), list[int]()

    def handler(row: pacsv.InvalidRow) -> str:
        skipped.add(row.number if row.number is not None else -1)
        if left_open(row.text):  # a quote never closed: the rest of the file is one cell
            unclosed.append(row.number if row.number is not None else -1)
        return "skip"

    source: Any = p
    if _whole.pending(p):  # waiting for its read: meanwhile, what a first batch reads
        _engine_imported()
    if _whole.pending(p):  # still: the look-ups of its places (a file not read ahead: none)
        from svduty.io._locate_incidents import _places_read

        _places_read()
    ahead = ahead_of(p)  # read while the readers' modules were imported (classify)
    data = _small(p) if ahead is None else ahead[0]
    refuse_too_wide(p, data)  # before pyarrow's reader: ~10 KB a column (hostile58)
    mended = _mended(p, data)
    if mended is not None:  # a malformed row that is not UTF-8: the parser can now name it
        source = pa.BufferReader(mended)
    header = _header(data if mended is None else mended)
    if ahead is not None and mended is None and header is not None and header == ahead[1]:
        whole = ahead[2]  # the same bytes read whole the same way
    else:
        whole = None if header is None else _whole_csv(p, header, mended, data=data)
    if whole is not None:  # the usual file: no need to ask the parser for the header
        return whole[0].schema, iter([whole])
    scan = None if data is not None else record_lines_of(p, mended)  # a big file, read once
    block = (
        _whole._WHOLE if scan is None else max(_whole._WHOLE, min(scan[1] + 1, 1 << 30))
    )  # 50 MB rows
    try:
        with quiet_undecodable_rows(__name__):  # a malformed row that is not UTF-8
            names = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(block_size=block),
                parse_options=pacsv.ParseOptions(
                    newlines_in_values=True,
                    invalid_row_handler=lambda row: "skip",
                ),
            ).schema.names
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise InputFormatError(
            Problem(file=str(p), message=f"not a readable CSV file ({_short(exc)})")
        ) from None
    closed = _closed(data if mended is None else mended, names)  # not the usual file
    mended = mended if closed is None else closed
    whole = None if names == header and closed is None else _whole_csv(p, names, mended, data=data)
    if whole is not None:
        return whole[0].schema, iter([whole])
    if mended is not None:
        source = pa.BufferReader(mended)
    lines = (record_lines_of(p, mended) if scan is None else scan)[0]  # None: k is on line k
    try:
        with quiet_undecodable_rows(__name__):
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(use_threads=False, block_size=block),
                parse_options=pacsv.ParseOptions(
                    newlines_in_values=True,
                    invalid_row_handler=handler,  # type: ignore[arg-type]
                ),
                convert_options=_text_columns(names),
            )
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise InputFormatError(
            Problem(file=str(p), message=f"not a readable CSV file ({_short(exc)})")
        ) from None
    if data is None and odd_quotes(p):  # too big to follow line by line: refused, not misread
        raise InputFormatError(Problem(file=str(p), message=f"not a readable CSV file ({_OPEN})"))

    def batches() -> Iterator[tuple[pa.RecordBatch, Arrow, bool]]:
        record = 2  # the parser's record number of the next row (header = 1)
        blocks = iter(reader)
        try:
            while True:
                with quiet_undecodable_rows(__name__):  # not across the yield
                    b = next(blocks, None)
                if b is None:
                    break
                numbers = _records(record, b.num_rows, skipped.copy())  # the reader's thread adds
                record = int(numbers[-1]) + 1 if len(numbers) else record
                yield b, _line_of(lines, numbers), False
        except pa.ArrowInvalid as exc:
            raise InputFormatError(
                Problem(file=str(p), message=f"not a readable CSV file ({_short(exc)})")
            ) from None
        if unclosed:
            raise InputFormatError(
                Problem(
                    file=str(p),
                    row=_line_of(lines, unclosed[:1])[0].as_py(),
                    message=f"not a readable CSV file ({_OPEN})",
                )
            )
        if skipped:  # rows with the wrong number of fields: rejected, with their lines
            k = len(skipped)
            raw = pa.RecordBatch.from_arrays([pa.nulls(k, pa.string()) for _ in names], names)
            yield raw, _line_of(lines, sorted(skipped)), True

    return reader.schema, batches()


def _closed(data: bytes | None, names: list[str] | None) -> bytes | None:
    r"""The bytes with each line whose quote is never closed made ``?`` (a one-field row).

    pyarrow reads such a value to the end of the file (or a later stray quote), dropping
    the rows it swallows; the line is rejected alone instead, as in police.uk files
    (:func:`~svduty.io._lines.quote_lines`). ``None`` if not needed (or not read whole).

    Example:
        >>> _closed(b'id,code\n1,"8N\n2,8N\n', ["id", "code"])
        b'id,code\n?????\n2,8N\n'
        >>> _closed(b'id,code\n1,"8\nN"\n', ["id", "code"]) is None  # a closed line break
        True
    """
    if data is None or names is None or b'"' not in data:
        return None
    lines = quote_lines(data, fields=len(names))
    return bytes(lines.mended(data)) if lines.unclosed else None


_OPEN = "a quote is opened and never closed"


def _mended(p: Path, data: bytes | None = None) -> bytes | None:
    """The file's bytes with its malformed rows' bytes outside ASCII as ``?``, if needed.

    pyarrow cannot hand a row with the wrong number of fields to the reader's handler when
    the row is not UTF-8 (it refused the file); such a row is rejected for its width
    anyway, so its bytes do not matter (as the police.uk reader does it, with
    :func:`~svduty.io._lines.ascii_records`). ``None`` (read the file itself) for a file
    that is UTF-8 (almost every file: checked at C speed) or whose rows are all well formed.
    """
    if data is None:
        try:
            data = p.read_bytes()
        except OSError:
            return None
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    a = np.frombuffer(data, np.uint8)
    ascii = np.where(a < 0x80, a, ord("?")).astype(np.uint8)
    bad: list[int] = []

    def handler(row: pacsv.InvalidRow) -> str:
        bad.append(row.number or 0)
        return "skip"

    copy: Any = pa.BufferReader(ascii.tobytes())
    try:
        pacsv.read_csv(
            copy,
            read_options=pacsv.ReadOptions(use_threads=False),
            parse_options=pacsv.ParseOptions(
                newlines_in_values=True,
                invalid_row_handler=handler,  # type: ignore[arg-type]
            ),
            convert_options=pacsv.ConvertOptions(check_utf8=False),
        )
    except pa.ArrowInvalid:  # unreadable as CSV even so: the usual errors follow
        return None
    if not bad:
        return None
    return bytes(ascii_records(data, bad, blank=False))


def _records(start: int, n: int, skipped: set[int]) -> Any:
    """The first ``n`` record numbers from ``start`` on that the parser did not skip."""
    later = np.fromiter((r for r in skipped if r >= start), np.int64) if skipped else ()
    numbers = np.arange(start, start + n + len(later), dtype=np.int64)
    if len(later):
        numbers = numbers[~np.isin(numbers, later)]
    return numbers[:n]


def _line_of(lines: Any, records: Any) -> Arrow:
    """The start line of each parser record number (header = 1); null if unknown.

    ``lines`` is :func:`~svduty.io._lines.record_lines` of the file, or None when record
    ``k`` starts on line ``k``.
    """
    records = np.asarray(records, dtype=np.int64)
    if lines is None:
        return _arrays.array(records, pa.int64(), mask=records <= 0)
    known = (records > 0) & (records <= len(lines))
    found = lines[np.where(known, records - 1, 0)] if len(lines) else np.zeros(len(records))
    return _arrays.array(found.astype(np.int64), pa.int64(), mask=~known)


@checked
def iter_incident_table(
    path: str | Path, *, mapping: Mapping[str, str] | None = None, list_separator: str = ";"
) -> Iterator[pa.RecordBatch]:
    r"""Stream incidents from a CSV or Parquet file as record batches.

    See :func:`read_incident_table` for the mapping and the conversions.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.csv"
        >>> _ = f.write_text('Ref,Age\nA1,+16\n\n"A\n2",x\n')
        >>> [b.to_pydict()["row"] for b in iter_incident_table(f, mapping={"Ref": "id",
        ...                                                                 "Age": "victim_age"})]
        [[2, 4]]
    """
    p = Path(path)
    if p.is_dir():
        raise InputFormatError(Problem(file=str(p), expected="a file, not a folder"))
    if not p.is_file():
        if p.exists():  # a FIFO or a device: not opened, as classify says it (hostile55)
            raise InputFormatError(Problem(file=str(p), expected=NOT_A_PIPE))
        raise not_found(p)
    schema, batches = _open_table(p)
    names = _mapped_names(p, schema.names, dict(mapping or {}))
    if not set(names) & set(_KIND):  # every row would be classified from nothing
        raise InputFormatError(
            Problem(
                file=str(p),
                field="header",
                expected="a column named as an incident field (id, date, offence_code, ...) "
                "or --map COLUMN=FIELD; a police.uk file has the 12 police.uk columns in "
                "their order",
            )
        )
    readable(p, schema, names)  # every field's column of a type it can hold
    width = len(names)
    fields = [n in _KIND for n in names]
    # the cells converted a slice at a time, each handed on once converted: the file's first
    # of BATCH_ROWS (the loop starts on it), then up to LATER_BATCHES times as many (speed57c)
    first, later = BATCH_ROWS, LATER_BATCHES * BATCH_ROWS
    for read, rows, wrong_width in batches:
        slices = [(read, rows)] if wrong_width else first_then_larger(read, rows, first, later)
        first = later  # (a later block of a file streamed, or Parquet's: no short first slice)
        for part, numbers in slices:
            raw, not_utf8 = _utf8_marks(part, fields)  # a Parquet reader does not check text
            out = _normalise(
                p,
                raw.rename_columns(names),
                numbers,
                list_separator,
                schema.names,
                not_utf8=not_utf8,
            )
            yield _as_wrong_width(out, width) if wrong_width else out


def _as_wrong_width(batch: pa.RecordBatch, width: int) -> pa.RecordBatch:
    n = batch.num_rows
    why = pa.repeat(pa.scalar(f"fields: expected {width} fields, like the header"), n)
    batch = batch.set_column(batch.schema.get_field_index("rejected"), "rejected", why)
    return batch.set_column(
        batch.schema.get_field_index("rejected_field"), "rejected_field", pa.repeat("fields", n)
    )


@checked
def read_incident_table(
    path: str | Path, *, mapping: Mapping[str, str] | None = None, list_separator: str = ";"
) -> pa.Table:
    r"""Read incidents from a CSV or Parquet file whose columns are mapped to incident fields.

    ``mapping`` renames the file's columns to the incident fields (``{"Offence": "offence_code",
    "Age": "victim_age"}``); a column already named as an incident field needs no entry, and
    other columns are kept as they are (passed through to the output; an ``lsoa_code`` too:
    map it to ``location`` to locate by it). In a CSV file every
    column is read as text and then converted: lists are split on ``list_separator``
    (a cell ``[]`` is the empty list: ``behaviours`` ``[]`` says none happened),
    booleans are ``true/false``, ``yes/no``, ``y/n`` or ``1/0`` (any case), ages are
    whole numbers (``+16`` is 16; ``30.0`` is 30, as JSON Lines and
    :class:`~svduty.definitions.Incident` read it),
    and an empty cell is unknown. A value that cannot be converted rejects its row
    (with the row number and the field); a repeated header line is rejected as such, and
    so is a row with no value in any column (a spreadsheet's ``,,,``: not an incident). In a
    Parquet file an age column of floats or decimals (pandas writes an integer column with
    a gap as floats) is read row by row the same way: ``17.5`` or NaN rejects its row alone.

    Args:
        path: A ``.csv`` or ``.parquet`` file.
        mapping: File column -> incident field.
        list_separator: The separator of list values in CSV cells.

    Raises:
        InputFormatError: if the file is missing, of another type, unreadable, has two
            columns of one name (after ``mapping``), a column named like one svduty adds
            (``file``, ``row``, ``rejected``, the area and verdict columns), no incident
            field among its columns (after ``mapping``: not an incident file), a column whose
            type cannot hold its incident field, or ``mapping`` names a column the file does
            not have or a field that is not an incident field.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.csv"
        >>> _ = f.write_text("Ref,Offence,Age,Harms\nA1,8N,19,injury;death\nA2,,x,\n")
        >>> t = read_incident_table(f, mapping={"Ref": "id", "Offence": "offence_code",
        ...                                     "Age": "victim_age", "Harms": "harms"})
        >>> t.column("victim_age").to_pylist(), t.column("harms").to_pylist()
        ([19, None], [['injury', 'death'], None])
        >>> t.column("rejected").to_pylist()
        [None, 'victim_age: expected a whole number of years']
    """
    batches = list(iter_incident_table(path, mapping=mapping, list_separator=list_separator))
    if not batches:
        return pa.Table.from_batches([], schema=_SCHEMA)
    return pa.Table.from_batches(batches)


@checked
def iter_incidents(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[pa.RecordBatch]:
    r"""Stream incident files of any kind: one file, or several.

    JSON Lines (``.jsonl``, ``.ndjson``, ``-``), CSV or Parquet (with ``mapping``).

    Raises:
        InputFormatError: if there is no input, an input cannot be read as incidents
            (see :func:`~svduty.io.iter_incidents_jsonl` and
            :func:`~svduty.io.iter_incident_table`), or a file changed while it was read
            (its size, modification time or inode, compared once it is read).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a"}\n')
        >>> sum(b.num_rows for b in iter_incidents([f])), sum(b.num_rows for b in iter_incidents(f))
        (1, 1)
    """
    for item in path_list(inputs):
        before = began(item)  # a file written to meanwhile is refused, not read as a mix
        if is_json_lines(item):  # a blank text unknown, as in a CSV file
            yield from map(blank_as_unknown, iter_incidents_jsonl(item))
        else:
            yield from iter_incident_table(item, mapping=mapping)
        refuse_if_changed(item, before)
