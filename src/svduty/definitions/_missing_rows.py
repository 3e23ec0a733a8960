"""The missing facts of a batch classified row by row, kept for the summary's count (speed46b).

A batch with more than half its rows distinct (incidents with their own days, ages and
places) is classified row by row, not through the memo of combinations
(:func:`~svduty.definitions._missing_columns.remember_missing`). The summary's count of
undetermined rows by missing facts then prepared the same rows and evaluated the rules a
second time. The classifier now keeps each row's missing facts, worked out from the rules it
has just evaluated (:func:`remember_rows`), and the count takes them
(:func:`rows_remembered`) when its rows are the classifier's.

A batch classified through the memo of combinations (speed46d) is kept alike: the missing
facts of its distinct rows (the memo holds them beside the verdicts, :func:`with_sets`) and
its rows' groups, so that the count neither groups the rows again nor looks them up in a
memo of its own; and when the memo is full, the distinct rows' missing facts come from the
rules evaluated for their verdicts, not from a second evaluation.

Example:
    >>> import pyarrow as pa
    >>> from svduty.definitions._definition import STATUTE
    >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
    >>> rows_remembered(pa.table({"date": ["2025-06"]}), {}, (STATUTE, OWHR_PILOT_AS_MADE))
"""

from __future__ import annotations

from typing import Any, cast

import pyarrow as _pa

from svduty._compute import dictionary_decode
from svduty.definitions._classify import ResolveDistrict
from svduty.definitions._columns import INPUT_COLUMNS
from svduty.definitions._definition import Definition
from svduty.definitions._expr import ArrowEnv
from svduty.definitions._missing_columns import _sets, remember_missing
from svduty.definitions._owhr import OwhrPilot

pa: Any = _pa
Arr = Any

__all__ = [
    "remember_groups",
    "remember_rows",
    "remembered_later",
    "rows_remembered",
    "take_sets",
    "with_sets",
]


_ROWS = "missing facts of a batch's rows"
"""The memo's key of :func:`remember_rows`: one batch's rows, the last classified."""

_LATER = ("missing facts", "set aside")
"""The memo's key of the new combinations' missing facts set aside by :func:`with_sets`."""

_SETS = "\x00missing facts: "
"""The prefix of the missing-facts columns :func:`with_sets` puts beside the verdicts."""


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
        >>> kept, groups = rows_remembered(rows, memo, rules)
        >>> kept["violence"].to_pylist() == missing_sets(rows)["violence"].to_pylist()
        True
    """
    definition, pilot = rules
    sets = _sets(rows, definition, resolve_district, pilot, env)
    if sets is not None:
        memo[_ROWS] = (rules, rows.num_rows, _told(rows), sets, None)


def with_sets(
    out: dict[str, Arr],
    rows: _pa.Table,
    env: ArrowEnv | None,
    *,
    rules: tuple[Definition, OwhrPilot],
    resolve_district: ResolveDistrict | None,
    memo: dict[Any, Any] | None = None,
    kinds: tuple[Any, ...] = (),
    told: tuple[str, ...] = (),
    sets: dict[str, Arr] | None = None,
) -> dict[str, Arr]:
    """The verdicts ``out`` of ``rows`` and, beside them, their missing facts (from ``env``).

    ``sets``: those missing facts, worked out already (with the verdicts of groups kept
    across batches, speed56c); ``env`` is then not read.

    The missing facts are worked out from the rules evaluated for the verdicts: none is
    prepared or evaluated again. Put in the memo of combinations beside the verdicts, they
    are looked up with them (one grouping), and :func:`take_sets` takes them out. With a
    ``memo``, they are also set aside for the count's own key, for batches whose rows the
    count does not share: :func:`remembered_later` puts them there
    (:func:`~svduty.definitions._missing_columns.remember_missing`) when the count first
    looks there. A run whose count takes every batch's sets from the classifier (an
    incident file's grouped batches) never groups them into that key (speed49c: about
    5 ms a batch of new combinations, growing with the memo).

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._columns import prepare
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rows = pa.table({"offence_code": ["8N", None]})
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> cols, known, _ = prepare(rows, None, None, rs.pilot)
        >>> env = ArrowEnv(cols, known, rs.rules, 2, presumed=rs.presumed)
        >>> out = with_sets({}, rows, env, rules=(STATUTE, OWHR_PILOT_AS_MADE),
        ...     resolve_district=None)
        >>> verdicts, sets = take_sets(out)
        >>> verdicts, sorted(sets) == sorted(_sets(rows, STATUTE, None, OWHR_PILOT_AS_MADE, None))
        ({}, True)
    """
    definition, pilot = rules
    if sets is None:
        sets = _sets(rows, definition, resolve_district, pilot, env)
    if sets is None:  # too many facts to keep as bits: the count evaluates them itself
        return out
    if memo is not None:  # for the count's own key when it first looks there (not before)
        later = (rows, rules, resolve_district, kinds, told, sets)
        memo[_LATER] = (*memo.get(_LATER, ()), later)  # (replaced, not mutated)
    return {**out, **{_SETS + name: column for name, column in sets.items()}}


def remembered_later(memo: dict[Any, Any]) -> None:
    """Put the missing facts :func:`with_sets` set aside under the count's own key.

    In the order they were set aside, as the classifier would have put them there
    (:func:`~svduty.definitions._missing_columns.remember_missing`, from their sets: no
    rule evaluated); then none is left aside.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._columns import prepare
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._missing_columns import missing_signature
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rows, memo, rules = pa.table({"offence_code": ["8N", None]}), {}, (STATUTE, OWHR_PILOT_AS_MADE)
        >>> rs = ruleset(*rules)
        >>> cols, known, _ = prepare(rows, None, None, rs.pilot)
        >>> env = ArrowEnv(cols, known, rs.rules, 2, presumed=rs.presumed)
        >>> told = ("offence_code",)
        >>> kinds = (("offence_code", "string"),)
        >>> _ = with_sets({}, rows, env, rules=rules, resolve_district=None, memo=memo,
        ...     kinds=kinds, told=told)
        >>> key = missing_signature(rules, kinds, told)
        >>> key in memo, _LATER in memo
        (False, True)
        >>> remembered_later(memo)
        >>> key in memo, _LATER in memo
        (True, False)
    """  # noqa: E501
    for rows, rules, resolve, kinds, told, sets in memo.pop(_LATER, ()):
        remember_missing(
            rows,
            None,
            memo=memo,
            rules=rules,
            resolve_district=resolve,
            kinds=kinds,
            told=told,
            sets=sets,
        )


def take_sets(out: dict[str, Arr]) -> tuple[dict[str, Arr], dict[str, Arr] | None]:
    """The verdicts of :func:`with_sets`' columns, and the missing facts (``None``: none).

    Example:
        >>> take_sets({"violence": 1})
        ({'violence': 1}, None)
    """
    verdicts = {k: v for k, v in out.items() if not k.startswith(_SETS)}
    if len(verdicts) == len(out):
        return out, None
    return verdicts, {k[len(_SETS) :]: v for k, v in out.items() if k.startswith(_SETS)}


def remember_groups(
    rows: _pa.Table,
    out: dict[str, Arr],
    groups: Arr,
    *,
    memo: dict[Any, Any],
    rules: tuple[Definition, OwhrPilot],
    keep: bool = True,
) -> dict[str, Arr]:
    """The verdicts of :func:`with_sets`' ``out``; its missing facts kept for the count.

    ``out`` holds the columns of a batch's distinct rows, ``groups`` each row's distinct
    row. With ``keep`` (no row set apart), the distinct rows' missing facts and the groups
    are kept: the count takes them with :func:`rows_remembered`.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rows, memo = pa.table({"offence_code": ["8N", "8N"]}), {}
        >>> rules = (STATUTE, OWHR_PILOT_AS_MADE)
        >>> groups = pa.array([0, 0], pa.int32())
        >>> out = {"violence": 1, _SETS + "violence": pa.array([0])}
        >>> remember_groups(rows, out, groups, memo=memo, rules=rules)
        {'violence': 1}
        >>> sets, kept = rows_remembered(rows, memo, rules)
        >>> sets["violence"].to_pylist(), kept is groups
        ([0], True)
    """
    verdicts, sets = take_sets(out)
    if sets is not None and keep:
        memo[_ROWS] = (rules, rows.num_rows, _told(rows), sets, groups)
    return verdicts


def rows_remembered(
    rows: _pa.Table, memo: dict[Any, Any], rules: tuple[Definition, OwhrPilot]
) -> tuple[dict[str, Arr], Arr | None] | None:
    """The missing facts kept for ``rows`` and their groups (``None``: one set a row).

    What :func:`remember_rows` (one set a row) or :func:`remember_groups` (a set for each
    distinct row, and each row's) kept, when its rows are ``rows``; else ``None``.

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
    (definition, pilot), n, told, sets, groups = kept
    if definition is not rules[0] or pilot != rules[1] or n != rows.num_rows:
        return None
    theirs = _told(rows)
    if theirs.keys() != told.keys() or not all(_same(told[k], theirs[k]) for k in told):
        return None
    return cast("dict[str, Arr]", sets), groups


def _same(ours: Any, theirs: Any) -> bool:
    """Whether two columns hold the same values of the same type, a dictionary's decoded.

    (A police.uk batch's places are classified as a dictionary and counted as text.)

    Example:
        >>> words = pa.chunked_array([pa.array(["a", "b"]).dictionary_encode()])
        >>> _same(words, pa.chunked_array([["a", "b"]])), _same(words, pa.chunked_array([[1, 2]]))
        (True, False)
    """
    if ours.type != theirs.type:
        ours, theirs = _decoded(ours), _decoded(theirs)
        if ours.type != theirs.type:
            return False
    return bool(ours.equals(theirs))


def _decoded(col: Any) -> Any:
    """A chunked column with its dictionary decoded."""
    return dictionary_decode(col) if pa.types.is_dictionary(col.type) else col  # not .cast


def _told(rows: Any) -> dict[str, Any]:
    """The columns of ``rows`` the rules read, but those all null (unknown, as if absent)."""
    return {  # (a record batch's columns as chunked arrays: compared alike)
        f.name: col if isinstance(col, pa.ChunkedArray) else pa.chunked_array([col], f.type)
        for f, col in zip(rows.schema, rows.columns, strict=True)
        if f.name in INPUT_COLUMNS and not pa.types.is_null(f.type) and col.null_count < len(col)
    }
