"""A block of JSON Lines incidents read by pyarrow's JSON reader.

Split from :mod:`svduty.io._incidents` (whose readers check each block first, and read a
refused one again in halves or line by line): the fields a file's first lines name, and
pyarrow's read of a block with those fields (or all). It imports only pyarrow and the
incident schema (:mod:`svduty.io._incident_schema`), not the rule engine.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from svduty.io._incident_schema import INCIDENT_SCHEMA

__all__: list[str] = []


def _read_json(data: bytes, likely: dict[str, Any] | None) -> pa.Table:
    """The rows pyarrow reads from ``data``: the ``likely`` fields alone if they do, else all."""
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
