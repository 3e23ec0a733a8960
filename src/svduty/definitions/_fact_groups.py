"""Rows alike in everything the rules read, evaluated once a group (speed53c).

The columnar engine evaluates the rules once for each distinct combination of a batch's
input values (``_columnar._distinct_verdicts``). Incidents told apart by their place
(an LSOA code) or their day are then evaluated again and again for the same facts: the
bench's first batch of 65,536 incidents has 17,205 combinations of category, age, date
and place, and 168 of what the rules read. Once the values are prepared (checked and
read), the rows are grouped by the prepared columns the rules read, the rules evaluated
once a group (:class:`GroupedEnv`), and the verdicts spread back over the rows.

The rules read no value of ``location`` nor of its ``district`` (the place of death is
``place_of_death``), and of ``date`` only whether it is given (its days are
``first_day`` and ``last_day``, which are read): those three are grouped by whether
they are given. A property test compares the grouped verdicts and missing facts with the
one-incident ``classify``.

Example:
    >>> import pyarrow as pa
    >>> cols = {"location": pa.array(["E01031012", "E01031013", None] * 30),
    ...         "victim_age": pa.array([30, 30, 30] * 30)}
    >>> groups, first = fact_groups(cols, 90)
    >>> groups.to_pylist()[:4], first.to_pylist()
    ([0, 0, 1, 0], [0, 2])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.definitions._expr import ArrowEnv, Rule

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["FEWEST", "GroupedEnv", "fact_groups", "grouped_env"]

GIVEN_ONLY = frozenset({"date", "location", "district"})
"""Prepared columns whose values no rule reads: only whether each row gives them."""

FEWEST = 64
"""The fewest rows worth grouping (below, the rules are evaluated row by row)."""


class GroupedEnv(ArrowEnv):
    """An environment of a batch's groups of rows, with each row's group (``groups``).

    Example:
        >>> GroupedEnv({}, {}, {}, 1, groups=pa.array([0, 0], pa.int32())).groups.to_pylist()
        [0, 0]
    """

    def __init__(
        self,
        columns: Mapping[str, Arr],
        table: Mapping[str, Arr],
        rules: Mapping[str, Rule],
        length: int,
        *,
        presumed: frozenset[str] = frozenset(),
        groups: Arr,
    ) -> None:
        super().__init__(columns, table, rules, length, presumed=presumed)
        self.groups = groups


def fact_groups(cols: Mapping[str, Arr], n: int) -> tuple[Arr, Arr] | None:
    """Each row's group of rows alike in what the rules read, and each group's first row.

    ``cols`` are the prepared columns (``_columns.prepare``). ``None`` (evaluate the rows
    as they are) for fewer than :data:`FEWEST` rows, a column that cannot be grouped (a
    list), or more groups than half the rows.

    Example:
        >>> fact_groups({"victim_age": pa.array(list(range(64)))}, 64) is None
        True
    """
    if n < FEWEST:
        return None
    keys = []
    for name, values in cols.items():
        col = _arrays.one_array(values)
        if col.null_count == len(col):
            continue  # unknown in every row: alike
        if name in GIVEN_ONLY:
            if col.null_count:
                keys.append(pc.is_valid(col))
            continue
        t = col.type
        if not (pa.types.is_primitive(t) or pa.types.is_string(t) or pa.types.is_large_string(t)):
            return None
        keys.append(col)
    found: tuple[Arr, Arr] | None = _arrays.group_rows(keys, n, most=n // 2)
    return found


def grouped_env(
    cols: Mapping[str, Arr],
    facts: Mapping[str, Arr],
    rules: Mapping[str, Rule],
    presumed: frozenset[str],
    grouped: tuple[Arr, Arr],
) -> GroupedEnv:
    """The environment of the groups' first rows (one row a group).

    Example:
        >>> env = grouped_env({"a": pa.array([1, 1])}, {}, {}, frozenset(),
        ...     (pa.array([0, 0], pa.int32()), pa.array([0])))
        >>> env.length, env.columns["a"].to_pylist()
        (1, [1])
    """
    groups, first = grouped

    def taken(columns: Mapping[str, Arr]) -> dict[str, Arr]:
        return {k: _pc.take(v, first) for k, v in columns.items()}

    return GroupedEnv(
        taken(cols), taken(facts), rules, len(first), presumed=presumed, groups=groups
    )
