"""``svduty._arrays.array`` gives what ``pa.array`` gives, without importing ``numpy.ma``."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from svduty import _arrays
from svduty._arrays import array

DTYPES = st.sampled_from(
    [np.int64, np.int32, np.int8, np.uint8, np.uint32, np.float64, np.float32, np.bool_]
)


@given(
    values=DTYPES.flatmap(lambda d: hnp.arrays(d, st.integers(0, 70))),
    masked=st.booleans(),
    data=st.data(),
)
def test_numpy_arrays_come_out_as_pa_array_makes_them(values, masked, data):  # type: ignore[no-untyped-def]
    mask = data.draw(hnp.arrays(np.bool_, len(values))) if masked else None
    expected = pa.array(values, mask=mask)
    got = array(values, mask=mask)
    assert got.type == expected.type
    assert got.null_count == expected.null_count
    assert got.to_pylist() == expected.to_pylist() or np.isnan(values.astype(float)).any()
    assert got.equals(expected) or np.isnan(values.astype(float)).any()


@given(values=hnp.arrays(np.int64, st.integers(0, 30), elements=st.integers(-(2**31), 2**31 - 1)))
def test_a_type_casts_like_pa_array(values):  # type: ignore[no-untyped-def]
    assert array(values, pa.int32()).equals(pa.array(values, pa.int32()))


def test_a_strided_view_and_other_inputs():
    wide = np.arange(12).reshape(3, 4)
    assert array(wide[:, 1]).to_pylist() == [1, 5, 9]  # not contiguous: copied
    assert array([1, None, 3]).to_pylist() == [1, None, 3]
    assert array(np.array(["a", "b"])).to_pylist() == ["a", "b"]  # text: pa.array's own way
    with pytest.raises(pa.ArrowInvalid):  # two dimensions: refused as pa.array refuses them
        array(wide)


_VALUE = st.sampled_from(["a", "b", "", None])


@st.composite
def _columns(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(0, 12))
    width = draw(st.integers(1, 3))
    return [draw(st.lists(_VALUE, min_size=n, max_size=n)) for _ in range(width)]


@given(_columns())
def test_rows_are_grouped_by_their_values_in_order_of_first_appearance(columns):  # type: ignore[no-untyped-def]
    """Rows share a group exactly when they share every value (constant columns too)."""
    arrays = [pa.array(c, pa.string()) for c in columns]
    n = len(columns[0])
    groups, first = _arrays.groups(arrays, n)
    rows = list(zip(*columns, strict=True))
    seen: dict[tuple[object, ...], int] = {}
    expected = [seen.setdefault(r, len(seen)) for r in rows]
    assert groups.tolist() == expected
    assert first.tolist() == [rows.index(r) for r in seen]
    for column in arrays:  # each column on its own: equal numbers, equal values
        numbers, firsts = _arrays.groups([column], n)
        assert len(firsts) == len(set(column.to_pylist()))
        assert all(0 <= x < len(firsts) for x in numbers.tolist())
