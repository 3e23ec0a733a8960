"""Fuzz: a list field holding a null item is worded alike by ``explain`` and ``classify``.

A Parquet (or Arrow) list column can hold a null item, which JSON Lines writes as
``null``. ``svduty explain`` (:class:`~svduty.definitions.Incident`) said such a row's
field expected "a list of words (got a list holding nothing)", as ``svduty classify`` of a
JSON Lines file does; ``svduty classify`` of a Parquet file (the columnar engine,
:func:`~svduty.definitions.classify_table`) said "one of 'county_lines', 'gang', ..."
instead, with the first unknown word's kind or nothing (hostile53). mend50c's rule is one
wording for every reader; now the columnar engine says what ``Incident`` says.

Property: for any list of items (words of the field, near misses, a name, nulls) in any
list field, both refuse the row naming the same field in the same words, or both take it.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import Incident, classify_table
from svduty.errors import ConflictError, DataError

from .budget import budget

LISTS = ["behaviours", "harms", "context", "other_reviews"]
ITEMS = st.one_of(
    st.none(),
    st.sampled_from(["gang", "physical", "death", "exploitation", " GANG ", "Jane Citizen", ""]),
)


def _scalar(field: str, items: list[str | None]) -> tuple[str, str] | None:
    try:
        Incident.from_json({"id": "r1", field: items})
    except (DataError, ConflictError) as err:
        first = err.problems[0]
        return (first.field or "", first.what())
    return None


def _columnar(field: str, items: list[str | None]) -> tuple[str, str] | None:
    table = pa.table({"id": ["r1"], field: pa.array([items], pa.list_(pa.string()))})
    try:
        classify_table(table)
    except (DataError, ConflictError) as err:
        first = err.problems[0]
        assert first.row == 1
        return (first.field or "", first.what())
    return None


@budget(150)
@given(field=st.sampled_from(LISTS), items=st.lists(ITEMS, max_size=3))
@example(field="context", items=["gang", None])
@example(field="context", items=["Jane Citizen", None])
@example(field="behaviours", items=[None, "physical"])
def test_a_null_item_is_worded_alike_by_both_engines(field: str, items: Any) -> None:
    said = _columnar(field, items)
    assert said == _scalar(field, items), items
    if None in items:
        assert said is not None
        assert said == (field, "expected a list of words (got a list holding nothing)")
    assert "Jane" not in str(said)
    assert "Citizen" not in str(said)
