"""The classifier's missing facts go under the count's own key only when the count looks there.

The classifier evaluates a batch's new combinations and works out their missing facts from
the same rules (speed46d). It also put them at once under the key the summary's count looks
up when its rows are not the classifier's (``remember_missing``): the memo's combinations
and the new ones grouped together, a take, a concatenation, for every batch with a new
combination (about 15 ms of the loop's thread for the bench's 200,000 incidents, growing
with the memo). An incident file's count takes each batch's sets from the classifier
(speed48c) and never looks there. The sets are now set aside and put there when the count
first looks (``remembered_later``): the same sets, found the same way, no rule evaluated
again. Counted, not timed.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

import svduty.definitions._missing_columns as missing_module
import svduty.definitions._missing_rows as missing_rows_module
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io import default_pipeline, run_pipeline
from svduty.io._missing_facts import _classifier_inputs, missing_facts_of

from ._missing_tables import good as _good
from ._missing_tables import incident_table

_COLUMNS = {
    "date": pa.string(),
    "police_uk_category": pa.string(),
    "location": pa.string(),
    "victim_age": pa.int64(),
}
_DATES = ["2019-01-15", "2023-03-02", "2025-06", None]
_CATEGORIES = ["Robbery", "Burglary", "Violence and sexual offences", None]
_PLACES = ["E01031180", "E07000222", "E08000025", None]


def _rows(age: int) -> list[tuple[Any, ...]]:
    """64 combinations, each five times: grouped by the classifier."""
    return [(d, c, p, age) for d in _DATES for c in _CATEGORIES for p in _PLACES] * 5


def _counted(monkeypatch: Any, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _reference(pipe: Any, good: pa.Table) -> dict[str, list[Any]]:
    bound = pipe.split.__self__
    resolve = bound.geography.district_code_of
    keys = missing_keys(
        missing_columns(_classifier_inputs(good), bound.chosen(), resolve_district=resolve)
    )
    return {name: column.to_pylist() for name, column in keys.items()}


def test_a_run_whose_count_takes_the_classifiers_sets_never_groups_them_again(
    monkeypatch,
) -> None:
    remembered = _counted(monkeypatch, missing_rows_module, "remember_missing")
    batches = [incident_table(_rows(age), _COLUMNS) for age in (14, 30, 47)]  # new each time
    summary = run_pipeline(iter(batches), default_pipeline(), None)
    assert summary.rows_out == 960
    assert summary.undetermined_by_missing  # counted all the same
    assert remembered == []  # before: [1, 1, 1] (every batch of new combinations)


def test_the_count_of_other_rows_finds_the_sets_set_aside(monkeypatch) -> None:
    """Rows not the classifier's (a part of them): found in the memo, no rule evaluated."""
    pipe = default_pipeline()
    facts = missing_facts_of(pipe)
    assert facts is not None
    good = _good(pipe(incident_table(_rows(30), _COLUMNS)))
    part = good.slice(3, 150)  # not the classifier's rows: its kept groups do not answer
    evaluated = _counted(
        monkeypatch, missing_module, "missing_bits"
    )  # (speed53c: was _answer_flags)
    got = facts(part)
    assert evaluated == []  # the sets set aside, put under the count's key, not evaluated
    spelt = {name: column.cast(pa.string()).to_pylist() for name, column in got.items()}
    assert spelt == _reference(pipe, part)
