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
    table: pa.Table,
    steps: tuple[tuple[str, Callable[[Any], int], int], ...],
    n: int,
    memo: dict[str, Any] | None = None,
) -> Any:
    """Each row's plan row (numpy ``int64``); ``None`` if a row is not covered.

    ``memo``: where the words met are kept with their classes (a plan's, for its run).
    """
    keys = np.zeros(n, np.int64)
    for name, classed, size in steps:
        known = memo.setdefault(f"classes:{name}", {}) if memo is not None else None
        codes = _classes(table, name, classed, n, known)
        if codes is None:
            return None
        keys = (keys + codes) * size
    return keys


def _classes(
    table: pa.Table,
    name: str,
    classed: Callable[[Any], int],
    n: int,
    known: dict[str, Any] | None = None,
) -> Any:
    """Each row's class of column ``name`` (absent: every row null); ``None``: one is -1.

    The column's distinct values are classed in Python (a batch holds a few of them);
    a dictionary column's words once a run with ``known`` (:func:`_word_classes`).
    """
    if name not in table.column_names:
        return np.full(n, classed(None), np.int64)
    column = _arrays.one_array(table.column(name))
    if pa.types.is_dictionary(column.type) and _is_text(column.type.value_type):
        return _classes_of_words(column, classed, known)
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


def _classes_of_words(
    column: Any, classed: Callable[[Any], int], known: dict[str, Any] | None = None
) -> Any:
    """:func:`_classes` of a dictionary column of text, through its words: none decoded.

    Each distinct word is classed once (a batch's locations: a word for each of its
    places, about 450, repeating some 37 districts' codes: speed52a), a word the dictionary
    holds unused too; only the words the rows use (and a null row) may send the batch to
    the engine. With ``known``, once a run (:func:`_word_classes`).
    """
    words = column.dictionary
    with_null = pa.concat_arrays([words, pa.nulls(1, words.type)])  # a null row: the last
    classes = _word_classes(with_null, classed, known)
    at = pc.fill_null(column.indices, len(words)).to_numpy(zero_copy_only=False)
    used = np.zeros(len(classes), bool)
    used[at] = True
    if (classes[used] < 0).any():
        return None
    return classes[at]


_MOST_WORDS = 1 << 16
"""The most words :func:`_word_classes` keeps a column (more: it starts again)."""


def _word_classes(words: Any, classed: Callable[[Any], int], known: dict[str, Any] | None) -> Any:
    """Each word's class (numpy ``int64``), each distinct word classed once.

    ``known`` keeps the words met with their classes: a police.uk file's batches hold the
    same crime types, months and places again and again (the ~450 location words of a block
    of real months were classed again in Python for every batch: about 0.3 ms a block,
    speed53a), so a batch whose words are all known is classed by a look-up of its words.
    ``classed`` must give a word the same class every time (a plan's do).

    Example:
        >>> asked = []
        >>> def classed(word):
        ...     asked.append(word)
        ...     return len(word or "")
        >>> known = {}
        >>> _word_classes(pa.array(["ab", "c", "ab"]), classed, known).tolist()
        [2, 1, 2]
        >>> _word_classes(pa.array(["c", None, "ab"]), classed, known).tolist()
        [1, 0, 2]
        >>> _word_classes(pa.array(["ab", None]), classed, known).tolist(), asked
        ([2, 0], ['ab', 'c', None])
    """
    held = known.get("words") if known is not None else None
    if held is None or held[0].type != words.type or len(held[0]) + len(words) > _MOST_WORDS:
        held = (words.slice(0, 0), np.zeros(0, np.int64))
    at = pc.index_in(words, value_set=held[0])  # (a null word: the null kept)
    if at.null_count:  # words not met before: each classed once
        fresh = pc.unique(pc.filter(words, pc.is_null(at)))
        more = np.array([classed(w) for w in fresh.to_pylist()], np.int64)
        held = (pa.concat_arrays([held[0], fresh]), np.concatenate([held[1], more]))
        if known is not None:
            known["words"] = held  # (one step: another thread reads either)
        at = pc.index_in(words, value_set=held[0])
    return held[1][at.to_numpy(zero_copy_only=False)]
