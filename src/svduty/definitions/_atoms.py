"""The leaf expressions: what one fact, field or table value says (three-valued).

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> In("weapon", frozenset({"knife"})).scalar(ScalarEnv({"weapon": "knife"}))
    True
"""

from __future__ import annotations

from typing import Any

import attrs
import pyarrow as _pa

from svduty import _compute as _pc
from svduty.definitions._expr import ArrowEnv, Expr, ScalarEnv, Tri, _null_where

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "AtLeast",
    "Below",
    "Fact",
    "FirstKnown",
    "Flag",
    "Given",
    "Has",
    "HasAny",
    "In",
    "IsTrue",
    "Possibly",
    "Presumes",
    "Table",
    "TableUnknown",
    "Undecided",
]


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
    """A flag a recorder asserts in a list field.

    An absent list is unknown, unless a presumption in force reads it as "not flagged"
    (see :mod:`svduty.definitions._presume`).

    Example:
        >>> Flag("context", "terrorism").scalar(ScalarEnv({})) is None
        True
        >>> Flag("context", "terrorism").scalar(
        ...     ScalarEnv({}, presumed=frozenset({"context:terrorism"})))
        False
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        v = env.get(self.field)
        if v is None:
            return False if f"{self.field}:{self.value}" in env.presumed else None
        return self.value in v

    def _arrow(self, env: ArrowEnv) -> Arr:
        out = Has._arrow(self, env)
        if f"{self.field}:{self.value}" in env.presumed:
            out = pc.fill_null(out, False)
        return out


@attrs.frozen(slots=True, eq=False)
class Undecided(Expr):
    """Neither true nor false, whatever the facts: a question the law leaves open.

    Names no missing fact (none would settle it); the reason that uses it says why.

    Example:
        >>> Undecided().scalar(ScalarEnv({})) is None
        True
    """

    def _scalar(self, env: ScalarEnv) -> Tri:
        return None

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pa.nulls(env.length, pa.bool_())


@attrs.frozen(slots=True, eq=False)
class Presumes(Expr):
    """Whether a presumption is in force (never undetermined).

    Example:
        >>> Presumes("no-gang").scalar(ScalarEnv({}, presumed=frozenset({"no-gang"})))
        True
    """

    id: str

    def _scalar(self, env: ScalarEnv) -> Tri:
        return self.id in env.presumed

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pa.repeat(pa.scalar(self.id in env.presumed), env.length)


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
            col = env.col(self.closed_by)
            if col.null_count == len(col):  # not given in any row: nothing closed
                return v
            closed = pc.is_valid(col)
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
    """A fact from the incident's own facts, else what its offence code (or category) proves.

    The two sources are combined as knowledge: the incident's own value where it gives
    one, else the code's. Where both are known and differ the incident is a reported
    conflict (:func:`~svduty.definitions._incident.conflicts`), never a silent choice;
    ``checked`` facts take part in that check.

    Example:
        >>> f = Fact(Has("behaviours", "physical"), "physical")
        >>> f.scalar(ScalarEnv({"behaviours": frozenset()}, table={"physical": None}))
        False
        >>> f.scalar(ScalarEnv({}, table={"physical": True}))
        True
    """

    explicit: Expr
    implied: str
    checked: bool = True

    def _scalar(self, env: ScalarEnv) -> Tri:
        e = self.explicit.scalar(env)
        return e if e is not None else env.table.get(self.implied)

    def _arrow(self, env: ArrowEnv) -> Arr:
        e = self.explicit.arrow(env)
        t = env.table.get(self.implied)
        if t is None:
            return e
        both = isinstance(e, pa.BooleanArray) and isinstance(t, pa.BooleanArray)
        if both and e.null_count == len(e):  # no own fact in any row: the table's
            return t
        return pc.coalesce(e, t)

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


@attrs.frozen(slots=True, eq=False, init=False)
class FirstKnown(Expr):
    """The first part that is known, for two fields that say the same thing.

    ``died`` and ``harms`` containing ``death`` are one fact; where they disagree the
    incident is a reported conflict.

    Example:
        >>> e = FirstKnown(IsTrue("died"), Has("harms", "death"))
        >>> e.scalar(ScalarEnv({"died": False})), e.scalar(ScalarEnv({"harms": frozenset()}))
        (False, False)
    """

    parts: tuple[Expr, ...]

    def __init__(self, *parts: Expr) -> None:
        object.__setattr__(self, "parts", tuple(parts))

    def _scalar(self, env: ScalarEnv) -> Tri:
        for p in self.parts:
            v = p.scalar(env)
            if v is not None:
                return v
        return None

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.coalesce(*(p.arrow(env) for p in self.parts))

    def fields(self) -> tuple[str, ...]:
        """Every part's fields.

        Example:
            >>> FirstKnown(IsTrue("died"), Has("harms", "death")).fields()
            ('died', 'harms')
        """
        return tuple(f for p in self.parts for f in p.fields())

    def _missing(self, env: ScalarEnv) -> tuple[str, ...]:
        return tuple(f for p in self.parts for f in p.missing(env))


@attrs.frozen(slots=True, eq=False)
class Possibly(Expr):
    """Whether a part is not known to be false (never undetermined): for guarding reasons.

    Used only to keep a reason quiet where it cannot bear on the answer (a review reason
    where nobody died); never in the logic of an answer.

    Example:
        >>> Possibly(IsTrue("died")).scalar(ScalarEnv({})), Possibly(IsTrue("died")).scalar(
        ...     ScalarEnv({"died": False}))
        (True, False)
    """

    part: Expr

    def _scalar(self, env: ScalarEnv) -> Tri:
        return self.part.scalar(env) is not False

    def _arrow(self, env: ArrowEnv) -> Arr:
        return pc.fill_null(self.part.arrow(env), True)

    def fields(self) -> tuple[str, ...]:
        """The part's fields.

        Example:
            >>> Possibly(IsTrue("died")).fields()
            ('died',)
        """
        return self.part.fields()
