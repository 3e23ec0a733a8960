"""Days kept as plain ``datetime.date`` values and given out as ``pendulum.Date``.

:class:`~svduty.periods.Period`, :class:`~svduty.sources.Source` and
:class:`~svduty.sources.Citation` keep their days as ``datetime.date`` (a C type Python
always has) and give each out as the ``pendulum.Date`` of that day when it is read. So a
record read back from the command's cache of loaded partnerships holds no pendulum
object, and ``svduty classify`` of a police.uk file, which reads no day of an area's
record, starts without importing pendulum (about 20 ms: its modules, and a regular
expression of its formatter compiled at import). Comparisons, hashes and order are the
days' own, as before; what a caller reads, and what a record's ``repr`` shows, is
unchanged.

A day's field is named as it is documented and made (``start``), on every route that asks
attrs for a record's fields (``attrs.asdict``, ``attrs.fields``, ``evolve``, cattrs):
:func:`by_alias` names the field ``_start`` of the class body by its alias, and
:func:`read_as_pendulum` puts the class body's property ``start`` (a ``pendulum.Date``)
over the slot attrs made, the slot itself reachable as ``_start`` (mend48; speed47a left
``attrs.asdict(period)`` as ``{'_start': ..., '_end': ...}``).

Example:
    >>> import datetime as dt
    >>> day = plain_day(dt.date(2023, 4, 1))
    >>> type(day).__name__, shown_day(day), as_pendulum(day)
    ('date', 'Date(2023, 4, 1)', Date(2023, 4, 1))
"""

from __future__ import annotations

import datetime as _dt
import operator
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from svduty._arguments import wrong_argument
from svduty._days import day_of
from svduty.errors import DataError, shown

if TYPE_CHECKING:
    import attrs
    import pendulum

__all__ = [
    "as_pendulum",
    "by_alias",
    "cited_day",
    "first_of_next_month",
    "kept_names",
    "kept_values",
    "no_time",
    "pendulum_day",
    "plain_day",
    "read_as_pendulum",
    "read_day",
    "record_repr",
    "record_state",
    "set_record_state",
    "shown_day",
]

_ISO_DAY = r"\s*\d{4}-\d{2}-\d{2}\s*"
"""The shape of a day-like text that an error may show (as :func:`svduty.periods.date`)."""

C = TypeVar("C", bound=type)
_READS: dict[tuple[str, str], dict[str, property]] = {}
"""The class bodies' properties of the days :func:`by_alias` renamed, for
:func:`read_as_pendulum` (attrs builds a new class without them: a field's name wins)."""
_KEPT = "__svduty_kept__"
"""A record class's attribute: the names its fields are kept under, in order (``_start``)."""


def by_alias(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: a day kept as ``_start`` is the field ``start``.

    A field whose name is its alias behind an underscore, with a property of that alias
    in the class body (the day as read), is named by the alias; :func:`read_as_pendulum`
    puts the property back over the slot. Apply both, the transformer to ``attrs.frozen``.

    Example:
        >>> import attrs
        >>> @read_as_pendulum
        ... @attrs.frozen(field_transformer=by_alias)
        ... class Span:
        ...     _first: _dt.date = attrs.field(alias="first")
        ...     @property
        ...     def first(self) -> object:
        ...         return as_pendulum(self._first)
        >>> s = Span(_dt.date(2023, 1, 31))
        >>> attrs.asdict(s), s._first
        ({'first': Date(2023, 1, 31)}, datetime.date(2023, 1, 31))
    """
    named = []
    for f in fields:
        alias = f.alias or f.name
        read = vars(cls).get(alias)
        if f.name == f"_{alias}" and isinstance(read, property):
            _READS.setdefault((cls.__module__, cls.__qualname__), {})[alias] = read
            named.append(f.evolve(name=alias))
        else:
            named.append(f)
    return named


def read_as_pendulum(cls: C) -> C:
    """``cls``, built by attrs with :func:`by_alias`, its days read through their properties.

    The slot attrs made for ``start`` is kept as ``_start`` (the plain day, which the
    class's own code reads), and ``start`` is the class body's property again: a
    ``pendulum.Date`` to a caller, to ``attrs.asdict`` and to cattrs, a plain day stored by
    attrs' ``__init__`` (through the property's setter, the slot's). Equality, hashes and
    order compare the kept days (attrs' own would read the properties, importing pendulum);
    the annotations are named as the fields are, so ``attrs.resolve_types`` finds them. See
    :func:`by_alias` for an example.
    """
    import attrs

    reads = _READS.pop((cls.__module__, cls.__qualname__), {})
    for name, read in reads.items():
        slot = vars(cls)[name]
        setattr(cls, f"_{name}", slot)
        setattr(cls, name, property(read.fget, slot.__set__, doc=read.__doc__))
    notes = vars(cls).get("__annotations__", {})
    cls.__annotations__ = {(k[1:] if k[1:] in reads else k): v for k, v in notes.items()}
    kept = tuple(f"_{f.name}" if f.name in reads else f.name for f in attrs.fields(cls))
    setattr(cls, _KEPT, kept)
    _compare_kept(cls, operator.attrgetter(*kept) if len(kept) > 1 else _one(kept[0]))
    return cls


def _one(name: str) -> Callable[[Any], tuple[Any, ...]]:
    get = operator.attrgetter(name)
    return lambda record: (get(record),)


def _compare_kept(cls: type, values: Callable[[Any], Any]) -> None:
    """Equality, hash and (if attrs made one) order of ``cls`` by its kept values."""

    def eq(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)

    def ne(self: Any, other: Any) -> Any:
        same = eq(self, other)
        return same if same is NotImplemented else not same

    def hash_(self: Any) -> int:
        return hash((cls.__qualname__, values(self)))

    def ordered(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
        def method(self: Any, other: Any) -> Any:
            same = other.__class__ is self.__class__
            return compare(values(self), values(other)) if same else NotImplemented

        return method

    made: dict[str, Callable[..., Any]] = {"__eq__": eq, "__ne__": ne}
    if vars(cls).get("__hash__") is not None:
        made["__hash__"] = hash_
    for name, compare in [
        ("__lt__", operator.lt),
        ("__le__", operator.le),
        ("__gt__", operator.gt),
        ("__ge__", operator.ge),
    ]:
        made[name] = ordered(compare)
    for name, method in made.items():
        if name in vars(cls):  # what attrs made, by the kept values
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)


def kept_values(record: Any) -> tuple[Any, ...]:
    """A record's values as kept (its days plain), in the order of its fields.

    Example:
        >>> from svduty.periods import Period
        >>> kept_values(Period("2023-04-01"))
        (datetime.date(2023, 4, 1), None)
    """
    return tuple(getattr(record, name) for name in kept_names(type(record)))


def kept_names(cls: type) -> tuple[str, ...]:
    """The names a record class's fields are kept under (``_start`` for ``start``).

    Example:
        >>> from svduty.sources import Citation
        >>> kept_names(Citation)
        ('source', 'provision', 'url', '_as_at', 'confidence', 'doubt')
    """
    names: tuple[str, ...] | None = getattr(cls, _KEPT, None)
    if names is None:
        import attrs

        names = tuple(f.name for f in attrs.fields(cls))
    return names


def plain_day(value: _dt.date) -> _dt.date:
    """The day of a date (a ``pendulum.Date`` too) as a plain ``datetime.date``.

    Example:
        >>> import pendulum
        >>> type(plain_day(pendulum.Date(2024, 3, 31))) is _dt.date
        True
    """
    if type(value) is _dt.date:
        return value
    return _dt.date(value.year, value.month, value.day)


def read_day(value: str | _dt.date) -> _dt.date:
    """A calendar day as :func:`svduty.periods.date` reads it, as a plain ``datetime.date``.

    Raises:
        DataError: if the value is not a valid calendar date (ArgumentError, a
            DataError, if it is neither text nor a date).

    Example:
        >>> read_day("2028-04-01"), read_day(_dt.datetime(2028, 4, 1, 9, 30))
        (datetime.date(2028, 4, 1), datetime.date(2028, 4, 1))
    """
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):  # its day in England and Wales if it has a zone
        value = day_of(value)
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, str):
        raise wrong_argument("date(value)", "a date, or text YYYY-MM-DD", value)
    got = shown(value, shape=_ISO_DAY) if len(value) <= 40 else None
    raise DataError.single(None, "date", expected="a calendar date YYYY-MM-DD", got=got)


def first_of_next_month(year: int, month: int) -> _dt.date:
    """The first day of the month after ``month`` of ``year``.

    Example:
        >>> first_of_next_month(2023, 12), first_of_next_month(2024, 1)
        (datetime.date(2024, 1, 1), datetime.date(2024, 2, 1))
    """
    return _dt.date(year + 1, 1, 1) if month == 12 else _dt.date(year, month + 1, 1)


def cited_day(value: object) -> object:
    """A day as a plain ``datetime.date``; anything else as is (the check refuses it).

    A ``datetime.date`` or ``pendulum.Date`` (not a datetime), or ``YYYY-MM-DD`` text of a
    real day, as svduty takes a day elsewhere. The record keeps it plain and gives it out
    as a ``pendulum.Date`` (:mod:`svduty._plain_days`).

    Example:
        >>> cited_day("2023-03-07"), cited_day("2023-02-30"), cited_day(_dt.date(2023, 3, 7))
        (datetime.date(2023, 3, 7), '2023-02-30', datetime.date(2023, 3, 7))
    """
    if isinstance(value, str) and re.fullmatch(_CITED_DAY, value, re.ASCII):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:  # no such day: refused by the field check, as text
            return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return plain_day(value)
    return value


_CITED_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # ASCII digits: re.ASCII
"""A cited day's text (ASCII digits only); not :data:`_ISO_DAY`, the shape of a day shown."""


def no_time(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a date-time for a day, as the field check refuses a ``datetime.datetime``.

    A ``pendulum.DateTime`` is a ``pendulum.Date`` to ``isinstance``: it was kept, then
    written with its time ("2023-03-07T15:30:00+00:00"), which no reader of svduty's
    takes (final41).

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Cited:
        ...     on: object = attrs.field(validator=no_time)
        >>> Cited(_dt.datetime(2023, 3, 7, 15, 30))
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: Cited(on): expected Date | None (got a datetime)
    """
    if isinstance(value, _dt.datetime):
        where = f"{type(instance).__name__}({attribute.alias})"
        raise wrong_argument(where, "Date | None", value)


def pendulum_day(day: _dt.date) -> pendulum.Date:
    """The ``pendulum.Date`` of a plain day; pendulum is imported here.

    Example:
        >>> pendulum_day(_dt.date(2023, 1, 31))
        Date(2023, 1, 31)
    """
    import pendulum

    return pendulum.Date(day.year, day.month, day.day)


def as_pendulum(day: _dt.date | None) -> pendulum.Date | None:
    """The ``pendulum.Date`` of a plain day (``None`` as is); pendulum is imported here.

    Example:
        >>> as_pendulum(_dt.date(2023, 1, 31)), as_pendulum(None)
        (Date(2023, 1, 31), None)
    """
    return None if day is None else pendulum_day(day)


def shown_day(value: object) -> str:
    """``repr`` of a value, a plain day written as ``pendulum.Date`` writes itself.

    Example:
        >>> shown_day(_dt.date(2024, 4, 1)), shown_day(None), shown_day("x")
        ('Date(2024, 4, 1)', 'None', "'x'")
    """
    if type(value) is _dt.date:
        return f"Date({value.year}, {value.month}, {value.day})"
    return repr(value)


def record_repr(record: Any) -> str:
    """The ``repr`` attrs gives a record, its fields named as made, its days as Dates.

    A field kept under a private name (``_start``, made as ``start``) is shown by the
    name it is made and read by.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Span:
        ...     _first: _dt.date = attrs.field(alias="first")
        ...     label: str = "x"
        >>> record_repr(Span(_dt.date(2023, 1, 31)))
        "Span(first=Date(2023, 1, 31), label='x')"
    """
    import attrs

    fields = attrs.fields(type(record))
    values = kept_values(record)  # the days plain: a repr imports no pendulum
    shown = (f"{f.alias}={shown_day(v)}" for f, v in zip(fields, values, strict=True) if f.repr)
    return f"{type(record).__qualname__}({', '.join(shown)})"


def record_state(record: Any) -> dict[str, Any]:
    """A record's fields as kept (``_start``): what it pickles (the cache keeps days plain).

    Example:
        >>> from svduty.periods import Period
        >>> record_state(Period("2023-04-01"))
        {'_start': datetime.date(2023, 4, 1), '_end': None}
    """
    return dict(zip(kept_names(type(record)), kept_values(record), strict=True))


def set_record_state(record: Any, state: dict[str, Any]) -> None:
    """Unpickle a record, every field given, else a ``ValueError``: never half a record.

    A pickle of another layout (``start`` where ``_start`` is kept, as before speed47a)
    left fields unset and failed only when one was read; the command's cache reads the
    error as a miss and loads the bundle again.

    Example:
        >>> from svduty.periods import Period
        >>> half = object.__new__(Period)
        >>> set_record_state(half, {"start": _dt.date(2023, 4, 1), "end": None})
        Traceback (most recent call last):
        ...
        ValueError: Period: a pickled record without its field _start
    """
    for name in kept_names(type(record)):
        if not isinstance(state, dict) or name not in state:
            raise ValueError(f"{type(record).__name__}: a pickled record without its field {name}")
        object.__setattr__(record, name, state[name])
