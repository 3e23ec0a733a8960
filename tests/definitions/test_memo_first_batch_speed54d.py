"""A memo holding nothing takes a batch's distinct rows as they are (speed54d).

``remembered`` grouped the memo's rows with the batch's to tell the new ones: on a run's
first batch (17,205 distinct rows of the bench's first 65,536) the memo is empty and every
row is new, so the grouping and two takes of every row were spent for nothing. The
verdicts, the memo's keys and what later batches find in it must be as before.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty import _arrays
from svduty.definitions._distinct import remembered

_ROWS = st.lists(
    st.tuples(st.sampled_from("abc"), st.integers(0, 3)), min_size=1, max_size=12, unique=True
)


def _evaluate(part: pa.Table) -> dict[str, Any]:
    c, n = part.column("c").combine_chunks(), part.column("n").combine_chunks()
    return {"w": pc.if_else(pc.equal(c, "a"), "yes", "no"), "v": pc.add(n, 1)}


def _run(rows: list[tuple[str, int]], memo: dict[Any, Any], group_rows: Any) -> dict[str, Any]:
    table = pa.table({"c": [r[0] for r in rows], "n": [r[1] for r in rows]})
    out = remembered(
        table, names=["c", "n"], signature="s", memo=memo, evaluate=_evaluate,
        group_rows=group_rows, words=frozenset({"w"}),
    )  # fmt: skip
    assert out is not None
    return {k: v.to_pylist() for k, v in out.items()}


@given(st.lists(_ROWS, min_size=1, max_size=4))
def test_batches_after_an_empty_memo_answer_as_each_alone(batches: list[Any]) -> None:
    memo: dict[Any, Any] = {}
    grouped: list[int] = []

    def group_rows(columns: list[Any], n: int) -> Any:
        grouped.append(n)
        return _arrays.group_rows(columns, n)

    for rows in batches:
        had, before = bool(memo), len(grouped)
        got = _run(rows, memo, group_rows)
        assert got == _run(rows, {}, _arrays.group_rows)  # as if nothing were remembered
        assert got["w"] == ["yes" if c == "a" else "no" for c, _ in rows]
        assert got["v"] == [n + 1 for _, n in rows]
        assert len(grouped) - before == had  # grouped only with something remembered
    keys = memo["s"][0].to_pylist() if memo else []
    seen = list(dict.fromkeys(r for rows in batches for r in rows))
    assert [(k["c"], k["n"]) for k in keys] == seen  # each once, in order of first appearance
