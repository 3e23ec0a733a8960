"""The day a date and time falls on in England and Wales, where the Duty's days are.

A ``datetime`` given where svduty takes a day (an incident's ``date`` or
``date_of_death``, ``on=``, :func:`svduty.periods.date`) is the day of its wall clock
when it has no time zone (the time is taken as given), and the day in England and
Wales (``Europe/London``) when it has one: a system that stores UTC sends
``2023-03-31T23:30Z`` for a death at 00:30 on 1 April 2023, the first day of the
offensive weapons homicide review pilot (SI 2023/227 reg 1(2)), and the day of its own
clock (31 March) answered the pilot period confidently wrong (contract42).

Example:
    >>> import datetime as dt
    >>> day_of(dt.datetime(2023, 3, 31, 23, 30, tzinfo=dt.UTC))
    datetime.date(2023, 4, 1)
    >>> day_of(dt.datetime(2023, 3, 31, 23, 30))
    datetime.date(2023, 3, 31)
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import zoneinfo

__all__ = ["NO_DAY", "ZONE", "dates_in_england", "day_of", "no_day"]

ZONE = "Europe/London"
"""The time zone of England and Wales, where the Act's days are counted."""

NO_DAY = "a date and time whose day in England and Wales is from 0001-01-01 to 9999-12-31"
"""What is expected of a day field whose day is no day a ``datetime.date`` has."""


@functools.cache
def _zone() -> zoneinfo.ZoneInfo:
    import zoneinfo  # when a zoned time is first read (sysconfig and the zone paths: 1-2 ms)

    return zoneinfo.ZoneInfo(ZONE)


def day_of(value: _dt.datetime, field: str = "date") -> _dt.date:
    """The day ``value`` falls on: its wall clock's if naive, in England and Wales if not.

    Raises:
        DataError: naming ``field`` (never the value), for a zoned time whose day in
            England and Wales is before year 1 or after 9999 (``datetime`` has no such
            day: it was an ``OverflowError``, hostile42b).

    Example:
        >>> import datetime as dt
        >>> day_of(dt.datetime(2023, 6, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
        datetime.date(2023, 6, 2)
        >>> day_of(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5))), "on")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: on: expected a date and time whose day in England and Wales is from 0001-01-01 to 9999-12-31
    """  # noqa: E501
    if value.tzinfo is None or value.utcoffset() is None:
        return _dt.date(value.year, value.month, value.day)
    try:
        here = value.astimezone(_zone())
    except OverflowError:  # its day in England is year 0 or 10000
        from svduty.errors import DataError

        raise DataError.single(None, field, expected=NO_DAY) from None
    return _dt.date(here.year, here.month, here.day)


def dates_in_england(column: Any) -> Any:
    """A date or timestamp Arrow column as ``date32`` days, as :func:`day_of` reads one.

    A timestamp with no time zone is the day of its wall clock, one with a zone the day
    in ``Europe/London``.

    Raises:
        pyarrow.ArrowInvalid: for a time zone the time zone database does not know.

    Example:
        >>> import datetime as dt
        >>> import pyarrow as pa
        >>> t = pa.array([dt.datetime(2023, 3, 31, 23, 30)], pa.timestamp("s", tz="UTC"))
        >>> dates_in_england(t).to_pylist()
        [datetime.date(2023, 4, 1)]
    """
    import pyarrow as pa

    from svduty import _compute as pc

    kind = column.type
    if pa.types.is_timestamp(kind) and kind.tz is not None:
        # a zone the time zone database does not know is refused (ArrowInvalid), as it was
        pc.cast(pa.array([0], pa.timestamp(kind.unit, tz=kind.tz)), pa.date32())
        column = pc.cast(column, pa.timestamp(kind.unit, tz=ZONE))
        days = pc.cast(column, pa.date32())
        ticks = _LATE_DAY * 86_400 * _TICKS[kind.unit]
        late = pc.greater_equal(pc.cast(column, pa.int64()), ticks)
        if pc.any(late).as_py():
            return _late_days(column, days, late)
        return days
    return pc.cast(column, pa.date32())


_TICKS = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}
_LATE_DAY = (_dt.date(2037, 1, 1) - _dt.date(1970, 1, 1)).days
"""From 2037 Arrow's time zone database has no clock changes in England (its compiled
zone files list them to 2037 and leave the rest to a rule Arrow does not read: summer
2038 was GMT to it); ``zoneinfo`` reads the rule, the Summer Time Act 1972 s.1(2) as
substituted by SI 2002/262 art 2(2), which has no end (consist43)."""


def _late_days(column: Any, days: Any, late: Any) -> Any:
    """``days`` with the rows ``late`` (from 2037) given their day as :func:`day_of` does.

    The clocks change at 01:00 GMT, so a UTC day's offset at noon holds from 01:00 to
    midnight; before 01:00 the day in England is the UTC day under either offset (GMT or
    BST). One ``zoneinfo`` look-up a distinct UTC day, then the rows column-wise.
    """
    import numpy as np
    import pyarrow as pa

    from svduty import _compute as pc

    if isinstance(column, pa.ChunkedArray):
        column, days, late = (c.combine_chunks() for c in (column, days, late))
    ticks = pc.fill_null(pc.cast(column, pa.int64()), 0).to_numpy(zero_copy_only=False)
    seconds = ticks // _TICKS[column.type.unit]
    utc_day = seconds // 86_400
    chosen = pc.fill_null(late, False).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(chosen)
    distinct, which = np.unique(utc_day[rows], return_inverse=True)
    offset = np.zeros(len(distinct), np.int64)
    ok = np.ones(len(distinct), bool)
    for i, day in enumerate(distinct.tolist()):
        try:
            noon = _dt.datetime(1970, 1, 1, 12, tzinfo=_dt.UTC) + _dt.timedelta(days=day)
            here = noon.astimezone(_zone()).utcoffset()
        except OverflowError:  # past 9999 in England: Arrow's day, refused by no_day
            ok[i] = False
            continue
        offset[i] = int(here.total_seconds()) if here is not None else 0
    offsets = np.zeros(len(seconds), np.int64)
    known = np.zeros(len(seconds), bool)
    offsets[rows], known[rows] = offset[which], ok[which]
    mine = (seconds + offsets) // 86_400
    arrow = pc.fill_null(pc.cast(days, pa.int32()), 0).to_numpy(zero_copy_only=False)
    result = np.where(known, mine, arrow).astype(np.int32)
    nulls = pc.is_null(days).to_numpy(zero_copy_only=False)
    return pc.cast(pa.array(result, pa.int32(), mask=nulls), pa.date32())


def no_day(days: Any) -> Any:
    """Where a ``date32`` column (:func:`dates_in_england`) holds no day a ``date`` has.

    Arrow's days run past ``datetime``'s: a zoned time whose day in England is year 0
    or 10000 (which :func:`day_of` refuses, naming the field), a ``date32`` or a naive
    timestamp of year 12000. The one-incident classifier has no such day, so the
    columnar one must not answer it (consist43). Null where the day is null.

    Example:
        >>> import pyarrow as pa
        >>> no_day(pa.array([-719163, 0, 2932896, 2932897, None], pa.date32())).to_pylist()
        [True, False, False, True, None]
    """
    import pyarrow as pa

    from svduty import _compute as pc

    number = pc.cast(days, pa.int32())
    first = _dt.date.min.toordinal() - _dt.date(1970, 1, 1).toordinal()
    last = _dt.date.max.toordinal() - _dt.date(1970, 1, 1).toordinal()
    return pc.or_(pc.less(number, first), pc.greater(number, last))
