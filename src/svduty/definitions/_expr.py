"""Three-valued rule expressions, evaluated by two engines over one rule table.

A rule is an expression tree over the incident's facts. Each node evaluates to
``True``, ``False`` or ``None`` (undetermined) with Kleene logic. The same node has a
scalar evaluator (one incident, for people) and a columnar one (pyarrow boolean arrays
with nulls as undetermined, for millions of rows); both read the same tables, so the two
engines agree by construction and a property test checks it row for row.

Example:
    >>> e = All(AtLeast("victim_age", 16), In("relationship", frozenset({"married"})))
    >>> env = ScalarEnv({"victim_age": 30, "relationship": None})
    >>> e.scalar(env) is None, e.missing(env)
    (True, ('relationship',))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pyarrow as _pa
import pyarrow.compute as _pc

from svduty.sources import Citation

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "All",
    "Any_",
    "ArrowEnv",
    "AtLeast",
    "Below",
    "DateIn",
    "Expr",
    "Fact",
    "Flag",
    "Given",
    "Has",
    "HasAny",
    "In",
    "InArea",
    "InEnglandWales",
    "IsTrue",
    "Not",
    "Ref",
    "Rule",
    "ScalarEnv",
    "Table",
    "TableUnknown",
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
    ) -> None:
        self.values = values
        self.table = table or {}
        self.rules = rules or {}
        self.district = district
        self.code_given = code_given
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
    ) -> None:
        self.columns = columns
        self.table = table
        self.rules = rules
        self.length = length
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
            self._index = pa.array(range(self.length), pa.int64())
        return self._index


def _null_where(result: Arr, source: Arr) -> Arr:
    """``result`` with nulls wherever ``source`` is null."""
    return pc.if_else(pc.is_null(source), pa.scalar(None, pa.bool_()), result)


@attrs.frozen(slots=True, eq=False)
class Expr:
    """A node of a three-valued rule expression.

    Example:
        >>> Given("died").scalar(ScalarEnv({"died": False}))
        True
    """

    def scalar(self, env: ScalarEnv) -> Tri:
        """Evaluate for one incident (memoised).

        Example:
            >>> IsTrue("died").scalar(ScalarEnv({}))
        """
        if self not in env.memo:
            env.memo[self] = self._scalar(env)
        return env.memo[self]

    def arrow(self, env: ArrowEnv) -> Arr:
        """Evaluate for every row of a table (memoised).

        Example:
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
            >>> Has("behaviours", "physical").fields()
            ('behaviours',)
        """
        return ()

    def missing(self, env: ScalarEnv) -> tuple[str, ...]:
        """The fields that would settle this node if it is undetermined (else empty).

        Example:
            >>> Below("victim_age", 18).missing(ScalarEnv({}))
            ('victim_age',)
        """
        if self.scalar(env) is not None:
            return ()
        return self._missing(env)

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return self.fields()


@attrs.frozen(slots=True, eq=False)
class Has(Expr):
    """A list field contains a value; undetermined if the list is not given.

    Example:
        >>> Has("harms", "death").scalar(ScalarEnv({"harms": frozenset({"injury"})}))
        False
    """

    field: str
    value: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return None if v is None else self.value in v

    def _arrow(self, env: ArrowEnv) -> Arr:
        col = env.col(self.field)
        if col.null_count == len(col):
            return env.null_bool()
        flat = pc.list_flatten(col)
        parents = pc.list_parent_indices(col)
        hit = pc.fill_null(pc.equal(flat, pa.scalar(self.value)), False)
        rows = pc.filter(parents, hit)
        found = pc.is_in(env.index(), value_set=rows)
        return _null_where(found, col)

    def fields(self) -> tuple[str, ...]:
        """The list field.

        Example:
            >>> Has("context", "gang").fields()
            ('context',)
        """
        return (self.field,)


@attrs.frozen(slots=True, eq=False)
class Flag(Has):
    """A flag a recorder asserts in a list field; an absent list is read as "not flagged".

    Example:
        >>> Flag("context", "terrorism").scalar(ScalarEnv({}))
        False
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return False if v is None else self.value in v

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.fill_null(Has._arrow(self, env), False)


@attrs.frozen(slots=True, eq=False)
class HasAny(Expr):
    """A list field contains any of the values.

    Example:
        >>> HasAny("harms", frozenset({"injury", "death"})).scalar(ScalarEnv({"harms": frozenset()}))
        False
    """  # noqa: E501

    field: str
    values: frozenset[str]

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return None if v is None else bool(self.values & v)

    def _arrow(self, env: ArrowEnv) -> Arr:
        out: Arr | None = None
        for value in sorted(self.values):
            a = Has(self.field, value).arrow(env)
            out = a if out is None else pc.or_kleene(out, a)
        return out if out is not None else env.null_bool()

    def fields(self) -> tuple[str, ...]:
        """The list field.

        Example:
            >>> HasAny("harms", frozenset({"death"})).fields()
            ('harms',)
        """
        return (self.field,)


@attrs.frozen(slots=True, eq=False)
class In(Expr):
    """A single-valued field is one of the values; undetermined if not given.

    Example:
        >>> In("weapon", frozenset({"knife"})).scalar(ScalarEnv({"weapon": "none"}))
        False
    """

    field: str
    values: frozenset[str]

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return None if v is None else v in self.values

    def _arrow(self, env: ArrowEnv) -> Arr:
        col = env.col(self.field)
        if col.null_count == len(col):
            return env.null_bool()
        found = pc.is_in(col, value_set=pa.array(sorted(self.values), col.type))
        return _null_where(found, col)

    def fields(self) -> tuple[str, ...]:
        """The field.

        Example:
            >>> In("target", frozenset({"self"})).fields()
            ('target',)
        """
        return (self.field,)


@attrs.frozen(slots=True, eq=False)
class IsTrue(Expr):
    """A yes/no field is true; undetermined if not given.

    Example:
        >>> IsTrue("intentional").scalar(ScalarEnv({"intentional": False}))
        False
    """

    field: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return None if v is None else bool(v)

    def _arrow(self, env: ArrowEnv) -> Arr:
        col = env.col(self.field)
        return col if col.type == pa.bool_() else env.null_bool()

    def fields(self) -> tuple[str, ...]:
        """The field.

        Example:
            >>> IsTrue("died").fields()
            ('died',)
        """
        return (self.field,)


@attrs.frozen(slots=True, eq=False)
class Given(Expr):
    """A field was given (never undetermined).

    Example:
        >>> Given("context").scalar(ScalarEnv({}))
        False
    """

    field: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        return env.get(self.field) is not None

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.is_valid(env.col(self.field))


@attrs.frozen(slots=True, eq=False)
class AtLeast(Expr):
    """A number field is at least ``n``; undetermined if not given.

    Example:
        >>> AtLeast("victim_age", 16).scalar(ScalarEnv({"victim_age": 16}))
        True
    """

    field: str
    n: int

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        return None if v is None else v >= self.n

    def _arrow(self, env: ArrowEnv) -> Arr:
        col = env.col(self.field)
        if col.null_count == len(col):
            return env.null_bool()
        return pc.greater_equal(col, self.n)

    def fields(self) -> tuple[str, ...]:
        """The field.

        Example:
            >>> AtLeast("victim_age", 18).fields()
            ('victim_age',)
        """
        return (self.field,)


@attrs.frozen(slots=True, eq=False)
class Below(AtLeast):
    """A number field is below ``n``; undetermined if not given.

    Example:
        >>> Below("victim_age", 18).scalar(ScalarEnv({"victim_age": 17}))
        True
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = AtLeast._scalar(self, env)
        return None if v is None else not v

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.invert(AtLeast._arrow(self, env))


@attrs.frozen(slots=True, eq=False)
class Table(Expr):
    """The value a fact takes from the offence code (else the police.uk category).

    When ``closed_by`` names a list field and that field was given, an unknown table
    value reads as ``False``: the recorder's list is taken as complete.

    Example:
        >>> Table("injury").scalar(ScalarEnv({}, table={"injury": True}))
        True
    """

    fact: str
    closed_by: str | None = None

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.table.get(self.fact)
        if v is None and self.closed_by and env.get(self.closed_by) is not None:
            return False
        return v

    def _arrow(self, env: ArrowEnv) -> Arr:
        v = env.table.get(self.fact)
        if v is None:
            v = env.null_bool()
        if self.closed_by:
            closed = pc.is_valid(env.col(self.closed_by))
            v = pc.if_else(pc.and_(pc.is_null(v), closed), False, v)
        return v

    def fields(self) -> tuple[str, ...]:
        """The offence code (and the closing list, if any).

        Example:
            >>> Table("violence", "behaviours").fields()
            ('offence_code', 'behaviours')
        """
        return ("offence_code", *((self.closed_by,) if self.closed_by else ()))


@attrs.frozen(slots=True, eq=False)
class TableUnknown(Expr):
    """The offence code (else category) leaves a fact unknown (never undetermined).

    Example:
        >>> TableUnknown("violence").scalar(ScalarEnv({}, table={"violence": None}))
        True
    """

    fact: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        return env.table.get(self.fact) is None

    def _arrow(self, env: ArrowEnv) -> Arr:
        v = env.table.get(self.fact)
        return pc.is_null(v) if v is not None else pa.repeat(pa.scalar(True), env.length)


@attrs.frozen(slots=True, eq=False)
class Fact(Expr):
    """A fact from the incident's own facts, else implied by its offence code.

    ``True`` if either source says so; ``False`` if the incident's facts say not;
    otherwise what the offence code (or category) implies.

    Example:
        >>> f = Fact(Has("behaviours", "physical"), "physical")
        >>> f.scalar(ScalarEnv({"behaviours": frozenset()}, table={"physical": None}))
        False
        >>> f.scalar(ScalarEnv({}, table={"physical": True}))
        True
    """

    explicit: Expr
    implied: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        e = self.explicit.scalar(env)
        t = env.table.get(self.implied)
        if e is True or t is True:
            return True
        if e is False:
            return False
        return t

    def _arrow(self, env: ArrowEnv) -> Arr:
        e = self.explicit.arrow(env)
        t = env.table.get(self.implied)
        if t is None:
            t = env.null_bool()
        any_true = pc.or_(pc.fill_null(e, False), pc.fill_null(t, False))
        explicit_false = pc.fill_null(pc.invert(e), False)
        base = pc.if_else(explicit_false, False, t)
        return pc.if_else(any_true, True, base)

    def fields(self) -> tuple[str, ...]:
        """The incident's fields, and the offence code.

        Example:
            >>> Fact(IsTrue("died"), "death").fields()
            ('died', 'offence_code')
        """
        return (*self.explicit.fields(), "offence_code")

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        extra = () if env.code_given else ("offence_code",)
        return (*self.explicit.missing(env), *extra)


@attrs.frozen(slots=True, eq=False)
class InArea(Expr):
    """The location's district is one of the codes; undetermined if not resolved.

    Example:
        >>> InArea(frozenset({"E08000025"})).scalar(ScalarEnv({}, district="E08000025"))
        True
    """

    codes: frozenset[str]

    def _scalar(self, env: ScalarEnv) -> Tri:
        return None if env.district is None else env.district in self.codes

    def _arrow(self, env: ArrowEnv) -> Arr:
        col = env.col("district")
        if col.null_count == len(col):
            return env.null_bool()
        return _null_where(pc.is_in(col, value_set=pa.array(sorted(self.codes))), col)

    def fields(self) -> tuple[str, ...]:
        """The location.

        Example:
            >>> InArea(frozenset()).fields()
            ('location',)
        """
        return ("location",)


_EW = frozenset({"England", "Wales"})


@attrs.frozen(slots=True, eq=False)
class InEnglandWales(Expr):
    """The place is in England or Wales: from ``country``, else the location's GSS code.

    Example:
        >>> InEnglandWales().scalar(ScalarEnv({"location": "S12000036"}))
        False
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        country = env.get("country")
        if country is not None:
            return country in _EW
        loc = env.get("location")
        return None if loc is None else loc[0] in "EW"

    def _arrow(self, env: ArrowEnv) -> Arr:
        country = env.col("country")
        by_country = (
            env.null_bool()
            if country.null_count == len(country)
            else _null_where(pc.is_in(country, value_set=pa.array(sorted(_EW))), country)
        )
        loc = env.col("location")
        if loc.null_count == len(loc):
            by_loc = env.null_bool()
        else:
            prefix = pc.utf8_slice_codeunits(loc, 0, 1)
            by_loc = _null_where(pc.is_in(prefix, value_set=pa.array(["E", "W"])), loc)
        return pc.coalesce(by_country, by_loc)

    def fields(self) -> tuple[str, ...]:
        """The country and the location.

        Example:
            >>> InEnglandWales().fields()
            ('country', 'location')
        """
        return ("country", "location")


@attrs.frozen(slots=True, eq=False)
class DateIn(Expr):
    """The incident's date (a day or a month) falls in ``[start, end)``.

    A month wholly inside is ``True``, wholly outside ``False``, straddling undetermined.

    Example:
        >>> import pendulum
        >>> e = DateIn(pendulum.Date(2023, 4, 1), pendulum.Date(2024, 1, 1))
        >>> env = ScalarEnv({"first_day": pendulum.Date(2023, 12, 31),
        ...                  "last_day": pendulum.Date(2023, 12, 31)})
        >>> e.scalar(env)
        True
    """

    start: Any
    end: Any | None

    def _scalar(self, env: ScalarEnv) -> Tri:
        first, last = env.get("first_day"), env.get("last_day")
        if first is None:
            return None
        inside = first >= self.start and (self.end is None or last < self.end)
        outside = last < self.start or (self.end is not None and first >= self.end)
        return True if inside else (False if outside else None)

    def _arrow(self, env: ArrowEnv) -> Arr:
        first, last = env.col("first_day"), env.col("last_day")
        if first.null_count == len(first):
            return env.null_bool()
        start = pa.scalar(self.start, pa.date32())
        inside = pc.greater_equal(first, start)
        outside = pc.less(last, start)
        if self.end is not None:
            end = pa.scalar(self.end, pa.date32())
            inside = pc.and_(inside, pc.less(last, end))
            outside = pc.or_(outside, pc.greater_equal(first, end))
        none = pa.scalar(None, pa.bool_())
        return pc.if_else(inside, True, pc.if_else(outside, False, none))

    def fields(self) -> tuple[str, ...]:
        """The date.

        Example:
            >>> DateIn(None, None).fields()
            ('date',)
        """
        return ("date",)


@attrs.frozen(slots=True, eq=False, init=False)
class All(Expr):
    """Kleene AND: false if any part is false, else undetermined if any is.

    Example:
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
            out = pc.and_kleene(out, p.arrow(env))
        return out

    def fields(self) -> tuple[str, ...]:
        """Every part's fields.

        Example:
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
            out = pc.or_kleene(out, p.arrow(env))
        return out


@attrs.frozen(slots=True, eq=False)
class Not(Expr):
    """Negation (undetermined stays undetermined).

    Example:
        >>> Not(IsTrue("died")).scalar(ScalarEnv({"died": False}))
        True
    """

    part: Expr

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = self.part.scalar(env)
        return None if v is None else not v

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.invert(self.part.arrow(env))

    def fields(self) -> tuple[str, ...]:
        """The part's fields.

        Example:
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


@attrs.frozen(slots=True)
class Rule:
    """A named rule: an expression, what it says when it holds, and its citation.

    Attributes:
        id: A compact stable reason code, such as ``"S13-3A-iv"``.
        expr: The expression.
        says: What the rule says when it holds, in words.
        citation: The provision that decides it.

    Example:
        >>> from svduty.sources import cite
        >>> Rule("X", Given("a"), "a is given", cite("pcsc-act-2022", "s.13")).id
        'X'
    """

    id: str
    expr: Expr
    says: str
    citation: Citation


Evaluator = Callable[[Expr], Tri]
