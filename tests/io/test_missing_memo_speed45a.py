"""The summary's missing facts, remembered across batches, are the engine's (speed45a).

``svduty classify``'s summary counts each answer's undetermined rows by the facts missing
(``undetermined_by_missing``). The rules that name them run once per combination of
input values the run meets, not once per batch: a combination an earlier batch had is
looked up in the pipeline's memo. The answers must be those of evaluating every row
(``missing_keys(missing_columns(...))``, the route before, kept here as the reference),
whatever the batches and their order; and a counted guard says the rules are not run
again on rows seen before.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty.definitions._missing_columns as missing_module
import svduty.definitions._missing_rows as missing_rows_module
from svduty.definitions._fact_groups import GroupedEnv
from svduty.definitions._missing_columns import missing_columns, missing_keys, missing_words
from svduty.errors import DataError
from svduty.io import default_pipeline
from svduty.io._missing_facts import _classifier_inputs, missing_facts_of

from ._missing_tables import good as _good
from ._missing_tables import incident_table

_DATES = ["2019-01-15", "2023-03-02", "2025-06", None]
_CATEGORIES = ["Robbery", "Burglary", "Violence and sexual offences", None]
_PLACES = ["E01031180", "E07000222", "E08000025", None]
_CODES = ["8N", "46", "105A", None]
_RELATIONSHIPS = ["none", "married", None]
_AGES = [14, 30, 200, None]  # 200 is refused: the row is rejected

row = st.tuples(
    st.sampled_from(_DATES),
    st.sampled_from(_CATEGORIES),
    st.sampled_from(_PLACES),
    st.sampled_from(_CODES),
    st.sampled_from(_RELATIONSHIPS),
    st.sampled_from(_AGES),
)


_TABLE_COLUMNS = {
    "date": pa.string(),
    "police_uk_category": pa.string(),
    "location": pa.string(),
    "offence_code": pa.string(),
    "relationship": pa.string(),
    "victim_age": pa.int64(),
}


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    return incident_table(rows, _TABLE_COLUMNS)


@settings(max_examples=40, deadline=None)
@given(batches=st.lists(st.lists(row, min_size=1, max_size=30), min_size=1, max_size=4))
def test_remembered_missing_facts_are_every_rows(batches: list[list[tuple[Any, ...]]]) -> None:
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    definition = pipe.split.__self__.chosen()  # type: ignore[attr-defined]
    resolve = pipe.split.__self__.geography.district_code_of  # type: ignore[attr-defined]
    for rows in batches:
        good = _good(pipe(_table(rows)))
        if not good.num_rows:
            continue  # every row rejected: nothing counted (``count_missing``)
        got = facts(good)
        reference = missing_keys(
            missing_columns(_classifier_inputs(good), definition, resolve_district=resolve)
        )
        assert got.keys() == reference.keys()
        for name, keys in reference.items():
            assert got[name].cast(pa.string()).to_pylist() == keys.to_pylist(), name


def test_rules_run_once_per_combination_across_batches(monkeypatch) -> None:
    """Counted, not timed: a batch of combinations seen before runs no missing-facts rule."""
    evaluated: list[int] = []
    original = missing_module.missing_bits  # the rules' missing facts worked out (speed53c)
    kept = missing_rows_module.remember_rows  # (speed46b: a batch classified row by row)
    prepare = missing_module.prepare

    def counted(env: Any, *args: Any) -> Any:  # the rows its groups cover (speed53c)
        evaluated.append(len(env.groups) if isinstance(env, GroupedEnv) else env.length)
        return original(env, *args)

    # the memo's route: the classifier keeps no batch's own rows (as when the count's rows
    # are not the classifier's)
    monkeypatch.setattr(missing_rows_module, "remember_rows", lambda *a, **k: None)

    monkeypatch.setattr(missing_module, "missing_bits", counted)
    rows = [(d, c, p, None, None, 30) for d in _DATES for c in _CATEGORIES for p in _PLACES]
    batch = _table(rows * 5)  # 64 combinations, 320 rows
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(batch))
    facts(good)
    # each group of combinations alike in what the rules read once (speed56c: the groups'
    # missing facts kept with their verdicts), not each combination nor each row: the
    # places here are all known to be in a district, so only whether one is given counts
    alike = len({(d, c, p is not None) for d, c, p, *_ in rows})
    assert sum(evaluated) == alike < len(rows)
    facts(good)
    facts(good.slice(7, 100))  # fewer rows, some of them: nothing new
    assert sum(evaluated) == alike
    again = _good(pipe(_table([*rows, ("2024-02-29", "Robbery", None, None, None, 30)])))
    facts(again)
    assert sum(evaluated) == alike + 1  # only the new combination's group
    # with the classifier's own rows kept (speed46b): those 65 rows, all distinct, are
    # classified row by row, and their missing facts come from the rules evaluated for
    # their verdicts (``missing_bits`` of the verdicts' environment): none prepared
    # and evaluated again for the count
    monkeypatch.setattr(missing_rows_module, "remember_rows", kept)
    evaluated.clear()
    prepared: list[int] = []

    def counted_prepare(table: pa.Table, *args: Any) -> Any:
        prepared.append(table.num_rows)
        return prepare(table, *args)

    monkeypatch.setattr(missing_module, "prepare", counted_prepare)
    facts(_good(pipe(_table([*rows, ("2024-02-28", "Robbery", None, None, None, 30)]))))
    assert evaluated == [len(rows) + 1]
    assert prepared == []


_BEHAVIOURS = [None, [], ["physical"], ["controlling_or_coercive", "economic"]]


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(row, st.sampled_from(_BEHAVIOURS)), min_size=1, max_size=30))
def test_missing_words_are_the_missing_keys(rows: list[tuple[Any, Any]]) -> None:
    """The sets of facts numbered by bits spell what the lists joined spell, row by row."""
    table = _table([r for r, _ in rows]).select(
        ["date", "police_uk_category", "location", "offence_code", "relationship"]
    )
    table = table.append_column("behaviours", pa.array([b for _, b in rows], pa.list_(pa.string())))
    try:
        reference = missing_keys(missing_columns(table))
    except DataError:
        return  # a contradiction: refused by both routes (the pipeline rejects the rows)
    words = missing_words(table)
    assert words.keys() == reference.keys()
    for name, keys in reference.items():
        assert pa.types.is_dictionary(words[name].type)
        assert words[name].cast(pa.string()).to_pylist() == keys.to_pylist(), name
