"""A police.uk plan read back from the cache keeps its missing facts packed (speed50e).

The cache pickles a plan's ``missing`` with each text column dictionary-encoded
(``_Packed``, speed48a). Reading it back decoded every column to text at every start-up
(2.4-2.7 ms of ``svduty classify``'s start-up), although a run with no rows never reads
them, and a run with rows then encoded them again for ``missing_of``. Now the packed
columns are kept: ``missing`` decodes them when first asked, ``missing_of`` and
``missing_counts`` take the encoded columns as they are. Counted guards (calls, not
seconds), and properties: what a plan read back gives equals what the plan gives.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import _compute
from svduty.io import load_sections, read_police_uk, sample_police_uk
from svduty.io._plan import PolicePlan
from svduty.io._plan_build import police_plan

_PLAN: list[PolicePlan] = []


def _warwickshire_plan() -> PolicePlan:
    if not _PLAN:
        _PLAN.append(police_plan(load_sections("warwickshire", "definition").definition))
    return _PLAN[0]


def _read_back(plan: PolicePlan) -> PolicePlan:
    again = pickle.loads(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(again, PolicePlan)
    return again


def _batch() -> pa.Table:
    month = next(read_police_uk(sample_police_uk()))
    places = ["E07000222", "E08000026", None]
    return pa.table(
        {
            "police_uk_category": month["police_uk_category"],
            "date": month["month"],
            "location": pa.array([places[i % 3] for i in range(month.num_rows)], pa.string()),
        }
    )


def _counting(monkeypatch: pytest.MonkeyPatch, n: int) -> dict[str, int]:
    """Calls of ``dictionary_decode`` / ``dictionary_encode`` on ``n`` values (a plan's)."""
    calls = {"dictionary_decode": 0, "dictionary_encode": 0}
    for name in calls:
        real = getattr(_compute, name)

        def counted(values: Any, *args: Any, _real: Any = real, _name: str = name, **k: Any) -> Any:
            if len(values) == n:
                calls[_name] += 1
            return _real(values, *args, **k)

        monkeypatch.setattr(_compute, name, counted, raising=False)
    return calls


def test_reading_a_plan_back_decodes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _warwickshire_plan()
    assert plan.missing is not None
    kept = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
    calls = _counting(monkeypatch, plan.missing.num_rows)
    again = pickle.loads(kept)
    assert calls == {"dictionary_decode": 0, "dictionary_encode": 0}
    assert again.missing.equals(plan.missing)  # decoded when asked: each text column once
    assert calls["dictionary_decode"] == len(again._missing.encoded) > 0
    assert again.missing is again.missing  # (and only once)
    assert calls["dictionary_decode"] == len(again._missing.encoded)


def test_answering_and_counting_read_the_packed_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _warwickshire_plan()
    assert plan.missing is not None
    again, batch = _read_back(plan), _batch()
    calls = _counting(monkeypatch, plan.missing.num_rows)
    answers = again.answer(batch)
    assert answers is not None
    assert again.missing_of(batch, pa.table(answers)) is not None
    assert again.missing_counts(pa.table(answers), np.ones(batch.num_rows, np.int64)) is not None
    assert again.missing_of(batch) is not None
    assert calls == {"dictionary_decode": 0, "dictionary_encode": 0}


def _plain(found: dict[str, Any] | None) -> Any:
    if found is None:
        return None
    return {k: (v.type, v.to_pylist()) if hasattr(v, "to_pylist") else v for k, v in found.items()}


@pytest.mark.parametrize("asked_first", [False, True])
def test_a_plan_read_back_answers_as_the_plan(asked_first: bool) -> None:
    plan, batch = _warwickshire_plan(), _batch()
    again = _read_back(plan)
    if asked_first:  # decoded before the rows come: the same answers
        assert again.missing is not None
    weights = np.arange(batch.num_rows, dtype=np.int64) % 7
    for one in (plan, again):
        one._memo.pop("answered", None)
    got_answers, want_answers = again.answer(batch), plan.answer(batch)
    assert got_answers is not None
    assert want_answers is not None
    assert _plain(again.missing_of(batch)) == _plain(plan.missing_of(batch))
    got = again.missing_counts(pa.table(got_answers), weights)
    want = plan.missing_counts(pa.table(want_answers), weights)
    assert got is not None
    assert got == want


_TEXT = st.one_of(st.none(), st.sampled_from(["", "a", "a, b", "died", "é ∅"]), st.text())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(_TEXT, _TEXT), min_size=2, max_size=2).flatmap(
        lambda rows: st.tuples(st.just(rows), st.lists(st.integers(0, 1), max_size=12))
    ),
    st.booleans(),
    st.booleans(),
)
def test_missing_facts_read_back_are_the_same(drawn: Any, with_null_type: bool, ask: bool) -> None:
    """Any texts (nulls, empty, any characters), and a column that is not text, kept as given."""
    rows, places = drawn
    columns: dict[str, Any] = {
        "violence": pa.array([r[0] for r in rows], pa.string()),
        "weapon": pa.array([r[1] for r in rows], pa.string()),
    }
    if with_null_type:
        columns["unknown"] = pa.nulls(2)
    plan = PolicePlan(
        "d", ("Drugs",), (), {}, {"E07": 0}, 1, 2, pa.table({"basis": ["category"] * 2}),
        frozenset({"basis"}), missing=pa.table(columns),
    )  # fmt: skip
    again = _read_back(plan)
    if ask:
        assert again.missing is not None
        assert again.missing.equals(plan.missing)
    table = pa.table(
        {
            "police_uk_category": pa.array(["Drugs"] * len(places), pa.string()),
            "date": pa.array(["2019-01"] * len(places), pa.string()),
            "location": pa.array([("E07000218", None)[p] for p in places], pa.string()),
        }
    )
    assert _plain(again.missing_of(table)) == _plain(plan.missing_of(table))
    weights = np.arange(1, len(places) + 1, dtype=np.int64)
    counted = []
    for one in (plan, again):
        answers = one.answer(table)
        assert answers is not None
        counted.append(one.missing_counts(pa.table(answers), weights))
    assert counted[0] == counted[1]
    assert again.missing is not None
    assert again.missing.equals(plan.missing)
