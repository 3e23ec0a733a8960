"""The missing facts of every row's undetermined answers, column by column.

The columnar twin of :meth:`Classification.missing_for
<svduty.definitions.Classification.missing_for>`: for each answer, the facts that would
settle it where it is undetermined, the same set the scalar engine names for that row
(:func:`~svduty.definitions.classify`). A batch job's summary counts its undetermined rows
by them (``svduty classify --summary json``: ``undetermined_by_missing``), so an analyst
can tell from the summary, not only row by row, why rows are undetermined.

Example:
    >>> import pyarrow as pa
    >>> from svduty.definitions import STATUTE
    >>> out = missing_columns(pa.table({"offence_code": ["8N", None]}), STATUTE)
    >>> out["violence"].to_pylist()[0] is None  # 8N is violence: nothing missing
    True
    >>> "offence_code" in out["violence"].to_pylist()[1]
    True
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Mapping
from typing import Any, cast

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.definitions._atoms import Fact, FirstKnown
from svduty.definitions._bits import bools_to_lists as _bools_to_lists
from svduty.definitions._bits import true_bits, unique_numbers
from svduty.definitions._classification import ANSWERS
from svduty.definitions._classify import ResolveDistrict, answer_rules, ruleset
from svduty.definitions._columns import prepare
from svduty.definitions._definition import STATUTE, Definition
from svduty.definitions._expr import All, ArrowEnv, Expr, Not, Ref
from svduty.definitions._missing_bits import missing_bits
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE, OwhrPilot
from svduty.definitions._places import DeathIn, PilotArea

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "MOST_FACTS",
    "missing_columns",
    "missing_order",
    "missing_sets",
    "missing_signature",
    "missing_words",
    "remember_missing",
    "spelt_sets",
]


class _Missing:
    """Per node and fact, the rows where the node is undetermined and names the fact.

    Mirrors :meth:`Expr.missing <svduty.definitions._expr.Expr.missing>` node by node; a
    node class with another ``_missing`` is refused (its rule would be guessed at).
    """

    def __init__(self, env: ArrowEnv, code_given: Arr) -> None:
        self.env = env
        self.code_given = code_given
        self.reach_memo: dict[Expr, frozenset[str]] = {}
        self.memo: dict[tuple[Expr, str], Arr | None] = {}
        self.open_memo: dict[Expr, Arr | None] = {}
        self.everywhere: set[Expr] = set()  # nodes undetermined in every row
        self.every: Arr | None = None  # their mask: every row

    def reach(self, node: Expr) -> frozenset[str]:
        """Every fact ``node`` could name as missing (whatever the row)."""
        if node not in self.reach_memo:
            self.reach_memo[node] = self._reach(node)
        return self.reach_memo[node]

    def _reach(self, node: Expr) -> frozenset[str]:
        how = type(node)._missing
        if how is Expr._missing:
            return frozenset(node.fields())
        if how in (All._missing, FirstKnown._missing):
            return frozenset().union(*(self.reach(p) for p in node.parts))  # type: ignore[attr-defined]
        if how is Not._missing:
            return self.reach(node.part)  # type: ignore[attr-defined]
        if how is Ref._missing:
            return self.reach(self.env.rules[node.rule].expr)  # type: ignore[attr-defined]
        if how is Fact._missing:
            return self.reach(node.explicit) | {"offence_code"}  # type: ignore[attr-defined]
        if how in (PilotArea._missing, DeathIn._missing):
            return frozenset(node.fields())
        raise NotImplementedError(f"missing facts of {type(node).__name__}")

    def rows(self, node: Expr, fact: str) -> Arr | None:
        """Where ``node`` is undetermined and names ``fact`` (``None``: nowhere)."""
        key = (node, fact)
        if key not in self.memo:
            self.memo[key] = self._rows(node, fact) if fact in self.reach(node) else None
        return self.memo[key]

    def undetermined(self, node: Expr) -> Arr | None:
        """Where ``node`` is undetermined (``None``: nowhere), worked out once a node."""
        if node not in self.open_memo:
            value = node.arrow(self.env)
            if not value.null_count:  # determined in every row: no mask to make
                self.open_memo[node] = None
                return None
            if value.null_count == len(value):  # undetermined in every row: one mask
                undetermined = self._every_row()
            else:
                undetermined = pc.is_null(value)
            count = _trues(undetermined)
            self.open_memo[node] = undetermined if count else None
            if count == len(undetermined):
                self.everywhere.add(node)
        return self.open_memo[node]

    def _rows(self, node: Expr, fact: str) -> Arr | None:
        undetermined = self.undetermined(node)
        if undetermined is None:
            return None
        how = type(node)._missing
        if how is Expr._missing:
            return undetermined  # a leaf names every field it reads
        if how in (All._missing, FirstKnown._missing):
            inner = _any([self.rows(p, fact) for p in node.parts])  # type: ignore[attr-defined]
        elif how is Not._missing:
            inner = self.rows(node.part, fact)  # type: ignore[attr-defined]
        elif how is Ref._missing:
            inner = self.rows(self.env.rules[node.rule].expr, fact)  # type: ignore[attr-defined]
        elif how is PilotArea._missing:  # the place of death, where no district is known
            inner = self._pilot_area(fact)
        elif how is DeathIn._missing:  # none, where only the law's doubt leaves it open
            inner = self._death_in(node, fact)  # type: ignore[arg-type]
        else:  # Fact: its explicit part's, and the offence code where none was given
            no_code = pc.invert(self.code_given) if fact == "offence_code" else None
            inner = _any([self.rows(node.explicit, fact), no_code])  # type: ignore[attr-defined]
        if inner is None:
            return None
        # undetermined in every row (absent facts: most nodes), or where its part is (NOT
        # and a rule's name: the part's nulls), the mask is the part's own
        same = node in self.everywhere or type(node) in (Not, Ref)
        return inner if same else pc.and_(undetermined, inner)

    def _pilot_area(self, fact: str) -> Arr | None:
        if fact != "place_of_death":
            return self._every_row()
        district, place = self.env.col("death_district"), self.env.col("place_of_death")
        if district.null_count == len(district) and place.null_count == len(place):
            return self._every_row()  # neither given in any row (no Arrow call)
        return pc.and_(pc.is_null(district), pc.is_null(place))

    def _every_row(self) -> Arr:
        """A mask of every row, made once."""
        if self.every is None:
            self.every = pc.is_null(self.env.null_bool())
        return self.every

    def _death_in(self, node: DeathIn, fact: str) -> Arr | None:
        last = node._last()
        if node.end is None or last is None:
            return self._every_row()
        col = self.env.col
        lows = [c for c in (col("first_day"), col("death_first_day")) if c.null_count < len(c)]
        high = col("death_last_day")
        if not lows or high.null_count == len(high):
            return self._every_row()
        low = pc.max_element_wise(*lows, skip_nulls=True) if len(lows) > 1 else lows[0]
        doubt = pc.and_(
            pc.greater_equal(low, pa.scalar(node.end, pa.date32())),
            pc.less(high, pa.scalar(last, pa.date32())),
        )
        return pc.invert(pc.fill_null(doubt, False))


def _any(masks: list[Arr | None]) -> Arr | None:
    """The rows any mask holds (``None`` for none); a mask of every row is the answer."""
    out, some = None, False
    for m in masks:
        if m is None:
            continue
        trues = _trues(m)
        if trues == len(m):  # every row: the others add none (no Arrow call)
            return m
        if out is None or (trues and not some):  # a mask of no row adds none
            out, some = m, bool(trues)
        elif trues:
            out = pc.or_(out, m)
    return out


def _trues(mask: Arr) -> int:
    """How many rows a mask (no nulls) holds, counted from its bits (no Arrow call)."""
    if isinstance(mask, pa.ChunkedArray):
        return sum(c.true_count for c in mask.chunks)
    return int(mask.true_count)


def _answer_flags(
    table: _pa.Table,
    definition: Definition,
    resolve_district: ResolveDistrict | None,
    pilot: OwhrPilot,
    env: ArrowEnv | None = None,
) -> list[tuple[str, Arr, list[Arr], list[str]]]:
    """Per answer: where it is undetermined, and a flag per fact (alphabetical) it misses.

    With ``env`` (the verdicts' own, of the same rows and rule set: its rules already
    evaluated), ``table`` is not prepared again.
    """
    rs = ruleset(definition, pilot)
    if env is None:
        cols, known, _ = prepare(table, resolve_district, None, rs.pilot)
        env = ArrowEnv(cols, known, rs.rules, table.num_rows, presumed=rs.presumed)
    n = env.length
    code = env.columns.get("offence_code")
    code_given = pc.is_valid(code) if code is not None else pa.repeat(pa.scalar(False), n)
    finder = _Missing(env, code_given)
    absent: dict[str, Arr | None] = {}  # each fact's column, null (not given): one call a fact
    out = []
    for name, rule in zip(ANSWERS, answer_rules(rs), strict=True):
        undetermined = pc.is_null(rule.expr.arrow(env))
        facts = sorted(finder.reach(rule.expr))
        flags, labels = [], []
        for fact in facts:
            rows = finder.rows(rule.expr, fact)
            if rows is None:
                continue
            if fact not in absent:
                given = env.col(fact)  # none given (most facts): every row's flag is kept
                absent[fact] = None if given.null_count == len(given) else pc.is_null(given)
            not_given = absent[fact]  # a fact given is not missing
            if not_given is None:  # given in no row: missing wherever the rules name it
                flags.append(rows)
            elif not _trues(not_given):  # given in every row: missing in none
                flags.append(not_given)
            else:
                flags.append(pc.and_(rows, not_given))
            labels.append(fact)
        out.append((name, undetermined, flags, labels))
    return out


def missing_columns(
    table: _pa.Table,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> dict[str, Arr]:
    """Answer -> the missing facts of each row (a ``list<string>``, null where determined).

    The facts of a row's undetermined answer are those
    :meth:`~svduty.definitions.Classification.missing_for` gives for the incident, in
    alphabetical order; an undetermined answer that names none has an empty list. The
    table's columns are the incident fields, as :func:`~svduty.definitions.classify_table`
    reads them (bad values raise as it raises).

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"police_uk_category": ["Robbery"], "date": ["2025-06"]})
        >>> facts = missing_columns(t)["domestic_abuse"][0].as_py()
        >>> "relationship" in facts, facts == sorted(facts)
        (True, True)
    """
    n = table.num_rows
    out: dict[str, Arr] = {}
    for name, undetermined, flags, labels in _answer_flags(
        table, definition, resolve_district, pilot
    ):
        lists = _bools_to_lists(flags, labels) if labels else _empty_lists(n)
        out[name] = pc.if_else(undetermined, lists, pa.scalar(None, lists.type))
    return out


def missing_words(
    table: _pa.Table,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> dict[str, Arr]:
    """``missing_keys(missing_columns(...))``, dictionary-encoded: a text per set of facts.

    The rows' missing facts are told apart by their flags' bits (:func:`missing_sets`), so
    only each distinct set of facts is spelt (``"a, b"``; ``""`` for none), once: no list
    or text for each row. Null where the answer is determined.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"offence_code": ["8N", None, None]})
        >>> words = missing_words(t)["violence"]
        >>> words.to_pylist() == missing_keys(missing_columns(t))["violence"].to_pylist()
        True
        >>> len(words.dictionary)
        1
    """
    sets = missing_sets(table, definition, resolve_district=resolve_district, pilot=pilot)
    if sets is None:  # more facts than bits: the lists, joined
        lists = missing_columns(table, definition, resolve_district=resolve_district, pilot=pilot)
        return {n: pc.dictionary_encode(k) for n, k in missing_keys(lists).items()}
    order = missing_order(definition, pilot)
    return {name: spelt_sets(bits, order[name]) for name, bits in sets.items()}


@functools.lru_cache(maxsize=16)
def missing_order(
    definition: Definition = STATUTE, pilot: OwhrPilot = OWHR_PILOT_AS_MADE
) -> dict[str, list[str]]:
    """Answer -> the facts it could name as missing, alphabetical: :func:`missing_sets`' bits.

    (Cached: the answer is shared, not to be changed.)

    Example:
        >>> "relationship" in missing_order()["domestic_abuse"]
        True
    """
    rs = ruleset(definition, pilot)
    finder = _Missing(cast(ArrowEnv, _Rules(rs.rules)), None)
    return {
        name: sorted(finder.reach(rule.expr))
        for name, rule in zip(ANSWERS, answer_rules(rs), strict=True)
    }


@attrs.frozen
class _Rules:
    """What :meth:`_Missing.reach` reads of an environment: the rules."""

    rules: Any


def missing_sets(
    table: _pa.Table,
    definition: Definition = STATUTE,
    *,
    resolve_district: ResolveDistrict | None = None,
    pilot: OwhrPilot = OWHR_PILOT_AS_MADE,
) -> dict[str, Arr] | None:
    """Answer -> each row's missing facts as bits (``int64``; null where determined).

    Bit ``i`` is the answer's ``i``-th fact of :func:`missing_order`; numbers, not text,
    so a memo of them is small and taken quickly. ``None`` if an answer could name more
    facts than an ``int64`` has bits for.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"offence_code": ["8N", None]})
        >>> bits = missing_sets(t)["violence"]
        >>> spelt = spelt_sets(bits, missing_order()["violence"])
        >>> bits[0].as_py() is None, "offence_code" in spelt[1].as_py()
        (True, True)
        >>> spelt.to_pylist() == missing_keys(missing_columns(t))["violence"].to_pylist()
        True
    """
    return _sets(table, definition, resolve_district, pilot, None)


def _sets(
    table: _pa.Table | None,
    definition: Definition,
    resolve_district: ResolveDistrict | None,
    pilot: OwhrPilot,
    env: ArrowEnv | None,
) -> dict[str, Arr] | None:
    """:func:`missing_sets`, from the verdicts' ``env`` of ``table`` if given.

    Worked out a node at a time, each row's facts as bits (:func:`._missing_bits.missing_bits`:
    the same sets as :func:`_answer_flags`' masks, in a fraction of the calls).
    """
    order = missing_order(definition, pilot)
    if any(len(facts) > MOST_FACTS for facts in order.values()):
        return None
    rs = ruleset(definition, pilot)
    if env is None:
        assert table is not None  # (one of the two)
        cols, known, _ = prepare(table, resolve_district, None, rs.pilot)
        env = ArrowEnv(cols, known, rs.rules, table.num_rows, presumed=rs.presumed)
    return missing_bits(env, rs, order)  # (None: more facts than an int64's bits)


def spelt_sets(sets: Arr, facts: list[str]) -> Arr:
    """Sets of facts as bits (:func:`missing_sets`) spelt ``"a, b"``, each distinct set once.

    A dictionary column of the sets used, in order of their numbers; null for null.

    Example:
        >>> import pyarrow as pa
        >>> spelt_sets(pa.array([3, None, 2, 0]), ["a", "b"]).to_pylist()
        ['a, b', None, 'b', '']
    """
    sets = sets.combine_chunks() if isinstance(sets, pa.ChunkedArray) else sets
    valid = true_bits(pc.is_valid(sets))
    numbers = np.where(valid, pc.fill_null(sets, 0).to_numpy(zero_copy_only=False), -1)
    found, at = unique_numbers(numbers)  # (np.unique: every row's sorted)
    if len(found) and found[0] == -1:  # no set: numbered first, then left out
        found, at = found[1:], at - 1
    spelt = [", ".join(f for b, f in enumerate(facts) if int(s) >> b & 1) for s in found]
    return pa.DictionaryArray.from_arrays(
        _arrays.array(at.astype(np.int32), mask=~valid), pa.array(spelt, pa.string())
    )


MOST_FACTS = 62
"""The most facts an answer's sets are numbered by bits of (an ``int64``)."""


def _empty_lists(n: int) -> Arr:
    """``n`` empty lists of text."""
    return pa.array([[]] * n, pa.list_(pa.string()))


def missing_keys(columns: Mapping[str, Arr]) -> dict[str, Arr]:
    """Each answer's missing facts as one text per row (``"a, b"``; null where determined).

    Example:
        >>> import pyarrow as pa
        >>> missing_keys({"violence": pa.array([["a", "b"], None, []])})["violence"].to_pylist()
        ['a, b', None, '']
    """
    return {name: pc.binary_join(lists, ", ") for name, lists in columns.items()}


def missing_signature(rules: Hashable, kinds: tuple[Any, ...], told: tuple[str, ...]) -> Hashable:
    """The memo key of the missing facts (as bits) of rows of these columns, for ``rules``.

    ``rules`` is ``(definition, pilot)``; ``told`` the columns that tell rows apart (not
    all null: one all null is unknown, as one absent), in the engine's order of
    ``INPUT_COLUMNS``, and ``kinds`` their names and types.
    The classifier (which remembers them as it evaluates the rules) and the summary's
    count (which looks them up) key them alike.

    Example:
        >>> missing_signature(("d", "p"), (("date", "string"),), ("date",))[0]
        'missing facts'
    """
    return ("missing facts", rules, kinds, told)


def remember_missing(
    rows: _pa.Table,
    env: ArrowEnv | None,
    *,
    memo: dict[Any, Any],
    rules: tuple[Definition, OwhrPilot],
    resolve_district: ResolveDistrict | None,
    kinds: tuple[Any, ...],
    told: tuple[str, ...],
    sets: dict[str, Arr] | None = None,
) -> None:
    """Remember the missing facts of ``rows`` from the verdicts' ``env`` (rules evaluated).

    ``sets``: those missing facts, already worked out from ``env`` (not worked out again;
    ``env`` may then be ``None``).

    The classifier's new combinations, evaluated for their verdicts, are not evaluated
    again for their missing facts: the summary's count finds them in ``memo``
    (:func:`missing_signature`). Rows the memo already holds are left as they are.

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> rows = pa.table({"offence_code": ["8N", None]})
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> cols, known, _ = prepare(rows, None, None, rs.pilot)
        >>> env = ArrowEnv(cols, known, rs.rules, 2, presumed=rs.presumed)
        >>> memo = {}
        >>> remember_missing(rows, env, memo=memo, rules=(STATUTE, OWHR_PILOT_AS_MADE),
        ...     resolve_district=None, kinds=(("offence_code", "string"),),
        ...     told=("offence_code",))
        >>> keys, sets, _ = next(iter(memo.values()))
        >>> sets["violence"].to_pylist() == missing_sets(rows)["violence"].to_pylist()
        True
    """
    from svduty.definitions._distinct import remembered

    definition, pilot = rules

    def evaluate(part: _pa.Table) -> dict[str, Arr] | None:
        if part.num_rows == rows.num_rows and sets is not None:  # worked out already
            return sets
        if part.num_rows == rows.num_rows:  # every row new: the verdicts' rules
            return _sets(rows, definition, resolve_district, pilot, env)
        return _sets(part, definition, resolve_district, pilot, None)

    remembered(
        rows,
        names=list(told),
        signature=missing_signature(rules, kinds, told),
        memo=memo,
        evaluate=evaluate,
        group_rows=_arrays.group_rows,
        words=frozenset(),
    )
