"""The Parquet file of :class:`~svduty.io._writers.TableWriter`: read back as the schema given.

A column the schema gives as a dictionary of text (``reported_by``, ``falls_within``,
``last_outcome_category``: police.uk's text, encoded for readers) that the first table
gives as plain text is written as that text: the writer's own dictionary encoding hashes
each value once, where encoding it beforehand hashed it twice. The other way round, text
the first table gives as a dictionary (:data:`REPEATED_TEXT`: ``location``, ``kinds``,
``reasons``, ``lsoa_code``, ``lsoa_name``) is written from its numbers, not hashed again. Text whose
rows all hold one word in the first table (a police.uk file's ``file``, ``reported_by``,
``falls_within``) is written as a dictionary whose numbers are all 0, made without a hash.
What a reader gets is the schema given all the same: it is stored for readers
(``ARROW:schema``, base64 of the schema's IPC message, as pyarrow stores one) in place of
the schema written.

Example:
    >>> words = pa.dictionary(pa.int32(), pa.string())
    >>> sink = ParquetSink(pa.BufferOutputStream(), pa.schema([("w", words)]),
    ...                    pa.table({"w": ["x", "y"]}))
    >>> sink.written.types
    [DataType(string)]
"""

from __future__ import annotations

import base64
import os
from typing import Any

import pyarrow as pa

from svduty.io._conformed import WORDS, conform, one_word
from svduty.io._parquet_options import NO_DICTIONARY, parquet_options

__all__ = ["REPEATED_TEXT", "ParquetSink", "stored_schema"]

REPEATED_TEXT = frozenset({"location", "kinds", "reasons", "lsoa_code", "lsoa_name"})
"""Columns of text each row repeats from its combination's answer (a district or LSOA code;
the rules' ids; the kinds: writing the bench's ``kinds`` alone 8.5 -> 4.6 ms of thread CPU,
the same bytes, speed61a) or its combination (the LSOA code and name: ``svduty.io._alike.ALIKE``,
speed51c: the writer's CPU on the bench's 400,000 rows 0.193/0.197 -> 0.182/0.185 s):
handed to the writer as dictionaries of it where the rows are built from grouped answers
(``svduty.io._alike``), written as such, read back as text."""

_AS_PYARROW_PARQUET: dict[str, Any] = {
    "version": "2.6",
    "writer_engine_version": "V2",
    "data_page_version": "1.0",
    "use_compliant_nested_type": True,
    "use_deprecated_int96_timestamps": False,
}
"""What ``pyarrow.parquet.ParquetWriter`` gives the compiled writer unless told: the same file."""

_STORED = b"ARROW:schema"
"""The footer key under which pyarrow (and polars) find the Arrow schema to read back."""


class ParquetSink:
    """A Parquet writer whose readers get ``schema``; tables conformed to it as they come.

    Args:
        sink: The file (a path or an Arrow output stream).
        schema: The schema readers get (its metadata in the footer too).
        first: The first table to be written (``None``: none); a dictionary column of
            ``schema`` it gives as plain text is written as text (see the module).

    Example:
        >>> import pyarrow.parquet as pq
        >>> out = pa.BufferOutputStream()
        >>> sink = ParquetSink(out, pa.schema([("w", pa.dictionary(pa.int32(), pa.string()))]),
        ...                    pa.table({"w": ["x"]}))
        >>> sink.write_table(pa.table({"w": ["x", None]})); sink.close()
        >>> pq.read_table(pa.BufferReader(out.getvalue())).column("w").type
        DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
    """

    __slots__ = ("_writer", "written")

    def __init__(self, sink: Any, schema: pa.Schema, first: pa.Table | None) -> None:
        self.written = written_schema(schema, first)
        """The schema written: ``schema`` but for text written as given (see the module)."""
        where = str(sink) if isinstance(sink, os.PathLike) else sink  # a path: opened by Arrow
        options = {"store_schema": False, **parquet_options(self.written)}  # stored below
        self._writer = _writer(where, self.written, options)
        meta = {**(schema.metadata or {}), _STORED: stored_schema(schema)}
        self._writer.add_key_value_metadata(meta)  # bytes: as kept

    def write_table(self, table: pa.Table) -> None:
        """Write ``table`` (conformed to the schema written: months to days, say)."""
        self._writer.write_table(conform(table, self.written))

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()


def _writer(where: Any, schema: pa.Schema, options: dict[str, Any]) -> Any:
    """The compiled Parquet writer, given what ``pyarrow.parquet.ParquetWriter`` gives it.

    Not ``pyarrow.parquet``'s: importing that (``pyarrow.fs``, ``ssl``) cost the loop's
    thread 20-100 ms before the first batch was handed to the writer (speed51c). A pyarrow
    whose compiled writer is not there or takes other arguments (it is pyarrow's own, not
    its public API) gets ``pyarrow.parquet``'s, which writes the same file.
    """
    try:
        from pyarrow._parquet import ParquetWriter

        return ParquetWriter(where, schema, **_AS_PYARROW_PARQUET, **options)
    except (ImportError, TypeError):
        import pyarrow.parquet as pq

        return pq.ParquetWriter(where, schema, **options)


def written_schema(schema: pa.Schema, first: pa.Table | None) -> pa.Schema:
    """``schema`` with each column of text that ``first`` gives otherwise as ``first`` has it.

    Text for words, or words for text, in lists too: a reader sees the same text. Text of
    one word in every row of ``first`` as words (numbered without a hash), unless it is
    written without a dictionary.

    Example:
        >>> words = pa.dictionary(pa.int32(), pa.string())
        >>> written_schema(pa.schema([("a", words), ("b", words)]),
        ...                pa.table({"a": ["x", "y"]})).types
        [DataType(string), DictionaryType(dictionary<values=string, indices=int32, ordered=0>)]
        >>> written_schema(pa.schema([("f", pa.string()), ("id", pa.string())]),
        ...                pa.table({"f": ["a.csv"] * 2, "id": ["x"] * 2})).types
        [DictionaryType(dictionary<values=string, indices=int32, ordered=0>), DataType(string)]
    """
    if first is None:
        return schema
    given = first.schema
    fields = []
    for f in schema:
        at = given.get_field_index(f.name)  # -1: absent or named twice
        kind = given.field(at).type if at >= 0 else f.type
        if kind == pa.string() and f.type in (WORDS, pa.string()) and _one(first, at, f.name):
            fields.append(f.with_type(WORDS))
        else:
            fields.append(f.with_type(kind) if _as_text(kind) == _as_text(f.type) else f)
    meta: Any = schema.metadata
    return pa.schema(fields, metadata=meta)


def _one(first: pa.Table, at: int, name: str) -> bool:
    """Whether column ``at`` of ``first`` (one chunk) is one word, written with a dictionary."""
    column = first.column(at)
    if name in NO_DICTIONARY or column.num_chunks != 1:
        return False
    return one_word(column.chunk(0)) is not None


_WORDS = WORDS


def _as_text(kind: pa.DataType) -> pa.DataType:
    """``kind`` with a dictionary of text (in a list too) as that text: what a reader sees."""
    if kind == _WORDS:
        return pa.string()
    if pa.types.is_list(kind) and kind.value_type == _WORDS:
        return pa.list_(kind.value_field.with_type(pa.string()))
    return kind


def stored_schema(schema: pa.Schema) -> bytes:
    """``schema`` as pyarrow stores it in a Parquet footer for readers (``ARROW:schema``).

    Example:
        >>> import base64
        >>> s = pa.schema([("a", pa.int64())], metadata={"k": "v"})
        >>> pa.ipc.read_schema(pa.py_buffer(base64.b64decode(stored_schema(s)))).equals(s, True)
        True
    """
    return base64.b64encode(schema.serialize().to_pybytes())
