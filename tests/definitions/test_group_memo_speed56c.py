"""The verdicts of groups alike in what the rules read, remembered across batches (speed56c).

The columnar engine evaluates a batch's new distinct rows once a group of rows alike in
what the rules read (``_fact_groups``); a pipeline's memo now keeps those groups'
verdicts and missing facts across batches, keyed by the values the rules read
(``_fact_groups.remembered_groups``), so a later batch evaluates the rules only for
groups no earlier batch had. Whatever the batches (columns given in some rows, in every
row or in none, places known or not, bad values and contradictions), every batch's
verdicts and refused rows must be those of classifying it alone, without a memo.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import _fact_groups, _verdict_columns, classify_split
from svduty.definitions._fact_groups import remembered_groups

from .helpers import LIST_FIELDS, to_table
from .strategies import RESOLVE, incident_json

_PLACES = [None, "E01031012", "E07000222", "E01000001", "W01001234"]
"""LSOAs whose district the test geography knows or not, a district, and none."""
_OTHERS = [f"E0100{i:04d}" for i in range(2, 8)]
"""LSOAs the test geography does not know: rows alike in what the rules read."""

_COLUMNS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
_OUT = (*_COLUMNS, "kinds", "basis", "reasons")


def _batch(bases: list[dict[str, Any]], places: list[Any], plain: bool) -> pa.Table:
    rows = []
    for base in bases:
        for place in [*places, *_OTHERS]:
            row = {k: v for k, v in base.items() if not (plain and k in LIST_FIELDS)}
            rows.append({**row, "location": place} if place is not None else row)
    return to_table(rows * 2, all_columns=False)


_FIELDS = {
    "police_uk_category": ["Robbery", "Violence and sexual offences", "Drugs", "Murder?"],
    "offence_code": ["8N", "46", "105A", "1", "4.1"],
    "victim_age": [10, 14, 16, 17, 30, 200],
    "date": ["2019-01-15", "2023-03-31", "2024-06", "2025-13"],
    "relationship": ["married", "none"],
    "died": [True, False],
    "weapon": ["knife", "firearm"],
}
"""Few values of a few fields (a bad one among them: its rows refused), so that a batch's
rows are often alike in what the rules read and seldom contradict each other."""


@st.composite
def _incident(draw: st.DrawFn) -> dict[str, Any]:
    fields = draw(st.sets(st.sampled_from(sorted(_FIELDS)), max_size=4))
    return {f: draw(st.sampled_from(_FIELDS[f])) for f in sorted(fields)}


_BATCH = st.tuples(
    st.lists(st.one_of(_incident(), _incident(), incident_json()), min_size=1, max_size=4),
    st.lists(st.sampled_from(_PLACES), min_size=1, max_size=5, unique=True),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_BATCH, min_size=1, max_size=4), st.booleans())
def test_remembered_groups_agree_with_each_batch_alone(
    batches: list[tuple[list[dict[str, Any]], list[Any]]], plain: bool
) -> None:
    memo: dict[Any, Any] = {}
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_fact_groups, "FEWEST", 2)  # groups of the few rows a test has
        for bases, places in batches:
            table = _batch(bases, places, plain)
            got, got_bad = classify_split(table, resolve_district=RESOLVE, memo=memo)
            want, want_bad = classify_split(table, resolve_district=RESOLVE)
            assert [(p.row, p.field, p.message) for p in got_bad] == [
                (p.row, p.field, p.message) for p in want_bad
            ]
            for name in _OUT:
                assert got.column(name).to_pylist() == want.column(name).to_pylist(), name


def test_a_batch_of_groups_met_before_evaluates_no_rule(monkeypatch: Any) -> None:
    """Counted, not timed: the rules run for new groups only, whatever the rows."""
    evaluated: list[int] = []
    answers = _verdict_columns.answers

    def counted(env: Any, *args: Any) -> Any:
        evaluated.append(env.length)
        return answers(env, *args)

    monkeypatch.setattr(_verdict_columns, "answers", counted)
    memo: dict[Any, Any] = {}
    rows = [
        {"police_uk_category": c, "victim_age": a, "date": "2025-06-15", "location": p}
        for c in ("Robbery", "Drugs")
        for a in (14, 30)
        for p in ("E01031012", "E01000001", None, *(f"E0103{i:04d}" for i in range(30)))
    ]
    first = to_table(rows * 2, all_columns=False)  # (half the rows distinct)
    classify_split(first, resolve_district=RESOLVE, memo=memo)
    assert evaluated == [
        12
    ]  # 2 categories x 2 ages x (a place whose district is known or not, none)
    moved = [
        {**r, "location": None if r["location"] is None else r["location"][:-1] + "9"} for r in rows
    ]
    again, _ = classify_split(
        to_table(moved * 2, all_columns=False), resolve_district=RESOLVE, memo=memo
    )
    assert evaluated == [12]  # new rows (other places), no new group: no rule run
    for name in _OUT:
        want = classify_split(to_table(moved * 2, all_columns=False), resolve_district=RESOLVE)[0]
        assert again.column(name).to_pylist() == want.column(name).to_pylist(), name


def test_groups_of_another_shape_are_not_shared() -> None:
    """A column of another type, or keyed otherwise, is another memo entry."""
    memo: dict[Any, Any] = {}
    asked: list[int] = []

    def evaluate(new: Any) -> dict[str, Any]:
        asked.append(len(new))
        return {"n": pa.array(range(len(new)))}

    for ages in (pa.array([30, 12]), pa.array([30.0, 12.0]), pa.array([30, 12])):
        found = remembered_groups({"victim_age": ages}, (), memo=memo, rules="r", evaluate=evaluate)
        assert found is not None
    assert asked == [2, 2]  # int64 then float64; int64 again: remembered
    found = remembered_groups(
        {"location": pa.array(["E01031012", None])},
        ("location",),
        memo=memo,
        rules="r",
        evaluate=evaluate,
    )
    assert found is not None
    assert asked == [2, 2, 2]
    assert (
        remembered_groups({"k": pa.array([[1]])}, (), memo=memo, rules="r", evaluate=evaluate)
        is None
    )


def test_a_full_memo_or_no_answer_is_evaluated_without_it(monkeypatch: Any) -> None:
    """A memo of as many groups as it holds, or ``evaluate`` giving none: ``None``."""
    memo: dict[Any, Any] = {}

    def evaluate(new: Any) -> dict[str, Any]:
        return {"n": pa.array(range(len(new)))}

    lists = pa.nulls(2, pa.list_(pa.string()))  # a list given in no row: keyed as unknown
    ages = {"behaviours": lists, "victim_age": pa.array([30, 12])}
    assert remembered_groups(ages, (), memo=memo, rules="r", evaluate=evaluate) is not None
    assert remembered_groups(ages, (), memo=memo, rules="r", evaluate=lambda new: None) is not None
    more = {"behaviours": lists, "victim_age": pa.array([40, 50])}
    assert remembered_groups(more, (), memo=memo, rules="r", evaluate=lambda new: None) is None
    monkeypatch.setattr(_fact_groups, "MOST_GROUPS", 3)
    assert remembered_groups(more, (), memo=memo, rules="r", evaluate=evaluate) is None
    monkeypatch.setattr(_fact_groups, "MOST_GROUPS", 4)
    found = remembered_groups(more, (), memo=memo, rules="r", evaluate=evaluate)
    assert found is not None
    assert found[0].tolist() == [2, 3]
    assert found[1]["n"].to_pylist() == [0, 1, 0, 1]
