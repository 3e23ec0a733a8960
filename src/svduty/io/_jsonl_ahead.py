"""A block of JSON Lines incidents read by pyarrow's JSON reader.

Split from :mod:`svduty.io._incidents` (whose readers check each block first, and read a
refused one again in halves or line by line): the fields a file's first lines name, and
pyarrow's read of a block with those fields (or all). It imports only pyarrow and the
incident schema (:mod:`svduty.io._incident_schema`), not the rule engine, so that
``svduty classify`` can read a file's first block ahead, on a thread of its own, while
the reading thread imports the incident readers (:func:`jsonl_ahead`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa

from svduty.io._incident_schema import INCIDENT_SCHEMA
from svduty.io._inputs import JSONL_SUFFIXES
from svduty.io._jsonl_numbers import as_lf, byte_chunks, line_blocks

__all__: list[str] = []


def _read_json(data: bytes, likely: dict[str, Any] | None) -> pa.Table:
    """The rows pyarrow reads from ``data``: the ``likely`` fields alone if they do, else all.

    A block read ahead (:func:`jsonl_ahead`) of the same bytes, asked for with the same
    fields, is taken as it was read.
    """
    ahead = _taken(data, likely)
    return _parsed(data, likely) if ahead is None else ahead


def _parsed(data: bytes, likely: dict[str, Any] | None) -> pa.Table:
    """:func:`_read_json`'s read of ``data`` by pyarrow, here and now."""
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


LINES = 1 << 16
"""The lines of a block (``svduty.io._incidents``' blocks: the first is read ahead)."""


@attrs.frozen
class _Ahead:
    """A first block read ahead: its bytes, the fields asked for, what pyarrow read.

    ``found`` is ``[fields after, table]``, filled before ``done`` is set (empty if the
    read failed: the reader then reads the block itself and says what is wrong).
    """

    data: bytes
    fields: list[str] | None
    done: threading.Event = attrs.field(factory=threading.Event)
    found: list[Any] = attrs.field(factory=list)


_AHEAD: list[_Ahead] = []
"""The blocks read ahead and not yet taken (at most one a :func:`jsonl_ahead`)."""
_LOCK = threading.Lock()
"""Held while :data:`_AHEAD` changes."""


def _read(p: Path, started: list[_Ahead], ended: threading.Event) -> None:
    """On the thread of :func:`jsonl_ahead`: the first block of ``p``, read by pyarrow."""
    ahead = None
    try:
        with p.open("rb", buffering=0) as raw:
            first = next(line_blocks(byte_chunks(b"", raw), LINES), None)
        if first is None or first[2] is None:  # a file of one block: read where it is due
            return
        body = as_lf(first[0], first[1])[0]
        likely = _likely_fields(body)
        ahead = _Ahead(body, likely["fields"])
        with _LOCK:
            if ended.is_set():  # the reading is over: nothing will take it
                return
            started.append(ahead)
            _AHEAD.append(ahead)
        table = _parsed(body, likely)
        ahead.found[:] = [likely["fields"], table]
    except Exception:  # the reader says what is wrong, where the block is due
        pass
    finally:
        if ahead is not None:
            ahead.done.set()


def _taken(data: bytes, likely: dict[str, Any] | None) -> pa.Table | None:
    """The table of ``data`` read ahead with ``likely``'s fields (which it updates), once."""
    if not _AHEAD or likely is None:
        return None
    with _LOCK:
        same = (a for a in _AHEAD if len(a.data) == len(data) and a.fields == likely["fields"])
        ahead = next((a for a in same if a.data == data), None)
        if ahead is not None:
            _AHEAD.remove(ahead)
    if ahead is None:
        return None
    ahead.done.wait()
    if not ahead.found:
        return None
    likely["fields"], table = ahead.found
    return table  # type: ignore[no-any-return]


@contextmanager
def jsonl_ahead(paths: Sequence[Path]) -> Iterator[None]:
    r"""The first block of the first of ``paths``, if a JSON Lines file, read from now on.

    Its first :data:`LINES` lines are read and parsed by pyarrow (which lets go of the
    interpreter's lock) on a thread of its own, while the thread that reads the file
    imports the incident readers and the command's main thread loads the partnership. The
    reader takes that read (:func:`_read_json`) only for a block of the same bytes asked
    for with the same fields, whatever the file became meanwhile; a file of one block
    (fewer lines) is not read ahead. What was not taken is dropped when the block ends.

    Example:
        >>> import tempfile
        >>> from unittest.mock import patch
        >>> f = Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c"}\n')
        >>> with patch(f"{__name__}.LINES", 2), jsonl_ahead([f]):  # taken, or read again
        ...     rows = _read_json(b'{"id": "a"}\n{"id": "b"}', {"fields": ["id"]})
        >>> rows.column("id").to_pylist(), _AHEAD  # nothing kept
        (['a', 'b'], [])
    """
    first = paths[0] if paths else None
    started: list[_Ahead] = []
    ended = threading.Event()
    if first is not None and first.suffix.lower() in JSONL_SUFFIXES and first.is_file():
        args = (first, started, ended)
        threading.Thread(target=_read, args=args, name="svduty-read-ahead", daemon=True).start()
    try:
        yield
    finally:
        with _LOCK:
            ended.set()
            for ahead in started:
                if ahead in _AHEAD:
                    _AHEAD.remove(ahead)
