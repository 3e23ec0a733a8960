"""A closed-open period of days, and :func:`date`, which reads a day.

What the areas of a partnership (and so ``svduty classify``) need of time: the other
records of :mod:`svduty.periods` (:class:`~svduty.periods.Dated`,
:class:`~svduty.periods.Timeline`, :class:`~svduty.periods.FinancialYear`) live in
:mod:`svduty.periods._dated`, built only when they are used (each attrs class costs about
0.3 ms to build at start-up).

Example:
    >>> from svduty.periods import Period, date
    >>> Period(date("2023-04-01"), date("2024-04-01")).days()
    366
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

import attrs

from svduty import _plain_days as _plain
from svduty._arguments import text_argument
from svduty._checked import checked_methods
from svduty.errors import DataError, PeriodError, shown

if TYPE_CHECKING:  # imported when a day is read: a record's days are kept plain
    import pendulum

__all__ = ["Period", "date"]

_ISO_DAY = r"\s*\d{4}-\d{2}-\d{2}\s*"  # a day's shape in an error (compiled at first use)
_LAST_DAY = _dt.date(9999, 12, 31)
"""The last day a date can hold: a period to it is open-ended."""


def date(value: str | _dt.date | pendulum.Date) -> pendulum.Date:
    """Read a calendar date: an ISO string ``YYYY-MM-DD`` or a ``datetime.date``.

    A ``datetime`` is its day: of its wall clock if it has no time zone, in England and
    Wales (``Europe/London``) if it has one (``2023-03-31T23:30Z`` is 1 April 2023).

    Args:
        value: The date.

    Raises:
        DataError: if the value is not a valid calendar date (ArgumentError, a
            DataError, if it is neither text nor a date).

    Example:
        >>> date("2028-04-01")
        Date(2028, 4, 1)
        >>> date("2023-02-30")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: date: expected a calendar date YYYY-MM-DD (got '2023-02-30')
    """
    return _plain.pendulum_day(_plain.read_day(value))


@checked_methods
@_plain.read_as_pendulum
@attrs.frozen(slots=True, order=True, repr=False, field_transformer=_plain.by_alias)
class Period:
    """A closed-open span of days ``[start, end)``; ``end=None`` is open-ended.

    Closed-open periods tile without overlap: one ends on the day the next starts.

    Raises:
        PeriodError: if ``end`` is not after ``start``.

    Example:
        >>> p = Period(date("2023-04-01"), date("2024-04-01"))
        >>> p.last_day
        Date(2024, 3, 31)
        >>> date("2024-04-01") in p, "2024-03-31" in p  # a day, or the day as text
        (False, True)
        >>> Period.from_last_day(date("2023-01-31"), date("2025-03-31")) == Period(
        ...     date("2023-01-31"), date("2025-04-01"))
        True
    """

    # kept as plain days (svduty._plain_days), read as pendulum Dates: the fields are named
    # start and end (attrs.asdict, attrs.fields), the slots read as _start and _end
    _start: _dt.date = attrs.field(alias="start", converter=_plain.read_day)
    _end: _dt.date | None = attrs.field(
        alias="end", default=None, converter=attrs.converters.optional(_plain.read_day)
    )

    def __attrs_post_init__(self) -> None:
        if self._end is not None and self._end <= self._start:
            raise PeriodError.single(
                None,
                "end",
                expected=f"a day after the start {self._start.isoformat()}",
                got=shown(self._end.isoformat(), shape=_ISO_DAY),
            )

    @property
    def start(self) -> pendulum.Date:
        """The first day in the period (kept as a plain day, read as a ``pendulum.Date``).

        Example:
            >>> Period("2023-04-01").start
            Date(2023, 4, 1)
        """
        return _plain.pendulum_day(self._start)

    @property
    def end(self) -> pendulum.Date | None:
        """The first day after the period (``None`` if it has no end yet).

        Example:
            >>> Period("2023-04-01", "2024-04-01").end, Period("2023-04-01").end
            (Date(2024, 4, 1), None)
        """
        return _plain.as_pendulum(self._end)

    def __repr__(self) -> str:
        return _plain.record_repr(self)

    __getstate__, __setstate__ = _plain.record_state, _plain.set_record_state  # never half a record
    __match_args__ = ("start", "end")  # case Period(s, e): the days as read, not the kept ones

    @classmethod
    def from_last_day(cls, first: str | _dt.date, last: str | _dt.date) -> Period:
        """The period from ``first`` to ``last`` inclusive, as people write it.

        ``last`` 9999-12-31, the last day a date can hold, has no day after it to end on:
        the period is open-ended, which holds the same days (a bundle's ``last_day`` of
        that day is refused instead, as a database's mark of no end: hostile56).

        Example:
            >>> str(Period.from_last_day("2023-01-31", "2025-03-31"))
            '2023-01-31 to 2025-03-31'
        """
        end = _plain.read_day(
            last
        )  # the last day there is: open-ended, the same days (no overflow)
        return cls(
            _plain.read_day(first), None if end == _LAST_DAY else end + _dt.timedelta(days=1)
        )

    @property
    def last_day(self) -> pendulum.Date | None:
        """The last day in the period (``None`` if open-ended).

        Example:
            >>> Period("2023-04-01").last_day is None
            True
        """
        return None if self._end is None else _plain.as_pendulum(self._end - _dt.timedelta(days=1))

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, (_dt.date, str)):  # a day as text is read, as Period's are
            return False
        d = _plain.read_day(day)
        return self._start <= d and (self._end is None or d < self._end)

    def overlaps(self, other: Period) -> bool:
        """Whether two periods share at least one day.

        Example:
            >>> a = Period("2023-01-01", "2023-07-01")
            >>> a.overlaps(Period("2023-07-01")), a.overlaps(Period("2023-06-30"))
            (False, True)
        """
        a_before_b = self._end is not None and self._end <= other._start
        b_before_a = other._end is not None and other._end <= self._start
        return not (a_before_b or b_before_a)

    def intersection(self, other: Period) -> Period | None:
        """The days both periods hold, as a period; ``None`` if they share no day.

        Closed-open as every period: it starts on the later start and ends on the earlier
        end (open-ended only if both are). Two periods that meet (one ends on the day the
        other starts) share no day.

        Example:
            >>> a = Period("2023-01-01", "2023-07-01")
            >>> print(a.intersection(Period("2023-06-30")))
            2023-06-30
            >>> print(Period("2023-06-30").intersection(Period("2024-01-01")))
            2024-01-01 onwards
            >>> a.intersection(Period("2023-07-01")) is None  # they meet: no day in common
            True
        """
        start = max(self._start, other._start)
        ends = [e for e in (self._end, other._end) if e is not None]
        end = min(ends) if ends else None
        return None if end is not None and end <= start else Period(start, end)

    def holds_month(self, month: str) -> bool:
        """Whether any day of a calendar month (``YYYY-MM``, as police.uk writes it) is in it.

        Example:
            >>> d = Period("2023-01-31", "2025-04-01")
            >>> d.holds_month("2023-01"), d.holds_month("2022-12"), d.holds_month("2025-04")
            (True, False, False)
        """
        where = "Period.holds_month(month)"
        if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", text_argument(month, where, "text")):
            raise DataError.single(None, where, expected="a month YYYY-MM")
        year, number = int(month[:4]), int(month[5:7])
        first = _dt.date(year, number, 1)
        # December 9999 has no next month to end at: open-ended is the same days
        end = None if (year, number) == (9999, 12) else _plain.first_of_next_month(year, number)
        return self.overlaps(Period(first, end))

    def days(self) -> int | None:
        """The number of days in the period (``None`` if open-ended).

        Example:
            >>> Period("2024-04-01", "2025-04-01").days()
            365
        """
        return None if self._end is None else (self._end - self._start).days

    def __str__(self) -> str:
        """Its days as people write them: the first and the last, or the one day.

        Example:
            >>> print(Period("2023-01-31", "2023-02-01"), Period("2023-04-01", "2024-04-01"))
            2023-01-31 2023-04-01 to 2024-03-31
            >>> print(Period("2023-04-01"))
            2023-04-01 onwards
        """
        if self._end is None:
            return f"{self._start.isoformat()} onwards"
        last = self._end - _dt.timedelta(days=1)
        if last == self._start:  # one day: not "2023-01-31 to 2023-01-31"
            return self._start.isoformat()
        return f"{self._start.isoformat()} to {last.isoformat()}"
