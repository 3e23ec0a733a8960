"""Rows alike in everything the rules read, evaluated once a group (speed53c).

The columnar engine evaluates the rules once for each distinct combination of a batch's
input values (``_columnar._distinct_verdicts``). Incidents told apart by their place
(an LSOA code) or their day are then evaluated again and again for the same facts: the
bench's first batch of 65,536 incidents has 17,205 combinations of category, age, date
and place, and 168 of what the rules read. Once the values are prepared (checked and
read), the rows are grouped by the prepared columns the rules read, the rules evaluated
once a group (:class:`GroupedEnv`), and the verdicts spread back over the rows.

Of the :data:`CANDIDATES` (``location``, its ``district``, and ``date``, whose days are
the columns ``first_day`` and ``last_day``) a column is grouped only by whether it is
given when no node of the rule set evaluated reads its value (:func:`given_only`, from
each node's :meth:`~svduty.definitions._expr.Expr.reads`; a ``Given`` reads none): so
for the national rules, whose place of death is ``place_of_death``, all three; a rule set
with a node reading one of them (a ``RuleSet`` built in code) groups by its value, never
by its first row's (review53b). Property tests compare the grouped verdicts and missing
facts with the one-incident ``classify``, and with rule sets that read those values.

Example:
    >>> import pyarrow as pa
    >>> cols = {"location": pa.array(["E01031012", "E01031013", None] * 30),
    ...         "victim_age": pa.array([30, 30, 30] * 30)}
    >>> groups, first = fact_groups(cols, 90, CANDIDATES)
    >>> groups.to_pylist()[:4], first.to_pylist()
    ([0, 0, 1, 0], [0, 2])
    >>> fact_groups(cols, 90, frozenset())[1].to_pylist()
    [0, 1, 2]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.definitions._expr import All, ArrowEnv, Expr, Not, Rule

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "CANDIDATES",
    "FEWEST",
    "MOST_GROUPS",
    "GroupedEnv",
    "fact_groups",
    "given_only",
    "grouped_env",
    "remembered_groups",
]

CANDIDATES = frozenset({"date", "location", "district"})
"""Prepared columns kept beside what is read from them: grouped by whether each row gives
them where no rule reads their values (:func:`given_only`)."""

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


def _parts(node: Expr) -> list[Expr]:
    """The expressions a node holds (an attrs field, or a tuple of them)."""
    out: list[Expr] = []
    for field in getattr(type(node), "__attrs_attrs__", ()):  # (every Expr is attrs')
        value = getattr(node, field.name, None)
        items = value if isinstance(value, (tuple, list, frozenset)) else (value,)
        out.extend(v for v in items if isinstance(v, Expr))
    return out


def given_only(rs: Any) -> frozenset[str]:
    """The :data:`CANDIDATES` whose values no node of a rule set reads.

    ``rs`` is a ``RuleSet``: its rules, reported reasons, definition and kinds are walked
    (a ``Ref`` names a rule among its rules). A node holding others reads what they read
    and what its own :meth:`~svduty.definitions._expr.Expr.reads` adds to theirs; any
    other node what its ``reads`` says.

    Example:
        >>> import attrs
        >>> from svduty.definitions import STATUTE
        >>> from svduty.definitions._atoms import In
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> sorted(given_only(rs))
        ['date', 'district', 'location']
        >>> here = attrs.evolve(rs, kinds={"here": In("location", frozenset({"E01031012"}))})
        >>> sorted(given_only(here))
        ['date', 'district']
    """
    roots = [r.expr for r in (*rs.rules.values(), *rs.reportable, rs.definition)]
    return CANDIDATES - _read((*roots, *rs.kinds.values()))


@functools.lru_cache(maxsize=64)
def _read(roots: tuple[Expr, ...]) -> frozenset[str]:
    """The columns whose values the nodes under ``roots`` read (cached: a walk ~2 ms).

    The key holds the nodes themselves (they hash by identity, ``eq=False``), so no other
    node can take one's place while its entry is kept. Each node's fields are found once
    (:func:`_fields_of`): asking every node for its own, each asking its parts, walked the
    national rules' 515 nodes some 60,000 times (~6 ms of the first batch's thread, speed54d).
    """
    todo = list(roots)
    seen: set[Expr] = set()
    read: set[str] = set()
    known: dict[int, frozenset[str]] = {}  # by id: the nodes live while walked
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        parts = _parts(node)
        todo.extend(parts)
        held: set[str] = set().union(*(_fields_of(p, known) for p in parts))
        reads = _fields_of(node, known) if _reads_fields(node) else frozenset(node.reads())
        read.update(f for f in reads if f not in held or not parts)
    return frozenset(read)


def _reads_fields(node: Expr) -> bool:
    """Whether ``node.reads()`` is its ``fields()`` (``Expr``'s own ``reads``, not overridden)."""
    return type(node).reads is Expr.reads


def _fields_of(node: Expr, known: dict[int, frozenset[str]]) -> frozenset[str]:
    """The set of ``node.fields()``, each node's found once (``known``, by the node's id).

    A node whose ``fields`` is :class:`~svduty.definitions._expr.All`'s (every part's, so
    ``Any_``'s too) or :class:`~svduty.definitions._expr.Not`'s (its part's) has its parts'
    sets joined; any other node is asked (its own ``fields``, which may differ).

    Example:
        >>> from svduty.definitions._atoms import Given, IsTrue
        >>> from svduty.definitions._expr import All, Not
        >>> a = IsTrue("died")
        >>> sorted(_fields_of(All(a, Not(a), Given("date")), {}))
        ['died']
    """
    got = known.get(id(node))
    if got is None:
        own = type(node).fields
        if own is All.fields:
            got = frozenset().union(*(_fields_of(p, known) for p in node.parts))  # type: ignore[attr-defined]
        elif own is Not.fields:
            got = _fields_of(node.part, known)  # type: ignore[attr-defined]
        else:
            got = frozenset(node.fields())
        known[id(node)] = got
    return got


def fact_groups(
    cols: Mapping[str, Arr], n: int, given: Iterable[str] = CANDIDATES
) -> tuple[Arr, Arr] | None:
    """Each row's group of rows alike in what the rules read, and each group's first row.

    ``cols`` are the prepared columns (``_columns.prepare``); ``given`` the columns no rule
    reads the value of (:func:`given_only`), grouped by whether each row gives them.
    ``None`` (evaluate the rows as they are) for fewer than :data:`FEWEST` rows, a column
    that cannot be grouped (a list), or more groups than half the rows.

    Example:
        >>> fact_groups({"victim_age": pa.array(list(range(64)))}, 64, CANDIDATES) is None
        True
    """
    presence = frozenset(given)
    if n < FEWEST:
        return None
    keys = []
    for name, values in cols.items():
        col = _arrays.one_array(values)
        if col.null_count == len(col):
            continue  # unknown in every row: alike
        if name in presence:
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


MOST_GROUPS = 1 << 16
"""The most groups a memo of :func:`remembered_groups` holds for one shape of columns."""


def _shape(firsts: Mapping[str, Arr], given: frozenset[str]) -> tuple[Any, list[Arr]] | None:
    """What tells the groups apart, as :func:`fact_groups` keys them, and those keys.

    Each prepared column by name and type, keyed by whether it is given (a column of
    ``given``) or by its values, whether some, every or no row gives it: so batches whose
    rows give a column in some rows, or in every row, share their groups. ``None`` for a
    column that cannot be keyed.
    """
    shape, keys = [], []
    for name, values in firsts.items():
        col = _arrays.one_array(values)
        t = col.type
        if name in given:
            shape.append((name, str(t), "given"))
            keys.append(pc.is_valid(col))
        elif pa.types.is_primitive(t) or pa.types.is_string(t) or pa.types.is_large_string(t):
            shape.append((name, str(t), "values"))
            keys.append(col)
        elif col.null_count == len(col):  # (a list, say, given in no row)
            shape.append((name, str(t), "unknown"))
        else:
            return None
    return tuple(shape), keys


def remembered_groups(
    firsts: Mapping[str, Arr],
    given: Iterable[str],
    *,
    memo: dict[Any, Any],
    rules: Hashable,
    evaluate: Callable[[Any], dict[str, Arr] | None],
) -> tuple[Any, dict[str, Arr]] | None:
    """Each group's row in a memo of groups' verdicts, and the memo's columns (speed56c).

    ``firsts`` are the prepared columns of a batch's groups (one row a group, as
    :func:`grouped_env` takes them): the rows are alike in what the rules read, and so is
    every row of any batch whose group has the same key. The memo (the caller's, kept
    across batches) holds, for ``rules`` and each shape of columns, the key of every group
    met and the columns ``evaluate`` gave for it; only groups not met before are given to
    ``evaluate`` (the numbers of their rows in ``firsts``, numpy), whose columns are
    appended. Entries are replaced, never mutated.

    Returns:
        Each group's row in the columns (numpy ``int64``) and the columns; ``None`` when
        a column cannot be keyed, the memo is full, or ``evaluate`` gives ``None``.

    Example:
        >>> asked, memo = [], {}
        >>> def evaluate(rows):
        ...     asked.append(rows.tolist())
        ...     return {"age": _pc.take(firsts["victim_age"], _arrays.array(rows))}
        >>> firsts = {"victim_age": pa.array([30, 12])}
        >>> at, out = remembered_groups(firsts, (), memo=memo, rules="r", evaluate=evaluate)
        >>> firsts = {"victim_age": pa.array([12, 40])}
        >>> at, out = remembered_groups(firsts, (), memo=memo, rules="r", evaluate=evaluate)
        >>> at.tolist(), out["age"].to_pylist(), asked
        ([1, 2], [30, 12, 40], [[0, 1], [1]])
    """
    shaped = _shape(firsts, frozenset(given))
    if shaped is None:
        return None
    shape, keys = shaped
    n = len(next(iter(firsts.values()))) if firsts else 1
    if not keys:  # every row alike: one key for all
        keys = [pa.nulls(n, pa.bool_())]
    signature = ("groups by what the rules read", rules, shape)
    known_keys, known = memo.get(signature, (None, None))
    m = 0 if known_keys is None else len(known_keys[0])
    if m:
        pairs = zip(known_keys, keys, strict=True)
        both = [pa.concat_arrays([a, _arrays.one_array(b)]) for a, b in pairs]
        grouped = _arrays.group_rows(both, m + n)
        assert grouped is not None  # no limit asked
        # the memo's keys are distinct and first: a key met before is numbered by its
        # place there, a new one by m, m + 1, ... in order, its place once appended
        at = grouped[0].to_numpy(zero_copy_only=False)[m:].astype(np.int64)
    else:
        at = np.arange(n, dtype=np.int64)
    new = np.flatnonzero(at >= m)
    columns = known
    if len(new):
        if m + len(new) > MOST_GROUPS:
            return None
        fresh = evaluate(new)
        if fresh is None:
            return None
        if known is not None:
            fresh = {k: pa.concat_arrays([known[k], v]) for k, v in fresh.items()}
        taken = [_arrays.one_array(k) if not m else _pc.take(k, _arrays.array(new)) for k in keys]
        if m:
            taken = [pa.concat_arrays([a, b]) for a, b in zip(known_keys, taken, strict=True)]
        memo[signature] = (taken, fresh)
        columns = fresh
    assert columns is not None  # every group was known, so the memo holds them
    return at, columns
