"""A police.uk plan names the missing facts the rule engine names (analyst44)."""

from __future__ import annotations

import functools

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import POLICE_UK_CATEGORIES, STATUTE
from svduty.definitions._missing_columns import missing_columns, missing_keys
from svduty.io import load_packaged_definition
from svduty.io._plan_build import police_plan


@functools.cache
def _plans() -> tuple[list, list]:
    """The definitions and their police plans, built when the test first runs (ci59b: at
    import they were built by every xdist worker collecting the file, 1.4 s of CPU without
    coverage, for the one worker that runs its one test)."""
    definitions = [STATUTE, load_packaged_definition("warwickshire")]
    return definitions, [police_plan(d) for d in definitions]


MONTHS = ["2019-01", "2023-03", "2023-04", "2023-05", "2024-03", "2024-04", "2025-06", "2031-12"]
PLACES = [None, "E08000025", "W06000015", "E07000222", "E07000219", "E06000001"]
row = st.tuples(
    st.sampled_from([c.name for c in POLICE_UK_CATEGORIES] + [None]),
    st.sampled_from(MONTHS),
    st.sampled_from(PLACES),
)


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(row, min_size=1, max_size=20), which=st.integers(0, 1))
def test_the_plans_missing_facts_are_the_engines(rows, which) -> None:
    table = pa.table(
        {
            "police_uk_category": pa.array([r[0] for r in rows], pa.string()),
            "date": pa.array([r[1] for r in rows], pa.string()),
            "location": pa.array([r[2] for r in rows], pa.string()),
        }
    )
    definitions, plans = _plans()
    planned = plans[which].missing_of(table)
    assert planned is not None
    engine = missing_keys(missing_columns(table, definitions[which]))
    assert planned.keys() == engine.keys()
    for name, keys in engine.items():
        assert planned[name].to_pylist() == keys.to_pylist(), name
