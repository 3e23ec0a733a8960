"""Three-valued rule expressions, evaluated by two engines over one rule table.

A rule is an expression tree over the incident's facts. Each node evaluates to
``True``, ``False`` or ``None`` (undetermined) with Kleene logic. The same node has a
scalar evaluator (one incident, for people) and a columnar one (pyarrow boolean arrays
with nulls as undetermined, for millions of rows); both read the same tables, so the two
engines agree by construction and a property test checks it row for row.

The leaf expressions (one field, one table value) are in :mod:`._atoms`.

Example:
    >>> from svduty.definitions._atoms import AtLeast, In
    >>> e = All(AtLeast("victim_age", 16), In("relationship", frozenset({"married"})))
    >>> env = ScalarEnv({"victim_age": 30, "relationship": None})
    >>> e.scalar(env) is None, e.missing(env)
    (True, ('relationship',))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty._checked import checked_fields
from svduty._fields import an_id
from svduty.errors import DefinitionError
from svduty.sources import Citation

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "All",
    "Any_",
    "ArrowEnv",
    "Expr",
    "Not",
    "Ref",
    "Rule",
    "ScalarEnv",
]

Tri = bool | None


class ScalarEnv:
    """One incident's values for the scalar engine, with a memo of evaluated nodes.

    Args:
        values: Field name -> value (lists as frozensets; ``None`` = not given).
        table: Fact name -> value implied by the offence code or category.
        rules: Rule id -> rule, for :class:`Ref`.
        district: The district GSS code of the location, if known.
        code_given: Whether an offence code was given.
        presumed: The presumptions in force (ids) and the ``field:value`` keys they
            presume absent.

    Example:
        >>> ScalarEnv({"died": True}).get("died")
        True
    """

    def __init__(
        self,
        values: Mapping[str, Any],
        table: Mapping[str, Tri] | None = None,
        rules: Mapping[str, Rule] | None = None,
        district: str | None = None,
        code_given: bool = False,
        *,
        presumed: frozenset[str] = frozenset(),
    ) -> None:
        self.values = values
        self.table = table or {}
        self.rules = rules or {}
        self.district = district
        self.code_given = code_given
        self.presumed = presumed
        self.memo: dict[Expr, Tri] = {}

    def get(self, field: str) -> Any:
        """The value of a field (``None`` if absent).

        Example:
            >>> ScalarEnv({}).get("weapon") is None
            True
        """
        return self.values.get(field)


class ArrowEnv:
    """A table's prepared columns for the columnar engine, with a memo.

    Args:
        columns: Field name -> array (lists as ``list<string>``; absent = all null).
        table: Fact name -> boolean array (nulls undetermined) implied by code/category.
        rules: Rule id -> rule, for :class:`Ref`.
        length: The number of rows.
        presumed: The presumptions in force, as for :class:`ScalarEnv`.

    Example:
        >>> ArrowEnv({}, {}, {}, 2).null_bool().null_count
        2
    """

    def __init__(
        self,
        columns: Mapping[str, Arr],
        table: Mapping[str, Arr],
        rules: Mapping[str, Rule],
        length: int,
        *,
        presumed: frozenset[str] = frozenset(),
    ) -> None:
        self.columns = columns
        self.table = table
        self.rules = rules
        self.length = length
        self.presumed = presumed
        self.memo: dict[Expr, Arr] = {}
        self._index: Arr | None = None

    def null_bool(self) -> Arr:
        """An all-null boolean array of the table's length.

        Example:
            >>> len(ArrowEnv({}, {}, {}, 3).null_bool())
            3
        """
        return pa.nulls(self.length, pa.bool_())

    def col(self, field: str) -> Arr:
        """A prepared column (all null if the input did not have it).

        Example:
            >>> ArrowEnv({}, {}, {}, 1).col("x").null_count
            1
        """
        got = self.columns.get(field)
        return got if got is not None else pa.nulls(self.length)

    def index(self) -> Arr:
        """The row numbers 0..n-1.

        Example:
            >>> ArrowEnv({}, {}, {}, 3).index().to_pylist()
            [0, 1, 2]
        """
        if self._index is None:
            self._index = _arrays.array(np.arange(self.length, dtype=np.int64))
        return self._index


def _same(values: Arr) -> object:
    """``True``, ``False`` or ``None`` when a boolean array holds it in every row, else ``""``.

    Read from the counts of its bits (no Arrow call).
    """
    n = len(values)
    if values.null_count == n:
        return None
    if values.true_count == n:
        return True
    return False if values.false_count == n else ""


def _kleene(a: Arr, b: Arr, either: bool) -> Arr:
    """Kleene OR (``either``) or AND of two parts of one length, as ``or_kleene`` / ``and_kleene``.

    A part the same in every row (an absent fact's, mostly) settles it without an Arrow
    call: the part that decides every row (true for OR, false for AND), else the other
    one where the part is neutral (false for OR, true for AND), and undetermined with
    undetermined stays undetermined. The values are Arrow's, row for row (a property
    test compares them); each call Arrow is spared costs the rules' fixed cost a batch.

    Example:
        >>> _kleene(pa.array([True, None, False]), pa.array([False] * 3), True).to_pylist()
        [True, None, False]
        >>> _kleene(pa.array([True, None]), pa.nulls(2, pa.bool_()), False).to_pylist()
        [None, None]
    """
    if not (isinstance(a, pa.BooleanArray) and isinstance(b, pa.BooleanArray)):
        return pc.or_kleene(a, b) if either else pc.and_kleene(a, b)
    sa, sb = _same(a), _same(b)
    if sa is either or sb is (not either):
        return a
    if sb is either or sa is (not either):
        return b
    if sa is None and sb is None:
        return a
    return pc.or_kleene(a, b) if either else pc.and_kleene(a, b)


def _null_where(result: Arr, source: Arr) -> Arr:
    """``result`` with nulls wherever ``source`` is null."""
    return pc.if_else(pc.is_null(source), pa.scalar(None, pa.bool_()), result)


@attrs.frozen(slots=True, eq=False)
class Expr:
    """A node of a three-valued rule expression.

    Example:
        >>> from svduty.definitions._atoms import Given
        >>> Given("died").scalar(ScalarEnv({"died": False}))
        True
    """

    def scalar(self, env: ScalarEnv) -> Tri:
        """Evaluate for one incident (memoised).

        Example:
            >>> from svduty.definitions._atoms import IsTrue
            >>> IsTrue("died").scalar(ScalarEnv({}))
        """
        if self not in env.memo:
            env.memo[self] = self._scalar(env)
        return env.memo[self]

    def arrow(self, env: ArrowEnv) -> Arr:
        """Evaluate for every row of a table (memoised).

        Example:
            >>> from svduty.definitions._atoms import IsTrue
            >>> IsTrue("died").arrow(ArrowEnv({"died": pa.array([True, None])}, {}, {}, 2))
            <pyarrow.lib.BooleanArray object at ...>
            [
              true,
              null
            ]
        """
        if self not in env.memo:
            env.memo[self] = self._arrow(env)
        return env.memo[self]

    def _scalar(self, env: ScalarEnv) -> Tri:
        raise NotImplementedError

    def _arrow(self, env: ArrowEnv) -> Arr:
        raise NotImplementedError

    def fields(self) -> tuple[str, ...]:
        """The incident fields this node reads.

        Example:
            >>> from svduty.definitions._atoms import Has
            >>> Has("behaviours", "physical").fields()
            ('behaviours',)
        """
        return ()

    def reads(self) -> tuple[str, ...]:
        """The prepared columns whose values this node reads: its :meth:`fields` unless said.

        A node that reads a field's days (``first_day``...) rather than its value says
        so; a :class:`~svduty.definitions._atoms.Given` reads no value (its ``fields`` are
        empty), only whether the field is given. ``_fact_groups`` groups rows by whether
        a column is given only where no node of the rule set reads its value.

        Example:
            >>> from svduty.definitions._atoms import In
            >>> In("location", frozenset({"E01031012"})).reads()
            ('location',)
        """
        return self.fields()

    def missing(self, env: ScalarEnv) -> tuple[str, ...]:
        """The fields that would settle this node if it is undetermined (else empty).

        Example:
            >>> from svduty.definitions._atoms import Below
            >>> Below("victim_age", 18).missing(ScalarEnv({}))
            ('victim_age',)
        """
        if self.scalar(env) is not None:
            return ()
        return self._missing(env)

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return self.fields()


@attrs.frozen(slots=True, eq=False, init=False)
class All(Expr):
    """Kleene AND: false if any part is false, else undetermined if any is.

    Example:
        >>> from svduty.definitions._atoms import Given, IsTrue
        >>> All(Given("a"), IsTrue("b")).scalar(ScalarEnv({"a": 1}))
    """

    parts: tuple[Expr, ...]

    def __init__(self, *parts: Expr) -> None:
        object.__setattr__(self, "parts", tuple(parts))

    def _scalar(self, env: ScalarEnv) -> Tri:
        values = [p.scalar(env) for p in self.parts]
        if False in values:
            return False
        return None if None in values else True

    def _arrow(self, env: ArrowEnv) -> Arr:
        out = self.parts[0].arrow(env)
        for p in self.parts[1:]:
            out = _kleene(out, p.arrow(env), False)
        return out

    def fields(self) -> tuple[str, ...]:
        """Every part's fields.

        Example:
            >>> from svduty.definitions._atoms import Given, IsTrue
            >>> All(Given("a"), IsTrue("b")).fields()
            ('b',)
        """
        return tuple(f for p in self.parts for f in p.fields())

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return tuple(f for p in self.parts for f in p.missing(env))


@attrs.frozen(slots=True, eq=False, init=False)
class Any_(All):
    """Kleene OR: true if any part is true, else undetermined if any is.

    Example:
        >>> from svduty.definitions._atoms import Given, IsTrue
        >>> Any_(IsTrue("a"), Given("b")).scalar(ScalarEnv({"b": 1}))
        True
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        values = [p.scalar(env) for p in self.parts]
        if True in values:
            return True
        return None if None in values else False

    def _arrow(self, env: ArrowEnv) -> Arr:
        out = self.parts[0].arrow(env)
        for p in self.parts[1:]:
            out = _kleene(out, p.arrow(env), True)
        return out


@attrs.frozen(slots=True, eq=False)
class Not(Expr):
    """Negation (undetermined stays undetermined).

    Example:
        >>> from svduty.definitions._atoms import IsTrue
        >>> Not(IsTrue("died")).scalar(ScalarEnv({"died": False}))
        True
    """

    part: Expr

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = self.part.scalar(env)
        return None if v is None else not v

    def _arrow(self, env: ArrowEnv) -> Arr:
        v = self.part.arrow(env)
        if isinstance(v, pa.BooleanArray) and v.null_count == len(v):
            return v  # undetermined in every row stays so (no Arrow call)
        return pc.invert(v)

    def fields(self) -> tuple[str, ...]:
        """The part's fields.

        Example:
            >>> from svduty.definitions._atoms import IsTrue
            >>> Not(IsTrue("died")).fields()
            ('died',)
        """
        return self.part.fields()

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return self.part.missing(env)


@attrs.frozen(slots=True, eq=False)
class Ref(Expr):
    """The value of another rule, by id.

    Example:
        >>> from svduty.definitions._atoms import Given
        >>> from svduty.sources import cite
        >>> r = Rule("X", Given("a"), "a is given", cite("pcsc-act-2022", "s.13"))
        >>> Ref("X").scalar(ScalarEnv({"a": 1}, rules={"X": r}))
        True
    """

    rule: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        return env.rules[self.rule].expr.scalar(env)

    def _arrow(self, env: ArrowEnv) -> Arr:
        return env.rules[self.rule].expr.arrow(env)

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return env.rules[self.rule].expr.missing(env)


@checked_fields
@attrs.frozen(slots=True)
class Rule:
    """A named rule: an expression, what it says when it holds, and its citation.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value. A blank id (or one with a line break) is a
    :class:`~svduty.errors.DefinitionError`.

    Attributes:
        id: A compact stable reason code, such as ``"S13-3A-iv"``.
        expr: The expression.
        says: What the rule says when it holds, in words.
        citation: The provision that decides it.

    Example:
        >>> from svduty.definitions._atoms import Given
        >>> from svduty.sources import cite
        >>> Rule("X", Given("a"), "a is given", cite("pcsc-act-2022", "s.13")).id
        'X'
    """

    id: str = attrs.field(validator=an_id(DefinitionError))
    expr: Expr
    says: str
    citation: Citation


Evaluator = Callable[[Expr], Tri]
