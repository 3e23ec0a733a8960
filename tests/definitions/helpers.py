"""Shared helpers for the definitions tests: incidents as Arrow tables."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa

from svduty.definitions import Definition, Incident, split_rejected
from svduty.definitions._expr import Expr
from svduty.definitions._fact_groups import _parts
from svduty.errors import ConflictError
from svduty.io import load_packaged_definition

LEGAL_DOUBTS = frozenset({"DA-S1-3-UNINTENDED", "OWHR-PILOT-DATE-DOUBT", "OWHR-S26-2-4"})
"""The reasons of an answer the law leaves open whatever the facts (no fact named)."""

LIST_FIELDS = ("behaviours", "harms", "context", "other_reviews")
INT_FIELDS = ("victim_age", "perpetrator_age", "victim_age_at_death")
BOOL_FIELDS = (
    "intentional",
    "died",
    "review_information",
    "pilot_partner",
    "made_or_adapted",
    "schedule_3_offence",
    "same_household",
    "intended_for_injury",
    "care_and_support_needs",
    "aware_before_pilot_end",
    "body_located",
    "identity_recorded",
    "dsi_matter",
)
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


@functools.cache
def warwickshire() -> Definition:
    """The Warwickshire bundle's definition, loaded once a run (each test file loaded the
    whole bundle again at its import, in each worker: ~0.4 s of CPU a time; ci58a)."""
    return load_packaged_definition("warwickshire")


def to_table(rows: Sequence[dict[str, Any]], *, all_columns: bool = True) -> pa.Table:
    """Incident JSON objects as an Arrow table with the contract's column types.

    Ages with a float among them are a float column, and a text field with numbers among
    them (an offence code ``8``) a number column, as pyarrow reads such JSON.
    """
    cols: dict[str, pa.Array] = {}
    for name in (*STR_FIELDS, *LIST_FIELDS, *INT_FIELDS, *BOOL_FIELDS):
        values = [r.get(name) for r in rows]
        if not all_columns and all(v is None for v in values):
            continue
        if name in LIST_FIELDS:
            typ: pa.DataType = pa.list_(pa.string())
            values = [sorted(v, key=str) if v is not None else None for v in values]
        elif name in INT_FIELDS:  # floats (12.0, 12.5) as a column with a gap has them
            floats = any(isinstance(v, float) for v in values)
            typ = pa.float64() if floats else pa.int64()
        elif name in BOOL_FIELDS:
            typ = pa.bool_()
        elif all(v is None or isinstance(v, str) for v in values):
            typ = pa.string()
        else:  # numbers for offence codes: as pyarrow reads them
            typ = pa.float64() if any(isinstance(v, float) for v in values) else pa.int64()
        cols[name] = pa.array(values, typ)
    return pa.table(cols) if cols else pa.table({"id": pa.array([None] * len(rows), pa.string())})


def incidents_table(incidents: Sequence[Incident], **kw: Any) -> pa.Table:
    return to_table([i.to_json() for i in incidents], **kw)


PILOT_KNIFE_HOMICIDE: dict[str, Any] = {  # a qualifying homicide in the pilot (Birmingham)
    "died": True,
    "target": "person",
    "behaviours": ["physical"],
    "weapon": "knife",
    "intentional": True,
    "intended_for_injury": True,  # PCA 1953 s.1(4), second limb (law60)
    "relationship": "none",
    "same_household": False,
    "country": "England",
    "location": "E08000025",
    "place_of_death": "E08000025",
    "victim_age": 30,
    "date": "2023-06-01",
    "date_of_death": "2023-06-01",
    "review_information": True,
    "aware_before_pilot_end": True,
    "body_located": True,
    "identity_recorded": True,
    "dsi_matter": False,
}
"""A knife homicide of June 2023 in Birmingham: an offensive weapons homicide review is due
(a review partner aware of it before the pilot period ended, SI 2023/227 reg 4(1); the four
conditions of SI 2022/1261 reg 4(2) met)."""


Rejections = dict[int, list[tuple[str | None, str]]]


def conflicts_by_both_engines(rows: Sequence[dict[str, Any]]) -> tuple[Rejections, Rejections]:
    """The conflicts of each row (1-based), by field and message: the scalar engine's
    (``Incident.from_json`` raising :class:`ConflictError`) and the columnar engine's
    (:func:`split_rejected` on the same rows as a table)."""
    scalar: Rejections = {}
    for i, row in enumerate(rows, start=1):
        try:
            Incident.from_json(row)
        except ConflictError as exc:
            scalar[i] = sorted((p.field, p.message) for p in exc.problems)
    _, problems = split_rejected(to_table(rows, all_columns=False))
    columnar: Rejections = {}
    for p in problems:
        columnar.setdefault(p.row or 0, []).append((p.field, p.message))
    return scalar, {i: sorted(v) for i, v in columnar.items()}


def every_node(roots: Iterable[Expr]) -> Iterator[Expr]:
    """Each node of the rule trees ``roots`` once, however many hold it (the plain walk).

    Example:
        >>> from svduty.definitions._atoms import IsTrue
        >>> from svduty.definitions._expr import All, Not
        >>> died = IsTrue("died")
        >>> sorted(type(n).__name__ for n in every_node([All(died, Not(died))]))
        ['All', 'IsTrue', 'Not']
    """
    todo = list(roots)
    seen: set[Expr] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(_parts(node))
        yield node
