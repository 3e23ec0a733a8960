"""The JSON Lines writer's analysis of a batch with less hashing (speed57d, issue 15).

A column of mostly empty (or null) lists (the bench's ``kinds``: 576 of 65,536 rows with an
item) is numbered by hashing the rows with an item alone; a run of coded columns is tried
whole first (the bench's runs fit whole). The numbers are those of the first appearance of
each distinct list, as before, and the text written is the same.
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


def test_a_run_that_fits_whole_is_numbered_once_whole(monkeypatch: Any) -> None:
    """The whole run is tried first: one numbering of its columns, not one more before it."""
    calls: list[int] = []
    real = _json_lines._numbers

    def numbers(key: Any, width: int) -> Any:
        calls.append(width)
        return real(key, width)

    monkeypatch.setattr(_json_lines, "_numbers", numbers)
    n = 4096  # 128 combinations of a first column of 128 words; the rest follow it
    first = [f"w{i % 128}" for i in range(n)]
    batch = pa.record_batch(
        {
            "a": pa.array(first).dictionary_encode(),
            "b": pa.array([f"b{i % 128}" for i in range(n)]).dictionary_encode(),
            "c": pa.array([f"c{i % 64}" for i in range(n)]).dictionary_encode(),
        }
    )
    text = json_lines(batch)
    assert text == "".join(json.dumps(r) + "\n" for r in batch.to_pylist())
    assert len(calls) == 1  # before: the run through "b", then the whole run
