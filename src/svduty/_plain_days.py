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

Example:
    >>> import datetime as dt
    >>> day = plain_day(dt.date(2023, 4, 1))
    >>> type(day).__name__, shown_day(day), as_pendulum(day)
    ('date', 'Date(2023, 4, 1)', Date(2023, 4, 1))
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from svduty._arguments import wrong_argument
from svduty._days import day_of
from svduty.errors import DataError, shown

if TYPE_CHECKING:
    import attrs
    import pendulum

__all__ = [
    "as_pendulum",
    "cited_day",
    "first_of_next_month",
    "no_time",
    "pendulum_day",
    "plain_day",
    "read_day",
    "record_repr",
    "record_state",
    "set_record_state",
    "shown_day",
]

_ISO_DAY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
"""The shape of a day-like text that an error may show (as :func:`svduty.periods.date`)."""


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
    if isinstance(value, str) and _CITED_DAY.fullmatch(value):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:  # no such day: refused by the field check, as text
            return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return plain_day(value)
    return value


_CITED_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
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

    shown = (
        f"{f.alias}={shown_day(getattr(record, f.name))}"
        for f in attrs.fields(type(record))
        if f.repr
    )
    return f"{type(record).__qualname__}({', '.join(shown)})"


def record_state(record: Any) -> dict[str, Any]:
    """A record's fields by name: what it pickles (the command's cache keeps its days plain).

    Example:
        >>> from svduty.periods import Period
        >>> record_state(Period("2023-04-01"))
        {'_start': datetime.date(2023, 4, 1), '_end': None}
    """
    import attrs

    return {f.name: getattr(record, f.name) for f in attrs.fields(type(record))}


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
    import attrs

    for f in attrs.fields(type(record)):
        if not isinstance(state, dict) or f.name not in state:
            raise ValueError(
                f"{type(record).__name__}: a pickled record without its field {f.name}"
            )
        object.__setattr__(record, f.name, state[f.name])
