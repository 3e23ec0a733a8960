"""A batch's text as the pipeline reads it: no views, the text it sorts and numbers as ``string``.

A caller's batch (``default_pipeline()(table)``, :func:`~svduty.io.run_pipeline` over
batches of one's own) may hold text as a dictionary (what pandas' and polars' categoricals
give a Parquet file), as ``large_string`` or as ``string_view``. Arrow's ``take`` has no
kernel for a view, and the locator numbers the distinct LSOA codes, LSOA names and
locations by dictionary-encoding them (a dictionary given is kept as it is: its nulls are
null numbers, its words may repeat or go unused), and the summary sorts rejected rows by
``file`` (Arrow sorts no dictionary). So a view (of any column, at any depth) is read as
its plain type, and those columns as ``string``; every other column is left as given
(the classifier reads its own columns' dictionaries and wide text itself). The rows, and
every answer, are those of the same batch with plain ``string`` columns.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._types import viewless_type

__all__ = ["READ_AS_TEXT", "plain_table"]

READ_AS_TEXT = ("file", "lsoa_code", "lsoa_name", "location")
"""The columns the pipeline reads as text: the locator's, numbered by their distinct values,
and the file, by which the summary sorts rejected rows."""


def plain_table(batch: pa.RecordBatch | pa.Table) -> pa.Table:
    """``batch`` as a table with no view, and :data:`READ_AS_TEXT` columns as ``string``.

    A column already plain is not copied.

    Example:
        >>> codes = pa.array(["E01031012", None, "E01031012"]).dictionary_encode()
        >>> t = plain_table(pa.table({"lsoa_code": codes,
        ...                           "id": pa.array(["a", "b", None], pa.string_view())}))
        >>> t.schema.types, t.column("lsoa_code").to_pylist()
        ([DataType(string), DataType(string)], ['E01031012', None, 'E01031012'])
    """
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    for i, field in enumerate(table.schema):
        want = viewless_type(field.type)
        if field.name in READ_AS_TEXT and _text(want):
            want = pa.string()
        if want != field.type:
            column = pc.cast(table.column(i), want)
            table = table.set_column(i, field.with_type(want), column)
    return table


def _text(t: Any) -> bool:
    """Text, wide text, or a dictionary of either (words a locator reads as ``string``)."""
    if pa.types.is_dictionary(t):
        t = t.value_type
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t))
