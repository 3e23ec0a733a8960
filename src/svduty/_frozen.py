"""A read-only mapping for the fields of frozen values that hold a mapping.

A frozen attrs class stops its fields being set, not a ``dict`` in one of them being
changed: a partnership's scenarios, shared by every caller of ``svduty.warwickshire()``,
could be deleted by one of them. :class:`FrozenMap` has no method that changes it, and it
is equal to (and hashed, pickled and copied by) its items.

Example:
    >>> m = FrozenMap({"a": 1})
    >>> m["a"], dict(m), m == {"a": 1}, hash(m) == hash(FrozenMap({"a": 1}))
    (1, {'a': 1}, True, True)
    >>> m["b"] = 2
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMap' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FrozenMap", "frozen_map"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping (see the module).

    Example:
        >>> FrozenMap([("x", 1)]).get("x")
        1
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._items: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return self._items == (other._items if isinstance(other, FrozenMap) else other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._items,))


def frozen_map(items: Mapping[Any, Any]) -> FrozenMap[Any, Any]:
    """A mapping field's converter: ``items`` as a :class:`FrozenMap`.

    Example:
        >>> frozen_map({"a": 1})
        FrozenMap({'a': 1})
    """
    return items if isinstance(items, FrozenMap) else FrozenMap(items)
