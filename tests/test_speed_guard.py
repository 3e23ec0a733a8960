"""A speed regression guard that cannot flake: Python work per batch does not grow with rows.

The batch job (``default_pipeline()(table)``) is meant to do its per-row work in Arrow
kernels and numpy; Python steps are per batch, per column or per rule, and per value
the first time a geography meets it. So the number of Python-level calls (counted by
``cProfile``, deterministic, never a wall clock) for 20,000 rows must be that for 2,000
rows, give or take a small constant, once the values have been seen (a warm-up batch).
A per-row (or per-distinct-value) Python loop creeping back in fails this test.
"""

from __future__ import annotations

import cProfile
import pstats

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from svduty.io import default_pipeline, read_police_uk, sample_police_uk

SLACK = 300
"""Calls allowed beyond the smaller batch's count (branches taken once per batch).

The two batches take different once-a-batch branches (a chunk more, a null column or
not): 45 calls apart alone, 103 once in a whole parallel run, where the caches other tests
filled decide some branches (the forty-ninth session; 50 then flaked). A Python step per
row adds 18,000 (:func:`test_the_guard_catches_a_loop_per_row`), one per distinct value
thousands: 300 still fails both.
"""


def _calls(pipe, table: pa.Table) -> int:
    profile = cProfile.Profile()
    profile.enable()
    out = pipe(table)
    profile.disable()
    assert out.num_rows == table.num_rows
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="module")
def month() -> pa.Table:
    return pa.Table.from_batches(list(read_police_uk(sample_police_uk())))


def _police(month: pa.Table, n: int, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    return month.take(pa.array(rng.integers(0, month.num_rows, n)))


_CODES = ["8N", "46", "105A", "3A", "8L", "28E", "30C", "9/1", "5D", "34B", "49", None]
_RELATIONSHIPS = ["none", "married", "relatives", None, None]


def _incidents(month: pa.Table, n: int, seed: int) -> pa.Table:
    """Incident rows, mostly distinct: dates, places, ages, codes, relationships."""
    rng = np.random.default_rng(seed)
    rows = month.take(pa.array(rng.integers(0, month.num_rows, n)))
    lsoa = rows.column("lsoa_code").combine_chunks()
    days = np.datetime64("2023-01-01") + rng.integers(0, 730, n)
    codes = [_CODES[i] for i in rng.integers(0, len(_CODES), n)]
    return pa.table(
        {
            "file": pa.array(["x.jsonl"] * n),
            "row": pa.array(np.arange(2, n + 2)),
            "rejected": pa.nulls(n, pa.string()),
            "rejected_field": pa.nulls(n, pa.string()),
            "id": pa.array([f"i{i}" for i in range(n)]),
            "date": pa.array(days.astype(str).tolist()),
            "offence_code": pa.array(codes, pa.string()),
            "police_uk_category": pc.if_else(
                pc.is_null(pa.array(codes, pa.string())),
                rows.column("police_uk_category").combine_chunks(),
                pa.scalar(None, pa.string()),
            ),
            "behaviours": pa.nulls(n, pa.list_(pa.string())),
            "victim_age": pa.array(rng.integers(0, 90, n)),
            "perpetrator_age": pa.array(rng.integers(10, 80, n), mask=rng.random(n) < 0.5),
            "relationship": pa.array(
                [_RELATIONSHIPS[i] for i in rng.integers(0, len(_RELATIONSHIPS), n)],
                pa.string(),
            ),
            "location": pc.if_else(pc.equal(lsoa, ""), pa.scalar(None, pa.string()), lsoa),
        }
    )


@pytest.mark.parametrize("kind", ["police_uk", "incidents"])
def test_python_calls_per_batch_do_not_grow_with_rows(month, kind):
    make = _police if kind == "police_uk" else _incidents
    pipe = default_pipeline()
    small, large = make(month, 2_000, 1), make(month, 20_000, 2)
    pipe(large)  # the values met once: the geography remembers them
    pipe(small)
    few, many = _calls(pipe, small), _calls(pipe, large)
    assert many <= few + SLACK, (kind, few, many)


def test_the_guard_catches_a_loop_per_row(month):
    """The measure is sensitive: a Python step per row shows at once."""
    pipe = default_pipeline()
    small, large = _police(month, 2_000, 1), _police(month, 20_000, 2)
    pipe(large)  # both batches' values met once, so only the per-row step differs
    pipe(small)

    def slow(table: pa.Table) -> pa.Table:
        [len(str(v)) for v in table.column("id").to_pylist()]  # a Python step per row
        return pipe(table)

    assert _calls(slow, large) > _calls(slow, small) + 10 * SLACK


def test_rows_are_spread_without_checking_every_row_number(month, monkeypatch):
    """speed44: a police.uk batch's own row numbers go to Arrow's takes unchecked.

    Arrow's check of every index in a ``take`` of 32-bit numbers costs as much as the take
    itself; the numbers svduty makes (groups, places) are checked once
    (``_compute.check_within``), so the one take over a batch's rows that checks each index
    is of the input's own numbers (its locations' dictionary). Counted, not timed.
    """
    from svduty import _compute

    pipe = default_pipeline()
    table = _police(month, 20_000, 3)
    pipe(table)
    checked: list[int] = []
    real_take = _compute.take

    def take(data, indices):
        if len(indices) == table.num_rows:
            checked.append(1)
        return real_take(data, indices)

    monkeypatch.setattr(_compute, "take", take)
    out = pipe(table)
    assert out.num_rows == table.num_rows
    assert len(checked) == 1, len(checked)


_HASHES = ("dictionary_encode", "unique", "value_counts")
"""Arrow's hash kernels: each hashes every value it is given."""


def test_month_and_crime_type_are_not_hashed_row_by_row(month, monkeypatch):
    """speed45b: the reader's month and crime type reach the pipeline numbered (words).

    The CSV parser numbers them as it reads them (its threads), so grouping a batch's rows
    alike hashes their few words, not every row's text: of the hash kernels over all the
    rows of a police.uk batch, two are left, the LSOA codes' and names' (their text:
    thousands of values a month). There were four: the crime types' and the months' too.
    Counted, not timed.
    """
    from svduty import _compute

    assert month.schema.field("month").type == pa.dictionary(pa.int32(), pa.string())
    assert month.schema.field("police_uk_category").type == month.schema.field("month").type
    pipe = default_pipeline()
    table = _police(month, 20_000, 4)
    pipe(table)
    hashed: list[str] = []
    for name in _HASHES:
        real = getattr(_compute, name)

        def counted(values, *args, _real=real, _name=name, **kwargs):
            if len(values) == table.num_rows:
                hashed.append(_name)
            return _real(values, *args, **kwargs)

        monkeypatch.setattr(_compute, name, counted, raising=False)
    out = pipe(table)
    assert out.num_rows == table.num_rows
    assert len(hashed) == 2, hashed
