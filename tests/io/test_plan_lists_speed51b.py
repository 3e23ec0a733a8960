"""speed51b: a summary gets a plan's reasons and kinds as words, not spelt out for every row.

A police.uk summary answers each distinct row of its batches (``run_pipeline``, no sink);
the command's plan (:class:`svduty.io._plan.PolicePlan`) answered them with each row's
``reasons`` and ``kinds`` lists copied out (``spread_all``): on real months (about 28,700
distinct rows a block) the loop thread's largest step in answering, though a summary only
counts kinds and finds its warnings by plan row. Now those two columns come to a summary as
dictionaries of lists (each plan row's list once), counted by word. Counted, never timed;
the summary must stay the one the spelt-out lists give, and rows written keep their lists.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import _distinct
from svduty.io import _run, load_sections, read_police_uk, run_pipeline, sample_police_uk
from svduty.io._pipeline import planned_pipeline
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan
from svduty.io._summary_counts import _flattened


@functools.cache
def _parts() -> Any:
    return load_sections("warwickshire", "areas", "definition")


def _pipe() -> Any:
    parts = _parts()
    return planned_pipeline(parts, police_plan(parts.definition), lambda: parts.definition)


def _batches() -> Any:
    return read_police_uk(sample_police_uk(), block_size=1 << 18)


def _lists_spelt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the list columns spelt out for every row (``spread_all``'s lists)."""
    spelt: list[str] = []
    real = _distinct.spread_all

    def spread_all(out: dict[str, Any], groups: Any, encode: bool) -> Any:
        spelt.extend(n for n, v in out.items() if pa.types.is_list(v.type))
        return real(out, groups, encode)

    monkeypatch.setattr("svduty.io._plan.spread_all", spread_all)
    return spelt


def test_a_planned_summary_spells_out_no_list(monkeypatch: pytest.MonkeyPatch) -> None:
    spelt = _lists_spelt(monkeypatch)
    answered: list[Any] = []
    real = PolicePlan.answer

    def answer(self: PolicePlan, table: pa.Table, *lists: Any) -> Any:
        out = real(self, table, *lists)
        answered.append(out)
        return out

    monkeypatch.setattr(PolicePlan, "answer", answer)
    summary = run_pipeline(_batches(), _pipe())
    assert summary.rows_in == summary.rows_out > 0
    assert answered
    assert all(a is not None for a in answered)  # (the plan answered them)
    assert spelt == []
    kinds = [a["kinds"].type for a in answered]
    assert all(pa.types.is_dictionary(k) and pa.types.is_list(k.value_type) for k in kinds)


def test_rows_written_keep_their_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    spelt = _lists_spelt(monkeypatch)
    rows: list[pa.Table] = []
    run_pipeline(_batches(), _pipe(), rows.append)
    assert {"reasons", "kinds"} <= set(spelt)
    table = pa.concat_tables(rows)
    assert table.schema.field("reasons").type == pa.list_(pa.string())
    assert table.schema.field("kinds").type == pa.list_(pa.string())


@pytest.mark.parametrize("by_plan_row", [True, False])
def test_the_summary_is_the_one_spelt_out_lists_give(
    monkeypatch: pytest.MonkeyPatch, by_plan_row: bool
) -> None:
    """As before, and with the warnings read from each row's reasons (not by plan row)."""
    if not by_plan_row:
        monkeypatch.setattr(PolicePlan, "answered_rows", lambda self, table: None)
    as_words = run_pipeline(_batches(), _pipe())
    monkeypatch.setattr(_run, "_counting", lambda pipeline: pipeline)
    assert run_pipeline(_batches(), _pipe()) == as_words


_LISTS = st.one_of(st.none(), st.lists(st.sampled_from(["a", "b", "c", ""]), max_size=3))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_LISTS, min_size=1, max_size=6),
    st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 5)), st.integers(0, 9)), max_size=20),
    st.booleans(),
)
def test_lists_as_words_count_as_spelt_out(
    words: list[Any], rows: list[tuple[int | None, int]], weighed: bool
) -> None:
    """Each item's rows (and weights) the same, whether the lists are words or spelt out
    (a row numbering no word: no items)."""
    at = pa.array([None if i is None else i % len(words) for i, _ in rows], pa.int32())
    weights = np.array([w for _, w in rows], np.int64) if weighed else None
    column = pa.DictionaryArray.from_arrays(at, pa.array(words, pa.list_(pa.string())))

    def counted(lists: Any) -> Counter[str]:
        items, each = _flattened(lists, weights)
        out: Counter[str] = Counter()
        ones = [1] * len(items) if each is None else each
        for item, n in zip(items.to_pylist(), ones, strict=True):
            out[item] += int(n)
        return +out

    assert counted(column) == counted(column.dictionary_decode())
