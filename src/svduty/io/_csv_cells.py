"""Columns as CSV cells: CSV has text, numbers and booleans only.

A list column's items are joined into one cell (``physical;sexual``), a dictionary's words
decoded, and any other nested value (a struct, a map, a list of lists or of structs) is
written as its JSON text, as ``json.dumps`` writes it; a column of bytes is written as
base64, as JSON Lines writes it (its bytes may not be text): a column that is not an
incident field is written out as it was read, never the run stopped for its type.

Example:
    >>> t = pa.table({"w": [["a", "b"], None], "s": [{"x": 1}, None], "n": [[[1], [2]], []]})
    >>> flat(t, ";").to_pylist()
    [{'w': 'a;b', 's': '{"x": 1}', 'n': '[[1], [2]]'}, {'w': None, 's': None, 'n': '[]'}]
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty._types import is_bytes
from svduty.io._json_lines import _as_json, _one_by_one

__all__ = ["flat"]

_JOINED = (pa.ListType, pa.LargeListType, pa.FixedSizeListType)


def flat(table: pa.Table, separator: str) -> pa.Table:
    """``table`` with every column CSV has no type for as text (see the module)."""
    for i, f in enumerate(table.schema):
        column: Any = table.column(i)
        if pa.types.is_dictionary(f.type):
            column = pc.cast(column, f.type.value_type)
            if is_bytes(f.type.value_type):
                column = _base64(column)
        elif is_bytes(f.type):
            column = _base64(column)
        elif isinstance(f.type, _JOINED) and _joinable(f.type.value_type):
            column = pc.binary_join(pc.cast(column, pa.list_(pa.string())), separator)
        elif pa.types.is_nested(f.type):
            column = pa.chunked_array([_json_text(c) for c in column.chunks], pa.large_string())
        else:
            continue
        table = table.set_column(i, f.name, column)
    return table


def _joinable(t: pa.DataType) -> bool:
    """Items a list cell joins as text: anything but nested values and bytes."""
    return not (pa.types.is_nested(t) or is_bytes(t))


def _base64(column: Any) -> Any:
    r"""Each value's bytes as base64 text, as JSON Lines writes them; null where null.

    Example:
        >>> _base64(pa.chunked_array([[b"\xfe!", None]])).to_pylist()
        ['/iE=', None]
    """
    cells = (None if v is None else _as_json(v) for v in column.to_pylist())
    return pa.array(cells, pa.large_string())


def _json_text(values: Any) -> Any:
    """Each value's JSON text, null where the value is null."""
    return pc.if_else(pc.is_valid(values), _one_by_one(values), pa.scalar(None, pa.large_string()))
