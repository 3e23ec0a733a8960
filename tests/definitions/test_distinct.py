"""The columnar classifier's shortcuts give the answers of the plain column-by-column path.

``classify_table`` evaluates the rules once per distinct combination of input values and
spreads the verdicts with ``take``; ``_bools_to_lists`` packs flags into bit words. These
tests check both against the plain evaluation, row for row.
"""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from svduty.definitions import DEFINITIONS, Incident, classify_table
from svduty.definitions._bits import bools_to_lists as _bools_to_lists
from svduty.definitions._classify import ruleset as _ruleset
from svduty.definitions._columnar import (
    _distinct_verdicts,
    _group_rows,
    _verdicts,
)
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
from svduty.errors import ConflictError, DataError

from .helpers import LIST_FIELDS, incidents_table, warwickshire
from .strategies import RESOLVE, incident_json

ALL_DEFINITIONS = [*DEFINITIONS.values(), warwickshire()]


def _flat_incidents(rows: list[dict]) -> list[Incident]:
    out = []
    for r in rows:
        try:
            out.append(Incident.from_json({k: v for k, v in r.items() if k not in LIST_FIELDS}))
        except ConflictError:
            continue
    return out


@given(
    st.lists(incident_json(), min_size=1, max_size=5),
    st.lists(st.integers(0, 4), min_size=12, max_size=30),
    st.sampled_from(ALL_DEFINITIONS),
)
def test_distinct_rows_give_the_verdicts_of_every_row(rows, picks, definition):
    pool = _flat_incidents(rows)
    assume(pool)
    chosen = [pool[i % len(pool)] for i in picks]
    table = incidents_table(chosen, all_columns=False)
    rs = _ruleset(definition, OWHR_PILOT_AS_MADE)
    fast = _distinct_verdicts(table, rs, RESOLVE)
    assert fast is not None  # at most 5 distinct rows in 12 or more: the shortcut is taken
    plain = _verdicts(table, rs, RESOLVE)
    assert list(fast) == list(plain)
    for name, values in plain.items():
        assert fast[name].to_pylist() == values.to_pylist(), name


def test_distinct_rows_are_not_used_for_lists_or_for_mostly_distinct_rows():
    rs = _ruleset(DEFINITIONS["pcsc-s13"], OWHR_PILOT_AS_MADE)
    lists = pa.table({"harms": [["injury"]] * 4})
    assert _distinct_verdicts(lists, rs, None) is None
    distinct = pa.table({"victim_age": [1, 2, 3, 4]})
    assert _distinct_verdicts(distinct, rs, None) is None
    same = pa.table({"victim_age": [30] * 4, "died": pa.nulls(4), "id": ["a", "b", "c", "d"]})
    assert _distinct_verdicts(same, rs, None)["violence"].to_pylist() == ["undetermined"] * 4


def test_a_bad_value_among_repeated_rows_is_named_by_its_own_row():
    codes = ["8N"] * 6 + ["ZZZ"] + ["8N"] * 3
    with pytest.raises(DataError) as err:
        classify_table(pa.table({"offence_code": codes}))
    assert [(p.row, p.field) for p in err.value.problems] == [(7, "offence_code")]
    with pytest.raises(ConflictError) as conflict:
        classify_table(
            pa.table(
                {
                    "offence_code": ["1"] * 6,
                    "died": [True] * 3 + [False] + [True] * 2,
                }
            )
        )
    assert [(p.row, p.field) for p in conflict.value.problems] == [(4, "died")]


def test_group_rows_numbers_combinations_in_order_of_first_appearance():
    a = pa.array(["x", "y", "x", None, "y", None])
    b = pa.array([1, 1, 1, 2, 1, 2])
    groups, first = _group_rows([a, b], 6)
    assert groups.to_pylist() == [0, 1, 0, 2, 1, 2]
    assert first.to_pylist() == [0, 1, 3]
    none, one = _group_rows([], 3)
    assert none.to_pylist() == [0, 0, 0]
    assert one.to_pylist() == [0]


def test_group_rows_renumbers_a_key_that_would_overflow():
    n = 200
    columns = [pa.array([(i * (k + 1)) % n for i in range(n)]) for k in range(12)]
    groups, first = _group_rows(columns, n)  # 201 ** 12 > 2 ** 62
    assert len(first) == n
    assert groups.to_pylist() == list(range(n))
    twice = [pa.concat_arrays([c, c]) for c in columns]
    groups, first = _group_rows(twice, 2 * n)
    assert groups.to_pylist() == list(range(n)) * 2
    assert len(first) == n


def test_bools_to_lists_with_more_labels_than_a_word_holds():
    labels = [f"L{i}" for i in range(70)]
    rows = [set(), {0, 61, 62, 69}, {5}, {0, 61, 62, 69}]
    flags = [pa.array([i in r if k != 2 else None for k, r in enumerate(rows)]) for i in range(70)]
    out = _bools_to_lists(flags, labels).to_pylist()
    assert out == [[], ["L0", "L61", "L62", "L69"], [], ["L0", "L61", "L62", "L69"]]


@pytest.mark.parametrize(
    "codes",
    [
        ["8N", "46", None, "8N"] * 5,  # few distinct rows: the spread path
        ["8N", "46", None, "4.1"],  # mostly distinct: every row evaluated
    ],
)
def test_encoded_verdicts_are_the_plain_ones(codes: list[str | None]) -> None:
    table = pa.table({"offence_code": codes})
    plain, encoded = classify_table(table), classify_table(table, encode=True)
    words = pa.dictionary(pa.int32(), pa.string())
    for name in ("violence", "in_scope", "domestic_abuse", "homicide_review", "basis"):
        assert encoded.column(name).type == words
        assert encoded.column(name).cast(pa.string()).equals(plain.column(name))
        assert len(encoded.column(name).chunk(0).dictionary) <= 4  # words, not rows
    for name in ("kinds", "reasons"):
        assert encoded.column(name).equals(plain.column(name))
