"""speed56a: a summary's bounded totals are summed once, not each time they are asked.

After the last batch, on the one thread left, ``svduty classify --summary json`` asks
``BoundedCounts.totals`` four times through ``to_json`` (the totals, and
``why_nothing_certain`` for each of the three ``within_area`` lines), and the text summary
three more: each summed the first grouping's table by ``within_area`` again. The totals
are now summed once from that table until it is summed again (a batch added, its parts
changed) or the first grouping changes. Counted, never timed; the totals must be those
summed afresh.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._commands._classify_summary import _bounds_text
from svduty.io import BoundedCounts
from svduty.io import _bounds as bounds_module

GROUPINGS = {"month": ("month",), "district": ("district_code", "district_name")}


def _batch(seed: int) -> pa.Table:
    n = 4 + seed
    districts = [("E07000222", "E07000218", "E08000026")[(i * seed) % 3] for i in range(n)]
    return pa.table(
        {
            "within_area": ["inside" if d != "E08000026" else "outside" for d in districts],
            "month": [f"2024-0{1 + (i + seed) % 3}" for i in range(n)],
            "district_code": districts,
            "district_name": [d[-3:] for d in districts],
            "in_scope": [("yes", "undetermined", "no")[(i + 2 * seed) % 3] for i in range(n)],
        }
    )


def _totals_summed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry each time the totals are summed (``_sum_groups`` by ``within_area`` alone)."""
    seen: list[int] = []
    real = bounds_module._sum_groups

    def counted(table: pa.Table, keys: Any) -> Any:
        if tuple(keys) == ("within_area",):
            seen.append(table.num_rows)
        return real(table, keys)

    monkeypatch.setattr(bounds_module, "_sum_groups", counted)
    return seen


def test_a_summary_sums_its_totals_once(monkeypatch: pytest.MonkeyPatch) -> None:
    b = BoundedCounts(groupings=GROUPINGS)
    for seed in range(3):
        b.add(_batch(seed))
    summed = _totals_summed(monkeypatch)
    data = b.to_json()  # the totals, and why nothing is certain on each line
    text = _bounds_text(b)  # the text summary asks again, line by line
    assert len(summed) == 1
    assert data["totals"] == b.totals().to_pylist()
    assert [r["within_area"] for r in data["totals"]] == ["inside", "outside", "no_location"]
    assert f"certain {data['totals'][0]['certain']:,}" in text


def test_totals_are_summed_again_after_a_batch_or_a_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    b = BoundedCounts(groupings=GROUPINGS)
    b.add(_batch(1))
    summed = _totals_summed(monkeypatch)
    before = b.totals()
    b.add(_batch(2))
    fresh = BoundedCounts(groupings=GROUPINGS)
    fresh.add(_batch(1))
    fresh.add(_batch(2))
    assert b.totals().equals(fresh.totals())
    assert not b.totals().equals(before)
    assert len(summed) == 3  # b before, b after, fresh
    b.parts = {"month": {"2024-09": "September"}}  # the first grouping's table made again
    assert b.totals().equals(fresh.totals())
    assert len(summed) == 4
    b.groupings = {"district": GROUPINGS["district"]}  # another first grouping
    assert b.totals().equals(fresh.totals())
    assert len(summed) == 5
    b.groupings = {}  # none: zeros on every line
    assert [r["rows"] for r in b.totals().to_pylist()] == [0, 0, 0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=5), st.integers(0, 4))
def test_totals_asked_between_batches_are_those_summed_afresh(seeds: list[int], at: int) -> None:
    asked, fresh = BoundedCounts(groupings=GROUPINGS), BoundedCounts(groupings=GROUPINGS)
    for i, seed in enumerate(seeds):
        if i == at:
            asked.totals()  # asked once (remembered), then more added
        asked.add(_batch(seed))
        fresh.add(_batch(seed))
    assert asked.totals().equals(fresh.totals())
    assert asked.to_json() == fresh.to_json()
    assert asked.totals().equals(fresh.totals())  # and asked again
