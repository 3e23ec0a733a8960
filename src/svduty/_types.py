"""Arrow types rebuilt: views as plain types, a change made to a nested type's children.

Example:
    >>> viewless_type(pa.list_(pa.string_view()))
    ListType(list<item: string>)
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

__all__ = ["LISTS", "is_bytes", "is_list", "is_text", "mapped_type", "text_type", "viewless_type"]


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
