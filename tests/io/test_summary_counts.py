"""The summary's counts read dictionary columns by index and pick warned reasons by length."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from svduty.io._summary import _count, _warned, _warnings

_WORD = st.sampled_from(["yes", "no", "undetermined", "Rugby", None])


@st.composite
def _dictionary_chunk(draw):
    """Values, and their dictionary: words repeated, null words, null indices, unused words."""
    values = draw(st.lists(_WORD, max_size=8))
    words = [*draw(st.lists(_WORD, min_size=1, max_size=6)), *values]
    at = [None if v is None and i % 2 else words.index(v) for i, v in enumerate(values)]
    return pa.DictionaryArray.from_arrays(pa.array(at, pa.int32()), pa.array(words, pa.string()))


@given(st.lists(_dictionary_chunk(), min_size=1, max_size=3))
def test_a_dictionary_column_is_counted_as_its_text(chunks):
    column = pa.chunked_array(chunks, chunks[0].type)
    by_index, by_text = Counter(), Counter()
    _count(by_index, column)
    _count(by_text, column.cast(pa.string()))
    assert by_index == by_text == Counter(v for v in column.to_pylist() if v is not None)


@given(st.lists(st.sampled_from(["OFFENCE-CODE-UNKNOWN", "OFFENCE-CODE-UNKNOWM", "X", "", "é"])))
def test_only_the_warned_reasons_are_picked(reasons):
    column = pa.array(reasons, pa.string())
    assert _warnings(column).tolist() == [r in _warned().to_pylist() for r in reasons]


@given(st.lists(_dictionary_chunk(), min_size=1, max_size=3), st.data())
def test_a_weighted_row_counts_as_that_many_rows(chunks, data):
    """Counting each row with a weight is counting the row repeated that many times."""
    column = pa.chunked_array(chunks, chunks[0].type)
    weights = data.draw(st.lists(st.integers(0, 5), min_size=len(column), max_size=len(column)))
    weighted, repeated = Counter(), Counter()
    _count(weighted, column, np.array(weights, dtype=np.int64))
    values = column.to_pylist()
    _count(
        repeated,
        pa.array([v for v, w in zip(values, weights, strict=True) for _ in range(w)], pa.string()),
    )
    assert weighted == repeated


def test_the_text_says_its_counts_hold_every_row_wherever_it_lies():
    """An analyst's review: ``in_scope: yes 43`` beside "certain 42" inside the area read as
    a contradiction; the counts hold the rows outside the area too, and say so."""
    from svduty.io import Summary

    text = Summary(2, 2, 0, by_district={"Rugby": 1, "Coventry": 1}).to_text()
    assert "every row below (inside, outside and without a location together):" in text
    assert text.index("every row below") < text.index("by district:")
    assert "every row below" not in Summary(0, 0, 0).to_text()  # no counts: no heading


def _block(text: str, title: str) -> dict[str, int]:
    """The counts of one block of a text summary (empty when it is not there)."""
    lines = text.splitlines()
    if f"{title}:" not in lines:
        return {}
    out = {}
    for line in lines[lines.index(f"{title}:") + 1 :]:
        if not line.startswith("  "):
            break
        key, _, value = line.strip().rpartition("  ")
        out[key.strip()] = int(value.replace(",", ""))
    return out


_COUNTS = st.dictionaries(st.sampled_from(["Rugby", "Warwick", "Coventry"]), st.integers(1, 9))


@given(_COUNTS, st.integers(0, 5), st.integers(0, 5), _COUNTS)
def test_the_district_and_category_blocks_add_up_to_the_rows_out(
    districts, no_district, unlocated, categories
):
    """The text said "every row below" but its districts left out the rows without a
    location and its categories the rows without one (hostile review): the rest are rows
    of their own, so each block adds up to ``rows out``."""
    from svduty.io import Summary

    categories = {k.upper(): v for k, v in categories.items()}
    # the same rows by category: any rows beyond the districts' have no location
    unlocated += max(0, sum(categories.values()) - sum(districts.values()) - no_district)
    n = sum(districts.values()) + no_district + unlocated
    text = Summary(
        n,
        n,
        0,
        by_district=districts,
        no_district=no_district,
        unlocated=unlocated,
        by_category=categories,
    ).to_text()
    if n:
        assert sum(_block(text, "by district").values()) == n
    if categories:
        by_category = _block(text, "by police.uk category")
        assert sum(by_category.values()) == n
        assert by_category.get("(no category)", 0) == n - sum(categories.values())
