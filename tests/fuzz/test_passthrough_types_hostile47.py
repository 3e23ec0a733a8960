"""Fuzz: ``classify_table`` and ``classify_split`` carry any column they pass through.

Before hostile47 a column that is not an incident field (passed through to the output, as
:func:`~svduty.definitions.classify_table` promises) of a type Arrow takes no rows of
(``string_view`` or ``binary_view``, as Polars writes text, or run-end encoded) ended the
call with Arrow's own ``ArrowNotImplementedError`` ("Function 'array_take' has no kernel
matching input types"): in ``classify_table`` when the table's only incident field was one
the rules do not read (``id``), and in ``classify_split``/``split_rejected`` when a row was
rejected. Property: for any such column beside any incident fields, good or bad, the call
gives svduty's answer or a :class:`~svduty.errors.SvdutyError`, rows in = rows classified +
rows rejected, and the column comes back with its type and the kept rows' values.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import example, given
from hypothesis import strategies as st

from svduty.definitions import classify_split, classify_table, split_rejected
from svduty.errors import SvdutyError

from .budget import budget

CANARY = "CANARY-7f3a"


def _ree(values: list[Any], value_type: pa.DataType) -> pa.Array:
    """``values`` run-end encoded (runs of equal neighbours)."""
    ends, runs = [], []
    for i, v in enumerate(values):
        if runs and runs[-1] == v:
            ends[-1] = i + 1
        else:
            ends.append(i + 1)
            runs.append(v)
    return pa.RunEndEncodedArray.from_arrays(pa.array(ends, pa.int32()), pa.array(runs, value_type))


_KINDS = ("string_view", "binary_view", "ree_text", "ree_view", "list_view_items", "struct_view")


def _column(kind: str, cells: list[str | None]) -> pa.Array:
    """A passed-through column of ``kind`` holding ``cells``."""
    if kind == "string_view":
        return pa.array(cells, pa.string_view())
    if kind == "binary_view":
        return pa.array([None if c is None else c.encode() for c in cells], pa.binary_view())
    if kind == "ree_text":
        return _ree(cells, pa.string())
    if kind == "ree_view":
        return _ree(cells, pa.string_view())
    if kind == "list_view_items":
        return pa.array([None if c is None else [c] for c in cells], pa.list_(pa.string_view()))
    text = pa.array(cells, pa.string_view())
    return pa.StructArray.from_arrays([text], ["note"])


_CELLS = st.one_of(st.none(), st.sampled_from([CANARY, f"{CANARY} x", ""]))
_WEAPONS = st.one_of(st.none(), st.sampled_from(["knife", "none", CANARY]))
_AGES = st.one_of(st.none(), st.integers(0, 200))


@st.composite
def _tables(draw: st.DrawFn) -> pa.Table:
    n = draw(st.integers(1, 8))
    columns: dict[str, Any] = {}
    fields = draw(st.sets(st.sampled_from(["id", "weapon", "victim_age"]), min_size=1))
    if "id" in fields:
        columns["id"] = pa.array([f"{CANARY}-{i}" for i in range(n)], pa.string_view())
    if "weapon" in fields:
        columns["weapon"] = pa.array(draw(st.lists(_WEAPONS, min_size=n, max_size=n)))
    if "victim_age" in fields:
        columns["victim_age"] = pa.array(draw(st.lists(_AGES, min_size=n, max_size=n)))
    kind = draw(st.sampled_from(_KINDS))
    columns["extra"] = _column(kind, draw(st.lists(_CELLS, min_size=n, max_size=n)))
    return pa.table(columns)


def _kept_rows(table: pa.Table, rejected: tuple[Any, ...]) -> list[int]:
    gone = {(p.row or 0) - 1 for p in rejected}
    return [i for i in range(table.num_rows) if i not in gone]


def _no_canary(exc: SvdutyError) -> None:
    assert CANARY not in str(exc), "a cell's value shown in an error"


@budget(60)
@given(table=_tables())
@example(  # the only incident field one the rules do not read: a take of the whole table
    table=pa.table({"id": pa.array(["a", "b"], pa.string_view()), "extra": pa.array(["x", "y"])})
)
@example(  # a rejected row beside a run-end encoded column: a take of the whole table
    table=pa.table({"weapon": ["knife", CANARY], "extra": _ree([CANARY, CANARY], pa.string())})
)
def test_a_passed_through_column_of_any_type_comes_back_whole(table: pa.Table) -> None:
    extra = table.column("extra")
    try:
        kept, rejected = classify_split(table)
    except SvdutyError as exc:  # a column refused as a whole, by its type
        _no_canary(exc)
        return
    rows = _kept_rows(table, rejected)
    assert kept.num_rows + len({p.row for p in rejected}) == table.num_rows  # (a row: 1+)
    assert kept.schema.field("extra").type == extra.type
    assert kept.column("extra").to_pylist() == [extra[i].as_py() for i in rows]

    only, refused = split_rejected(table)
    assert [p.row for p in refused] == [p.row for p in rejected]
    assert only.schema.field("extra").type == extra.type
    assert only.column("extra").to_pylist() == [extra[i].as_py() for i in rows]

    try:
        whole = classify_table(table)
    except SvdutyError as exc:  # a bad row refuses the whole table: it must have one
        _no_canary(exc)
        assert rejected
        return
    assert not rejected
    assert whole.schema.field("extra").type == extra.type
    assert whole.column("extra").to_pylist() == extra.to_pylist()
    assert whole.column("violence").to_pylist() == kept.column("violence").to_pylist()
