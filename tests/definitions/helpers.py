"""Shared helpers for the definitions tests: incidents as Arrow tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from svduty.definitions import Incident

LIST_FIELDS = ("behaviours", "harms", "context", "other_reviews")
INT_FIELDS = ("victim_age", "perpetrator_age")
BOOL_FIELDS = ("intentional", "died", "review_information", "pilot_partner")
STR_FIELDS = (
    "id",
    "date",
    "offence_code",
    "police_uk_category",
    "target",
    "weapon",
    "relationship",
    "location",
    "country",
    "place_of_death",
    "date_of_death",
)


def to_table(rows: Sequence[dict[str, Any]], *, all_columns: bool = True) -> pa.Table:
    """Incident JSON objects as an Arrow table with the contract's column types."""
    cols: dict[str, pa.Array] = {}
    for name in (*STR_FIELDS, *LIST_FIELDS, *INT_FIELDS, *BOOL_FIELDS):
        values = [r.get(name) for r in rows]
        if not all_columns and all(v is None for v in values):
            continue
        if name in LIST_FIELDS:
            typ: pa.DataType = pa.list_(pa.string())
            values = [sorted(v) if v is not None else None for v in values]
        elif name in INT_FIELDS:
            typ = pa.int64()
        elif name in BOOL_FIELDS:
            typ = pa.bool_()
        else:
            typ = pa.string()
        cols[name] = pa.array(values, typ)
    return pa.table(cols) if cols else pa.table({"id": pa.array([None] * len(rows), pa.string())})


def incidents_table(incidents: Sequence[Incident], **kw: Any) -> pa.Table:
    return to_table([i.to_json() for i in incidents], **kw)
