"""The Parquet file of :class:`~svduty.io._writers.TableWriter`: read back as the schema given.

A column the schema gives as a dictionary of text (``reported_by``, ``falls_within``,
``last_outcome_category``: police.uk's text, encoded for readers) that the first table
gives as plain text is written as that text: the writer's own dictionary encoding hashes
each value once, where encoding it beforehand hashed it twice. What a reader gets is the
schema given all the same: it is stored for readers (``ARROW:schema``, base64 of the
schema's IPC message, as pyarrow stores one) in place of the schema written.

Example:
    >>> words = pa.dictionary(pa.int32(), pa.string())
    >>> sink = ParquetSink(pa.BufferOutputStream(), pa.schema([("w", words)]),
    ...                    pa.table({"w": ["x", "y"]}))
    >>> sink.written.types
    [DataType(string)]
"""

from __future__ import annotations

import base64
from typing import Any

import pyarrow as pa

from svduty.io._conformed import conform
from svduty.io._parquet_options import parquet_options

__all__ = ["ParquetSink", "stored_schema"]

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
        import pyarrow.parquet as pq  # not at start-up (it imports pyarrow.fs, ssl)

        self.written = written_schema(schema, first)
        """The schema written: ``schema`` but for text written as given (see the module)."""
        self._writer = pq.ParquetWriter(
            sink,
            self.written,
            compression="lz4",
            store_schema=False,  # stored below: the schema given, not the one written
            **parquet_options(self.written),
        )
        meta = {**(schema.metadata or {}), _STORED: stored_schema(schema)}
        self._writer.add_key_value_metadata(meta)  # type: ignore[arg-type]  # bytes: as kept

    def write_table(self, table: pa.Table) -> None:
        """Write ``table`` (conformed to the schema written: months to days, say)."""
        self._writer.write_table(conform(table, self.written))

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()


def written_schema(schema: pa.Schema, first: pa.Table | None) -> pa.Schema:
    """``schema`` with each dictionary-of-text column ``first`` gives as text as that text.

    Example:
        >>> words = pa.dictionary(pa.int32(), pa.string())
        >>> written_schema(pa.schema([("a", words), ("b", words)]),
        ...                pa.table({"a": ["x"]})).types
        [DataType(string), DictionaryType(dictionary<values=string, indices=int32, ordered=0>)]
    """
    if first is None:
        return schema
    given = first.schema
    fields = []
    for f in schema:
        at = given.get_field_index(f.name)  # -1: absent or named twice
        text = pa.types.is_dictionary(f.type) and at >= 0
        if text and given.field(at).type == f.type.value_type:
            fields.append(f.with_type(f.type.value_type))
        else:
            fields.append(f)
    meta: Any = schema.metadata
    return pa.schema(fields, metadata=meta)


def stored_schema(schema: pa.Schema) -> bytes:
    """``schema`` as pyarrow stores it in a Parquet footer for readers (``ARROW:schema``).

    Example:
        >>> import base64
        >>> s = pa.schema([("a", pa.int64())], metadata={"k": "v"})
        >>> pa.ipc.read_schema(pa.py_buffer(base64.b64decode(stored_schema(s)))).equals(s, True)
        True
    """
    return base64.b64encode(schema.serialize().to_pybytes())
