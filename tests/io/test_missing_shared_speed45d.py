"""The summary's missing facts come from the classifier's evaluated rules (speed45d).

``svduty classify``'s summary counts undetermined rows by the facts missing. The
classifier evaluates the rules of a batch's new combinations of input values for their
verdicts; their missing facts are worked out from the same evaluated rules and put in the
pipeline's memo, so the count finds them there instead of preparing the rows and
evaluating the rules a second time. The answers must be those of evaluating every row
(``missing_keys(missing_columns(...))``), whatever columns a batch has or leaves all null.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.definitions._missing_columns as missing_module
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io import default_pipeline
from svduty.io._missing_facts import _classifier_inputs, missing_facts_of

from ._missing_tables import good as _good

_COLUMNS: dict[str, tuple[Any, list[Any]]] = {
    "date": (pa.string(), ["2019-01-15", "2023-03-02", "2025-06", None]),
    "police_uk_category": (pa.string(), ["Robbery", "Violence and sexual offences", None]),
    "location": (pa.string(), ["E01031180", "E07000222", "E08000025", None]),
    "offence_code": (pa.string(), ["8N", "46", None]),
    "relationship": (pa.string(), ["none", "married", None]),
    "victim_age": (pa.int64(), [14, 30, 200, None]),  # 200 is refused: the row rejected
}


def _table(rows: list[dict[str, Any]], names: list[str]) -> pa.Table:
    n = len(rows)
    columns = {
        "file": pa.array(["x.jsonl"] * n),
        "row": pa.array(range(2, n + 2), pa.int64()),
        "rejected": pa.nulls(n, pa.string()),
        "rejected_field": pa.nulls(n, pa.string()),
    }
    for name in dict.fromkeys([*names, "location"]):  # an incident batch has a location
        columns[name] = pa.array([r[name] for r in rows], _COLUMNS[name][0])
    return pa.table(columns)


row = st.fixed_dictionaries({n: st.sampled_from(v) for n, (_, v) in _COLUMNS.items()})
batch = st.tuples(
    st.lists(row, min_size=1, max_size=20),
    st.lists(st.sampled_from(sorted(_COLUMNS)), min_size=1, unique=True),
)


@settings(max_examples=25, deadline=None)
@given(batches=st.lists(batch, min_size=1, max_size=3))
def test_shared_missing_facts_are_every_rows(batches: list[Any]) -> None:
    """Batches with columns absent or all null, in any order: each row's own facts."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    bound: Any = pipe.split.__self__  # type: ignore[attr-defined]
    for rows, names in batches:
        good = _good(pipe(_table(rows, names)))
        if not good.num_rows:
            continue
        got = facts(good)
        reference = missing_keys(
            missing_columns(
                _classifier_inputs(good),
                bound.chosen(),
                resolve_district=bound.geography.district_code_of,
            )
        )
        assert got.keys() == reference.keys()
        for name, keys in reference.items():
            assert got[name].cast(pa.string()).to_pylist() == keys.to_pylist(), name


def test_missing_facts_not_prepared_again(monkeypatch) -> None:
    """Counted, not timed: the count prepares no row the classifier evaluated."""
    prepared: list[int] = []
    original = missing_module.prepare

    def counted(table: pa.Table, *args: Any) -> Any:
        prepared.append(table.num_rows)
        return original(table, *args)

    monkeypatch.setattr(missing_module, "prepare", counted)
    values = _COLUMNS["date"][1], _COLUMNS["police_uk_category"][1], _COLUMNS["location"][1]
    rows = [
        {"date": d, "police_uk_category": c, "location": p}
        for d in values[0]
        for c in values[1]
        for p in values[2]
    ]
    names = ["date", "police_uk_category", "location"]
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(_table(rows * 5, names)))  # 48 combinations, 240 rows
    assert good.num_rows == 240
    facts(good)
    assert prepared == []  # the classifier's evaluated rules gave them
    more = [*rows, {"date": "2024-02-29", "police_uk_category": "Robbery", "location": None}]
    facts(_good(pipe(_table(more * 3, names))))  # (rows mostly alike: the memo's route)
    assert prepared == []  # the new combination too
