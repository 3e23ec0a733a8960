"""users56: ``DoubtsOnce`` was a frozen attrs class holding a ``dict`` that each step filled:
an accumulator dressed as a value (a copy taken before a step changed with it). It is a
value now: each step gives the output and the doubts said after it, the value before left
as it was, and the output of a run of rows is the same as before."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands._doubts_once import DoubtsOnce
from svduty.definitions import Incident, classify

_ROW = classify(Incident(id="a", police_uk_category="Drugs", date="2024-03"))


def _doubts() -> set[str]:
    return {r.citation.doubt for r in _ROW.reasons if r.citation and r.citation.doubt}


def test_a_step_leaves_the_value_before_as_it_was() -> None:
    before = DoubtsOnce()
    said, after = before.text(_ROW.explain(), _ROW, 2)
    assert before.said == {}  # the accumulator filled this one
    assert set(after.said) == _doubts()
    assert said == _ROW.explain()  # the first row says every doubt in full
    again, same = after.text(_ROW.explain(), _ROW, 2)  # the same row again: nothing new
    assert (again, same) == (said, after)
    assert same is after


def test_the_value_cannot_be_changed() -> None:
    _, after = DoubtsOnce().text(_ROW.explain(), _ROW, 2)
    with pytest.raises(TypeError):
        after.said["x"] = ("RULE", 1)  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        after.said = {}  # type: ignore[misc]


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6))
def test_each_doubt_is_said_in_full_once_over_rows(rows: list[int]) -> None:
    """Over any run of row numbers, a doubt is said in full at the first row that says it
    (and at that row again), and referred to at every other row."""
    once = DoubtsOnce()
    full = _ROW.explain()
    for row in rows:
        said, once = once.text(full, _ROW, row)
        assert (said == full) == (row == rows[0])
        for doubt in _doubts():
            assert (doubt in said) == (row == rows[0])
    _, html_once = DoubtsOnce().html(_ROW.explain("html"), _ROW, rows[0])
    assert html_once == DoubtsOnce().text(full, _ROW, rows[0])[1]
