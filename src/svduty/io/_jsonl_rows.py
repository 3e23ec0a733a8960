"""A block of JSON Lines incidents as rows: pyarrow's read, checked and numbered.

Split from :mod:`svduty.io._incidents` (speed54c) so that the whole of a JSON Lines
file's first block (its line ends found, its lines checked, pyarrow's read, its row
numbers and columns) can be made on a thread of its own while ``svduty classify`` imports
the incident readers (:mod:`svduty.io._jsonl_ahead`): this module imports neither the
rule engine nor the incident readers, only pyarrow, numpy and the incident schema.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty.io._incident_schema import INCIDENT_SCHEMA
from svduty.io._jsonl_numbers import JSON_SPACE, _line_numbers, _one_per_line, as_lf, objects_only

__all__: list[str] = []

_BOOKKEEPING = pa.schema(
    [  # type: ignore[arg-type]
        pa.field("file", pa.string()),
        pa.field("row", pa.int64()),
        pa.field("rejected", pa.string()),
        pa.field("rejected_field", pa.string()),
    ]
)
_SCHEMA = pa.schema([*_BOOKKEEPING, *INCIDENT_SCHEMA])
"""The incident readers' batches: the bookkeeping columns, then every incident field."""


def _read_json(data: bytes, likely: dict[str, Any] | None) -> pa.Table:
    r"""The rows pyarrow reads from ``data``: the ``likely`` fields alone if they do, else all.

    A row naming a field not in ``likely`` sets its fields to ``None``: from then on the
    block and the file's next blocks are read with all of them at once.

    Example:
        >>> likely = {"fields": ["id"]}
        >>> _read_json(b'{"id": "a"}\n{"victim_age": 9}', likely).num_columns, likely
        (31, {'fields': None})
    """
    import pyarrow.json as pajson

    def read(schema: pa.Schema) -> pa.Table:
        source: Any = pa.BufferReader(data)
        options = pajson.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
        return pajson.read_json(source, parse_options=options)

    fields = None if likely is None else likely["fields"]
    if fields is not None and len(fields) < len(INCIDENT_SCHEMA):
        try:
            return read(pa.schema([INCIDENT_SCHEMA.field(f) for f in fields]))
        except pa.ArrowInvalid:
            assert likely is not None
            likely["fields"] = None  # another field: from now on all at once
    return read(INCIDENT_SCHEMA)


def _likely_fields(data: bytes) -> dict[str, Any]:
    r"""``{"fields": [...]}``: the incident fields the first lines of ``data`` name, in order.

    ``None`` for the fields (read with all) if a line there is not a JSON object of them.

    Example:
        >>> _likely_fields(b'{"id": "a"}\n{"victim_age": 9, "id": "b"}\n')
        {'fields': ['id', 'victim_age']}
    """
    head = data[: 1 << 16]
    lines = head.split(b"\n")[: 1 << 6]
    if len(head) < len(data) and len(lines) > 1:
        lines = lines[:-1]  # perhaps cut short
    named: set[str] = set()
    for line in lines:
        try:
            obj = json.loads(line) if line.strip() else {}
        except (ValueError, RecursionError):  # not JSON, or nested beyond Python's limit
            return {"fields": None}
        if not isinstance(obj, dict) or not obj.keys() <= set(INCIDENT_SCHEMA.names):
            return {"fields": None}
        named.update(obj)
    return {"fields": [n for n in INCIDENT_SCHEMA.names if n in named]}


def pyarrow_rows(
    data: bytes, first: int, name: str, likely: dict[str, Any] | None = None, *, starts: Any = None
) -> pa.Table | None:
    r"""The rows of ``data`` (line ``first`` on) by pyarrow, if each line is one valid incident.

    ``likely``: ``{"fields": [...]}``, the fields the file's first lines name: read with those
    alone first (each field absent from every row costs pyarrow a column of nulls, about
    a third of its time on a file of 5 fields of 16), and with all if a row names another
    (then, for the rest of the file, with all at once). ``starts``: where each line of
    ``data`` starts (numpy), if known.

    Example:
        >>> t = pyarrow_rows(b'{"id": "a"}\n\n{"id": "b"}', 3, "in.jsonl")
        >>> t.column("row").to_pylist(), t.column("id").to_pylist()
        ([3, 5], ['a', 'b'])
        >>> pyarrow_rows(b'{"id": "a"}\nnull', 1, "in.jsonl") is None  # the line reader's
        True
    """
    if b"\r" in data or not objects_only(data, starts):  # line ends are "\n" (as_lf); the
        return None  # line reader rejects lines that are not objects
    try:
        table = _read_json(data, likely)
        if not data.isascii():
            table.validate(full=True)  # pyarrow does not check that strings are UTF-8
    except (pa.ArrowException, OSError, ValueError):
        return None
    if any(_arrays.null_items(c) for c in table.columns):  # ["injury", null]: not words
        return None  # (the line reader rejects the line: a list of words expected)
    lines = _one_per_line(data, table.num_rows, starts)
    if lines is None:
        lines = _line_numbers(data)
    if lines is None or table.num_rows != len(lines):  # an object over two lines
        return None
    n = table.num_rows
    table = table.combine_chunks()  # batches of batch_rows
    made: dict[Any, Any] = {}  # one array of nulls a type, shared (arrays are never changed)

    def nulls(type_: Any) -> Any:  # a pa.DataType
        if type_ not in made:
            made[type_] = pa.nulls(n, type_)
        return made[type_]

    columns: list[Any] = [
        pa.repeat(pa.scalar(name), n),
        _arrays.array(lines + (first - 1), pa.int64()),
        nulls(pa.string()),
        nulls(pa.string()),
    ]
    for f in INCIDENT_SCHEMA:  # a field no row names: nulls
        read = f.name in table.schema.names
        columns.append(table.column(f.name) if read else nulls(f.type))
    return pa.Table.from_arrays(columns, schema=_SCHEMA)


def block_rows(
    raw_body: bytes, raw_ends: Any, first: int, name: str, likely: dict[str, Any] | None
) -> tuple[pa.Table | None, bytes, dict[str, Any]]:
    r"""A block of lines (``line_blocks``' body and ``\n``\ s) after line ``first``, as rows.

    ``(table, body, likely)``: :func:`pyarrow_rows`' table (``None``: the block is read
    again in halves, or it is blank), the block's bytes with every line end a ``\n``, and
    the fields the file's first lines name (``likely``, or those of this block's first
    lines when ``likely`` is ``None``: the file's first block).

    Example:
        >>> t, body, likely = block_rows(b'{"id": "a"}\r\n{"id": "b"}', None, 4, "i.jsonl", None)
        >>> t.column("row").to_pylist(), body, likely
        ([5, 6], b'{"id": "a"}\n{"id": "b"}', {'fields': ['id']})
    """
    import numpy as np

    body, ends = as_lf(raw_body, raw_ends)
    likely = _likely_fields(body) if likely is None else likely
    table = None
    if body.strip(JSON_SPACE):  # (JSON's spaces: a form feed is a row's, hostile56)
        starts = np.concatenate([[0], ends + 1])  # where each line starts, a last
        starts = starts[starts < len(body)]  # empty line left out
        table = pyarrow_rows(body, first + 1, name, likely, starts=starts)
    return table, body, likely
