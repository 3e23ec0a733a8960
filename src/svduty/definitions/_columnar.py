"""The columnar engine: every row of an Arrow table, the same rules as :func:`classify`.

Example:
    >>> import pyarrow as pa
    >>> classify_table(pa.table({"offence_code": ["8N"]})).column("violence").to_pylist()
    ['yes']
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, overload

import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty._arguments import instance_argument
from svduty._arrays import group_rows as _group_rows
from svduty._checked import checked
from svduty._types import viewless_type
from svduty.definitions._checked_columns import columns_checked as _columns_checked
from svduty.definitions._classification import ANSWERS
from svduty.definitions._classify import (
    ResolveDistrict,
    RuleSet,
    definition_argument,
    ruleset,
)
from svduty.definitions._columns import INPUT_COLUMNS, prepare
from svduty.definitions._definition import STATUTE, Definition
from svduty.definitions._distinct import remembered, spread_all, spread_problems
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._fact_groups import fact_groups, given_only, grouped_env
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE, OwhrPilot
from svduty.definitions._verdict_columns import Kept, answers, remembered_answers
from svduty.errors import DataError, Problem

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["classify_split", "classify_table", "split_rejected"]


def _verdicts(
    tab: Any,
    rs: RuleSet,
    resolve_district: ResolveDistrict | None,
    sink: list[Problem] | None = None,
    envs: list[ArrowEnv] | None = None,
    *,
    kept: Kept | None = None,
) -> dict[str, Arr]:
    """The verdict columns of every row of ``tab``: the rules evaluated column by column.

    With a ``sink``, bad values and contradictions go there instead of raising (the
    verdicts of those rows are then meaningless: the caller sets the rows apart). The
    rules' environment (each node evaluated) is appended to ``envs`` if given. With
    ``kept`` and no row refused, the groups of rows alike in what the rules read are
    looked up in its memo (``_verdict_columns.remembered_answers``): the rules run only
    for groups not met before, their missing facts go to ``kept.sets``, and no
    environment to ``envs``.
    """
    prepared, facts, code_idx = prepare(tab, resolve_district, sink, rs.pilot)
    cols: Mapping[str, Arr] = prepared
    grouped = fact_groups(cols, tab.num_rows, given_only(rs))  # alike in what rules read
    if grouped is not None:
        env: ArrowEnv = grouped_env(cols, facts, rs.rules, rs.presumed, grouped)
        code_idx = _pc.take(code_idx, grouped[1])
        if kept is not None and not sink:
            out = remembered_answers(env, rs, code_idx, kept)  # type: ignore[arg-type]
            if out is not None:
                return out
    else:
        env = ArrowEnv(cols, facts, rs.rules, tab.num_rows, presumed=rs.presumed)
    if envs is not None:
        envs.append(env)
    out = answers(env, rs, code_idx)
    return out if grouped is None else spread_all(out, grouped[0], True)


_WORD_COLUMNS = frozenset((*ANSWERS[:4], "homicide_review", "basis"))
_STRAIGHT = 8
"""A memo's lists are spread straight over a batch's rows if 1 in this many is distinct."""


def _encoded(out: dict[str, Arr], encode: bool) -> dict[str, Arr]:
    """``out`` with its word columns dictionary-encoded (``encode``) or spelt out."""
    if encode:
        return out
    return {n: _pc.cast(v, pa.string()) if n in _WORD_COLUMNS else v for n, v in out.items()}


def _distinct_verdicts(
    tab: Any,
    rs: RuleSet,
    resolve_district: ResolveDistrict | None,
    *,
    encode: bool = False,
    sink: list[Problem] | None = None,
    memo: dict[Any, Any] | None = None,
    rules: Hashable = None,
) -> dict[str, Arr] | None:
    """The verdict columns, evaluated once per distinct combination of the input values.

    Every rule reads only :data:`INPUT_COLUMNS` and decides row by row, so rows that agree
    on those columns get the same verdicts: a police.uk month of 70,000 rows has a few
    thousand distinct (category, month, location) rows. The verdicts of the distinct rows
    are spread over all rows with ``take``. ``None`` (classify every row) when that would
    not pay (most rows distinct), when a column cannot be hashed (lists), or when the
    input has a bad value, so that errors name the rows as the caller numbers them. With a
    ``memo`` (kept by the caller across batches) only combinations not seen before are
    evaluated; its entries are keyed by ``rules`` (what the rule set was made from: the
    definition and the pilot), never by an object's id, which another may take later.
    """
    n = tab.num_rows
    if n < 2:
        return None
    present = set(tab.column_names)  # (a new list at each ask: 2 ms a batch, speed54d)
    names = [c for c in INPUT_COLUMNS if c in present]
    columns, told = [], []
    for name in names:
        col = tab.column(name)
        if pa.types.is_null(col.type) or col.null_count == len(col):
            continue  # all unknown: the same for every row
        told.append(name)
        if not (
            pa.types.is_dictionary(col.type)
            or pa.types.is_primitive(col.type)
            or pa.types.is_string(col.type)
            or pa.types.is_large_string(col.type)
        ):
            return None
        columns.append(col.chunk(0) if col.num_chunks == 1 else _arrays.one_array(col))
    grouped = _group_rows(columns, n, most=n // 2)
    if grouped is None:
        return None
    groups, first = grouped
    found: list[Problem] | None = None if sink is None else []
    # the rules read only these (none: one column of the groups' count, no input's type)
    rows = _pc.take(tab.select(names), first) if names else pa.table({"_": pa.nulls(len(first))})
    lists: dict[str, Arr] = {}  # the memo's lists, spread straight over the batch's rows
    # when its distinct rows are many (incidents: 17,205 of 65,536); police.uk's few (1 in
    # 20) are spread sooner than the rows' numbers composed (in memory: +3%, speed55d)
    straight = len(first) * _STRAIGHT >= n
    try:
        out = None
        if memo is not None:
            kinds = tuple((c, str(tab.column(c).type)) for c in names)
            out = remembered(
                rows,
                names=told,
                signature=(rules, kinds, tuple(told)),
                memo=memo,
                evaluate=_evaluated(
                    rs,
                    resolve_district,
                    collect=sink is not None,
                    memo=memo,
                    rules=rules,
                    tab=tab,
                    told=told,
                ),
                group_rows=_group_rows,
                words=_WORD_COLUMNS,
                rows_of=groups.to_numpy(zero_copy_only=False) if straight else None,
                lists=lists,
            )
        if out is None:  # (the memo full: the missing facts from these verdicts' rules)
            envs: list[ArrowEnv] = []
            out = _verdicts(rows, rs, resolve_district, found, envs)
            if memo is not None and not found:
                out = _sets_of(out, rows, envs[0], rules, resolve_district)
    except DataError:
        return None
    if found:
        spread_problems(found, groups, sink)  # type: ignore[arg-type]
    if memo is not None:  # the missing facts kept for the count: not grouped again
        from svduty.definitions._missing_rows import remember_groups

        out = remember_groups(tab, out, groups, memo=memo, rules=rules, keep=not found)  # type: ignore[arg-type]
    spread_out = spread_all({k: v for k, v in out.items() if k not in lists}, groups, encode)
    return {k: lists[k] if k in lists else spread_out[k] for k in out} if lists else spread_out


def _sets_of(out: Any, rows: Any, env: Any, rules: Any, resolve: Any, **memo: Any) -> Any:
    """``out`` and the missing facts of ``rows`` (``with_sets``) for ``(definition, pilot)``."""
    if not (isinstance(rules, tuple) and len(rules) == 2):
        return out
    from svduty.definitions._missing_rows import with_sets

    return with_sets(out, rows, env, rules=rules, resolve_district=resolve, **memo)


def _clean_verdicts(
    tab: Any,
    rs: RuleSet,
    resolve_district: ResolveDistrict | None,
    collect: bool,
    envs: list[ArrowEnv] | None = None,
    *,
    kept: Kept | None = None,
) -> dict[str, Arr] | None:
    """:func:`_verdicts` of rows; ``None`` if one has a problem (collected, not raised)."""
    found: list[Problem] | None = [] if collect else None
    out = _verdicts(tab, rs, resolve_district, found, envs, kept=kept)
    return None if found else out


def _evaluated(
    rs: RuleSet,
    resolve_district: ResolveDistrict | None,
    *,
    collect: bool,
    memo: dict[Any, Any],
    rules: Any,
    tab: Any,
    told: list[str],
) -> Any:
    """The verdicts of a memo's new rows; their missing facts remembered from the same rules.

    The summary's count of undetermined rows by missing facts
    (:func:`~svduty.definitions._missing_columns.remember_missing`) then finds the new
    combinations in the memo: the rules are not prepared and evaluated a second time.
    Keyed by the types of the ``told`` columns only: a column all null is unknown, as
    one absent (the count reads the classified table, whose absent fields are null).
    """
    kinds = tuple((c, str(tab.column(c).type)) for c in told)

    def evaluate(part: Any) -> dict[str, Arr] | None:
        envs: list[ArrowEnv] = []
        kept = Kept(memo, rules) if isinstance(rules, tuple) and len(rules) == 2 else None
        out = _clean_verdicts(part, rs, resolve_district, collect, envs, kept=kept)
        if out is not None:  # their missing facts beside them (speed46d)
            at = {"memo": memo, "kinds": kinds, "told": tuple(told)}
            sets = kept.sets if kept is not None and not envs else None  # (groups' memo)
            env = envs[0] if envs else None
            out = _sets_of(out, part, env, rules, resolve_district, sets=sets, **at)
        return out

    return evaluate


def _classified(
    tab: Any,
    definition: Definition,
    resolve_district: ResolveDistrict | None,
    pilot: OwhrPilot,
    *,
    encode: bool,
    sink: list[Problem] | None,
    memo: dict[Any, Any] | None = None,
) -> Any:
    """``tab`` plus the verdict columns (see :func:`classify_table`, :func:`classify_split`)."""
    rs = ruleset(definition, pilot)
    work = _viewless(tab)
    out = _distinct_verdicts(
        work, rs, resolve_district, encode=encode, sink=sink, memo=memo, rules=(definition, pilot)
    )
    if out is None:  # row by row (most rows distinct): their missing facts kept for the count
        envs: list[ArrowEnv] = []
        out = _encoded(_verdicts(work, rs, resolve_district, sink, envs), encode)
        if memo is not None and not sink:  # (a row with a problem is set apart: not kept)
            from svduty.definitions._missing_rows import remember_rows

            rules = (definition, pilot)
            remember_rows(work, envs[0], memo=memo, rules=rules, resolve_district=resolve_district)
    return _arrays.with_columns(tab, out)


def _viewless(tab: Any) -> Any:
    """``tab`` with its input columns of views as plain text or bytes, to be read alike.

    Arrow's kernels take few views (no ``take``); the table given back keeps them.
    """
    for i, field in enumerate(tab.schema):
        t = field.type
        if field.name in INPUT_COLUMNS and (
            pa.types.is_string_view(t) or pa.types.is_binary_view(t)
        ):
            tab = tab.set_column(i, field.name, _pc.cast(tab.column(i), viewless_type(t)))
    return tab


@overload
def classify_table(
    table: _pa.Table,
    definition: Definition = ...,
    *,
    resolve_district: ResolveDistrict | None = ...,
    pilot: OwhrPilot = ...,
    encode: bool = ...,
) -> _pa.Table: ...
@overload
def classify_table(
    table: _pa.RecordBatch,
    definition: Definition = ...,
    *,
    resolve_district: ResolveDistrict | None = ...,
    pilot: OwhrPilot = ...,
    encode: bool = ...,
) -> _pa.RecordBatch: ...
@checked
def classify_table(
    table: _pa.Table | _pa.RecordBatch,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
    encode: bool = False,
) -> _pa.Table | _pa.RecordBatch:
    """Classify every row of an Arrow table: the columnar twin of :func:`classify`.

    Input columns are named as the incident JSON fields; any may be absent (all
    unknown), but not all: a table with no incident field is refused (a misspelt header
    would make every row ``undetermined``), as are a name given to two columns, a name
    that spells an absent field otherwise (``Offence Code``) and a police.uk batch of
    :func:`~svduty.io.read_police_uk` (its ``month`` and ``lsoa_code`` are not incident
    fields: :func:`~svduty.io.default_pipeline` classifies it). Each value
    is read as :class:`~svduty.definitions.Incident` reads it (a word in any case and
    spacing, ``"KNIFE"`` for ``knife``); the input columns pass through as given. The
    output is the input plus ``violence``, ``in_scope``, ``domestic_abuse``,
    ``qualifying_homicide`` (yes/no/undetermined), ``homicide_review``
    (required/not_required/undetermined), ``kinds``, ``basis`` and ``reasons`` (compact
    rule ids); these columns of an earlier run, in the input, are replaced. The same rules
    as :func:`classify` decide.

    With ``encode=True`` the word columns (the verdicts and ``basis``) are
    ``dictionary<int32, string>``, as :data:`svduty.io.OUTPUT_SCHEMA` has them: a large
    table's verdicts are then numbers into a few words, not a copy of the text per row.

    Raises:
        DataError: naming the row (1-based) and field of bad values; or the columns, for a
            table with no incident field or a repeated column name.
        ConflictError: naming the rows whose facts contradict each other.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"offence_code": ["8N", "46", None],
        ...               "behaviours": [None, [], None],
        ...               "police_uk_category": [None, None, "Public order"]})
        >>> out = classify_table(t)
        >>> out.column("violence").to_pylist(), out.column("basis").to_pylist()
        (['yes', 'no', 'undetermined'], ['offence_code', 'facts', 'category'])
        >>> "CATEGORY-MIXED" in out.column("reasons")[2].as_py()
        True
        >>> classify_table(t, encode=True).column("violence").type
        DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
    """
    instance_argument(
        table, (pa.Table, pa.RecordBatch), "classify_table(table)", "a pyarrow Table or RecordBatch"
    )
    definition_argument(definition)
    is_batch = isinstance(table, pa.RecordBatch)
    tab = pa.Table.from_batches([table]) if is_batch else table
    _columns_checked(tab)
    result = _classified(tab, definition, resolve_district, pilot, encode=encode, sink=None)
    if is_batch:
        return pa.RecordBatch.from_arrays(  # type: ignore[no-any-return]
            [result.column(i).combine_chunks() for i in range(result.num_columns)],
            schema=result.schema,
        )
    return result  # type: ignore[no-any-return]


@checked
def classify_split(
    table: _pa.Table | _pa.RecordBatch,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
    encode: bool = False,
    memo: dict[Any, Any] | None = None,
) -> tuple[_pa.Table, tuple[Problem, ...]]:
    """Classify the rows :func:`classify_table` accepts and report the others, in one pass.

    The same as :func:`split_rejected` followed by :func:`classify_table` on the rows it
    keeps, but the columns are checked and the rules evaluated once: a row with a bad
    value or a contradiction is reported (1-based, in the input, with its field) instead
    of raising, and left out of the classified table. Rows in = rows classified + rows
    rejected. A column of the wrong type altogether still raises :class:`DataError`.
    A ``memo`` (an empty dict the caller keeps, for one definition and resolver) remembers
    the verdicts of value combinations across calls: the batches of a long file are then
    classified only for the combinations not seen before.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"offence_code": ["8N", "8N", "46"], "victim_age": [30, 200, 17]})
        >>> kept, rejected = classify_split(t)
        >>> kept.column("violence").to_pylist(), [(p.row, p.field) for p in rejected]
        (['yes', 'undetermined'], [(2, 'victim_age')])
    """
    tab: Any = pa.Table.from_batches([table]) if isinstance(table, pa.RecordBatch) else table
    _columns_checked(tab)
    sink: list[Problem] = []
    result = _classified(
        tab, definition, resolve_district, pilot, encode=encode, sink=sink, memo=memo
    )
    problems = tuple(sorted(sink, key=lambda p: p.row or 0))  # stable: the scalar's order
    if problems:
        result = _arrays.without_rows(result, ((p.row or 0) - 1 for p in problems))
        if encode:  # words of the refused rows only are not the kept rows' words
            for name in _WORD_COLUMNS:
                i = result.schema.get_field_index(name)
                words = pc.dictionary_encode(result.column(i).cast(pa.string()))
                result = result.set_column(i, name, words)
    return result, problems


@checked
def split_rejected(
    table: _pa.Table | _pa.RecordBatch,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> tuple[_pa.Table, tuple[Problem, ...]]:
    """Split a table into the rows :func:`classify_table` accepts and the rejected ones.

    Every problem names its row (1-based, in the input) and field; contradictions are
    reported as well as bad values. Rows in = rows kept + rows rejected. A column of the
    wrong type altogether (ages written as text) still raises :class:`DataError`.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"victim_age": [30, 200, 17], "weapon": ["knife", "knife", "spoon"]})
        >>> kept, rejected = split_rejected(t)
        >>> kept.column("victim_age").to_pylist(), [(p.row, p.field) for p in rejected]
        ([30], [(2, 'victim_age'), (3, 'weapon')])
    """
    tab: Any = pa.Table.from_batches([table]) if isinstance(table, pa.RecordBatch) else table
    _columns_checked(tab)
    sink: list[Problem] = []
    prepare(_viewless(tab), resolve_district, sink, pilot)
    problems = tuple(sorted(sink, key=lambda p: p.row or 0))  # stable: the scalar's order
    return _arrays.without_rows(tab, ((p.row or 0) - 1 for p in problems)), problems
