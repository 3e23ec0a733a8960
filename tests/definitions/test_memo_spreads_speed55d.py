"""A memo's words numbered as it grows, and its lists spread straight over a batch's rows.

``remembered`` numbered (hashed) every word column of the whole memo again at each batch,
and spread the memo's lists of text over a batch's distinct rows before the columnar engine
spread them again over its rows (speed55d: a memo's words are kept numbered as rows are
appended; with ``rows_of`` and ``lists`` its lists are spread once, over the batch's rows).
Whatever the batches, the words, lists and their order must be those of before.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty import _arrays
from svduty.definitions._distinct import _numbered_words, remembered, spread

_WORDS = st.lists(st.sampled_from(["yes", "no", "undetermined", "maybe"]), min_size=1)


@given(st.lists(_WORDS, min_size=1, max_size=5))
def test_words_numbered_as_the_memo_grows_are_its_words(parts: list[list[str]]) -> None:
    numbered, seen = None, []
    for words in parts:
        numbered = _numbered_words(numbered, pa.array(words), len(seen))
        seen += words
        assert numbered is not None
        assert numbered.to_pylist() == seen
        assert len(set(numbered.dictionary.to_pylist())) == len(numbered.dictionary)


def test_a_null_word_is_not_numbered() -> None:
    assert _numbered_words(None, pa.array(["yes", None]), 0) is None
    assert _numbered_words(None, pa.array(["yes"]), 3) is None  # the memo's not numbered


_ROWS = st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 2)), min_size=1, max_size=10)


def _evaluate(part: pa.Table) -> dict[str, Any]:
    c = part.column("c").combine_chunks()
    n = part.column("n").combine_chunks().to_pylist()
    return {
        "w": pc.if_else(pc.equal(c, "a"), "yes", "no"),
        "l": pa.array([[f"r{i}"] * (i + 1) for i in n], pa.list_(pa.string())),
        "v": pa.array(n, pa.int64()),
    }


@given(st.lists(_ROWS, min_size=1, max_size=4), st.data())
def test_lists_spread_straight_over_the_rows_are_spread_twice(batches: Any, data: Any) -> None:
    once: dict[Any, Any] = {}
    twice: dict[Any, Any] = {}
    for rows in batches:
        distinct = list(dict.fromkeys(rows))
        table = pa.table({"c": [r[0] for r in distinct], "n": [r[1] for r in distinct]})
        groups = np.array(data.draw(st.lists(st.integers(0, len(distinct) - 1), min_size=1)))
        kw: Any = {"names": ["c", "n"], "signature": "s", "evaluate": _evaluate}
        kw |= {"group_rows": _arrays.group_rows, "words": frozenset({"w"})}
        had = "s" in once  # the first batch's rows are all new: nothing to spread
        before = remembered(table, memo=twice, **kw)
        lists: dict[str, Any] = {}
        after = remembered(table, memo=once, rows_of=groups, lists=lists, **kw)
        assert before is not None
        assert after is not None
        assert list(after) == list(before)  # the columns' order kept
        idx = _arrays.array(groups)
        for name, column in before.items():
            want = spread(column, idx).to_pylist()
            got = lists[name] if name in lists else spread(after[name], idx)
            assert got.to_pylist() == want
        assert ("l" in lists) == had
