"""The shape checks of the converter: lists where lists are, tables where tables are.

cattrs builds a list from any iterable and a class from any mapping-like value; these
hooks refuse a string or a table where a list is expected and anything but a table where
a table is. :func:`structural_problems` checks plain data before it is built: no two
tables of an array share an id, no id is empty, nothing is nested absurdly deep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import cattrs
from cattrs._compat import (
    is_frozenset,
    is_hetero_tuple,
    is_mutable_sequence,
    is_mutable_set,
    is_sequence,
)
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory

from svduty.errors import DataError, Problem, describe, shown

__all__ = [
    "MAX_DEPTH",
    "is_collection",
    "is_hetero_tuple",
    "join",
    "strict_class",
    "strict_collection",
    "strict_fixed_tuple",
    "structural_problems",
]

_KEYS = ("id", "recipient")
"""The keys that identify a table in an array of tables: two tables may not share one."""

MAX_DEPTH = 64
"""Deeper nesting than this is not a bundle (and would exhaust the stack)."""


def is_collection(tp: Any) -> bool:
    """A list, homogeneous tuple or set type (not a fixed-length tuple, not ``str``)."""
    if tp in (str, bytes) or is_hetero_tuple(tp):
        return False
    return bool(is_sequence(tp) or is_mutable_set(tp) or is_frozenset(tp))


def strict_collection(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The collection hook of cattrs, refusing text and tables where a list is expected.

    cattrs builds a list from any iterable, so ``districts = "E07000218"`` would become
    ``('E', '0', '7', ...)`` and a table would become the list of its keys.
    """
    inner: Callable[[Any, Any], Any]
    if is_mutable_set(tp):
        inner = conv._structure_set
    elif is_frozenset(tp):
        inner = conv._structure_frozenset
    elif is_mutable_sequence(tp):
        inner = list_structure_factory(tp, conv)
    else:
        inner = homogenous_tuple_structure_factory(tp, conv)

    def hook(value: Any, cl: Any) -> Any:
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            raise DataError.single(
                None, None, expected="a list [...] (even of one item)", got=describe(value)
            )
        return inner(value, cl)

    return hook


def strict_fixed_tuple(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The fixed-length tuple hook of cattrs, refusing anything but a list of that length."""
    inner = conv.gen_structure_hetero_tuple(tp)
    size = len(tp.__args__)

    def hook(value: Any, cl: Any) -> Any:
        if not isinstance(value, list | tuple) or len(value) != size:
            raise DataError.single(
                None, None, expected=f"a list of exactly {size} items", got=describe(value)
            )
        return inner(value, cl)

    return hook


def strict_class(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The attrs-class hook of cattrs, refusing anything but a table up front."""
    inner = cattrs.gen.make_dict_structure_fn(cl, conv)

    def hook(value: Any, c: Any) -> Any:
        if not isinstance(value, Mapping):
            raise DataError.single(
                None, None, expected="a table of key = value pairs", got=describe(value)
            )
        return inner(value, c)

    return hook


def join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    if part.startswith("["):
        return f"{path}{part}"
    return f"{path}.{part}" if path else part


def structural_problems(data: Any, file: str | None = None, path: str = "") -> list[Problem]:
    """Problems in the shape of plain data, before it is built into classes.

    Every array of tables is checked: no two tables share an ``id`` (or a ``recipient``,
    which identifies a population), and no ``id`` is empty. A second ``[[populations]]``
    for one recipient would otherwise silently replace the first. Nesting deeper than 64
    levels is refused (no data svduty reads is that deep).

    Example:
        >>> data = {"populations": [{"recipient": "rugby"}, {"recipient": "rugby"}],
        ...         "reviews": [{"id": ""}]}
        >>> for p in structural_problems(data, "funding.toml"):
        ...     print(p)
        funding.toml: populations[1].recipient: a recipient given twice (first at populations[0]) (got 'rugby')
        funding.toml: reviews[0].id: expected a non-empty id
    """  # noqa: E501
    out: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(data, path, 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            out.append(
                Problem(
                    file=file,
                    field=where or "<root>",
                    message=f"nested more than {MAX_DEPTH} levels deep",
                )
            )
            continue
        if isinstance(value, Mapping):
            stack.extend(
                (v, join(where, k if isinstance(k, str) else str(k)), depth + 1)
                for k, v in reversed(list(value.items()))
            )
        elif isinstance(value, list):
            if value and all(isinstance(v, Mapping) for v in value):
                out.extend(_table_keys(value, where, file))
            items = reversed(list(enumerate(value)))
            stack.extend((v, join(where, i), depth + 1) for i, v in items)
    return out


def _table_keys(tables: list[Any], where: str, file: str | None) -> list[Problem]:
    out: list[Problem] = []
    for key in _KEYS:
        first: dict[str, int] = {}
        for i, table in enumerate(tables):
            value = table.get(key)
            if not isinstance(value, str):
                continue
            field = join(join(where, i), key)
            if not value.strip():
                out.append(Problem(file=file, field=field, expected="a non-empty id"))
            elif value in first:
                out.append(
                    Problem(
                        file=file,
                        field=field,
                        message=f"{'an' if key == 'id' else 'a'} {key} given twice "
                        f"(first at {join(where, first[value])})",
                        got=shown(value),
                    )
                )
            else:
                first[value] = i
    return out
