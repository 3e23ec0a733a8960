"""Verdicts remembered across batches are the verdicts of classifying each batch afresh."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import classify_split
from svduty.definitions._distinct import MEMO_ROWS, spread_all
from svduty.definitions._missing_rows import _ROWS, remembered_later
from svduty.errors import DataError

from .strategies import RESOLVE

_VALUES = {
    "offence_code": st.sampled_from(["8N", "46", "105A", "3A", None]),
    "police_uk_category": st.sampled_from(["Robbery", "Public order", "Drugs", None]),
    "victim_age": st.sampled_from([30, 17, 200, None]),  # 200: a bad age, rejected
    "date": st.sampled_from(["2025-06", "2019-01", None]),
    "location": st.sampled_from(["E07000220", "E08000026", "E01031180", None]),
}
_ROW = st.fixed_dictionaries(_VALUES)
_TYPES = {"victim_age": pa.int64()}


def _table(rows: list[dict], columns: list[str], encoded: bool) -> pa.Table:
    cols = {}
    for c in columns:
        values = pa.array([r[c] for r in rows], _TYPES.get(c, pa.string()))
        cols[c] = values.dictionary_encode() if encoded and c == "location" else values
    return pa.table(cols)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(_ROW, min_size=2, max_size=12),
            st.lists(st.sampled_from(list(_VALUES)), min_size=1, unique=True),
            st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    st.booleans(),
)
def test_remembered_verdicts_are_the_verdicts_of_each_batch(batches, encode):
    """Batches with other columns, types, new and known combinations and bad rows."""
    memo: dict = {}
    for rows, columns, encoded in batches:
        t = _table(rows, columns, encoded)
        try:
            fresh = classify_split(t, resolve_district=RESOLVE, encode=encode)
        except DataError:
            with pytest.raises(DataError):
                classify_split(t, resolve_district=RESOLVE, encode=encode, memo=memo)
            continue
        kept = classify_split(t, resolve_district=RESOLVE, encode=encode, memo=memo)
        assert kept[1] == fresh[1]
        assert kept[0].equals(fresh[0])
        assert kept[0].schema == fresh[0].schema


def test_a_known_combination_is_not_classified_again(monkeypatch):
    import svduty.definitions._columnar as columnar

    calls = []
    real = columnar._verdicts
    monkeypatch.setattr(
        columnar,
        "_verdicts",
        lambda tab, *a, **k: calls.append(tab.num_rows) or real(tab, *a, **k),
    )
    t = pa.table({"police_uk_category": ["Robbery", "Drugs"] * 4, "date": ["2025-06"] * 8})
    memo: dict = {}
    classify_split(t, memo=memo)
    again = classify_split(t.slice(1), memo=memo)[0]
    twice = classify_split(pa.concat_tables([t, t]), memo=memo)[0]
    assert calls == [2]  # the two combinations, once
    assert again.equals(classify_split(t.slice(1))[0])
    assert twice.equals(classify_split(pa.concat_tables([t, t]))[0])
    calls.clear()
    newer = pa.table({"police_uk_category": ["Shoplifting", "Drugs"] * 2, "date": ["2025-06"] * 4})
    classify_split(newer, memo=memo)
    assert calls == [1]  # only the new combination


def test_a_full_memo_classifies_without_keeping(monkeypatch):
    import svduty.definitions._distinct as distinct

    monkeypatch.setattr(distinct, "MEMO_ROWS", 1)
    t = pa.table({"police_uk_category": ["Robbery", "Drugs"] * 3})
    memo: dict = {}
    assert classify_split(t, memo=memo)[0].equals(classify_split(t)[0])
    memo.pop(_ROWS)  # (the batch's missing facts, kept for the count: speed46d)
    assert memo == {}
    assert MEMO_ROWS > 1
    monkeypatch.setattr(distinct, "MEMO_ROWS", 2)
    assert classify_split(t, memo=memo)[0].equals(classify_split(t)[0])

    def verdicts() -> dict:  # (the memo holds their missing facts too: speed45d)
        return {k: v for k, v in memo.items() if k != _ROWS and k[0] != "missing facts"}

    (full,) = verdicts().values()
    assert full[0].num_rows == 2
    more = pa.table({"police_uk_category": ["Shoplifting", "Drugs"] * 3})
    assert classify_split(more, memo=memo)[0].equals(classify_split(more)[0])
    assert verdicts() == {next(iter(verdicts())): full}  # full: left as it was


def test_spread_all_shares_the_rows_numbers_of_columns_that_agree():
    words = pa.array(["yes", "no"]).dictionary_encode()
    other = pa.DictionaryArray.from_arrays(words.indices, pa.array(["required", "not_required"]))
    groups = pa.array([0, 1, 1, 0], pa.int32())
    out = spread_all({"a": words, "b": other, "c": pa.array([1, 2])}, groups, True)
    assert out["a"].indices.buffers()[1].address == out["b"].indices.buffers()[1].address
    assert out["b"].to_pylist() == ["required", "not_required", "not_required", "required"]
    assert out["c"].to_pylist() == [1, 2, 2, 1]
    plain = spread_all({"a": words}, groups, False)
    assert plain["a"].type == pa.string()


def test_one_memo_shared_by_two_definitions_keeps_their_answers_apart():
    """The memo is keyed by what the rule set is made of (definition, pilot), not by an id."""
    from svduty.definitions import STATUTE
    from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
    from svduty.io import load_sections

    local = load_sections("warwickshire", "definition").definition
    rows = [{"police_uk_category": "Public order", "date": "2025-06", "location": "E01031180"}]
    t = pa.table({k: pa.array([r[k] for r in rows * 3], pa.string()) for k in rows[0]})
    memo: dict = {}
    for definition in (STATUTE, local, STATUTE, local):
        fresh, _ = classify_split(t, definition, resolve_district=RESOLVE)
        kept, _ = classify_split(t, definition, resolve_district=RESOLVE, memo=memo)
        assert kept.equals(fresh)
    both = {(STATUTE, OWHR_PILOT_AS_MADE), (local, OWHR_PILOT_AS_MADE)}
    memo.pop(_ROWS)  # (the last batch's missing facts, kept for the count: speed46d)
    assert {key[0] for key in memo if key[0] != "missing facts"} == both
    remembered_later(memo)  # (put under the count's key when it first looks: speed49c)
    assert {key[1] for key in memo if key[0] == "missing facts"} == both  # (speed45d)
