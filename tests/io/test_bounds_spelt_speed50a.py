"""speed50a: a batch's finest groups are summed again by their text only if that can join two.

``BoundedCounts.add`` numbers a batch's rows by their key columns' values, then spelt
the keys as text and summed the groups again by that text: for text keys (the pipeline's
own) each group is one text already, and the second grouping (1,800 groups a block of
real months, every key column hashed) found nothing to join. It is now done only where
spelling can join groups: a null ``within_area`` beside ``no_location``, two dates of one
month, numbers. Counted (how often groups are summed), never timed; the counts must be
those of summing again every time.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import BoundedCounts, default_pipeline, read_police_uk, sample_police_uk
from svduty.io import _bounds as bounds_module

GROUPINGS = {
    "month": ("month",),
    "district": ("district_code", "district_name"),
    "category": ("police_uk_category",),
    "place": ("location",),
}


def _summings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of each table ``_summed`` sums (the groupings' and the undetermined's)."""
    seen: list[int] = []
    real = bounds_module._summed

    def counted(table, keys, values):
        seen.append(table.num_rows)
        return real(table, keys, values)

    monkeypatch.setattr(bounds_module, "_summed", counted)
    return seen


def test_a_pipeline_batch_is_summed_once_not_twice(monkeypatch):
    batch = default_pipeline()(next(read_police_uk(sample_police_uk())))
    seen = _summings(monkeypatch)
    BoundedCounts().add(batch)
    assert seen == []  # not the groups again (nor, since speed52a, the undetermined rows)


def _column(values, how):
    """``values`` as text, as a dictionary of it, or as one with its words repeated."""
    text = pa.array(values, pa.string())
    if how == "text":
        return text
    if how == "words":
        return text.dictionary_encode()
    words = pa.array(["x", *sorted({v for v in values if v is not None}) * 2], pa.string())
    at = [None if v is None else 1 + words.to_pylist()[1:].index(v) for v in values]
    if how == "repeated":  # the second spelling of every other row (a word twice)
        half = (len(words) - 1) // 2
        at = [a if a is None or i % 2 else a + half for i, a in enumerate(at)]
    return pa.DictionaryArray.from_arrays(pa.array(at, pa.int32()), words)


_HOW = st.sampled_from(["text", "words", "repeated"])
_ROW = st.tuples(
    st.sampled_from(["inside", "outside", "no_location", None]),
    st.sampled_from(["2025-05", "2025-06", None]),
    st.sampled_from([("E07000220", "Rugby"), ("E07000222", "Warwick"), (None, None)]),
    st.sampled_from(["Robbery", "Drugs", None]),
    st.sampled_from(["E07000220", "E01031005", None]),
    st.sampled_from(["yes", "undetermined", "no"]),
    st.integers(0, 5),
)


def _table(rows, hows, kind):
    where, month, district, category, location, verdict, _ = zip(*rows, strict=True)
    if kind == "boolean":
        area = pa.array([None if w == "no_location" else w == "inside" for w in where])
    else:
        area = _column(where, hows[0])
    months = _column(month, hows[1])
    if kind == "dates":  # two dates of one month: one text
        days = [
            None if m is None else dt.date(int(m[:4]), int(m[5:]), 1 + i % 2)
            for i, m in enumerate(month)
        ]
        months = pa.array(days, pa.date32())
    return pa.table(
        {
            "within_area": area,
            "month": months,
            "district_code": _column([d[0] for d in district], hows[2]),
            "district_name": _column([d[1] for d in district], hows[2]),
            "police_uk_category": _column(category, hows[3]),
            "location": _column(location, hows[4]),
            "in_scope": _column(verdict, "words"),
        }
    )


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.lists(_ROW, min_size=1, max_size=30), min_size=1, max_size=3),
    st.lists(_HOW, min_size=5, max_size=5),
    st.sampled_from(["text", "boolean", "dates"]),
    st.booleans(),
)
def test_the_counts_are_those_of_summing_again_every_time(batches, hows, kind, weighted):
    def counted(again: bool) -> tuple[object, ...]:
        b = BoundedCounts(groupings=GROUPINGS)
        with pytest.MonkeyPatch.context() as mp:
            if again:  # the groups always summed again by their text (as before)
                mp.setattr(bounds_module, "spelt_apart", lambda rows: False)
            for rows in batches:
                weights = np.array([r[-1] for r in rows]) if weighted else None
                b.add(_table(rows, hows, kind), weights=weights)
                fine = b._fine[-1]  # one row for each key spelt (what summing again made)
                keys = fine.select(fine.column_names[:-3]).to_pylist()
                assert len({tuple(k.values()) for k in keys}) == len(keys)
        tables = [b.table(g) for g in GROUPINGS]
        return b.to_json(), tables, b._undetermined(), b._basis

    (one, tables, settle, basis), (two, again, settle_again, basis_again) = (
        counted(False),
        counted(True),
    )
    assert one == two
    for x, y in zip(tables, again, strict=True):
        assert x.equals(y)
    assert settle.equals(settle_again)
    assert basis == basis_again
