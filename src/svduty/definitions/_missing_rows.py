"""The missing facts of a batch classified row by row, kept for the summary's count (speed46b).

A batch with more than half its rows distinct (incidents with their own days, ages and
places) is classified row by row, not through the memo of combinations
(:func:`~svduty.definitions._missing_columns.remember_missing`). The summary's count of
undetermined rows by missing facts then prepared the same rows and evaluated the rules a
second time. The classifier now keeps each row's missing facts, worked out from the rules it
has just evaluated (:func:`remember_rows`), and the count takes them
(:func:`rows_remembered`) when its rows are the classifier's.

Example:
    >>> import pyarrow as pa
    >>> from svduty.definitions._definition import STATUTE
    >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
    >>> rows_remembered(pa.table({"date": ["2025-06"]}), {}, (STATUTE, OWHR_PILOT_AS_MADE))
"""

from __future__ import annotations

from typing import Any, cast

import pyarrow as _pa

from svduty.definitions._classify import ResolveDistrict
from svduty.definitions._columns import INPUT_COLUMNS
from svduty.definitions._definition import Definition
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._missing_columns import _sets
from svduty.definitions._owhr import OwhrPilot

pa: Any = _pa
Arr = Any

__all__ = ["remember_rows", "rows_remembered"]


_ROWS = "missing facts of a batch's rows"
"""The memo's key of :func:`remember_rows`: one batch's rows, the last classified row by row."""


def remember_rows(
    rows: _pa.Table,
    env: ArrowEnv,
    *,
    memo: dict[Any, Any],
    rules: tuple[Definition, OwhrPilot],
    resolve_district: ResolveDistrict | None,
) -> None:
    """Keep the missing facts of each row of ``rows``, from the verdicts' ``env``, for the count.

    The count takes them with :func:`rows_remembered`. One batch is kept: the last
    classified row by row, until the count takes it.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> from svduty.definitions._columns import prepare
        >>> from svduty.definitions._missing_columns import missing_sets
        >>> rows, memo = pa.table({"offence_code": ["8N", None]}), {}
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> cols, known, _ = prepare(rows, None, None, rs.pilot)
        >>> env = ArrowEnv(cols, known, rs.rules, 2, presumed=rs.presumed)
        >>> rules = (STATUTE, OWHR_PILOT_AS_MADE)
        >>> remember_rows(rows, env, memo=memo, rules=rules, resolve_district=None)
        >>> kept = rows_remembered(rows, memo, rules)
        >>> kept["violence"].to_pylist() == missing_sets(rows)["violence"].to_pylist()
        True
    """
    definition, pilot = rules
    sets = _sets(rows, definition, resolve_district, pilot, env)
    if sets is not None:
        memo[_ROWS] = (rules, rows.num_rows, _told(rows), sets)


def rows_remembered(
    rows: _pa.Table, memo: dict[Any, Any], rules: tuple[Definition, OwhrPilot]
) -> dict[str, Arr] | None:
    """The missing facts :func:`remember_rows` kept, when its rows are ``rows``; else ``None``.

    The rows are the same when every column the rules read that is not all null (one all
    null is unknown, as one absent) holds the same values, row for row, of the same type,
    and the rules are the same (the same definition object, an equal pilot). What was
    kept is taken out either way: it is for the next count only.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rows_remembered(pa.table({"date": ["2025-06"]}), {}, (STATUTE, OWHR_PILOT_AS_MADE))
    """
    kept = memo.pop(_ROWS, None)
    if kept is None:
        return None
    (definition, pilot), n, told, sets = kept
    if definition is not rules[0] or pilot != rules[1] or n != rows.num_rows:
        return None
    theirs = _told(rows)
    if theirs.keys() != told.keys() or not all(told[k].equals(theirs[k]) for k in told):
        return None
    return cast("dict[str, Arr]", sets)


def _told(rows: _pa.Table) -> dict[str, Any]:
    """The columns of ``rows`` the rules read, but those all null (unknown, as if absent)."""
    return {
        f.name: col
        for f, col in zip(rows.schema, rows.columns, strict=True)
        if f.name in INPUT_COLUMNS and not pa.types.is_null(f.type) and col.null_count < len(col)
    }
