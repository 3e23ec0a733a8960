"""The Parquet writer's encoding options for a schema: what a reader gets back is the same."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

__all__ = ["NO_DICTIONARY", "parquet_options"]

NO_DICTIONARY = frozenset({"row", "id"})
"""Columns whose values are all distinct (row numbers, police.uk's crime ids): a dictionary
would be built and given up (about a fifth of the writer's time on a police.uk file)."""
_FILTERED_TEXT = frozenset({"file"})
"""Text a reader skips row groups by: each row group holds rows of one input file."""
_NOT_COMPRESSED = frozenset({"id"})
"""Columns written without compression: police.uk's Crime IDs are 64 hex digits of a hash,
in which a compressor finds no repeats (the two real Warwickshire months' IDs: 3.4% smaller
with LZ4; 400,000 random IDs: 20.0 MB against 20.8, for 32 ms of CPU against 8). The
benchmark's made IDs are multiples of one number, which it does shorten: its file is larger
without."""
_CODEC = "snappy"
"""Every other column's compression: Snappy, which every Parquet reader reads.

pyarrow's ``lz4`` is written as LZ4_RAW, which readers older than parquet-mr 1.13 (Spark
before 3.5, Hive, older Java tools) cannot read; on the bench's 400,000 rows Snappy took the
same writer CPU (0.189-0.191 s against 0.191-0.192) for the same size (29.24 MB against
29.29), zstd 0.209 s for 26.9 MB (the lead, fifty-first session)."""


def parquet_options(schema: pa.Schema) -> dict[str, Any]:
    """The Parquet writer's encoding options for ``schema`` (what a reader gets is the same).

    No dictionary for :data:`NO_DICTIONARY` (pyarrow would hash every value, build a
    dictionary and give it up);
    min/max statistics only where a reader filters by range: numbers, days and times (a
    police.uk output's ``row``, ``month``, ``longitude``, ``latitude``) and
    :data:`_FILTERED_TEXT`, not text, words or lists (a batch of police.uk rows holds every
    district, category and answer, so their min/max would skip no row group; about an
    eighth of the writer's time on a police.uk file);
    values handed to the encoder 65,536 at a time (fewer, larger pages). Together about a
    fifth less time in the writer, with the same values read back.
    :data:`_NOT_COMPRESSED` as they are, every other column with Snappy. Only the encodings
    every reader reads (plain, dictionary, RLE): the delta encodings would write the row
    numbers in a few kilobytes for 3 ms less, but many readers in use cannot read them
    (DuckDB's "Query Engines: Gatekeepers of the Parquet File Format", 2025).

    Example:
        >>> opts = parquet_options(pa.schema([("row", pa.int64()), ("id", pa.string()),
        ...                                   ("kinds", pa.list_(pa.string()))]))
        >>> opts["use_dictionary"], opts["write_statistics"]
        (['kinds.list.element'], ['row'])
        >>> opts["compression"]
        {'row': 'snappy', 'id': 'none', 'kinds.list.element': 'snappy'}
    """
    dictionary: list[str] = []
    statistics: list[str] = []
    codec: dict[str, str] = {}
    for f in schema:
        leaves = _leaves(f.name, f.type)
        if f.name not in NO_DICTIONARY:
            dictionary += [path for path, _ in leaves]
        if not _listed(f.type):  # a list's min/max tells little
            statistics += [p for p, k in leaves if _ranged(k) or f.name in _FILTERED_TEXT]
        codec |= {p: "none" if f.name in _NOT_COMPRESSED else _CODEC for p, _ in leaves}
    return {
        "use_dictionary": dictionary,
        "write_statistics": statistics,
        "write_batch_size": 1 << 16,
        "compression": codec or _CODEC,
    }


def _ranged(kind: pa.DataType) -> bool:
    """A type readers filter by range (a dictionary's by its values')."""
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(
        pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_decimal(kind)
        or pa.types.is_temporal(kind)
    )


def _listed(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)
    )


def _leaves(path: str, kind: pa.DataType) -> list[tuple[str, pa.DataType]]:
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
    return [(path, kind)]
