"""Whether a batch's finest groups stay apart once their keys are spelt as text.

:meth:`~svduty.io.BoundedCounts.add` numbers a batch's rows by their key columns' values
(:func:`svduty._arrays.groups`: a dictionary through its words, so two numbers of one
word are one value; a null a value of its own), then spells each group's keys as text
(``_where``, ``_text``). Two groups can become one only where the spelling joins values:
a null ``within_area`` and the word ``no_location``, two dates of one month, numbers
cast to text. Otherwise the groups are already the distinct keys, in order of first
appearance, and summing them again by their text (hashing every key column of every
group: about 1.5 ms of a batch of real months) finds nothing to join.

Also the numbering and summing of groups that :class:`~svduty.io.BoundedCounts` builds
on (``_fine_groups``, ``_summed``), split from :mod:`svduty.io._bounds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__: list[str] = []

Arrow = Any  # a pyarrow Array or ChunkedArray


def spelt_apart(rows: pa.Table) -> bool:
    """Whether the keys of ``rows`` (one row a group) stay distinct when spelt as text.

    True when every key column is text (``string``, or a dictionary of it) and
    ``within_area`` has no null (nor a null word), or is boolean (``inside``, ``outside``
    or, for a null, ``no_location``: three values, three spellings).

    Example:
        >>> words = pa.array(["inside", "outside"]).dictionary_encode()
        >>> spelt_apart(pa.table({"within_area": words, "month": ["2025-06", "2025-06"]}))
        True
        >>> spelt_apart(pa.table({"within_area": ["no_location", None]}))
        False
        >>> import datetime
        >>> spelt_apart(pa.table({"within_area": [True], "month": [datetime.date(2025, 6, 1)]}))
        False
    """
    for name, column in zip(rows.column_names, rows.columns, strict=True):
        kind = column.type
        if name == "within_area" and pa.types.is_boolean(kind):
            continue
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        if not pa.types.is_string(kind):
            return False
        if name == "within_area" and _has_null(column):
            return False
    return True


def _has_null(column: Any) -> bool:
    """Whether a row is null, or spelt by a null word (a dictionary's).

    Example:
        >>> at = pa.DictionaryArray.from_arrays(pa.array([0, 1]), pa.array(["inside", None]))
        >>> _has_null(pa.chunked_array([at])), _has_null(pa.chunked_array([["inside"]]))
        (True, False)
    """
    if column.null_count:
        return True
    return pa.types.is_dictionary(column.type) and any(
        c.dictionary.null_count for c in column.chunks
    )


def _fine_groups(table: pa.Table, names: Sequence[str]) -> tuple[Any, Any]:
    """Number the distinct combinations of the key columns, in order of first appearance.

    Returns each row's group and the first row of each group (numpy arrays); a key
    column the table lacks is null on every row (one value).
    """
    present = [table.column(n) for n in names if n in table.schema.names]
    return _arrays.groups(present, table.num_rows)


def _summed(table: pa.Table, keys: Sequence[str], values: Sequence[str]) -> pa.Table:
    """The sums of ``values`` (``int64``) by each combination of ``keys``.

    One row per combination, in order of first appearance.

    Example:
        >>> t = pa.table({"k": ["a", "b", "a"], "n": [1, 2, 3]})
        >>> _summed(t, ["k"], ["n"]).to_pylist()
        [{'k': 'a', 'n': 4}, {'k': 'b', 'n': 2}]
    """
    groups, first = _arrays.groups([table.column(k) for k in keys], table.num_rows)
    cols: dict[str, Arrow] = {k: pc.take(table.column(k), _arrays.array(first)) for k in keys}
    for name in values:
        weights = table.column(name).to_numpy()
        cols[name] = _arrays.array(_arrays.sums(groups, weights, len(first)))
    return pa.table(cols)
