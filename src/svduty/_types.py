"""Arrow types rebuilt: views as plain types, a change made to a nested type's children.

Example:
    >>> viewless_type(pa.list_(pa.string_view()))
    ListType(list<item: string>)
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

__all__ = [
    "LISTS",
    "is_bytes",
    "is_list",
    "is_takeable",
    "is_text",
    "mapped_type",
    "restored",
    "takeable",
    "text_type",
    "viewless_type",
]


_PLAIN: dict[str, pa.DataType] = {"string_view": pa.string(), "binary_view": pa.binary()}
"""Arrow's view types, which its ``filter`` and ``take`` do not take, and their plain types."""


def viewless_type(t: pa.DataType) -> pa.DataType:
    """``t`` with its views (at any depth of lists, structs and maps) as their plain types.

    Example:
        >>> viewless_type(pa.struct([("a", pa.list_(pa.binary_view(), 2))]))
        StructType(struct<a: fixed_size_list<item: binary>[2]>)
    """
    return _PLAIN.get(str(t)) or mapped_type(t, viewless_type)


_TEXT: dict[str, pa.DataType] = {
    "binary": pa.string(),
    "large_binary": pa.large_string(),
    "binary_view": pa.string_view(),
}
"""Arrow's types of bytes and the text types of the same layout."""


def text_type(t: Any) -> Any:
    """``t`` with its bytes (at any depth, words of a dictionary too) as text of that layout.

    A column of ``t`` viewed as this type holds the same bytes, read as text: a Parquet
    file may store text without saying that it is (its bytes then unchecked, as text's).

    Example:
        >>> text_type(pa.list_(pa.dictionary(pa.int8(), pa.binary())))
        ListType(list<item: dictionary<values=string, indices=int8, ordered=0>>)
    """
    if pa.types.is_dictionary(t):
        return pa.dictionary(t.index_type, text_type(t.value_type), t.ordered)
    return _TEXT.get(str(t)) or mapped_type(t, text_type)


def mapped_type(t: Any, change: Any) -> Any:
    """``t`` with ``change`` made to the type of each of its children (lists, structs, maps).

    Example:
        >>> mapped_type(pa.list_(pa.int8(), 2), lambda _: pa.string())
        FixedSizeListType(fixed_size_list<item: string>[2])
    """
    if pa.types.is_struct(t):
        return pa.struct(
            [t.field(i).with_type(change(t.field(i).type)) for i in range(t.num_fields)]
        )
    if pa.types.is_map(t):
        key, item = t.key_field, t.item_field
        return pa.map_(key.with_type(change(key.type)), item.with_type(change(item.type)))
    if pa.types.is_fixed_size_list(t):
        return pa.list_(t.value_field.with_type(change(t.value_type)), t.list_size)
    for is_, kind, _ in LISTS:
        if is_(t):
            return kind(t.value_field.with_type(change(t.value_type)))
    return t


LISTS: tuple[tuple[Any, Any, str], ...] = (
    (pa.types.is_list, pa.list_, "list"),
    (pa.types.is_large_list, pa.large_list, "large_list"),
    (pa.types.is_list_view, pa.list_view, "list_view"),
    (pa.types.is_large_list_view, pa.large_list_view, "large_list_view"),
)
"""The list layouts of one item type: each one's test, its type's maker and its name."""


def is_list(t: Any) -> bool:
    """Whether ``t`` is a list of any layout (fixed size too).

    Example:
        >>> is_list(pa.list_(pa.int8(), 2)), is_list(pa.string())
        (True, False)
    """
    return pa.types.is_fixed_size_list(t) or any(is_(t) for is_, _, _ in LISTS)


def is_text(t: Any) -> bool:
    """Whether ``t`` is text: ``string``, ``large_string`` or ``string_view``.

    Example:
        >>> is_text(pa.string_view()), is_text(pa.binary())
        (True, False)
    """
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


def is_bytes(t: Any) -> bool:
    """Whether ``t`` is bytes: the types :func:`text_type` reads as text, or fixed-size.

    Example:
        >>> is_bytes(pa.binary_view()), is_bytes(pa.binary(4)), is_bytes(pa.string())
        (True, True, False)
    """
    return str(t) in _TEXT or pa.types.is_fixed_size_binary(t)


def is_takeable(t: Any) -> bool:
    """Whether Arrow's ``take`` and ``filter`` take ``t``: no view in it, not run-end encoded.

    Example:
        >>> is_takeable(pa.list_(pa.string())), is_takeable(pa.list_(pa.string_view()))
        (True, False)
    """
    return not pa.types.is_run_end_encoded(t) and viewless_type(t) == t


def takeable(column: Any) -> Any:
    """``column`` as a type Arrow's ``take`` and ``filter`` take: decoded, views plain.

    Arrow takes no rows of views (``string_view``...) nor of run-end encoded columns (a
    column a caller passes through ``classify_table`` may be either; Arrow decodes none
    of views); :func:`restored` gives such a column its type back.

    Example:
        >>> ree = pa.RunEndEncodedArray.from_arrays([2, 3], pa.array(["a", "b"], pa.string_view()))
        >>> takeable(ree).type, takeable(ree).to_pylist()
        (DataType(string), ['a', 'a', 'b'])
    """
    from svduty import _compute as pc

    t = column.type
    if isinstance(column, pa.ChunkedArray):
        plain: Any = viewless_type(t.value_type if pa.types.is_run_end_encoded(t) else t)
        return pa.chunked_array([takeable(c) for c in column.chunks], plain)
    if pa.types.is_run_end_encoded(t):
        import numpy as np

        ends = column.run_ends.to_numpy(zero_copy_only=False)
        at = np.arange(column.offset, column.offset + len(column))
        runs = np.searchsorted(ends, at, side="right")
        return pc.take(takeable(column.values), pa.array(runs, pa.int64()))
    plain = viewless_type(t)
    return column if plain == t else pc.cast(column, plain)


def restored(column: Any, t: Any) -> Any:
    """A :func:`takeable` column given back its type ``t`` (encoded again, views again).

    Example:
        >>> ree = pa.RunEndEncodedArray.from_arrays(
        ...     pa.array([2, 3], pa.int16()), pa.array(["a", "b"], pa.string_view()))
        >>> back = restored(takeable(ree), ree.type)
        >>> back.type == ree.type, back.to_pylist()
        (True, ['a', 'a', 'b'])
    """
    from svduty import _compute as pc

    if isinstance(column, pa.ChunkedArray):
        return pa.chunked_array([restored(c, t) for c in column.chunks], t)
    if pa.types.is_run_end_encoded(t):
        runs = pc.run_end_encode(column, run_end_type=t.run_end_type)
        values = restored(runs.values, t.value_type)
        return pa.RunEndEncodedArray.from_arrays(runs.run_ends, values, t)
    return column if column.type == t else pc.cast(column, t)
