"""speed50a: each LSOA name's district part is read once a process, not once a batch.

The locator checks every batch's LSOA names against their codes (``name_conflicts``):
each distinct name's district part was read again at every batch (a regular expression
and three replacements over some 450 names a block of real months), though a file's
batches name the same LSOAs again and again. The parts read are now remembered
(``_parts``), within a bound. Counted (how many names are read), never timed; the
conflicts must be those found with nothing remembered.
"""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.areas import _lsoa_conflicts as conflicts

from .test_lsoa_conflicts import _CODES, _NAMES, _areas


def _read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts each call of ``_reduced`` reads (names' parts, districts' names)."""
    seen: list[int] = []
    real = conflicts._reduced

    def counted(text):
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(conflicts, "_reduced", counted)
    return seen


def _found(key, names, areas):
    got = conflicts.name_conflicts(
        pa.array(key), pa.array(names, pa.string()), areas, areas.column("lsoa_code")
    )
    return [False] * len(key) if got is None else got.to_pylist()


def test_a_second_batch_of_the_same_names_reads_none_of_them(monkeypatch):
    from svduty.io import warwickshire

    areas = _areas(warwickshire())
    names = [f"Warwick {i:03d}A" for i in range(200)] + ["Birmingham 045E"] * 10
    key = [i % len(_CODES) for i in range(len(names))]
    first = _found(key, names, areas)
    seen = _read(monkeypatch)
    assert _found(key, names, areas) == first
    assert sum(seen) < 20  # the codes' few districts' names: not the 201 names again
    assert first.count(True) > 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.one_of(st.none(), st.sampled_from(_NAMES)), st.integers(0, len(_CODES))),
            min_size=1,
            max_size=12,
        ),
        min_size=1,
        max_size=4,
    ),
    st.integers(1, 12),
)
def test_remembered_parts_find_what_fresh_ones_find(batches, most):
    from svduty.io import warwickshire

    areas = _areas(warwickshire())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(conflicts, "_PARTS", {})
        mp.setattr(conflicts, "_MOST_NAMES", most)  # a small bound: forgotten and read again
        kept = [_found([c for _, c in b], [n for n, _ in b], areas) for b in batches]
        fresh = []
        for b in batches:
            conflicts._PARTS.clear()  # nothing remembered
            fresh.append(_found([c for _, c in b], [n for n, _ in b], areas))
        read = conflicts._PARTS.get("read", ([],))[0]  # (none read: every name null)
        assert len(read) <= max(most, len(_NAMES))  # the bound, or one batch's names
    assert kept == fresh
