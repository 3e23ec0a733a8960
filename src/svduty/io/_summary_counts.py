"""Counting a batch's column values for a summary, each row standing for its weight.

Split from :mod:`svduty.io._summary`: the counts :class:`~svduty.io._summary.Tally` adds.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__: list[str] = []


def _count(counter: Counter[str], column: Any, weights: Any = None) -> None:
    """Add each non-null value's rows, each row standing for its ``weights`` (one if ``None``)."""
    for word, n in _arrays.value_sums(column, weights):
        counter[str(word)] += n


def _placed_nowhere(good: pa.Table, weights: Any) -> int:
    """The rows inside or outside the area with no district (each standing for its weight).

    Example:
        >>> import numpy as np
        >>> t = pa.table({"district_name": ["Rugby", None, None],
        ...               "within_area": ["inside", "inside", "no_location"]})
        >>> _placed_nowhere(t, None), _placed_nowhere(t, np.array([1, 5, 7]))
        (1, 5)
    """
    district = good.column("district_name")
    if not district.null_count or "within_area" not in good.schema.names:
        return 0
    within: Counter[str] = Counter()
    at = pc.indices_nonzero(pc.is_null(_arrays.one_array(district)))
    weighed = None if weights is None else weights[at.to_numpy()]
    _count(within, pc.take(_arrays.one_array(good.column("within_area")), at), weighed)
    return within["inside"] + within["outside"]


def _flattened(lists: Any, weights: Any) -> tuple[Any, Any]:
    """The items of a list column, and the weight of each item's row."""
    lists = _arrays.one_array(lists)
    items = pc.list_flatten(lists)
    if weights is None:
        return items, None
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    return items, weights[parents]


def placed_nowhere_given(good: pa.Table, weights: Any) -> int:
    """The rows with a location that placed them nowhere (each by its weight).

    A location the geography does not place in a district (a code it does not know, a
    ceased one, an area only partly inside) leaves its row without a location, as a row
    that gives none; ``match`` tells them apart (``unresolved``, null for no location). A
    police.uk row with an LSOA name but no code, the name placing it nowhere, is counted
    as police.uk's "No Location" too (a real month has none: its rows without a location
    have neither).

    Example:
        >>> t = pa.table({"location": ["E01999999", None, "E07000222"],
        ...               "match": ["unresolved", None, "district"],
        ...               "within_area": ["no_location", "no_location", "inside"]})
        >>> placed_nowhere_given(t, None)
        1
        >>> uk = pa.table({"lsoa_code": [None, None, "E01031180"],
        ...                "lsoa_name": ["Nowhere 001A", None, "Rugby 010E"],
        ...                "within_area": ["no_location", "no_location", "inside"]})
        >>> placed_nowhere_given(uk, None)
        1
    """
    names = set(good.schema.names)
    if {"lsoa_code", "lsoa_name", "within_area"} <= names:  # police.uk rows
        mask = pc.and_(  # a code that places nowhere is rejected; a name alone is not
            pc.equal(good.column("within_area"), "no_location"),
            pc.and_(pc.is_null(good.column("lsoa_code")), pc.is_valid(good.column("lsoa_name"))),
        )
    elif "lsoa_code" in names or not {"location", "match", "within_area"} <= names:
        return 0
    else:
        mask = pc.and_(
            pc.equal(good.column("within_area"), "no_location"),
            pc.equal(good.column("match"), "unresolved"),
        )
    at = pc.indices_nonzero(pc.fill_null(_arrays.one_array(mask), False))
    if weights is None:
        return len(at)
    return int(weights[at.to_numpy()].sum())
