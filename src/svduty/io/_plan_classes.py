"""Each row's plan row: a police.uk batch's crime types, months and places classed.

Split from :mod:`svduty.io._plan`: :meth:`~svduty.io._plan.PolicePlan.answer` numbers each
row by its crime type, its month's class and its place's class (:func:`_combined`); a
column's distinct values are classed in Python, each once (a batch holds a few of them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as _pc

__all__: list[str] = []

pc: Any = _pc


def _combined(
    table: pa.Table, steps: tuple[tuple[str, Callable[[Any], int], int], ...], n: int
) -> Any:
    """Each row's plan row (numpy ``int64``); ``None`` if a row is not covered."""
    keys = np.zeros(n, np.int64)
    for name, classed, size in steps:
        codes = _classes(table, name, classed, n)
        if codes is None:
            return None
        keys = (keys + codes) * size
    return keys


def _classes(table: pa.Table, name: str, classed: Callable[[Any], int], n: int) -> Any:
    """Each row's class of column ``name`` (absent: every row null); ``None``: one is -1.

    The column's distinct values are classed in Python (a batch holds a few of them).
    """
    if name not in table.schema.names:
        return np.full(n, classed(None), np.int64)
    column = _arrays.one_array(table.column(name))
    if pa.types.is_dictionary(column.type) and _is_text(column.type.value_type):
        return _classes_of_words(column, classed)
    if pa.types.is_dictionary(column.type):
        column = pc.dictionary_decode(column)
    if not _is_text(column.type):
        if not pa.types.is_null(column.type):
            return None
        return np.full(n, classed(None), np.int64)
    encoded = pc.dictionary_encode(column)
    classes = np.array([classed(v) for v in encoded.dictionary.to_pylist()], np.int64)
    nulls = encoded.indices.null_count
    if (classes < 0).any() or (nulls and classed(None) < 0):
        return None
    codes = np.append(classes, classed(None))  # a null row: the extra last class
    at = pc.fill_null(encoded.indices, len(classes)).to_numpy(zero_copy_only=False)
    return codes[at]


def _is_text(kind: pa.DataType) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _classes_of_words(column: Any, classed: Callable[[Any], int]) -> Any:
    """:func:`_classes` of a dictionary column of text, through its words: none decoded.

    Each distinct word is classed once (a batch's locations: a word for each of its
    places, about 450, repeating some 37 districts' codes: speed52a), a word the dictionary
    holds unused too; only the words the rows use (and a null row) may send the batch to
    the engine.
    """
    words = column.dictionary.to_pylist()
    seen: dict[str | None, int] = {}
    for word in (*words, None):  # (a null row: the last class)
        if word not in seen:
            seen[word] = classed(word)
    classes = np.array([seen[w] for w in (*words, None)], np.int64)
    at = pc.fill_null(column.indices, len(words)).to_numpy(zero_copy_only=False)
    if (classes < 0).any():  # a word not covered: is it used? (else no row's check)
        used = np.zeros(len(classes), bool)
        used[at] = True
        if (classes[used] < 0).any():
            return None
    return classes[at]
