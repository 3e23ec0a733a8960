"""A real month's districts counted by word pairs, not joined text (speed47b, issue 15).

``by_district`` counts each row by its district code and name together (``mend46b``: two
districts of one name are counted apart). Each distinct row's code and name were joined
into one text and hashed to be counted (73 ms for 1,000,000 incident rows against 6 ms
before that change); on real months about 38% of a police.uk file's rows are distinct.
The two columns are dictionaries (:func:`svduty.io._locate.place_columns`): their index
pairs are now counted in numpy and only the pairs held are spelt, in order of first
appearance. Counted here (Arrow calls), never timed; the keys, counts and their order must
stay those of counting the joined texts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._summary_counts as counts_module
from svduty.io._summary_counts import count_districts

from .test_plan_words_speed47b import _Counting, _encoded


def _districts(values: list[tuple[Any, Any]]) -> tuple[pa.Array, pa.Array]:
    codes = pa.array([v[0] for v in values], pa.string())
    names = pa.array([v[1] for v in values], pa.string())
    return codes, names


district = st.sampled_from(
    [("E07000222", "Warwick"), ("E08000025", "Birmingham"), ("E07000901", "Birmingham"),
     (None, "Old"), ("", "Blank"), ("E07000218", None), (None, None), ("E07000220", "")]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(district, min_size=1, max_size=40),
    weighted=st.booleans(),
    code_extra=st.lists(st.sampled_from(["E1", "Zed", "E07000222"]), max_size=3),
    name_extra=st.lists(st.sampled_from(["Nowhere", "Warwick"]), max_size=3),
)
def test_districts_counted_by_word_pairs_as_by_joined_text(
    values, weighted, code_extra, name_extra
) -> None:
    """The same keys, counts and order (first appearance) as counting the joined texts."""
    codes, names = _districts(values)
    weights = np.arange(1, len(values) + 1, dtype=np.int64) if weighted else None
    as_text: Counter[str] = Counter()
    count_districts(as_text, pa.table({"district_code": codes, "district_name": names}), weights)
    as_words: Counter[str] = Counter()
    table = pa.table(
        {
            "district_code": _encoded(codes.to_pylist(), code_extra),
            "district_name": _encoded(names.to_pylist(), name_extra),
        }
    )
    count_districts(as_words, table, weights)
    assert list(as_words.items()) == list(as_text.items())


def test_districts_of_dictionary_columns_are_not_joined_as_text(monkeypatch) -> None:
    """Counted: no text made for each row (``binary_join_element_wise``), none hashed."""
    n = 10_000
    values = [("E07000222", "Warwick"), ("E07000220", "Rugby"), (None, None)]
    codes, names = _districts([values[i % 3] for i in range(n)])
    table = pa.table(
        {"district_code": codes.dictionary_encode(), "district_name": names.dictionary_encode()}
    )
    counting = _Counting(counts_module.pc)
    monkeypatch.setattr(counts_module, "pc", counting)
    counter: Counter[str] = Counter()
    count_districts(counter, table, np.full(n, 2, np.int64))
    assert counter == Counter({"E07000222\x1fWarwick": 6668, "E07000220\x1fRugby": 6666})
    assert counting.calls["binary_join_element_wise"] == 0
    assert counting.calls["dictionary_encode"] == 0
