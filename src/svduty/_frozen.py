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

import itertools
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenMap", "frozen_map", "ids_repr"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(dict[K, V]):
    """A read-only mapping (see the module): a ``dict`` whose methods that change it refuse.

    A ``dict`` underneath, so ``json.dumps``, ``m | other`` and ``m.copy()`` (a new, plain
    ``dict``) work as for any mapping a caller is given.

    Example:
        >>> import json
        >>> m = FrozenMap([("x", 1)])
        >>> m.get("x"), json.dumps(m), m | {"y": 2}
        (1, '{"x": 1}', {'x': 1, 'y': 2})
        >>> m.update(y=2)
        Traceback (most recent call last):
        ...
        TypeError: 'FrozenMap' object is read-only
    """

    __slots__ = ()

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        super().__init__(items)

    def __setitem__(self, key: K, value: V) -> None:
        raise TypeError("'FrozenMap' object does not support item assignment")

    def __delitem__(self, key: K) -> None:
        raise TypeError("'FrozenMap' object does not support item deletion")

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("'FrozenMap' object is read-only")

    clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({dict(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (dict(self),))

    def __copy__(self) -> FrozenMap[K, V]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenMap[K, V]:
        import copy

        return FrozenMap({copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()})


def frozen_map(items: Mapping[Any, Any]) -> FrozenMap[Any, Any]:
    """A mapping field's converter: ``items`` as a :class:`FrozenMap`.

    Example:
        >>> frozen_map({"a": 1})
        FrozenMap({'a': 1})
    """
    return items if isinstance(items, FrozenMap) else FrozenMap(items)


def ids_repr(items: Mapping[str, Any]) -> str:
    """A catalogue's ``repr``: how many it holds and its first keys, not every value.

    Example:
        >>> ids_repr({"a": 1, "b": 2, "c": 3, "d": 4})
        '<4 sources: a, b, c, ...>'
    """
    first = [*itertools.islice(items, 3)]
    more = ", ..." if len(items) > len(first) else ""
    return f"<{len(items)} source{'s' if len(items) != 1 else ''}: {', '.join(first)}{more}>"
