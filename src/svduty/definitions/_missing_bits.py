"""The missing facts of every row's undetermined answers as bits, in one pass over the rules.

:func:`~svduty.definitions._missing_columns.missing_sets` numbers each row's missing facts
by bits (bit ``i``: the answer's ``i``-th fact of
:func:`~svduty.definitions._missing_columns.missing_order`). It asked, for each answer, each
node of its rules and each fact the node could name, where the node names the fact: a mask
per (node, fact), about 1,600 Python steps and 500 Arrow calls an evaluation of a batch's
new combinations, nearly as many for one row as for thousands. Here each node's missing
facts are one integer a row (a bit for each fact of all the answers), worked out once a
node from its parts' (an OR, then kept only where the node is undetermined); a node the
same in every row (a fact no row gives: most nodes) is one Python integer, not an array.
The same sets, row for row (a property test compares them with the masks' sets).

Example:
    >>> import pyarrow as pa
    >>> from svduty.definitions._classify import ruleset
    >>> from svduty.definitions._columns import prepare
    >>> from svduty.definitions._definition import STATUTE
    >>> from svduty.definitions._expr import ArrowEnv
    >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
    >>> from svduty.definitions._missing_columns import missing_order
    >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
    >>> cols, known, _ = prepare(pa.table({"offence_code": ["8N", None]}), None, None, rs.pilot)
    >>> env = ArrowEnv(cols, known, rs.rules, 2, presumed=rs.presumed)
    >>> sets = missing_bits(env, rs, missing_order(STATUTE, OWHR_PILOT_AS_MADE))
    >>> sets["violence"][0].as_py() is None, sets["violence"][1].as_py() > 0
    (True, True)
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.definitions._atoms import Fact, FirstKnown
from svduty.definitions._bits import true_bits
from svduty.definitions._classification import ANSWERS
from svduty.definitions._classify import RuleSet, answer_rules
from svduty.definitions._expr import All, ArrowEnv, Expr, Not, Ref
from svduty.definitions._fact_groups import GroupedEnv
from svduty.definitions._places import DeathIn, PilotArea

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["missing_bits"]

_BITS = 62
"""The most facts of all the answers together numbered by one ``int64`` (else ``None``)."""


def _valid(value: Arr) -> Any:
    """Where a boolean array is known: ``True`` (every row), ``False`` (none) or numpy bools."""
    n = len(value)
    if not value.null_count:
        return True
    if value.null_count == n:
        return False
    value = value.combine_chunks() if isinstance(value, pa.ChunkedArray) else value
    start = value.offset
    bits = np.frombuffer(value.buffers()[0], np.uint8)
    return np.unpackbits(bits, count=start + n, bitorder="little")[start:].view(bool)


def _kept(bits: Any, where: Any) -> Any:
    """``bits`` where ``where`` holds (``True``: every row, ``False``: none), else 0."""
    if where is True:
        return bits
    if where is False:
        return 0
    if isinstance(bits, int):
        return np.where(where, np.int64(bits), np.int64(0)) if bits else 0
    return np.where(where, bits, np.int64(0))


def _or(a: Any, b: Any) -> Any:
    """``a | b`` of two sets of bits, each an integer (every row alike) or a numpy array."""
    if isinstance(a, int) and isinstance(b, int):
        return a | b
    if isinstance(a, int) and not a:
        return b
    if isinstance(b, int) and not b:
        return a
    return np.bitwise_or(a, b)


class _Bits:
    """Per node, each row's missing facts as bits of ``facts`` (see :func:`missing_bits`).

    Mirrors ``_missing_columns._Missing`` (and so :meth:`Expr.missing
    <svduty.definitions._expr.Expr.missing>`) node by node; a node class with another
    ``_missing`` is refused as there.
    """

    def __init__(self, env: ArrowEnv, facts: dict[str, int]) -> None:
        self.env = env
        self.facts = facts
        self.memo: dict[Expr, Any] = {}
        self.reach_memo: dict[Expr, int] = {}
        code = env.columns.get("offence_code")
        self.no_code: Any = True if code is None else _known_nowhere(code)

    def bits(self, names: Any) -> int:
        """The bits of fact names."""
        out = 0
        for name in names:
            out |= 1 << self.facts[name]
        return out

    def reach(self, node: Expr) -> int:
        """The bits of every fact ``node`` could name as missing (whatever the row)."""
        if node not in self.reach_memo:
            self.reach_memo[node] = self._reach(node)
        return self.reach_memo[node]

    def _reach(self, node: Expr) -> int:
        how = type(node)._missing
        if how in (Expr._missing, PilotArea._missing, DeathIn._missing):
            return self.bits(node.fields())
        if how in (All._missing, FirstKnown._missing):
            out = 0
            for p in node.parts:  # type: ignore[attr-defined]
                out |= self.reach(p)
            return out
        if how is Not._missing:
            return self.reach(node.part)  # type: ignore[attr-defined]
        if how is Ref._missing:
            return self.reach(self.env.rules[node.rule].expr)  # type: ignore[attr-defined]
        if how is Fact._missing:
            return self.reach(node.explicit) | self.bits(("offence_code",))  # type: ignore[attr-defined]
        raise NotImplementedError(f"missing facts of {type(node).__name__}")

    def of(self, node: Expr) -> Any:
        """Each row's facts ``node`` names as missing: an integer (every row alike) or numpy."""
        if node not in self.memo:
            self.memo[node] = self._of(node) if self.reach(node) else 0
        return self.memo[node]

    def _of(self, node: Expr) -> Any:
        open_ = _open(node.arrow(self.env))
        if open_ is False:  # determined in every row: names nothing
            return 0
        how = type(node)._missing
        if how is Not._missing:  # undetermined where its part is: the part's own
            return self.of(node.part)  # type: ignore[attr-defined]
        if how is Ref._missing:
            return self.of(self.env.rules[node.rule].expr)  # type: ignore[attr-defined]
        if how is Expr._missing:  # a leaf names every field it reads
            inner: Any = self.reach(node)
        elif how in (All._missing, FirstKnown._missing):
            inner = 0
            for p in node.parts:  # type: ignore[attr-defined]
                inner = _or(inner, self.of(p))
        elif how is PilotArea._missing:
            inner = self._pilot_area(node)
        elif how is DeathIn._missing:
            inner = _kept(self.reach(node), self._death_in(node))  # type: ignore[arg-type]
        else:  # Fact: its explicit part's, and the offence code where none was given
            code = _kept(self.bits(("offence_code",)), self.no_code)
            inner = _or(self.of(node.explicit), code)  # type: ignore[attr-defined]
        return _kept(inner, open_)

    def _pilot_area(self, node: Expr) -> Any:
        """The place of death where neither it nor its district is known; the rest always."""
        place = self.bits(("place_of_death",)) & self.reach(node)
        rest = self.reach(node) & ~place
        district, where = self.env.col("death_district"), self.env.col("place_of_death")
        unknown = _and(_known_nowhere(district), _known_nowhere(where))
        return _or(rest, _kept(place, unknown))

    def _death_in(self, node: DeathIn) -> Any:
        """Where the death is not wholly within the law's doubtful days (as ``_death_in``)."""
        last = node._last()
        if node.end is None or last is None:
            return True
        col = self.env.col
        lows = [c for c in (col("first_day"), col("death_first_day")) if c.null_count < len(c)]
        high = col("death_last_day")
        if not lows or high.null_count == len(high):
            return True
        low = pc.max_element_wise(*lows, skip_nulls=True) if len(lows) > 1 else lows[0]
        doubt = pc.and_(
            pc.greater_equal(low, pa.scalar(node.end, pa.date32())),
            pc.less(high, pa.scalar(last, pa.date32())),
        )
        return ~true_bits(doubt)


def _open(value: Arr) -> Any:
    """Where a node's value is undetermined: ``True``, ``False`` or numpy bools."""
    valid = _valid(value)
    if valid is True:
        return False
    if valid is False:
        return True
    return ~valid


def _as_rows(where: Any, n: int) -> Any:
    """``True`` / ``False`` / numpy bools as numpy bools of ``n`` rows."""
    return np.full(n, where) if isinstance(where, bool) else where


def _known_nowhere(col: Arr) -> Any:
    """Where a column is null: ``True``, ``False`` or numpy bools."""
    valid = _valid(col)
    return (not valid) if isinstance(valid, bool) else ~valid


def _and(a: Any, b: Any) -> Any:
    """``a & b`` of two ``True`` / ``False`` / numpy bools."""
    if a is False or b is False:
        return False
    if a is True:
        return b
    if b is True:
        return a
    return a & b


def missing_bits(env: ArrowEnv, rs: RuleSet, order: dict[str, list[str]]) -> dict[str, Arr] | None:
    """Answer -> each row's missing facts as bits of ``order`` (null where determined).

    ``env`` is the verdicts' own (its rules evaluated); ``order`` is
    :func:`~svduty.definitions._missing_columns.missing_order` of the rule set. A fact
    given in a row is not missing there. ``None`` when all the answers' facts together are
    more than an ``int64`` holds bits for (the caller asks node by node).

    Example:
        >>> import pyarrow as pa
        >>> from svduty.definitions._classify import ruleset
        >>> from svduty.definitions._columns import prepare
        >>> from svduty.definitions._definition import STATUTE
        >>> from svduty.definitions._owhr import OWHR_PILOT_AS_MADE
        >>> from svduty.definitions._missing_columns import missing_order, spelt_sets
        >>> rs = ruleset(STATUTE, OWHR_PILOT_AS_MADE)
        >>> cols, known, _ = prepare(pa.table({"victim_age": [30]}), None, None, rs.pilot)
        >>> env = ArrowEnv(cols, known, rs.rules, 1, presumed=rs.presumed)
        >>> order = missing_order(STATUTE, OWHR_PILOT_AS_MADE)
        >>> spelt = spelt_sets(missing_bits(env, rs, order)["domestic_abuse"], order["domestic_abuse"])
        >>> "relationship" in spelt[0].as_py(), "victim_age" in spelt[0].as_py()
        (True, False)
    """  # noqa: E501
    names = sorted({f for facts in order.values() for f in facts})
    if len(names) > _BITS:
        return None
    n = env.length
    finder = _Bits(env, {f: i for i, f in enumerate(names)})
    given: Any = 0  # the facts a row gives: never missing there
    for f in names:
        col = env.columns.get(f)
        if col is not None:
            given = _or(given, _kept(finder.bits((f,)), _valid(col)))
    out: dict[str, Arr] = {}
    for name, rule in zip(ANSWERS, answer_rules(rs), strict=True):
        value = rule.expr.arrow(env)
        found = finder.of(rule.expr)
        found = found & ~given if not isinstance(found, int) or found else found
        sets = _renumbered(found, [finder.facts[f] for f in order[name]], n)
        valid = _valid(value)
        out[name] = _arrays.array(sets, mask=_as_rows(valid, n))
    if isinstance(env, GroupedEnv):  # the groups' sets, each row its group's
        return {k: _pc.take_in_bounds(v, env.groups) for k, v in out.items()}
    return out


def _renumbered(found: Any, at: list[int], n: int) -> Any:
    """Bits at ``at[i]`` (of all the answers' facts) moved to bit ``i`` (an answer's own)."""
    if isinstance(found, int):
        own = sum(1 << i for i, b in enumerate(at) if found >> b & 1)
        return np.full(n, own, np.int64)
    if at == list(range(len(at))):  # (the answer's facts are the first of all)
        return found & ((1 << len(at)) - 1)
    out = np.zeros(n, np.int64)
    for byte, table in _tables(tuple(at)):  # a byte of bits at a time, through a table
        out |= table[(found >> byte) & 255]
    return out


@functools.lru_cache(maxsize=64)
def _tables(at: tuple[int, ...]) -> tuple[tuple[int, Any], ...]:
    """For each byte of bits holding some of ``at``: its 256 values' bits moved (numpy)."""
    values = np.arange(256)
    out = []
    for byte in range(0, max(at, default=-1) + 1, 8):
        table = np.zeros(256, np.int64)
        for i, b in enumerate(at):
            if byte <= b < byte + 8:
                table[(values >> (b - byte)) & 1 == 1] |= 1 << i
        if table.any():
            out.append((byte, table))
    return tuple(out)
