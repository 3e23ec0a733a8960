"""The JSON Lines encoder numbers its keys directly when they are narrow (speed56d).

The encoder numbers each combination of its coded columns (``_fused``) and each distinct
list (``_list_codes``) in order of first appearance; a key no wider than twice the rows
is now numbered by direct addressing, not hashed: the same numbers, and the same lines,
whatever the key; a constant column is coded without hashing it, as its dictionary is.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty.io._json_lines import _coded, _from_dictionary, _numbers, json_lines


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 300), min_size=1, max_size=200), st.integers(0, 1 << 20))
def test_the_numbers_are_the_hashed_ones(values: list[int], wider: int) -> None:
    key = np.array(values, np.int64)
    width = int(key.max()) + 1 + wider  # narrow (direct) and wide (hashed) alike
    codes, count = _numbers(key, width)
    want, want_count = _arrays.numbered(key)
    assert codes.dtype == np.int64
    assert codes.tolist() == want.tolist()
    assert count == want_count


def test_a_constant_column_is_coded_as_its_dictionary() -> None:
    column = pa.array(["a.csv"] * 3000)
    one = _coded(column)
    hashed = _from_dictionary(column.dictionary_encode())
    assert one is not None
    assert hashed is not None
    assert one.codes.tolist() == hashed.codes.tolist()
    assert one.words.equals(hashed.words)
    for odd in (pa.array(["a.csv"] * 2999 + [None]), pa.array(["a.csv"] * 2999 + ["b.csv"])):
        got = _coded(odd)  # a null or another value after the first rows: hashed as before
        want = _from_dictionary(odd.dictionary_encode())
        assert got is not None
        assert want is not None
        assert got.codes.tolist() == want.codes.tolist()


WORD = st.sampled_from(["knife", "fire", "é", 'a"b', ""])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["x", "y", "z"]),
            st.sampled_from([1, 2, None]),
            st.none() | st.lists(WORD, max_size=3),
            st.sampled_from(["f.csv"]),
        ),
        min_size=1,
        max_size=120,
    )
)
def test_the_lines_are_json_dumps(rows: list[tuple[Any, ...]]) -> None:
    names = ("kind", "n", "words", "file")
    table = pa.table({k: [r[i] for r in rows] for i, k in enumerate(names)})
    table = table.set_column(0, "kind", table.column(0).dictionary_encode())
    records = [dict(zip(names, r, strict=True)) for r in rows]
    want = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    assert json_lines(table.to_batches()[0]) == want
