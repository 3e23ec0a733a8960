"""A Parquet writer's police.uk rows answered row by row: their reasons as words.

A batch of mostly distinct rows (real months: most of a month's rows differ in their LSOA,
month or crime type) is classified row by row (``svduty.io._run._each_row``), and the
plan's answers (:class:`~svduty.io._plan.PolicePlan`) spread over its rows. Each row's
``reasons`` were spelt out as a list of text, which the Parquet writer then hashed word by
word into its dictionary (the grouped batches of ``svduty.io._grouped`` hand it their
reasons as words already: ``svduty.io._parquet_sink.REPEATED_TEXT``). Here the plan gives
each distinct answer's list once (``lists``, as it does for a summary:
``svduty.io._run._counting``), and :func:`listed` makes the rows' lists of words from it:
the distinct lists' few words numbered once, then each row's numbers taken by one take of
bytes (:func:`svduty.definitions._distinct.spread`). The writer writes the same dictionary
(its words in the order the rows first give them, as its own hashing made it) and the same
values: the same file (speed59a).
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.definitions._distinct import spread

__all__: list[str] = []

_LISTS = frozenset({"reasons"})
"""The plan's list columns a writer may take as lists of words (what it writes from words)."""


def writing(pipeline: Any, words: Collection[str]) -> Any:
    """``pipeline`` answering a writer's rows with the lists ``words`` names as words.

    ``words``: the columns the writer takes as words (``TableWriter.words``); of them,
    :data:`_LISTS` come from the plan as each distinct answer's list once (a dictionary of
    lists), which :func:`listed` turns into the rows' lists of words. ``pipeline`` itself
    when none is named, or it has no plan (rows the plan does not cover are answered as
    ever: their lists spelt out).

    Example:
        >>> from svduty.io import default_pipeline
        >>> p = default_pipeline()
        >>> writing(p, ()) is p, writing(print, ["reasons"]) is print
        (True, True)
    """
    lists = _LISTS.intersection(words)
    if not lists:
        return pipeline
    from svduty.io._missing_facts import bound_of

    bound = bound_of(pipeline)
    if (
        bound is None
        or bound.plan is None
        or not attrs.has(type(pipeline))
        or getattr(pipeline, "split", None) != bound.split
    ):
        return pipeline
    return attrs.evolve(pipeline, split=functools.partial(bound.split, lists=lists))


def listed(table: pa.Table) -> pa.Table:
    """``table`` with each column of lists given as a dictionary as the rows' lists of words.

    A column of one chunk without null lists or words becomes ``list<dictionary<int32,
    string>>`` (the type ``svduty.io._grouped`` gives a writer); any other is spelt out
    (``list<string>``), as the rows' lists were before. Other columns are as they are.

    Example:
        >>> lists = pa.array([["a", "b"], ["b"]])
        >>> t = pa.table({"reasons": pa.DictionaryArray.from_arrays([1, 0, 1], lists)})
        >>> out = listed(t).column("reasons")
        >>> out.to_pylist(), out.type.value_type
        ([['b'], ['a', 'b'], ['b']], DictionaryType(dictionary<values=string, indices=int32, ordered=0>))
    """  # noqa: E501
    for at, field in enumerate(table.schema):
        kind = field.type
        if not (pa.types.is_dictionary(kind) and pa.types.is_list(kind.value_type)):
            continue
        column: Any = table.column(at)
        if column.num_chunks == 1:
            rows = _word_lists(column.chunk(0))
        else:  # (a batch's rows are one chunk; several: spelt out, as before)
            rows = spread(pa.concat_arrays([c.dictionary for c in column.chunks]), _joined(column))
        table = table.set_column(at, field.with_type(rows.type), rows)
    return table


def _joined(column: Any) -> Any:
    """The rows' numbers into the chunks' dictionaries laid end to end (``int64``)."""
    parts, base = [], 0
    for chunk in column.chunks:
        parts.append(chunk.indices.to_numpy(zero_copy_only=False).astype(np.int64) + base)
        base += len(chunk.dictionary)
    return _arrays.array(np.concatenate(parts) if parts else np.zeros(0, np.int64))


def _word_lists(column: Any) -> Any:
    """The rows' lists of a dictionary of lists, as lists of words (numbered once).

    Example:
        >>> lists = pa.array([["x"], [], ["y", "x"]])
        >>> rows = _word_lists(pa.DictionaryArray.from_arrays([2, 1, 0], lists))
        >>> rows.to_pylist(), rows.values.dictionary.to_pylist()
        ([['y', 'x'], [], ['x']], ['x', 'y'])
    """
    lists: Any = column.dictionary
    rows: Any = column.indices
    if lists.null_count or column.null_count or not pa.types.is_string(lists.type.value_type):
        return spread(lists, rows)  # spelt out (never met: the plan's lists are whole)
    offsets = lists.offsets.to_numpy(zero_copy_only=False)
    first = int(offsets[0]) if len(offsets) else 0
    flat = lists.values.slice(first, (int(offsets[-1]) - first) if len(offsets) else 0)
    if flat.null_count:
        return spread(lists, rows)
    words = pc.dictionary_encode(flat)  # the distinct lists' words: few
    kind: Any = pa.list_(lists.type.value_field.with_type(words.type))
    starts = _arrays.array(offsets - first, pa.int32())
    each = pa.ListArray.from_arrays(starts, words, type=kind)
    return spread(each, rows)
