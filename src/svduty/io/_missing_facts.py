"""Why a batch job's rows are undetermined: the missing facts its summary counts them by.

:func:`missing_facts_of` gives :class:`~svduty.io._summary.Tally` (through
:func:`~svduty.io.run_pipeline`) the missing facts of each classified row's undetermined
answers, as the rule engine names them for one incident
(:meth:`~svduty.definitions.Classification.missing_for`). Rows alike in what the rules read
are evaluated once, and once in a run: the pipeline's memo keeps each combination's missing
facts for the batches after.

Example:
    >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
    >>> pipeline = default_pipeline()
    >>> facts = missing_facts_of(pipeline)
    >>> out = pipeline(next(read_police_uk(sample_police_uk())))
    >>> keys = facts(out)["domestic_abuse"].to_pylist()
    >>> len(keys) == out.num_rows, "relationship" in keys[0]
    (True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.io._summary_counts import MissingFacts
from svduty.io._summary_warnings import warned_by_row, warned_items

if TYPE_CHECKING:
    from svduty.io._pipeline import _Bound

__all__ = ["bound_of", "missing_facts_of", "warnings_of"]

Warned = Callable[[pa.Table, Any], "Counter[str] | None"]
"""Classified rows and their weights -> their warnings; ``None``: read them from the rows."""


def missing_facts_of(pipeline: object) -> MissingFacts | None:
    """The missing facts of a :class:`~svduty.io.Pipeline`'s classified rows.

    The rules are those of the partnership's classifier the pipeline binds (its ``split``,
    ``classify`` or ``reject``, from :func:`~svduty.io.default_pipeline` or the command's
    planned one). ``None`` for a pipeline that binds none: its rules are not known here,
    and its summary counts no missing facts.

    Example:
        >>> missing_facts_of(lambda batch: batch) is None
        True
    """
    bound = bound_of(pipeline)
    if bound is None:
        return None

    def facts(table: pa.Table) -> dict[str, Any]:
        inputs = _classifier_inputs(table)
        planned = bound.plan.missing_of(inputs, table) if bound.plan is not None else None
        if planned is not None:  # the plan's: no rule engine imported (its rows' plan rows
            # those it answered them by, when ``table`` holds its answers)
            return planned
        from svduty.definitions import _missing_columns as missing
        from svduty.definitions._missing_rows import rows_remembered
        from svduty.definitions._owhr import OWHR_PILOT_AS_MADE

        definition = bound.chosen()
        resolve = bound.geography.district_code_of

        def evaluate(rows: pa.Table) -> dict[str, Any] | None:
            return missing.missing_sets(rows, definition, resolve_district=resolve)

        order = missing.missing_order(definition)
        kept = rows_remembered(inputs, bound.memo, (definition, OWHR_PILOT_AS_MADE))
        if kept is not None:  # the classifier's rows: their sets, as it grouped them (if it did)
            sets, groups = kept
            if groups is None:  # classified row by row: a set a row
                return {n: missing.spelt_sets(s, order[n]) for n, s in sets.items()}
            return {n: _spread(groups, missing.spelt_sets(s, order[n])) for n, s in sets.items()}
        grouped = _grouped(inputs)
        if grouped is None or max(map(len, order.values())) > missing.MOST_FACTS:
            return missing.missing_words(inputs, definition, resolve_district=resolve)
        groups, first = grouped
        sets = _remembered(pc.take(inputs, first), bound, evaluate)
        return {n: _spread(groups, missing.spelt_sets(s, order[n])) for n, s in sets.items()}

    return _Facts(facts, bound)


class _Facts:
    """A pipeline's missing facts (called: each row's), and the rows its plan answered counted.

    :meth:`counted` is what :func:`~svduty.io._summary_counts.count_missing` looks for: the
    plan's last answers counted by plan row (``PolicePlan.missing_counts``), not each row's
    facts spread and counted; ``None`` for any other rows (then each row's are counted).
    """

    __slots__ = ("_bound", "_facts")

    def __init__(self, facts: MissingFacts, bound: _Bound) -> None:
        self._facts, self._bound = facts, bound

    def __call__(self, table: pa.Table) -> Mapping[str, Any]:
        return self._facts(table)

    def counted(self, table: pa.Table, weights: Any) -> dict[str, Any] | None:
        """Each column's missing facts with their rows, if ``table`` holds the plan's answers.

        Example:
            >>> from svduty.io import default_pipeline
            >>> missing_facts_of(default_pipeline()).counted(pa.table({}), None) is None
            True
        """
        plan = self._bound.plan
        return plan.missing_counts(table, weights) if plan is not None else None


def warnings_of(pipeline: object) -> Warned | None:
    """The summary's warnings of a :class:`~svduty.io.Pipeline`'s rows its plan answered.

    A function of the classified rows and their weights: the warnings their ``reasons``
    give (:class:`~svduty.io._summary.Tally`), counted by the plan rows that answered
    them (:meth:`~svduty.io._plan.PolicePlan.answered_rows`: the warned reasons of each
    plan row found once a run); ``None`` from it when the rows are not the plan's last
    answers (then each row's reasons are read). ``None`` for a pipeline with no plan.

    Example:
        >>> from svduty.io import default_pipeline
        >>> warnings_of(lambda batch: batch) is None
        True
    """
    bound = bound_of(pipeline)
    if bound is None:
        return None
    found: dict[int, Any] = {}  # id(plan) -> its reasons' warned items

    def warned(table: pa.Table, weights: Any) -> Counter[str] | None:
        plan = bound.plan
        if plan is None or "reasons" not in plan.verdicts.schema.names:
            return None
        rows = plan.answered_rows(table)
        if rows is None:
            return None
        items = found.get(id(plan))
        if items is None:
            found.clear()
            items = found[id(plan)] = (plan, warned_items(plan.verdicts.column("reasons")))
        return warned_by_row(items[1], rows, weights, plan.verdicts.num_rows)

    return warned


def bound_of(pipeline: object) -> _Bound | None:
    """The ``_Bound`` classifier a pipeline's ``split``, ``classify`` or ``reject`` is a method of.

    ``None`` for a pipeline that binds none.

    Example:
        >>> from svduty.io import default_pipeline
        >>> bound_of(default_pipeline()).memo, bound_of(print)
        ({}, None)
    """
    from svduty.io._pipeline import _Bound  # (at run time: when called)

    methods = (getattr(pipeline, name, None) for name in ("split", "classify", "reject"))
    return next((b for m in methods if isinstance(b := getattr(m, "__self__", None), _Bound)), None)


def _remembered(rows: pa.Table, bound: Any, evaluate: Any) -> dict[str, Any]:
    """The missing facts (as bits) of a batch's distinct ``rows``, from earlier batches'.

    The combinations of values a batch shares with earlier ones (most of a long file's
    batches: the same months, categories and places) are looked up in the classifier's
    memo (under a key of their own: the rules that name missing facts are evaluated once
    per combination, not once per batch); the memo holds numbers, not text. The
    classifier sets aside the missing facts of the combinations it evaluates, from the
    same evaluated rules, and they are put there first (``remembered_later``), so most
    are found. The memo full, the
    rows are evaluated as they are.
    """
    from svduty.definitions._columns import INPUT_COLUMNS
    from svduty.definitions._distinct import remembered
    from svduty.definitions._missing_columns import missing_signature
    from svduty.definitions._missing_rows import remembered_later
    from svduty.definitions._owhr import OWHR_PILOT_AS_MADE

    remembered_later(bound.memo)  # the classifier's sets, set aside until looked for
    present = set(rows.schema.names)  # (not a list of the names made again for each of 30)
    rows = rows.select([n for n in INPUT_COLUMNS if n in present])  # the engine's order
    told = [
        c.name
        for c, col in zip(rows.schema, rows.columns, strict=True)
        if not pa.types.is_null(c.type) and col.null_count < len(col)
    ]
    kinds = tuple((n, str(rows.schema.field(n).type)) for n in told)  # (all null: unknown)
    out = remembered(
        rows,
        names=told,
        signature=missing_signature((bound.chosen(), OWHR_PILOT_AS_MADE), kinds, tuple(told)),
        memo=bound.memo,
        evaluate=evaluate,
        group_rows=_arrays.group_rows,
        words=frozenset(),
    )
    found: dict[str, Any] = out if out is not None else evaluate(rows)
    return found


def _spread(group: Any, keys: Any) -> Any:
    """Each row's group's keys, as a dictionary column: no text copied for each row.

    ``keys`` dictionary-encoded (each distinct text once): the column's dictionary is the
    few texts, so that counting it reads a few words, not one a group.

    Example:
        >>> _spread(pa.array([0, 1, 0], pa.int32()), pa.array(["date", None])).to_pylist()
        ['date', None, 'date']
        >>> words = pa.array(["date", "date", None]).dictionary_encode()
        >>> spread = _spread(pa.array([2, 1, 0], pa.int32()), words)
        >>> spread.to_pylist(), spread.dictionary.to_pylist()
        ([None, 'date', 'date'], ['date'])
    """
    keys = keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys
    group = _arrays.one_array(group)
    if not pa.types.is_dictionary(keys.type):
        return pa.DictionaryArray.from_arrays(group, keys)
    return pa.DictionaryArray.from_arrays(pc.take(keys.indices, group), keys.dictionary)


def _classifier_inputs(table: pa.Table) -> pa.Table:
    """The columns the rules read: a police.uk row's month as its ``date``.

    Police.uk rows are told as the pipeline tells them (:func:`~svduty.io._locate.batch_kind`),
    leaving out the ``date`` and ``location`` its locator adds: an incident file with an
    ``lsoa_code`` column holds incidents, whose every field the rules read.

    Example:
        >>> t = pa.table({"month": ["2025-06"], "police_uk_category": ["Robbery"],
        ...               "location": ["E07000222"], "lsoa_code": ["E01031180"]})
        >>> _classifier_inputs(t).column_names
        ['police_uk_category', 'date', 'location']
        >>> _classifier_inputs(t.append_column("offence_code", pa.array(["8N"]))).column_names
        ['police_uk_category', 'location', 'offence_code']
    """
    from svduty.io._locate import is_police_uk

    located = [f for f in table.schema if f.name not in ("date", "location")]  # the locator's
    if is_police_uk(pa.schema(located)):  # police.uk rows (CLASSIFIER_INPUT)
        names = ["police_uk_category", "month", "location"]
        picked = table.select([n for n in names if n in table.schema.names])
        return picked.rename_columns(["date" if n == "month" else n for n in picked.schema.names])
    from svduty.definitions._columns import INPUT_COLUMNS  # incidents: the engine's fields

    return table.select([n for n in table.schema.names if n in INPUT_COLUMNS])


def _grouped(table: pa.Table) -> tuple[Any, Any] | None:
    """The rows' groups alike in every column, and each group's first row.

    Grouped even when most rows are distinct: the groups are looked up in the memo of
    earlier batches' combinations (:func:`_remembered`). ``None`` for a column of lists
    (every row evaluated).
    """
    n = table.num_rows
    columns = []
    for col in table.columns:
        t = col.type
        if pa.types.is_null(t) or col.null_count == len(col):
            continue
        if pa.types.is_nested(t) or not (
            pa.types.is_dictionary(t)
            or pa.types.is_primitive(t)
            or pa.types.is_string(t)
            or pa.types.is_large_string(t)
        ):
            return None  # lists: every row evaluated
        columns.append(_arrays.one_array(col))
    if n < 2:
        return None
    return _arrays.group_rows(columns, n) if columns else _one_group(n)


def _one_group(n: int) -> tuple[Any, Any]:
    """Every row in one group (no column says anything)."""
    return pa.array([0] * n, pa.int32()), pa.array([0], pa.int64())
