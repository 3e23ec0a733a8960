"""A police.uk batch's LSOA code and name are numbered together before the rest (speed51f).

An LSOA's code and name come in about as many pairs as codes, so the pair numbered first
keeps the key of all four columns (with the month and crime type) narrow enough to be
numbered directly: a real month's 75,000 rows no longer hash a key of 57.7 million values.
The groups are the same whatever the order and whichever columns go together.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty import _compute as pc
from svduty.io import read_police_uk, sample_police_uk
from svduty.io._alike import ALIKE, merged, numbered

from ..test_grouping import _plain, _table


@pytest.fixture(name="widths")
def _widths(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Each key ``_arrays`` numbers: its width (values) and its rows."""
    seen: list[tuple[int, int]] = []
    real = _arrays._numbered

    def counted(key, width):  # type: ignore[no-untyped-def]
        seen.append((width, len(key)))
        return real(key, width)

    monkeypatch.setattr(_arrays, "_numbered", counted)
    return seen


def _pair_width(table: pa.Table) -> int:
    """The values an LSOA's code and name multiplied out can take (a null: one more each)."""
    sizes = [len(pc.unique(table.column(n))) + 1 for n in ("lsoa_code", "lsoa_name")]
    return sizes[0] * sizes[1]


def test_a_months_key_is_no_wider_than_its_lsoa_pairs(widths):  # type: ignore[no-untyped-def]
    batch = next(read_police_uk(sample_police_uk()))
    found = numbered(batch)
    assert found is not None
    pair = _pair_width(found.rows)
    assert widths, "the rows were numbered"
    assert max(w for w, _ in widths) <= pair  # (all four multiplied out: far wider)
    last, rows = widths[-1]  # the whole key, numbered directly
    assert last <= max(_arrays._DIRECT, 2 * rows) < pair * 15


def test_merged_batches_keys_too(widths):  # type: ignore[no-untyped-def]
    found = numbered(next(read_police_uk(sample_police_uk())))
    assert found is not None
    widths.clear()
    again = merged([found, found])
    assert len(again.first) == len(found.first)
    assert max(w for w, _ in widths) <= _pair_width(found.rows)


def test_the_groups_are_those_of_the_reader_order():
    """The groups of ``ALIKE`` (the pair first) are those of the columns in any order."""
    found = numbered(next(read_police_uk(sample_police_uk())))
    assert found is not None
    columns = [found.rows.column(n) for n in ("month", *ALIKE[:2], ALIKE[3])]
    groups, first = _arrays.groups(columns, found.rows.num_rows)
    assert np.array_equal(groups, found.groups)
    assert np.array_equal(first, found.first)


@settings(max_examples=300, deadline=None)
@given(_table(), st.integers(0, 5), st.sampled_from([1, 4, 1 << 16]))
def test_columns_numbered_together_first_give_the_plain_numbering(table, together, direct):  # type: ignore[no-untyped-def]
    """Any columns, any number of them together (none, some, all, more than all), keys
    numbered directly or hashed: the plain numbering."""
    columns, n = table
    real = _arrays._DIRECT
    _arrays._DIRECT = direct
    try:
        groups, first = _arrays.groups(columns, n, together=together)
    finally:
        _arrays._DIRECT = real
    expected_groups, expected_first = _plain(columns, n)
    assert groups.tolist() == expected_groups
    assert first.tolist() == expected_first
