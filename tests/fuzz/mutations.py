"""Mutations of plain data (parsed TOML) the way people and tools break files."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from .personal import Personal, personal


def walk(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) in plain data, the root included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, (*path, i))


def at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


DEEPEST = 200
"""The deepest nesting a mutation makes: tomli_w cannot write lists nested ~240 deep."""

scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.just(10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=20),
    st.sampled_from(["", " ", "NaN", "Infinity", "-5", "1e999999999", "E07000218", "£1,00"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)


@st.composite
def mutate(draw: st.DrawFn, data: Any) -> list[Personal]:
    """Change ``data`` in place one to three times; the personal values put in it."""
    put: list[Personal] = []
    for _ in range(draw(st.integers(1, 3))):
        nodes = list(walk(data))
        path, value = draw(st.sampled_from(nodes))
        what = draw(
            st.sampled_from(
                ["personal", "scalar", "delete", "key", "string-for-list", "twice", "list", "deep"]
            )
        )
        parent = at(data, path[:-1]) if path else None
        if what == "personal" and path:
            p = draw(personal)
            put.append(p)
            parent[path[-1]] = p.text
        elif what == "scalar" and path:
            parent[path[-1]] = draw(scalars)
        elif what == "delete" and path and isinstance(parent, dict):
            del parent[path[-1]]
        elif what == "key" and isinstance(value, dict):
            p = draw(personal)
            put.append(p)
            value[p.text] = draw(st.one_of(scalars, st.builds(lambda q: q.text, personal)))
        elif what == "string-for-list" and isinstance(value, list) and path:
            parent[path[-1]] = str(value[0]) if value else ""
        elif what == "twice" and isinstance(value, list) and value:
            value.append(copy.deepcopy(value[draw(st.integers(0, len(value) - 1))]))
        elif what == "list" and path:
            parent[path[-1]] = [copy.deepcopy(value)]
        elif what == "deep" and path:
            nested: Any = draw(scalars)
            # at most DEEPEST levels in all, so that tomli_w (which recurses) can write the file
            for _ in range(min(draw(st.integers(50, 150)), DEEPEST - len(path))):
                nested = [nested]
            parent[path[-1]] = nested
    return put
