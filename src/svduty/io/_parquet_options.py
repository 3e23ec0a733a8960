"""The Parquet writer's encoding options for a schema: what a reader gets back is the same."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

__all__ = ["parquet_options"]

_NO_DICTIONARY = frozenset({"row", "id"})
"""Columns whose values are all distinct (row numbers, police.uk's crime ids): a dictionary
would be built and given up (about a fifth of the writer's time on a police.uk file)."""
_FREE_TEXT = frozenset({"id", "street", "lsoa_name"})
"""Text that no reader filters on by range: min/max statistics cost time and tell nothing."""


def parquet_options(schema: pa.Schema) -> dict[str, Any]:
    """The Parquet writer's encoding options for ``schema`` (what a reader gets is the same).

    No dictionary for :data:`_NO_DICTIONARY` (pyarrow would hash every value, build a
    dictionary and give it up);
    no min/max statistics for free text and lists (row groups are never skipped on them);
    values handed to the encoder 65,536 at a time (fewer, larger pages). Together about a
    fifth less time in the writer, with the same values read back.

    Example:
        >>> opts = parquet_options(pa.schema([("row", pa.int64()), ("id", pa.string()),
        ...                                   ("kinds", pa.list_(pa.string()))]))
        >>> opts["use_dictionary"], opts["write_statistics"]
        (['kinds.list.element'], ['row'])
    """
    dictionary, statistics = [], []
    for f in schema:
        leaves = _leaves(f.name, f.type)
        if f.name not in _NO_DICTIONARY:
            dictionary += leaves
        if f.name not in _FREE_TEXT and not _listed(f.type):  # a list's min/max tells little
            statistics += leaves
    return {
        "use_dictionary": dictionary,
        "write_statistics": statistics,
        "write_batch_size": 1 << 16,
    }


def _listed(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)
    )


def _leaves(path: str, kind: pa.DataType) -> list[str]:
    """The Parquet column paths of an Arrow field (its leaves, as the writer names them)."""
    if _listed(kind):
        return _leaves(f"{path}.list.element", kind.value_type)  # type: ignore[attr-defined]
    if pa.types.is_map(kind):
        return [
            *_leaves(f"{path}.key_value.key", kind.key_type),
            *_leaves(f"{path}.key_value.value", kind.item_type),
        ]
    if pa.types.is_struct(kind):
        return [p for c in kind for p in _leaves(f"{path}.{c.name}", c.type)]
    return [path]
