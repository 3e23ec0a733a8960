"""Incident rows counted once per combination of the classifier's inputs (speed48c).

The columnar classifier groups an incident batch's rows by the values its rules read and
evaluates each combination once (``svduty.definitions._columnar._distinct_verdicts``); it
keeps each row's group for the summary's count of missing facts
(``svduty.definitions._missing_rows.remember_groups``). Everything the summary counts of
an incident row follows from those values: its verdicts, kinds and reasons, its crime
type, and its place (located by its ``location`` alone). :func:`grouping_of` gives
:func:`~svduty.io.run_pipeline` those groups, so that a batch is counted one row a group,
each standing for its number of rows (as a police.uk batch is), not row by row.

The groups are taken only when the classifier's rows are the batch's usable rows, value
for value (compared, as the count of missing facts compares them); otherwise, and for a
batch with an ``lsoa_code`` column (passed through, not read by the rules, and counted by
the summary), the batch is counted row by row.

Example:
    >>> import pyarrow as pa
    >>> from svduty.io import default_pipeline
    >>> pipeline = default_pipeline()
    >>> rows = pa.table({"police_uk_category": ["Robbery", "Drugs", "Robbery"] * 2,
    ...     "location": ["E01031180"] * 6, "rejected": pa.nulls(6, pa.string()),
    ...     "rejected_field": pa.nulls(6, pa.string())})
    >>> out = pipeline(rows)
    >>> distinct, weights = grouping_of(pipeline)(out)
    >>> distinct.column("police_uk_category").to_pylist(), weights.tolist()
    (['Robbery', 'Drugs'], [4, 2])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__ = ["Grouping", "grouping_of"]

Grouping = Callable[[pa.Table], "tuple[pa.Table, Any] | None"]
"""``usable rows -> (one row a group, each group's number of rows)``, or ``None``."""


def grouping_of(pipeline: object) -> Grouping | None:
    """The groups of a :class:`~svduty.io.Pipeline`'s classified incident rows.

    ``None`` for a pipeline that binds no columnar classifier (its groups are not known).
    The function it gives takes a batch's usable rows (none rejected) and answers ``None``
    when they are not the rows the classifier grouped last.

    Example:
        >>> grouping_of(lambda batch: batch) is None
        True
    """
    from svduty.io._missing_facts import bound_of

    bound = bound_of(pipeline)
    if bound is None:
        return None

    def grouped(good: pa.Table) -> tuple[pa.Table, Any] | None:
        from svduty.io._locate import is_police_uk

        if good.num_rows < 2 or "lsoa_code" in good.column_names or is_police_uk(good.schema):
            return None
        return _grouped(good, bound.memo)

    return grouped


def _grouped(good: pa.Table, memo: dict[Any, Any]) -> tuple[pa.Table, Any] | None:
    """``good``'s rows one a group, and the groups' sizes, from what the classifier kept.

    The missing facts kept with the groups are kept again for the distinct rows (one set
    a row), where the count of missing facts finds them.
    """
    from svduty.definitions._missing_rows import _ROWS, _told, rows_remembered
    from svduty.io._missing_facts import _classifier_inputs

    entry = memo.get(_ROWS)
    if entry is None:
        return None
    rules = entry[0]
    inputs = _classifier_inputs(good)
    kept = rows_remembered(inputs, memo, rules)  # (taken out: put back unless used)
    if kept is None or kept[1] is None:
        memo[_ROWS] = entry
        return None
    sets, groups = kept
    numbers = _arrays.one_array(groups).to_numpy(zero_copy_only=False).astype(np.int64)
    first = _arrays.array(_arrays.first_rows(numbers))
    weights = np.bincount(numbers, minlength=len(first))
    distinct = _rows_at(good.select([n for n in good.column_names if n not in _OWN]), first)
    memo[_ROWS] = (rules, len(first), _told(_classifier_inputs(distinct)), sets, None)
    return distinct, weights


def _rows_at(table: pa.Table, rows: Any) -> pa.Table:
    """``pc.take(table, rows)``; a column all null made, not taken (most incident fields).

    Example:
        >>> t = pa.table({"a": [1, 2, 3], "b": pa.nulls(3, pa.string())})
        >>> _rows_at(t, pa.array([2, 0])).to_pydict()
        {'a': [3, 1], 'b': [None, None]}
    """
    n = len(rows)
    columns = [
        pa.nulls(n, c.type) if c.null_count == len(c) else pc.take(c, rows) for c in table.columns
    ]
    return pa.Table.from_arrays(columns, schema=table.schema)


_OWN = frozenset(("file", "row", "id", "rejected", "rejected_field"))
"""A row's own columns, which the summary does not count (not taken for the groups)."""
