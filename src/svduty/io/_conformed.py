"""Tables made to conform to an output schema: its columns, in its order and types.

The writers' (CSV, JSON Lines: :mod:`svduty.io._writers`; Parquet: its own file,
:mod:`svduty.io._parquet_sink`).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from svduty import _compute as pc

__all__ = ["WORDS", "cast_column", "conform", "decoded", "one_word"]

WORDS = pa.dictionary(pa.int32(), pa.string())
"""Text as a dictionary of its words (what a Parquet writer writes from its numbers)."""


def cast_column(column: Any, target: pa.DataType) -> Any:
    """``column`` as ``target`` (a police.uk month's text as its first day).

    Text as :data:`WORDS` is numbered without a hash where every row holds one word (a
    police.uk file's name, its force: see :func:`one_word`).

    Example:
        >>> cast_column(pa.array(["2025-06"]), pa.date32()).to_pylist()
        [datetime.date(2025, 6, 1)]
        >>> cast_column(pa.array(["a.csv", "a.csv"]), WORDS).indices.to_pylist()
        [0, 0]
    """
    if column.type == target:
        return column
    if target == WORDS and column.type == pa.string():
        if isinstance(column, pa.ChunkedArray):
            if column.num_chunks == 1:
                return pa.chunked_array([cast_column(column.chunk(0), target)])
            return pc.dictionary_encode(column)  # one dictionary for all its chunks
        word = one_word(column)
        if word is not None:
            return word
    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if target == pa.date32() and pa.types.is_string(kind):
        # a police.uk month (YYYY-MM) is the first day of the month: each distinct text
        # (a file has a few months, numbered as the reader read them) is read once
        words: Any = column if kind != column.type else pc.dictionary_encode(column)
        if isinstance(words, pa.ChunkedArray):
            return pa.chunked_array([_month_days(c) for c in words.chunks], target)
        return _month_days(words)
    return pc.cast(column, target)


def one_word(text: Any) -> Any:
    """``text`` as :data:`WORDS` if every row holds the same word (no null), else None.

    Numbered without a hash: every number is 0. A police.uk file's ``file``, ``reported_by``
    and ``falls_within`` are so; a look at the first and last rows tells most others apart.

    Example:
        >>> one_word(pa.array(["a.csv", "a.csv"])).indices.to_pylist()
        [0, 0]
        >>> one_word(pa.array(["a.csv", None, "a.csv"])) is None
        True
    """
    n = len(text)
    if not n or text.null_count or text[0] != text[n - 1]:
        return None
    if not pc.all(pc.equal(text, text[0])).as_py():
        return None
    zeros = pa.py_buffer(bytes(4 * n))  # int32 zeros
    indices = pa.Array.from_buffers(pa.int32(), n, [None, zeros])
    return pc.words_of(indices, text.slice(0, 1))


def _month_days(words: Any) -> Any:
    """A dictionary-encoded column of ``YYYY-MM`` (or ``YYYY-MM-DD``) text as ``date32``."""
    return pc.take(_days(words.dictionary), words.indices)


def _days(column: Any) -> Any:
    padded = pc.if_else(
        pc.equal(pc.utf8_length(column), pa.scalar(7, pa.int32())),
        pc.binary_join_element_wise(column, "01", "-"),
        column,
    )
    return pc.cast(pc.cast(padded, pa.timestamp("s")), pa.date32())


def decoded(schema: pa.Schema) -> pa.Schema:
    """``schema`` with each dictionary column as a column of its values.

    Example:
        >>> decoded(pa.schema([("a", pa.dictionary(pa.int32(), pa.string()))])).types
        [DataType(string)]
    """
    fields = [
        f.with_type(f.type.value_type) if pa.types.is_dictionary(f.type) else f for f in schema
    ]
    return pa.schema(fields)


def conform(table: pa.Table, schema: pa.Schema, *, keep: bool = False) -> pa.Table:
    """``table`` with the columns of ``schema``, in its order and types (nulls if absent).

    ``keep``: a dictionary column whose values have the type ``schema`` gives stays one.

    Example:
        >>> conform(pa.table({"b": ["x"]}), pa.schema([("a", pa.int64()), ("b", pa.string())]))
        pyarrow.Table
        a: int64
        b: string
        ----
        a: [[null]]
        b: [["x"]]
    """
    if table.schema.equals(schema):
        return table
    n = table.num_rows
    cols = []
    names = set(table.schema.names)  # once: the property builds a list at each call
    for f in schema:
        if f.name not in names:
            cols.append(pa.nulls(n, f.type))
            continue
        column = table.column(f.name)
        kind = column.type
        if keep and pa.types.is_dictionary(kind) and kind.value_type == f.type:
            cols.append(column)
        else:
            cols.append(cast_column(column, f.type))
    if keep:
        return pa.Table.from_arrays(cols, names=schema.names)
    return pa.Table.from_arrays(cols, schema=schema)
