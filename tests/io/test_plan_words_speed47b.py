"""A real month's plan answers read through words, not copied text (speed47b, issue 15).

On real months about 38% of a police.uk file's rows are distinct combinations of month,
LSOA and crime type (against 5% in the resampled benchmark file), and the summary's work
after the classifier grows with them. Three costs per distinct row are gone:

- the plan's missing facts were copied as text into every row (``pc.take`` of a text
  column), then hashed again to be counted: now each column is a dictionary whose words
  are the plan's few texts, the rows holding numbers (counted through
  :func:`svduty._arrays.value_sums` by index);
- a dictionary column (the reader's month and crime type, the locator's ``location``)
  was decoded to text and hashed again to class its values: now its words are classed
  (and the district count: ``test_district_pairs_speed47b.py``).

Counted here (texts copied, Arrow calls, dictionary sizes), never timed; the answers must
stay those of the text path, row for row and in the same order.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.io._plan as plan_module
from svduty.definitions import POLICE_UK_CATEGORIES, STATUTE
from svduty.io import load_packaged_definition
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan


@functools.cache
def _plans() -> tuple[PolicePlan, ...]:
    return tuple(police_plan(d) for d in (STATUTE, load_packaged_definition("warwickshire")))


CATEGORIES = [c.name for c in POLICE_UK_CATEGORIES]
MONTHS = ["2019-01", "2023-03", "2023-04", "2024-03", "2024-04", "2025-06", "2031-12"]
PLACES = [None, "E08000025", "W06000015", "E07000222", "E07000219", "E06000001"]
UNCOVERED = {  # words a plan cannot answer: a batch holding one goes to the engine
    "police_uk_category": "Nonsense",
    "date": "2023-4",
    "location": "E01031000",
}


class _Counting:
    """``svduty._compute`` with its calls counted by name."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls = inner, Counter[str]()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.inner, name)
        if not callable(found):
            return found

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            return found(*args, **kwargs)

        return counted


def _encoded(values: list[Any], extra: list[Any]) -> pa.DictionaryArray:
    """``values`` as a dictionary column whose words repeat and hold ``extra`` unused ones."""
    words = [*extra, *dict.fromkeys(v for v in values if v is not None)]
    words += words[len(extra) :]  # each used word twice: the rows use the second
    second = {w: i for i, w in enumerate(words)}
    indices = pa.array([None if v is None else second[v] for v in values], pa.int32())
    return pa.DictionaryArray.from_arrays(indices, pa.array(words, pa.string()))


rows = st.lists(
    st.tuples(
        st.sampled_from([*CATEGORIES, None]), st.sampled_from(MONTHS), st.sampled_from(PLACES)
    ),
    min_size=1,
    max_size=30,
)


def _tables(picked: list[tuple[Any, ...]], unused: list[str]) -> tuple[pa.Table, pa.Table]:
    """The rows as text, and as dictionaries holding the ``unused`` columns' uncovered words."""
    names = ("police_uk_category", "date", "location")
    text = pa.table({n: pa.array([r[i] for r in picked], pa.string()) for i, n in enumerate(names)})
    words = pa.table(
        {
            n: _encoded(text.column(n).to_pylist(), [UNCOVERED[n]] if n in unused else [])
            for n in names
        }
    )
    return text, words


@settings(max_examples=60, deadline=None)
@given(
    picked=rows,
    which=st.integers(0, 1),
    unused=st.lists(st.sampled_from(sorted(UNCOVERED)), unique=True),
)
def test_dictionary_columns_are_answered_as_their_text(picked, which, unused) -> None:
    """Words repeated or unused (even ones the plan cannot answer) change no answer."""
    plan = _plans()[which]
    text, words = _tables(picked, unused)
    assert np.array_equal(plan._keys(words), plan._keys(text))
    answered, expected = plan.answer(words), plan.answer(text)
    assert answered is not None
    assert expected is not None
    assert {n: c.to_pylist() for n, c in answered.items()} == {
        n: c.to_pylist() for n, c in expected.items()
    }
    missing, spelt = plan.missing_of(words), plan.missing_of(text)
    assert missing is not None
    assert spelt is not None
    assert {n: c.to_pylist() for n, c in missing.items()} == {
        n: c.to_pylist() for n, c in spelt.items()
    }


@settings(max_examples=30, deadline=None)
@given(picked=rows, which=st.integers(0, 1), where=st.sampled_from(sorted(UNCOVERED)))
def test_a_used_word_the_plan_cannot_answer_still_sends_the_batch_to_the_engine(
    picked, which, where
) -> None:
    plan = _plans()[which]
    names = ("police_uk_category", "date", "location")
    first = tuple(UNCOVERED[n] if n == where else v for n, v in zip(names, picked[0], strict=True))
    text, words = _tables([first, *picked], [])
    for table in (text, words):
        assert plan.answer(table) is None
        assert plan.missing_of(table) is None


def test_the_missing_facts_are_words_not_a_text_a_row(monkeypatch) -> None:
    """Counted: the plan's few texts once per call, never a row's copy of one."""
    plan = _plans()[1]
    assert plan.missing is not None
    n = 5_000
    picked = [(CATEGORIES[i % len(CATEGORIES)], MONTHS[i % 7], PLACES[i % 6]) for i in range(n)]
    _, words = _tables(picked, [])
    counting = _Counting(plan_module.pc)
    monkeypatch.setattr(plan_module, "pc", counting)
    missing = plan.missing_of(words)
    assert missing is not None
    for name, column in missing.items():
        assert pa.types.is_dictionary(column.type), name  # no text copied for each row
        distinct = len(plan.missing.column(name).unique())
        assert len(column.dictionary) <= distinct, name  # the plan's words, not the rows'
    # each dictionary column classed through its words: nothing decoded, nothing hashed
    assert counting.calls["dictionary_decode"] == 0
    # the plan's texts encoded at its first call, not again (speed49a: once a plan)
    assert counting.calls["dictionary_encode"] in (0, len(plan.missing.column_names))
