"""Values dated "as at" a day, the timeline that holds them, and UK financial years.

The public names are :mod:`svduty.periods`' (see there); they are kept apart from
:class:`~svduty.periods.Period` so that what needs only periods (a partnership's areas,
``svduty classify``) never builds these classes.

Example:
    >>> from svduty.periods import FinancialYear
    >>> str(FinancialYear.parse("2023/24").next())
    '2024/25'
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import attrs

from svduty._arguments import instance_argument, items_argument, text_argument
from svduty._checked import checked_fields, checked_methods
from svduty.errors import DataError, NotInForceError, PeriodError
from svduty.periods._period import Period, date
from svduty.sources import Citation

__all__ = ["Dated", "FinancialYear", "Timeline"]

T = TypeVar("T")


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
