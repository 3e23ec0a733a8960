"""speed51b: a summary's bounded tables are summed once each, not once each time asked.

``svduty classify --summary json`` asks ``BoundedCounts`` for its tables after the last
batch, on the one thread left: ``to_json`` asks for each grouping once and for the totals
four times (each summing the first grouping again), and the command asks for the months
and the districts before it. Every grouping was summed from every batch's counts each
time: 9 sums for 3 groupings, about 7 of the loop thread's ms on real months. A table is
now summed once until another batch is added (or the grouping's keys or parts change).
Counted, never timed; the tables must be those summed afresh.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import BoundedCounts
from svduty.io import _bounds as bounds_module

GROUPINGS = {"month": ("month",), "district": ("district_code", "district_name")}


def _rows(months: list[str], districts: list[str], answers: list[str]) -> pa.Table:
    return pa.table(
        {
            "within_area": ["inside" if d != "E08000026" else "outside" for d in districts],
            "month": months,
            "district_code": districts,
            "district_name": [d[-3:] for d in districts],
            "police_uk_category": ["Drugs"] * len(months),
            "location": districts,
            "in_scope": answers,
        }
    )


def _batch(seed: int) -> pa.Table:
    n = 5 + seed
    months = [f"2024-0{1 + (i + seed) % 3}" for i in range(n)]
    districts = [("E07000222", "E07000218", "E08000026")[(i * seed) % 3] for i in range(n)]
    answers = [("yes", "undetermined", "no")[(i + 2 * seed) % 3] for i in range(n)]
    return _rows(months, districts, answers)


def _sums(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The keys of each table summed from the batches' counts (``BoundedCounts.table``)."""
    seen: list[tuple[str, ...]] = []
    real = bounds_module.one_row_per_code

    def counted(summed: pa.Table, keys: Any, *args: Any) -> Any:
        seen.append(tuple(keys))
        return real(summed, keys, *args)

    monkeypatch.setattr(bounds_module, "one_row_per_code", counted)
    return seen


def test_a_summary_sums_each_grouping_once(monkeypatch: pytest.MonkeyPatch) -> None:
    b = BoundedCounts(groupings=GROUPINGS, parts={"district": {"E07000222": "Warwick"}})
    for seed in range(3):
        b.add(_batch(seed))
    sums = _sums(monkeypatch)
    month, district = b.table("month"), b.table("district")  # as the command asks first
    data = b.to_json()
    assert sorted(sums) == sorted(("within_area", *keys) for keys in GROUPINGS.values())
    assert data["by"]["month"] == month.to_pylist()
    assert data["by"]["district"] == district.to_pylist()


def test_a_batch_added_or_parts_changed_are_summed_again() -> None:
    b = BoundedCounts(groupings=GROUPINGS)
    b.add(_batch(1))
    before = b.table("month")
    b.add(_batch(2))
    fresh = BoundedCounts(groupings=GROUPINGS)
    fresh.add(_batch(1))
    fresh.add(_batch(2))
    assert b.table("month").equals(fresh.table("month"))
    assert not b.table("month").equals(before)
    parts = {"district": {"E07000221": "Stratford-on-Avon"}}
    b.parts, fresh.parts = parts, parts
    assert "E07000221" in b.table("district")["district_code"].to_pylist()
    assert b.to_json() == fresh.to_json()
    assert b == fresh  # (what is remembered is no part of the counts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=5), st.integers(0, 4))
def test_tables_asked_between_batches_are_those_summed_afresh(seeds: list[int], at: int) -> None:
    asked, fresh = BoundedCounts(groupings=GROUPINGS), BoundedCounts(groupings=GROUPINGS)
    for i, seed in enumerate(seeds):
        if i == at:
            asked.to_json()  # asked once (remembered), then more added
        asked.add(_batch(seed))
        fresh.add(_batch(seed))
    assert asked.to_json() == fresh.to_json()
    assert asked.to_json() == fresh.to_json()  # and asked again
