"""Time: closed-open periods, UK financial years and values dated "as at" a day.

Facts that change over time (who chairs a board, an area's code, a grant) are held as
:class:`Dated` values on a :class:`Timeline`, which rejects overlaps and gaps and answers
"what was in force on this day?".

Example:
    >>> from svduty.periods import FinancialYear, Period, date
    >>> fy = FinancialYear.parse("2023/24")
    >>> fy.period
    Period(start=Date(2023, 4, 1), end=Date(2024, 4, 1))
    >>> date("2024-03-31") in fy
    True
    >>> str(Period(date("2023-01-31"), date("2025-04-01")))
    '2023-01-31 to 2025-03-31'
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from svduty import _plain_days as _plain
from svduty._arguments import instance_argument, items_argument, text_argument
from svduty._checked import checked_fields, checked_methods
from svduty.errors import DataError, NotInForceError, PeriodError, shown
from svduty.sources import Citation

if TYPE_CHECKING:  # imported when a day is read: a record's days are kept plain
    import pendulum

__all__ = ["Dated", "FinancialYear", "Period", "Timeline", "date"]

_ISO_DAY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
_LAST_DAY = _dt.date(9999, 12, 31)
"""The last day a date can hold: a period to it is open-ended."""

T = TypeVar("T")


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
        if self._end is None:
            return f"{self._start.isoformat()} onwards"
        last = self._end - _dt.timedelta(days=1)
        return f"{self._start.isoformat()} to {last.isoformat()}"


_FY = re.compile(r"^\s*([0-9]{4})\s*[/-]\s*([0-9]{2}|[0-9]{4})\s*$")


@checked_methods
@attrs.frozen(slots=True, order=True)
class FinancialYear:
    """A UK financial year, 1 April to 31 March, written ``"2023/24"``.

    Attributes:
        start_year: The calendar year in which the financial year starts.

    Raises:
        DataError: if ``start_year`` is not a whole number from 1 to 9998 (the years whose
            days are dates); a label such as ``"2023/24"`` is read by :meth:`parse`.

    Example:
        >>> fy = FinancialYear.parse("2022/23")
        >>> fy.label, fy.start_year, str(fy.next())
        ('2022/23', 2022, '2023/24')
        >>> FinancialYear.of(date("2025-03-31"))
        FinancialYear(start_year=2024)
        >>> FinancialYear("2023/24")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: financial_year: expected a start year, a whole number from 1 to 9998 (FinancialYear.parse reads a label such as '2023/24')
    """  # noqa: E501

    start_year: int = attrs.field()

    @start_year.validator
    def _check_start_year(self, _: Any, value: Any) -> None:
        whole = isinstance(value, int) and not isinstance(value, bool)
        if not (whole and 1 <= value <= 9998):
            raise DataError.single(
                None,
                "financial_year",
                expected="a start year, a whole number from 1 to 9998 (FinancialYear.parse "
                "reads a label such as '2023/24')",
            )

    @classmethod
    def parse(cls, label: str) -> FinancialYear:
        """Read a label such as ``"2023/24"`` (also ``"2023-24"`` or ``"2023/2024"``).

        Raises:
            DataError: if the label is not a financial year, or its two years are not
                consecutive.

        Example:
            >>> FinancialYear.parse("2023/2024").label
            '2023/24'
            >>> FinancialYear.parse("2023/25")
            Traceback (most recent call last):
            ...
            svduty.errors.DataError: financial_year: expected a UK financial year label such as '2023/24' (got '2023/25')
        """  # noqa: E501
        text_argument(label, "FinancialYear.parse(label)", "a label such as '2023/24' (str)")
        m = _FY.match(label)
        if m:
            start = int(m.group(1))
            end_text = m.group(2)
            end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
            if len(end_text) == 2 and end < start:
                end += 100
            if end == start + 1 and 1 <= start < 9999:  # its days are dates
                return cls(start)
        got = label if len(label) <= 20 else None
        raise DataError.single(
            None,
            "financial_year",
            expected="a UK financial year label such as '2023/24'",
            got=got,
        )

    @classmethod
    def of(cls, day: _dt.date) -> FinancialYear:
        """The financial year a day falls in.

        Example:
            >>> str(FinancialYear.of(date("2024-04-01")))
            '2024/25'
        """
        d = date(day)
        return cls(d.year if d.month >= 4 else d.year - 1)

    @property
    def label(self) -> str:
        """The year as people write it, ``"2023/24"``.

        Example:
            >>> FinancialYear(1999).label
            '1999/00'
        """
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def period(self) -> Period:
        """The days of the year, 1 April to the next 1 April (closed-open).

        Example:
            >>> FinancialYear(2024).period.last_day
            Date(2025, 3, 31)
        """
        return Period(_dt.date(self.start_year, 4, 1), _dt.date(self.start_year + 1, 4, 1))

    def quarters(self) -> tuple[Period, Period, Period, Period]:
        """The four quarters: April-June, July-September, October-December, January-March.

        Example:
            >>> [str(q) for q in FinancialYear(2023).quarters()][3]
            '2024-01-01 to 2024-03-31'
        """
        y = self.start_year
        starts = [
            _dt.date(y, 4, 1),
            _dt.date(y, 7, 1),
            _dt.date(y, 10, 1),
            _dt.date(y + 1, 1, 1),
            _dt.date(y + 1, 4, 1),
        ]
        q = [Period(starts[i], starts[i + 1]) for i in range(4)]
        return (q[0], q[1], q[2], q[3])

    def next(self) -> FinancialYear:
        """The following financial year.

        Example:
            >>> FinancialYear(2023).next().label
            '2024/25'
        """
        return FinancialYear(self.start_year + 1)

    def __contains__(self, day: object) -> bool:
        return day in self.period

    def __str__(self) -> str:
        return self.label


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Dated(Generic[T]):
    """A value that holds for a period, with the citation that says so.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Attributes:
        value: The value.
        valid: The period in which it holds.
        citation: Where it is stated, if known.

    Example:
        >>> import svduty
        >>> strategy = svduty.warwickshire().sources.cite("warwickshire-sv-strategy")
        >>> d = Dated("Ben Brook", Period("2021-07-01"), strategy)
        >>> d.in_force(date("2024-01-01"))
        True
    """

    value: T
    valid: Period
    citation: Citation | None = None

    def in_force(self, day: _dt.date | str) -> bool:
        """Whether the value holds on a day (a date, or ``YYYY-MM-DD`` text).

        Example:
            >>> Dated(1, Period("2024-01-01", "2024-02-01")).in_force(date("2024-02-01"))
            False
        """
        return day in self.valid


def _sorted_checked(items: Iterable[Dated[T]], contiguous: bool) -> tuple[Dated[T], ...]:
    given = items_argument(items, "Timeline(items)", "a list of Dated values")
    for i, item in enumerate(given := list(given)):
        instance_argument(item, Dated, f"Timeline(items)[{i}]", "a Dated value")
    ordered = tuple(sorted(given, key=lambda d: d.valid.start))
    for i, (a, b) in enumerate(itertools.pairwise(ordered)):
        if a.valid.overlaps(b.valid):
            raise PeriodError.single(
                None,
                f"[{i + 1}].valid",
                message=f"period {b.valid} overlaps period {a.valid}",
            )
        if contiguous and a.valid.end != b.valid.start:
            raise PeriodError.single(
                None,
                f"[{i + 1}].valid",
                message=f"gap between {a.valid} and {b.valid}",
                expected="each period to start on the day the previous one ends",
            )
    return ordered


@checked_methods
@checked_fields
@attrs.frozen(slots=True)
class Timeline(Generic[T]):
    """Values that succeed each other in time, looked up "as at" a day.

    Its fields are checked against their types when it is made: a value of another type is
    an :class:`~svduty.errors.ArgumentError` naming the class and the field, never the
    value.

    Periods may not overlap; unless ``contiguous=False`` they may not leave gaps either
    (a gap would make "what was in force?" silently unanswerable).

    Args:
        items: The dated values, in any order.
        contiguous: Whether gaps between periods are an error.

    Raises:
        PeriodError: if two periods overlap, or (when contiguous) leave a gap.

    Example:
        >>> t = Timeline.of([Dated("CCG", Period("2013-04-01", "2022-07-01")),
        ...                  Dated("ICB", Period("2022-07-01"))])
        >>> t.as_at(date("2023-01-01"))
        'ICB'
        >>> t.as_at(date("2000-01-01"))
        Traceback (most recent call last):
        ...
        svduty.errors.NotInForceError: no value in force on 2000-01-01 (covered: 2013-04-01 onwards)
    """

    items: tuple[Dated[T], ...]
    contiguous: bool = True

    @classmethod
    def of(cls, items: Iterable[Dated[T]], *, contiguous: bool = True) -> Timeline[T]:
        """Build a timeline, sorting and checking the periods.

        Example:
            >>> len(Timeline.of([Dated(1, Period("2020-01-01"))]))
            1
        """
        return cls(_sorted_checked(items, contiguous), contiguous)

    def __attrs_post_init__(self) -> None:
        _sorted_checked(self.items, self.contiguous)

    def entry_at(self, day: _dt.date) -> Dated[T]:
        """The dated entry in force on a day.

        Raises:
            NotInForceError: if no entry is in force then.

        Example:
            >>> Timeline.of([Dated(5, Period("2020-01-01"))]).entry_at(date("2021-01-01")).value
            5
        """
        for item in self.items:
            if day in item.valid:
                return item
        first, last = (self.items[0].valid, self.items[-1].valid) if self.items else (None, None)
        covered = str(Period(first.start, last.end)) if first and last else "nothing"
        raise NotInForceError(f"no value in force on {date(day).isoformat()} (covered: {covered})")

    def as_at(self, day: _dt.date) -> T:
        """The value in force on a day.

        Raises:
            NotInForceError: if no value is in force then.

        Example:
            >>> Timeline.of([Dated("a", Period("2020-01-01"))]).as_at(date("2020-01-01"))
            'a'
        """
        return self.entry_at(day).value

    def __iter__(self) -> Iterator[Dated[T]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def values(self) -> Sequence[T]:
        """All values, oldest first.

        Example:
            >>> Timeline.of([Dated(2, Period("2021-01-01")),
            ...              Dated(1, Period("2020-01-01", "2021-01-01"))]).values
            (1, 2)
        """
        return tuple(d.value for d in self.items)
