"""speed52a: a plan classes each distinct location of a batch once, and numbers by plan row.

A police.uk batch's ``location`` reaches the plan as words numbered by place (a word for
each of the batch's places, about 450 for a 16 MiB block of real months, repeating some 37
districts' codes). :meth:`PolicePlan._keys` classed every word of the dictionary in Python,
repeats too; it now classes each distinct word once. And the rows' plan rows are numbered
by direct addressing (they are below the plan's row count), not hashed. Counted, never
timed; the answers must be those of the same rows given as plain text.
"""

from __future__ import annotations

import functools
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _arrays
from svduty.io import load_sections
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan

# district codes (the plan's own and others), an LSOA code, a code the plan cannot place
LOCATIONS = ("E07000222", "E07000218", "E08000026", "E06000057", "E01031000", "X1", None)


@functools.cache
def _plan() -> PolicePlan:
    return police_plan(load_sections("warwickshire", "areas", "definition").definition)


def _table(location: Any, n: int) -> pa.Table:
    months = ["2019-01", "2025-06", "2023-03"]
    categories = ["Drugs", "Violence and sexual offences", "Burglary"]
    category = pa.array([categories[i % 3] for i in range(n)]).dictionary_encode()
    date = pa.array([months[i % 2] for i in range(n)]).dictionary_encode()
    return pa.table({"police_uk_category": category, "date": date, "location": location})


def _words(at: list[int], words: list[str | None]) -> Any:
    return pa.DictionaryArray.from_arrays(pa.array(at, pa.int32()), pa.array(words, pa.string()))


def test_each_distinct_location_word_is_classed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan()
    asked: list[str | None] = []
    real = PolicePlan.place_class

    def place_class(self: PolicePlan, code: str | None) -> int:
        asked.append(code)
        return real(self, code)

    monkeypatch.setattr(PolicePlan, "place_class", place_class)
    words = ["E07000222", "E07000218"] * 200 + [None, "E07000222"]  # 402 words, 3 distinct
    table = _table(_words([i % len(words) for i in range(900)], words), 900)
    assert plan.answer(table) is not None
    assert sorted(asked, key=str) == sorted(["E07000222", "E07000218", None], key=str)


def test_plan_rows_are_numbered_without_a_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    hashed: list[int] = []
    real = _arrays.numbered

    def numbered(key: Any) -> Any:
        hashed.append(len(key))
        return real(key)

    monkeypatch.setattr(_arrays, "numbered", numbered)
    words = ["E07000222", "E07000218", None]
    assert _plan().answer(_table(_words([0, 1, 2, 1, 0], words), 5)) is not None
    assert hashed == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(LOCATIONS), min_size=1, max_size=12),
    st.lists(st.integers(0, 11), min_size=1, max_size=40),
)
def test_answers_are_those_of_the_locations_as_text(words: list[str | None], at: list[int]) -> None:
    at = [i % len(words) for i in at]  # the rows' words; others in the dictionary unused
    plan = _plan()
    as_words = plan.answer(_table(_words(at, words), len(at)))
    as_text = plan.answer(_table(pa.array([words[i] for i in at], pa.string()), len(at)))
    assert (as_words is None) == (as_text is None)
    if as_words is not None and as_text is not None:
        assert list(as_words) == list(as_text)
        for name in as_words:
            assert as_words[name].to_pylist() == as_text[name].to_pylist(), name
