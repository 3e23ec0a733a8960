"""The JSON Lines writer's analysis of a batch with less hashing (speed57d, issue 15).

A column of mostly empty (or null) lists (the bench's ``kinds``: 576 of 65,536 rows with an
item) is numbered by hashing the rows with an item alone. The numbers are those of the
first appearance of each distinct list, as before, and the text written is the same.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _json_lines
from svduty.io._json_lines import _list_codes, json_lines

WORDS = st.sampled_from(["", "a", "b", "ab", "ba", "aba", "é", "\x00", 'q"'])
SOME = st.lists(WORDS, min_size=1, max_size=3)
TYPES = [
    pa.list_(pa.string()),
    pa.list_(pa.large_string()),
    pa.large_list(pa.string()),
    pa.large_list(pa.large_string()),
]


def _first_appearance(values: list[Any]) -> list[int]:
    seen: dict[Any, int] = {}
    return [seen.setdefault(("null",) if v is None else ("list", *v), len(seen)) for v in values]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.just([]), SOME), min_size=1, max_size=12),
    st.integers(0, 60),
    st.sampled_from(TYPES),
    st.randoms(use_true_random=False),
)
def test_mostly_empty_lists_are_numbered_as_any(
    some: list[Any], empties: int, type_: pa.DataType, rnd: Any
) -> None:
    values = some + [[] if rnd.random() < 0.8 else None for _ in range(empties)]
    rnd.shuffle(values)
    column = pa.array(values, type_)
    full = sum(1 for v in values if v)
    taken: list[bool] = []
    real = _json_lines._mostly_empty

    def mostly_empty(*args: Any) -> Any:
        taken.append(True)
        return real(*args)

    _json_lines._mostly_empty = mostly_empty  # counted: which way each column went
    try:
        codes = _list_codes(column)
    finally:
        _json_lines._mostly_empty = real
    assert codes is not None
    assert codes.tolist() == _first_appearance(values)
    assert bool(taken) == (full * _json_lines._FEW_FULL < len(values))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.just([]), SOME), min_size=40, max_size=80),
    st.lists(st.sampled_from(["x", "y", None]), min_size=80, max_size=80),
)
def test_lines_of_mostly_empty_lists_are_json_dumps(lists: list[Any], words: list[Any]) -> None:
    n = len(lists)
    batch = pa.record_batch({"w": words[:n], "kinds": pa.array(lists, pa.list_(pa.string()))})
    rows = batch.to_pylist()
    assert json_lines(batch) == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
