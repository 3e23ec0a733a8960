"""speed50a: the summary's warnings compare a dictionary column's words, not its every row.

``placed_nowhere_given`` and ``named_not_coded`` compared ``within_area`` and ``match``
with a word row by row: on a dictionary column (the pipeline's) Arrow spells every row
out first (a decode over each batch's distinct rows). They now compare the few words and
take the answer for each row (``_summary_counts._equal``). Counted (the rows compared),
never timed; the answers must be those of comparing every row.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as arrow
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _compute
from svduty.io import _summary_counts as counts
from svduty.io import default_pipeline, read_police_uk, sample_police_uk
from svduty.io._summary import Tally


def test_a_pipeline_batchs_rows_are_not_compared_one_by_one(monkeypatch: pytest.MonkeyPatch):
    batch = default_pipeline()(next(read_police_uk(sample_police_uk())))
    good = batch.filter(arrow.is_null(batch.column("rejected")))
    compared: list[int] = []
    real = _compute.equal

    def equal(values: Any, *args: Any, **kwargs: Any) -> Any:
        compared.append(len(values))
        return real(values, *args, **kwargs)

    monkeypatch.setattr(_compute, "equal", equal, raising=False)
    Tally().count_usable(good)
    assert compared  # the words compared ...
    assert max(compared) < good.num_rows // 10  # ... not each of the 4,573 rows


_WORDS = st.sampled_from(["name", "table", "unresolved", "no_location", "", None])


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, max_size=20), st.sampled_from(["name", "no_location", "x"]), st.booleans())
def test_comparing_words_is_comparing_rows(values, word, repeated):
    text = pa.array(values, pa.string())
    expected = arrow.equal(text, word).to_pylist()
    assert counts._equal(text, word).to_pylist() == expected
    assert counts._equal(text.dictionary_encode(), word).to_pylist() == expected
    assert counts._equal(pa.chunked_array([text]), word).to_pylist() == expected
    if repeated and values:  # a dictionary that repeats its words and holds a null word
        words = pa.array([None, *values, *values], pa.string())
        at = pa.array([1 + i + (len(values) if i % 2 else 0) for i in range(len(values))])
        dictionary = pa.DictionaryArray.from_arrays(at, words)
        assert counts._equal(dictionary, word).to_pylist() == expected
