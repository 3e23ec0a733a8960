"""Tables the missing-facts tests classify, and the rows the summary counts of them."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import strategies as st


def incident_table(rows: list[tuple[Any, ...]], columns: dict[str, pa.DataType]) -> pa.Table:
    """``rows`` (one value a column, in ``columns``' order) as a batch the reader would make."""
    n = len(rows)
    return pa.table(
        {
            "file": pa.array(["x.jsonl"] * n),
            "row": pa.array(range(2, n + 2), pa.int64()),
            "rejected": pa.nulls(n, pa.string()),
            "rejected_field": pa.nulls(n, pa.string()),
            **{c: pa.array([r[i] for r in rows], t) for i, (c, t) in enumerate(columns.items())},
        }
    )


def good(out: pa.Table) -> pa.Table:
    """The rows the summary counts (as ``Tally.count_out`` keeps them)."""
    return out.filter(pc.is_null(out.column("rejected")))


def four_facts(
    dates: list[Any], categories: list[Any], places: list[Any], ages: list[Any]
) -> st.SearchStrategy[tuple[Any, ...]]:
    """A row ``(date, police_uk_category, location, victim_age)`` drawn from the lists given."""
    return st.tuples(
        st.sampled_from(dates),
        st.sampled_from(categories),
        st.sampled_from(places),
        st.sampled_from(ages),
    )
