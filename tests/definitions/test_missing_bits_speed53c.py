"""The missing facts as bits, a node at a time, are the masks' sets, row for row (speed53c).

``missing_sets`` (the summary's count of undetermined rows by missing facts, kept beside the
memo's verdicts) asked each node of the rules, for each fact it could name, where it names
it: a mask per (node, fact). It now works out each node's facts once, as bits a row
(:mod:`svduty.definitions._missing_bits`). The masks stay for ``missing_columns`` (the
lists); the two are compared here, and both with the one-incident ``classify``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import assume, example, given
from hypothesis import strategies as st

from svduty import _compute
from svduty.definitions import DEFINITIONS, Incident, _missing_bits, _missing_columns, classify
from svduty.definitions._classify import ruleset
from svduty.definitions._columns import prepare
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._missing_bits import _renumbered, missing_bits
from svduty.definitions._missing_columns import (
    missing_columns,
    missing_keys,
    missing_order,
    missing_sets,
    spelt_sets,
)
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
from svduty.errors import ConflictError, DataError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table, warwickshire
from .strategies import RESOLVE, incident_json

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
ALL_DEFINITIONS = [*DEFINITIONS.values(), warwickshire()]

_DEATHS = [  # the doubtful days of the pilot's end, the death's place given or not
    {**PILOT_KNIFE_HOMICIDE, "date": "2025-03", "date_of_death": "2025-04"},
    {**PILOT_KNIFE_HOMICIDE, "place_of_death": None, "location": None},
    {"died": True, "date_of_death": "2023-06", "place_of_death": "E07000222"},
]


def _kept(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows the one-incident ``classify`` accepts (a table of them classifies)."""
    out = []
    for data in rows:
        try:
            classify(Incident.from_json(data), resolve_district=RESOLVE)
        except (ConflictError, DataError):
            continue
        out.append(data)
    return out


@given(
    rows=st.lists(st.one_of(incident_json(), st.sampled_from(_DEATHS)), min_size=1, max_size=6),
    times=st.integers(1, 3),
    which=st.integers(0, len(ALL_DEFINITIONS) - 1),
    every_column=st.booleans(),
)
@example(rows=[{}], times=2, which=0, every_column=False)
@example(rows=_DEATHS, times=1, which=0, every_column=False)
def test_bits_are_the_masks_sets(
    rows: list[dict[str, Any]], times: int, which: int, every_column: bool
) -> None:
    """Rows mixed and alike, with columns absent or all null: the same facts for each row."""
    definition = ALL_DEFINITIONS[which]
    kept = _kept(rows)
    assume(kept)
    table = to_table(kept * times, all_columns=every_column)
    bits = missing_sets(table, definition, resolve_district=RESOLVE)
    assert bits is not None
    masks = missing_keys(missing_columns(table, definition, resolve_district=RESOLVE))
    order = missing_order(definition, OWHR_PILOT_AS_MADE)
    # each row classified by the scalar engine once, not once an answer and a repetition
    # (lead56: 24 s in CI)
    scalar = [classify(Incident.from_json(d), definition, resolve_district=RESOLVE) for d in kept]
    for answer in ANSWERS:
        spelt = spelt_sets(bits[answer], order[answer]).to_pylist()
        assert spelt == masks[answer].to_pylist(), answer
        for c, facts in zip(scalar * times, spelt, strict=True):
            if getattr(c, answer).value == "undetermined":
                assert facts == ", ".join(sorted(set(c.missing_for(answer)))), answer
            else:
                assert facts is None, answer


class _Counted:
    """``svduty._compute`` with every call counted."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        real = getattr(_compute, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return real(*args, **kwargs)

        return call


def test_an_evaluated_batch_names_its_missing_facts_without_arrow(monkeypatch: Any) -> None:
    """The verdicts' rules evaluated, the missing facts of mixed rows ask Arrow nothing.

    The masks asked it 200-500 times an evaluation (``and_``, ``or_``, ``is_null``...).
    """
    rows = [
        {"police_uk_category": "Robbery", "date": "2024-01-15", "victim_age": 14},
        {"police_uk_category": "Burglary", "date": "2024-02-15", "victim_age": 47},
        {"offence_code": "8N", "died": True, "relationship": "married"},
        {"location": "E01031012", "weapon": "knife"},
    ]
    table = to_table(rows, all_columns=False)
    definition = ALL_DEFINITIONS[-1]
    rs = ruleset(definition, OWHR_PILOT_AS_MADE)
    cols, facts, _ = prepare(table, RESOLVE, None, rs.pilot)
    env = ArrowEnv(cols, facts, rs.rules, table.num_rows, presumed=rs.presumed)
    for rule in rs.rules.values():
        rule.expr.arrow(env)  # as the verdicts evaluate them
    counted = _Counted()
    monkeypatch.setattr(_missing_bits, "pc", counted)
    monkeypatch.setattr(_missing_columns, "pc", counted)
    got = missing_bits(env, rs, missing_order(definition, OWHR_PILOT_AS_MADE))
    assert counted.calls == []
    monkeypatch.undo()
    want = missing_sets(table, definition, resolve_district=RESOLVE)
    assert got is not None
    assert want is not None
    assert all(got[a].equals(want[a]) for a in ANSWERS)
    undetermined = [got[a].null_count < len(rows) for a in ANSWERS]
    assert any(undetermined)  # facts were named (the comparison is not of empty sets)


@given(
    st.lists(st.integers(0, 61), unique=True, max_size=20).flatmap(
        lambda at: st.tuples(
            st.just(at), st.lists(st.integers(0, (1 << 62) - 1), min_size=1, max_size=5)
        )
    )
)
def test_bits_renumbered_as_bit_by_bit(case: tuple[list[int], list[int]]) -> None:
    """Moving bit ``at[i]`` to bit ``i`` (an answer's own order) through byte tables."""
    import numpy as np

    at, values = case
    want = [sum(1 << i for i, b in enumerate(at) if v >> b & 1) for v in values]
    got = _renumbered(np.array(values, np.int64), at, len(values))
    assert got.tolist() == want
    assert _renumbered(values[0], at, 2).tolist() == [want[0]] * 2


def test_more_facts_than_bits_are_none() -> None:
    """An answer's facts past an ``int64``'s bits: no sets (the caller names them itself)."""
    env = ArrowEnv({}, {}, {}, 1)
    rs = ruleset(ALL_DEFINITIONS[0], OWHR_PILOT_AS_MADE)
    order = {"violence": [f"fact_{i:02}" for i in range(63)]}
    assert missing_bits(env, rs, order) is None
    assert pa.types.is_int64(missing_sets(pa.table({"victim_age": [3]}))["violence"].type)


_TRI = st.sampled_from([True, False, None])


@given(
    st.integers(1, 6).flatmap(
        lambda size: st.tuples(
            st.lists(st.lists(_TRI, min_size=size, max_size=size), min_size=1, max_size=4),
            st.lists(st.integers(0, size - 1), max_size=8),
            st.integers(0, 2),
        )
    )
)
def test_bools_at_are_takes(case: tuple[list[list[Any]], list[int], int]) -> None:
    """A fact's column from its small table (speed53c): a take, or all null without one."""
    from svduty.definitions._bits import bools_at

    columns, at, skip = case
    tables = {
        f"t{i}": pa.array([None] * skip + c, pa.bool_()).slice(skip) for i, c in enumerate(columns)
    }
    rows = pa.array(at, pa.int32())
    got = bools_at(tables, rows)
    for name, table in tables.items():
        want = [table[i].as_py() for i in at]
        assert got[name].type == pa.bool_()
        assert got[name].to_pylist() == want
        assert got[name].null_count == want.count(None)
    with_null = pa.array([*at, None], pa.int32())
    assert all(bools_at(tables, with_null)[n].to_pylist()[-1] is None for n in tables)
