"""``unique_numbers`` numbers sets of facts as ``np.unique(..., return_inverse=True)`` does.

The summary's count of missing facts spells each answer's sets (bits in an ``int64``) once
a distinct set (``spelt_sets``); it numbered them with ``np.unique``, which sorts every row.
``unique_numbers`` hashes them and sorts only the distinct ones (speed55d): the same sets in
the same order, each row the same number, whatever the numbers (negative: no set).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions._bits import unique_numbers
from svduty.definitions._missing_columns import spelt_sets

_NUMBERS = st.lists(st.one_of(st.integers(-1, 8), st.integers(-(2**63), 2**63 - 1)), max_size=300)


@given(_NUMBERS)
def test_the_same_numbers_as_np_unique(values: list[int]) -> None:
    numbers = np.array(values, np.int64)
    found, at = unique_numbers(numbers)
    want_found, want_at = np.unique(numbers, return_inverse=True)
    assert found.tolist() == want_found.tolist()
    assert at.tolist() == want_at.ravel().tolist()


@given(st.lists(st.one_of(st.none(), st.integers(0, 2**62 - 1)), max_size=200))
def test_spelt_sets_spell_each_row_s_own_set(sets: list[int | None]) -> None:
    facts = [f"f{i}" for i in range(62)]
    spelt = spelt_sets(pa.array(sets, pa.int64()), facts).to_pylist()
    want = [
        None if s is None else ", ".join(f for b, f in enumerate(facts) if s >> b & 1) for s in sets
    ]
    assert spelt == want
