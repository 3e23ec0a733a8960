r"""Reading incidents (the classifier's JSON contract) from JSON Lines, CSV and Parquet.

An incident's fields are those of the JSON contract (issue 3): every field is optional,
and a missing field means *unknown*, never a default. The readers return an Arrow table
with :data:`~svduty.io.INCIDENT_SCHEMA` plus the bookkeeping columns ``file``, ``row``, ``rejected``
and ``rejected_field``: an invalid line or row stays in the table with its number and the
reason, so a batch job accounts for every input row.

Row numbers: in a JSON Lines file, ``row`` is the line number (1-based; blank lines are
not incidents and are skipped, but still counted for the numbering; ``\n``, ``\r\n`` and a
lone ``\r`` all end a line). In a CSV file ``row`` is the line where the record starts (the
header is line 1; a quoted field may span lines); in a Parquet file the first row is row 1.

The streaming readers (:func:`~svduty.io.iter_incidents_jsonl` here, ``iter_incident_table`` for CSV
and Parquet) yield record batches of a bounded size, which is what the batch job reads; the
table readers are the same rows gathered into one table. JSON Lines (a file or standard input)
are read 65,536 lines (about 32 MB) at a time by pyarrow's JSON reader (a few blocks in memory,
never the file); a refused block is read again in halves, the last by the line reader.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from svduty._arguments import count_argument
from svduty._checked import checked
from svduty.definitions._spelling import AGE_RANGE, EXACT_ID, LONE_SURROGATE
from svduty.definitions._unknown_keys import meant
from svduty.errors import DataError, InputFormatError, Problem
from svduty.io._compressed import first_bytes, refuse_compressed
from svduty.io._incident_fields import (
    _EXPECTED,
    _KIND,
    INCIDENT_SCHEMA,
    blank,
    code_read,
    huge_number,
    incident_words,
    json_line,
    key_shown,
    twice,
)
from svduty.io._inputs import JSONL_SUFFIXES, STDIN
from svduty.io._jsonl_ahead import First, taken
from svduty.io._jsonl_numbers import JSON_SPACE, byte_chunks, line_blocks
from svduty.io._jsonl_rows import _SCHEMA as _ROWS_SCHEMA
from svduty.io._jsonl_rows import block_rows
from svduty.io._jsonl_rows import pyarrow_rows as _pyarrow_rows
from svduty.io._missing import not_found
from svduty.io._table_kind import refuse_table

Arrow = Any  # a pyarrow Array or ChunkedArray (pyarrow-stubs' compute overloads are narrower)

__all__ = [
    "BATCH_ROWS",
    "INCIDENT_SCHEMA",
    "JSONL_SUFFIXES",
    "STDIN",
    "iter_incidents_jsonl",
    "read_incidents_jsonl",
]

BATCH_ROWS = 1 << 16
"""Rows per record batch of the streaming readers."""

_INT64 = (-(1 << 63), (1 << 63) - 1)

_SCHEMA = _ROWS_SCHEMA
"""The readers' batches: the bookkeeping columns, then every incident field (``io._jsonl_rows``)."""

_GIVEN_TWICE = "given twice"
"""The reason of a key a JSON object gives twice (the values are not shown)."""
_UTF8 = LONE_SURROGATE
"""What a string holding a lone surrogate (JSON's ``"\\ud800"``) was expected to be."""


def _text(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 (no lone surrogate escaped in the JSON)."""
    return value.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in value)


Validator = Callable[[dict[str, Any], int | None, str | None], object]


def _whole(value: Any) -> bool:
    """A float that is a whole number within int64 (``12.0``), or a number for a code."""
    if isinstance(value, float):
        return value.is_integer() and _INT64[0] <= value < -_INT64[0]
    return type(value) is int


def _check(obj: Any) -> tuple[str, str] | None:
    """The first (field, expected) wrong in a JSON line, or None; whole numbers put in obj."""
    if not isinstance(obj, dict):
        return ("line", "a JSON object {...} with the incident fields")
    repeated = twice(obj)
    for key, given in obj.items():
        value, kind = given, _KIND.get(key)
        if kind is None:
            fields = f"one of the incident fields {', '.join(_KIND)}"
            return (key_shown(key), fields + meant(key, _KIND))
        if key == repeated:  # the last value would be taken silently
            return (key, _GIVEN_TWICE)
        if kind == "int" and huge_number(value):  # as the other readers say it: out of range
            return (key, AGE_RANGE)
        if value is None:
            continue
        if key == "offence_code" and not isinstance(value, str):  # as Incident reads it
            if wrong := code_read(obj):  # else obj's code is its text
                return (key, wrong)
            value = obj[key]
        if _whole(given) and (kind == "int" or (key == "id" and abs(given) <= EXACT_ID)):
            value = obj[key] = int(given) if kind == "int" else str(int(given))
        if isinstance(value, str) and not _text(value):
            return (key, _UTF8)
        if isinstance(value, list) and not all(not isinstance(v, str) or _text(v) for v in value):
            return (key, _UTF8)
        ok = {
            "str": isinstance(value, str) or (key == "id" and type(value) is int),
            "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
        }[kind]
        if not ok:  # in Incident's words (explain's): what was expected, what kind was found
            return (key, incident_words(key, value) or _EXPECTED[kind])
    return None


def _text_lines(path: str | Path) -> tuple[str, IO[str]]:
    """The name and a text stream of ``path``'s lines, bytes not UTF-8 kept as surrogates."""
    name, raw = _opened(path)
    if raw is None:  # a text stream without bytes (in tests), or none (closed): empty
        import sys

        return name, sys.stdin or io.StringIO()
    return name, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline=None)


_MARK = b"\xef\xbb\xbf"
"""A UTF-8 byte order mark."""


def _opened(path: str | Path) -> tuple[str, IO[bytes] | None]:
    """The name and the bytes of ``path`` (``-``: standard input; ``None``: it has no bytes).

    Raises:
        InputFormatError: if the file is missing, a folder, unreadable, compressed, a
            table (Parquet, CSV, police.uk: :func:`~svduty.io._table_kind.refuse_table`),
            JSON over several lines, or UTF-16 or UTF-32 text.
    """
    raw: Any
    if str(path) == STDIN:
        import sys

        raw = getattr(sys.stdin, "buffer", None)
        if raw is None:
            return "<stdin>", None
        name = "<stdin>"
    else:
        p = Path(path)
        if p.is_dir():
            raise InputFormatError(Problem(file=str(p), expected="a file, not a folder"))
        try:
            raw = p.open("rb")
        except OSError as exc:
            lost = None if p.exists() else not_found(p)  # missing, a broken link, a loop
            raise lost or InputFormatError(
                Problem(file=str(p), message=f"cannot read the file ({exc.strerror})")
            ) from None
        name = str(p)
    start = first_bytes(raw, name, close=name != "<stdin>")
    try:
        refuse_compressed(Path(name), start)
        refuse_table(name, raw)  # Parquet or CSV: not every "line" rejected (hostile54)
        # UTF-16/32: a NUL in the first two bytes (JSON text begins with an ASCII character),
        # read past UTF-8 marks that begin a line as the readers skip them (lead54: a mark
        # pushed a NUL out of the bytes looked at, so a file was refused, or not, by its marks)
        head = start.removeprefix(_MARK).replace(b"\n" + _MARK, b"\n")
        if start.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:2]:
            raise InputFormatError(
                Problem(file=name, expected="UTF-8 text, one JSON object per line")
            )
    except InputFormatError:
        if name != "<stdin>":
            raw.close()
        raise
    return name, raw


def _parse_line(line: str, number: int, name: str, validate: Validator | None) -> dict[str, Any]:
    record: dict[str, Any] = {"file": name, "row": number}
    wrong: tuple[str, str] | None
    obj, unread = json_line(line)
    if unread is not None:
        wrong = ("line", unread)
    else:
        wrong = _check(obj)
        if wrong is None and validate is not None:
            try:
                validate(obj, number, name)
            except DataError as exc:
                first = exc.problems[0]
                wrong = (first.field or "line", first.what())
    if wrong is not None:
        field, expected = wrong
        plain = expected.startswith(("expected", _GIVEN_TWICE))
        why = expected if plain else f"expected {expected}"
        record.update(rejected=f"{field}: {why}", rejected_field=field)
    else:
        record.update({k: (str(v) if k == "id" and v is not None else v) for k, v in obj.items()})
    return record


def _jsonl_blocks(path: str | Path, batch_rows: int) -> Iterator[pa.RecordBatch] | None:
    """A file (or standard input) read by pyarrow in blocks of lines, as it is used.

    Each block is read while the one before is used (:func:`_read_ahead`). A refused block
    is halved until it is small; the small ones are read by the line reader, so a file with
    a few bad lines costs little more than one without, and memory holds a few blocks
    whatever the file's size. ``None`` (read it line by line) for a standard input that
    has no bytes.
    """
    name, raw = _opened(path)
    if raw is None:
        return None
    return _rebatched(_blocks_of(name, raw, batch_rows), batch_rows)


def _blocks_of(name: str, raw: IO[bytes], batch_rows: int) -> Iterator[pa.RecordBatch]:
    """The batches of ``raw``, closed at the end unless standard input.

    Its bytes are read, on the reader's thread, from the stream below its buffer: a thread
    waiting there on a pipe holds no lock the interpreter needs to exit (on Ctrl-C). A
    file whose first block was made into rows ahead (``io._jsonl_ahead``) is read on from
    there, if the file read ahead is this one with the same bytes.
    """
    ahead: First | None = None
    try:
        buffered = raw.read(len(raw.peek())) if hasattr(raw, "peek") else b""
        if name != "<stdin>" and hasattr(raw, "raw"):
            ahead = taken(name, raw, buffered, _BLOCK)
        if ahead is None:
            blocks = line_blocks(byte_chunks(buffered, getattr(raw, "raw", raw)), _BLOCK)
        else:
            blocks = ahead.blocks
        yield from _read_ahead(blocks, name, batch_rows, ahead)
    except OSError as exc:
        why = f"cannot read the file ({exc.strerror or type(exc).__name__})"
        raise InputFormatError(Problem(file=name, message=why)) from None
    finally:
        if name != "<stdin>":
            raw.close()
        if ahead is not None:
            ahead.close()


def _read_ahead(
    blocks: Iterator[tuple[bytes, Any, int | None]],
    name: str,
    batch_rows: int,
    ahead: First | None = None,
) -> Iterator[pa.RecordBatch]:
    """The batches of each block of lines, the next block read by pyarrow while these are used.

    pyarrow's reader releases the GIL: with two CPUs, the caller classifies a block while
    the next is read (from the file, then by pyarrow, on the reader's thread). A refused
    block is read again in halves (:func:`_block`). ``ahead``: the file's first block,
    made into rows ahead (``blocks`` are then the blocks after it).
    """
    from svduty.io._ahead import one_ahead

    def read() -> Iterator[tuple[pa.Table | None, bytes, int]]:  # on the reader's thread
        first, likely = 0, None  # the fields the first block names
        if ahead is not None:
            yield ahead.table, ahead.body, 0
            first, likely = ahead.count, ahead.likely
        for raw_body, raw_ends, count in blocks:
            table, body, likely = block_rows(raw_body, raw_ends, first, name, likely)
            yield table, body, first
            first += count or 0

    for table, body, first in one_ahead(read(), wait=False):  # may wait on stdin
        if table is not None:
            yield from table.to_batches(max_chunksize=batch_rows)
        elif body.strip(JSON_SPACE):  # (blank lines, JSON's spaces: no rows; hostile56)
            yield from _block(body.split(b"\n"), first + 1, name, batch_rows, tried=True)


def _rebatched(batches: Iterator[pa.RecordBatch], size: int) -> Iterator[pa.RecordBatch]:
    """The rows of ``batches`` in batches of ``size`` (the last smaller), as the line reader.

    The batch a row is classified in decides the order of the rejected rows. A batch
    that is one already is passed on as it is (nothing copied).
    """
    pending: list[pa.RecordBatch] = []
    rows = 0
    for batch in batches:
        pending.append(batch)
        rows += batch.num_rows
        while rows >= size:
            if len(pending) == 1:
                one = pending[0]
                yield one if one.num_rows == size else one.slice(0, size)
                pending = [one.slice(size)] if one.num_rows > size else []
                rows -= size
                continue
            table = pa.Table.from_batches(pending, schema=_SCHEMA).combine_chunks()
            yield from table.slice(0, size).to_batches()
            pending, rows = table.slice(size).to_batches(), rows - size
    if rows:
        yield from pa.Table.from_batches(pending, schema=_SCHEMA).combine_chunks().to_batches()


_BLOCK, _SMALL = 1 << 16, 1 << 8


def _block(
    lines: list[bytes], first: int, name: str, batch_rows: int, *, tried: bool = False
) -> Iterator[pa.RecordBatch]:
    """The rows of ``lines`` (line ``first`` on): pyarrow's, else halves, else line by line."""
    data = b"\n".join(lines)
    table = None
    if data.strip() and not tried:
        table = _pyarrow_rows(data, first, name)
    if table is not None:
        yield from table.to_batches(max_chunksize=batch_rows)
    elif len(lines) > _SMALL:
        half = len(lines) // 2
        yield from _block(lines[:half], first, name, batch_rows)
        yield from _block(lines[half:], first + half, name, batch_rows)
    else:  # as the line reader reads them
        texts = ((first + i, raw.decode("utf-8", "surrogateescape")) for i, raw in enumerate(lines))
        records = [_parse_line(t, k, name, None) for k, t in texts if not blank(t)]
        for i in range(0, len(records), batch_rows):
            yield _batch(records[i : i + batch_rows])


@checked
def iter_incidents_jsonl(
    path: str | Path, *, validate: Validator | None = None, batch_rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatch]:
    r"""Stream a JSON Lines file of incidents as record batches (``-``: standard input).

    The rows of :func:`read_incidents_jsonl`, at most ``batch_rows`` a batch, so memory
    stays flat however long the file. A line that is not UTF-8, not JSON (however deeply
    nested), not an object, or holds a wrong field or value is a rejected row.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a"}\r{"id": "b"}\r\r{"victim_age": 9223372036854775808}')
        >>> [b.column("row").to_pylist() for b in iter_incidents_jsonl(f, batch_rows=2)]
        [[1, 2], [4]]
    """
    count_argument(batch_rows, "iter_incidents_jsonl(batch_rows)", "a number of rows, 1 or more")
    batch_rows = min(batch_rows, (1 << 63) - 1)  # Arrow's most (int64): any more is as many
    if validate is None:
        blocks = _jsonl_blocks(path, batch_rows)  # read as it is used
        if blocks is not None:
            yield from blocks
            return
    name, lines = _text_lines(path)
    records: list[dict[str, Any]] = []
    with lines:
        for number, line in enumerate(lines, start=1):
            if blank(line):
                continue
            records.append(_parse_line(line, number, name, validate))
            if len(records) >= batch_rows:
                yield _batch(records)
                records = []
    if records:
        yield _batch(records)


def _batch(records: list[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(records, schema=_SCHEMA)


@checked
def read_incidents_jsonl(path: str | Path, *, validate: Validator | None = None) -> pa.Table:
    r"""Read a JSON Lines file of incidents (one JSON object per line).

    Each line is parsed and checked against the contract's field names and types; a line
    that is not JSON, not an object, has an unknown field or a value of the wrong type is
    kept as a rejected row with its line number. ``validate`` adds the classifier's own
    checks (``Incident.from_json``: vocabularies, ages, dates); a
    :class:`~svduty.errors.DataError` it raises rejects the line with its first problem.

    Args:
        path: The file (``-`` for standard input).
        validate: ``(incident_json, line, file) -> anything``, raising ``DataError``.

    Raises:
        InputFormatError: if the file is missing, a folder, or not UTF-8 text at all.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a", "weapon": "knife", "victim_age": 19}\n'
        ...                  '\n'
        ...                  '{"id": "b", "died": "yes"}\n'
        ...                  'not json\n')
        >>> t = read_incidents_jsonl(f)
        >>> t.column("row").to_pylist(), t.column("weapon").to_pylist()
        ([1, 3, 4], ['knife', None, None])
        >>> for reason in t.column("rejected").to_pylist():
        ...     print(reason)
        None
        died: expected true or false (got a string of 3 characters, not shown)
        line: expected a JSON object
    """
    batches = list(iter_incidents_jsonl(path, validate=validate))
    return pa.Table.from_batches(batches, schema=_SCHEMA)
