"""A memo's word columns spread by their numbers are the words spread as text and encoded.

``_distinct.remembered`` spread each word column (``yes``/``no``/``undetermined``, the
basis...) of the distinct rows over a batch's rows as text and dictionary-encoded the
result again; ``_spread_words`` numbers the distinct rows' words and spreads the numbers
(speed54d). The rows' words and their dictionary (order of first appearance: a Parquet
output's bytes depend on it) must be what the text gave.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions._distinct import _spread_words, remembered

_WORDS = st.one_of(st.sampled_from(["yes", "no", "undetermined", "facts", ""]), st.none())


@given(data=st.data(), values=st.lists(_WORDS, min_size=1, max_size=30))
def test_the_words_and_their_order_are_the_text_s(data: st.DataObject, values: list) -> None:
    rows = data.draw(st.lists(st.integers(0, len(values) - 1), max_size=60))
    col, at = pa.array(values, pa.string()), pa.array(rows, pa.int64())
    got, want = _spread_words(col, at), pc.dictionary_encode(pc.take(col, at))
    assert got.type == want.type
    assert got.dictionary.equals(want.dictionary)
    assert got.indices.equals(want.indices)


def test_other_columns_are_spread_as_before() -> None:
    words = pa.array(["no", "yes", "no"]).dictionary_encode()
    got = _spread_words(words, pa.array([1, 1, 0]))
    assert got.to_pylist() == ["yes", "yes", "no"]
    assert pa.types.is_dictionary(got.type)


_DISTINCT = st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True)


@given(st.lists(_DISTINCT, max_size=5))
def test_remembered_words_are_the_batches_own(batches: list[list[str]]) -> None:
    """Through the memo, batch after batch of distinct rows (as ``remembered`` is given
    them): each batch's words numbered in its own order of first appearance."""
    memo: dict = {}

    def evaluate(part: pa.Table) -> dict:
        c = part.column("c").combine_chunks()
        return {"w": pc.if_else(pc.equal(c, "a"), "yes", "no"), "n": pc.utf8_length(c)}

    from svduty.definitions._columnar import _group_rows

    for values in batches:
        out = remembered(
            pa.table({"c": values}),
            names=["c"],
            signature="s",
            memo=memo,
            evaluate=evaluate,
            group_rows=_group_rows,
            words=frozenset({"w"}),
        )
        assert out is not None
        want = pc.dictionary_encode(pa.array(["yes" if v == "a" else "no" for v in values]))
        assert out["w"].dictionary.equals(want.dictionary)
        assert out["w"].indices.equals(want.indices)
        assert out["n"].to_pylist() == [len(v) for v in values]
