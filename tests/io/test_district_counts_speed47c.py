"""Districts counted by their word numbers: the counts (and their order) of the joined text.

speed47c: ``count_districts`` joined each row's district code and name into one text and
hashed it, 65,536 texts a batch of incidents (about a quarter of the summary's count). Two
dictionary columns are now counted as pairs of numbers, each pair's text made once.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._summary_counts as counts
from svduty.io._summary_counts import _SEP, count_districts

_CODE = st.sampled_from(["E07000218", "E07000222", "E08000026", "", None])
_NAME = st.sampled_from(["Rugby", "Warwick", "Coventry", "Birmingham", None])


def _as_text(counter: Counter[str], good: pa.Table, weights) -> None:
    """The count of the joined text, row by row (what the engine counts by numbers)."""
    names = good.column("district_name").to_pylist()
    codes = (
        good.column("district_code").to_pylist()
        if "district_code" in good.schema.names
        else [None] * good.num_rows
    )
    each = [1] * good.num_rows if weights is None else [int(w) for w in weights]
    sums: dict[str, int] = {}  # in order of first appearance, a row of weight 0 too
    for code, name, w in zip(codes, names, each, strict=True):
        if name is not None:
            key = f"{code or ''}{_SEP}{name}"
            sums[key] = sums.get(key, 0) + w
    for key, w in sums.items():
        if w:  # a key counted 0 times is left out
            counter[key] += w


@st.composite
def _dictionary(draw, values, n):
    """A dictionary column of ``n`` rows: words repeated, unused, null indices."""
    words = draw(st.lists(values.filter(lambda v: v is not None), min_size=1, max_size=5))
    number = st.one_of(st.none(), st.integers(0, len(words) - 1))
    at = draw(st.lists(number, min_size=n, max_size=n))
    return pa.DictionaryArray.from_arrays(pa.array(at, pa.int32()), pa.array(words, pa.string()))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(0, 12), st.booleans(), st.booleans())
def test_counted_by_numbers_as_by_text(data, n, with_codes, weighted):
    names = data.draw(_dictionary(_NAME, n))
    columns = {"district_name": names}
    if with_codes:
        columns["district_code"] = data.draw(_dictionary(_CODE, n))
    good = pa.table(columns)
    weights = None
    if weighted:
        weights = np.array(data.draw(st.lists(st.integers(0, 4), min_size=n, max_size=n)))
    by_numbers, by_text = Counter(), Counter()
    count_districts(by_numbers, good, weights)
    _as_text(by_text, good, weights)
    assert by_numbers == by_text
    assert list(by_numbers) == list(by_text)  # the keys in order of first appearance


def test_text_columns_are_counted_as_before():
    good = pa.table({"district_code": ["E1", None, "E1"], "district_name": ["Exton", "Wye", None]})
    found: Counter[str] = Counter()
    count_districts(found, good, None)
    assert found == Counter({f"E1{_SEP}Exton": 1, f"{_SEP}Wye": 1})


@pytest.mark.parametrize("with_codes", [True, False])
def test_no_text_is_made_for_each_row(monkeypatch, with_codes):
    """Counted guard: dictionary columns are counted without joining or hashing a row's text."""
    calls: Counter[str] = Counter()
    for name in ("binary_join_element_wise", "cast", "dictionary_encode"):
        real = getattr(counts.pc, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(counts.pc, name, counted)
    n = 10_000
    names = pa.array(["Rugby", "Warwick", None, "Rugby"] * (n // 4)).dictionary_encode()
    columns = {"district_name": names}
    if with_codes:
        codes = pa.array(["E07000220", "E07000222", None, None] * (n // 4)).dictionary_encode()
        columns["district_code"] = codes
    found: Counter[str] = Counter()
    count_districts(found, pa.table(columns), None)
    assert calls["binary_join_element_wise"] == 0
    assert calls["dictionary_encode"] == 0  # (the joined text was hashed: value_sums)
    assert sum(found.values()) == n * 3 // 4


def test_a_text_spelt_by_two_pairs_keeps_its_first_row_place():
    """Found by the fresh-clone run: two pairs spell one text (a repeated dictionary word),
    the first of them of weight 0; the text keeps the place of its first row, as by text."""
    names = pa.DictionaryArray.from_arrays(
        pa.array([0, None, 0, 0], pa.int32()), pa.array(["Rugby"])
    )
    codes = pa.DictionaryArray.from_arrays(
        pa.array([0, None, None, 2], pa.int32()), pa.array(["E08000026", "E07000218", "E08000026"])
    )
    good = pa.table({"district_name": names, "district_code": codes})
    weights = np.array([0, 0, 1, 1])
    by_numbers, by_text = Counter(), Counter()
    count_districts(by_numbers, good, weights)
    _as_text(by_text, good, weights)
    assert list(by_numbers.items()) == list(by_text.items())
    assert list(by_numbers) == [f"E08000026{_SEP}Rugby", f"{_SEP}Rugby"]
