"""Tables made to conform to an output schema: its columns, in its order and types.

The writers' (CSV, JSON Lines: :mod:`svduty.io._writers`; Parquet: its own file,
:mod:`svduty.io._parquet_sink`).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from svduty import _compute as pc

__all__ = ["cast_column", "conform", "decoded"]


def cast_column(column: Any, target: pa.DataType) -> Any:
    """``column`` as ``target`` (a police.uk month's text as its first day).

    Example:
        >>> cast_column(pa.array(["2025-06"]), pa.date32()).to_pylist()
        [datetime.date(2025, 6, 1)]
    """
    if column.type == target:
        return column
    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if target == pa.date32() and pa.types.is_string(kind):
        # a police.uk month (YYYY-MM) is the first day of the month: each distinct text
        # (a file has a few months, numbered as the reader read them) is read once
        words: Any = column if kind != column.type else pc.dictionary_encode(column)
        if isinstance(words, pa.ChunkedArray):
            return pa.chunked_array([_month_days(c) for c in words.chunks], target)
        return _month_days(words)
    return pc.cast(column, target)


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
    for f in schema:
        if f.name not in table.schema.names:
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
