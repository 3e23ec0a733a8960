"""A summary's rows counted by place, month and crime type: the summary counted by LSOA.

``run_pipeline`` with no writer, the default ``alike`` and counters that read no LSOA (the
``svduty classify --summary`` case: ``SUMMARY_GROUPINGS``) numbers police.uk rows by the
place their LSOA code and name resolve to (speed58a, issue 15). These tests draw rows of
both LSOA vintages, the packaged real month's rows, rows the reader rejects, rows whose
LSOA name contradicts their code, rows located by name only, and check that the summary,
the bounded counts and every rejected row are those of classifying every row.
"""

from __future__ import annotations

import attrs
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._commands._classify_summary import SUMMARY_GROUPINGS
from svduty.io import (
    BoundedCounts,
    _placed,
    read_police_uk,
    run_pipeline,
    sample_police_uk,
)
from svduty.io import _alike as alike_module
from svduty.io import _run as run_module

from .test_alike import _KINDS, DEFAULT, PICKY, _same
from .test_alike import _batch as _alike_batch

KINDS = {
    **_KINDS,
    "lsoa11": ("E01031129", "Rugby 001B", "Robbery", "2019-01"),  # a 2011 code only
    "lsoa11_other": ("E01031103", "Nuneaton and Bedworth 003D", "Robbery", "2019-01"),
    "lsoa21": ("E01031214", "Stratford-on-Avon 015C", "Robbery", "2025-06"),
    "lsoa21_same_place": ("E01031223", "Stratford-on-Avon 004E", "Robbery", "2025-06"),
    "lsoa21_no_name": ("E01031214", "", "Robbery", "2025-06"),  # the code alone
    "lsoa21_contradicted": ("E01031214", "Coventry 001A", "Robbery", "2025-06"),
    "lsoa21_month_before": ("E01031214", "Stratford-on-Avon 015C", "Robbery", "2019-01"),
}


def _batch(kinds: list[str]) -> pa.Table:
    """test_alike's rows, of these kinds too."""
    return _alike_batch(kinds, KINDS)


SAMPLE = pa.Table.from_batches(list(read_police_uk(sample_police_uk())))
"""The packaged real month (June 2025, Warwickshire): real LSOA pairs."""


def _counts() -> BoundedCounts:
    return BoundedCounts(groupings=SUMMARY_GROUPINGS)


def _summaries(pipeline, batches, counts=_counts):
    rejected: list[pa.Table] = []
    bounds = counts()
    summary = run_pipeline(batches, pipeline, on_rejected=rejected.append, counts=[bounds])
    return summary, bounds.to_json(), rejected


def _placings(monkeypatch) -> list[tuple[str, ...]]:
    """The ``alike`` of every batch answered (by place, or by LSOA)."""
    seen: list[tuple[str, ...]] = []
    given_answered = alike_module.answered

    def answered(found, classify):
        seen.append(found.alike)
        return given_answered(found, classify)

    monkeypatch.setattr(alike_module, "answered", answered)
    return seen


def _every_row(pipe, batches):
    """The summary of classifying every row: no batch numbered, so neither ``MOST_DISTINCT``
    nor ``PLACED_FROM`` nor ``answered`` is read (one for both of the property's settings)."""
    return _summaries(attrs.evolve(pipe, alike=None), batches)


def _assert_same(pipe, batches, every_row=None):
    s1, b1, bad1 = _summaries(pipe, batches)
    s2, b2, bad2 = every_row or _every_row(pipe, batches)
    assert s1 == s2
    assert b1 == b2
    assert len(bad1) == len(bad2)
    for x, y in zip(bad1, bad2, strict=True):
        _same(x, y)


_ROWS = st.lists(st.sampled_from(sorted(KINDS)), max_size=16)
_SAMPLED = st.lists(st.integers(0, SAMPLE.num_rows - 1), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_ROWS, _SAMPLED), min_size=1, max_size=4))
def test_the_summary_by_place_is_the_summary_by_lsoa(parts):
    batches = []
    for kinds, picked in parts:
        batches.append(_batch(kinds))
        if picked:
            batches.append(SAMPLE.take(pa.array(picked)))
    for pipe in (DEFAULT, PICKY):
        every_row = _every_row(pipe, batches)  # (ci59b: once, not once a setting)
        for placed_from in (0, run_module.PLACED_FROM):  # placed first; learned from answers
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(alike_module, "MOST_DISTINCT", 1.0)  # every batch grouped
                mp.setattr(run_module, "PLACED_FROM", placed_from)
                seen = _placings(mp)
                _assert_same(pipe, batches, every_row)
                if not placed_from:  # every batch numbered by place (none by LSOA)
                    assert set(seen) <= {_placed.PLACED}


def test_a_real_month_in_batches_is_counted_by_place(monkeypatch):
    seen = _placings(monkeypatch)
    monkeypatch.setattr(alike_module, "MERGED_ROWS", 1)  # each batch answered alone
    month = list(read_police_uk(sample_police_uk(), block_size=1 << 16))
    batches = month + month  # (its pairs all met in the first, when the second comes)
    s1, b1, _ = _summaries(DEFAULT, batches)
    # the first batch by LSOA (few combinations: its places learned from its answers)
    assert seen[0] == alike_module.ALIKE
    assert set(seen[len(month) :]) == {_placed.PLACED}  # the month again: by place
    seen.clear()
    monkeypatch.setattr(run_module, "PLACED_FROM", 0)
    assert _summaries(DEFAULT, batches)[:2] == (s1, b1)
    assert set(seen) == {_placed.PLACED}  # the first placed first
    found = alike_module.numbered(batches[0])  # (a batch of the month: fewer by place)
    known = _placed.KnownPlaces()
    _placed.locate(known, found.rows, DEFAULT.resolve_areas, DEFAULT.within)
    by_place = alike_module.numbered(batches[0], known=known)
    assert len(by_place.first) < len(found.first)  # fewer combinations: the point
    s2, b2, _ = _summaries(attrs.evolve(DEFAULT, alike=None), batches)
    assert (s1, b1) == (s2, b2)


def test_counters_that_read_the_lsoa_are_counted_by_lsoa(monkeypatch):
    seen = _placings(monkeypatch)
    batches = [_batch(["inside", "lsoa21", "lsoa21_same_place", "unresolved"] * 3)]
    monkeypatch.setattr(run_module, "PLACED_FROM", 0)
    run_pipeline(batches, DEFAULT, counts=[BoundedCounts()])  # its "lsoa" grouping
    assert seen == [alike_module.ALIKE]
    seen.clear()
    run_pipeline(batches, DEFAULT, counts=[_counts()])
    assert seen == [_placed.PLACED]
    assert not _placed.by_place([object()])  # a counter of one's own: it may read anything


def test_rows_of_one_place_are_answered_once_and_rejected_pairs_kept_apart():
    rows = _batch(
        ["lsoa21", "lsoa21_same_place", "lsoa21_contradicted", "unresolved", "named", "lsoa21"]
    )
    found = alike_module.numbered(rows)
    known = _placed.KnownPlaces()
    _placed.locate(known, found.rows, DEFAULT.resolve_areas, DEFAULT.within)
    placed = alike_module.numbered(rows, known=known)
    # two LSOAs of Stratford-on-Avon, one place; each pair the locator rejects its own
    assert placed.groups.tolist() == [0, 0, 1, 2, 3, 0]
    assert len({known.pairs[p] for p in [("E01031214", "Stratford-on-Avon 015C")] * 2}) == 1


def test_a_wrong_place_would_be_caught(monkeypatch):
    """The property fails if two pairs of different places were one place: it can fail."""
    batches = [_batch(["lsoa21", "lsoa21_contradicted", "name_only", "away", "lsoa21"] * 2)] * 2

    def careless(known, out):  # every pair one place (a locator's rejections forgotten)
        names = out.schema.names
        if out.num_rows and "lsoa_code" in names and "lsoa_name" in names:
            codes, names = out["lsoa_code"].to_pylist(), out["lsoa_name"].to_pylist()
            for code, name in zip(codes, names, strict=True):
                known.pairs[(code, name)] = known.number(("everywhere",))

    monkeypatch.setattr(_placed, "learn", careless)
    monkeypatch.setattr(run_module, "PLACED_FROM", 0)
    with pytest.raises(AssertionError):
        _assert_same(DEFAULT, batches)


def test_the_place_key_keeps_a_name_without_a_code_apart(monkeypatch):
    """The place of a row named but not coded differs from a coded row's of one district."""
    rows = _batch(["name_only", "inside"])
    known = _placed.KnownPlaces()
    _placed.locate(known, alike_module.numbered(rows).rows, DEFAULT.resolve_areas, DEFAULT.within)
    assert len(set(known.pairs.values())) == 2
    assert run_module._placed_counts(DEFAULT, [_counts()])
    assert not run_module._placed_counts(attrs.evolve(DEFAULT, alike=None), [])
