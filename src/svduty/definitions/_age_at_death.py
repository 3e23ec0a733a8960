"""The victim's age at death, from their age at the incident and the two dates.

``victim_age`` is the age at the incident (the age the Domestic Abuse Act reads). The
homicide review provisions read the age at death: a qualifying homicide is the death of a
person "aged 18 or over" (PCSC Act 2022 s.24(6)(a)) and a child death review is of the
death of a child (s.26(1)(a)). A victim may die days or years after the incident, and
have birthdays in between, so the age at death lies between two bounds:

- at least the age at the incident plus the whole years that surely passed: from the
  incident's last possible day (``date``) to the death's first (``date_of_death``);
- at most the age at the incident plus every birthday that may have fallen after the
  incident and on or before the death: none when both are the same day, else one (the
  next birthday may be the very next day) plus the whole years from the day after the
  incident's first possible day to the death's last. Without a date of death (or the
  incident's date) there is no upper bound: the death may follow by any time.

A 29 February is counted on 28 February for the upper bound and on 1 March for the lower
one, so each bound holds whichever day a leap-day birthday is reckoned on. Adding a fact
only narrows the bounds, so an answer never turns from ``True`` to ``False``.

Example:
    >>> import pendulum
    >>> d = pendulum.Date(2023, 4, 10)
    >>> env = {"victim_age": 17, "first_day": d, "last_day": d}
    >>> e = BelowAtDeath(18)
    >>> e.scalar(ScalarEnv({**env, "death_first_day": d, "death_last_day": d}))
    True
    >>> nov = pendulum.Date(2023, 11, 1)  # may have turned 18 between April and November
    >>> e.scalar(ScalarEnv({**env, "death_first_day": nov, "death_last_day": nov})) is None
    True
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pyarrow as _pa
import pyarrow.compute as _pc

from svduty.definitions._expr import ArrowEnv, Expr, ScalarEnv, Tri

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["BelowAtDeath"]

_EARLY, _LATE = 228, 301  # a 29 February birthday, reckoned on 28 February or 1 March


def _whole_years(start: datetime.date, end: datetime.date, leap: int) -> int:
    """The whole years from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    md = start.month * 100 + start.day
    md = leap if md == 229 else md
    return end.year - start.year - (end.month * 100 + end.day < md)


def _gains(values: ScalarEnv) -> tuple[int, int | None]:
    """The fewest and the most birthdays between the incident and the death."""
    first, last = values.get("first_day"), values.get("last_day")
    died_first, died_last = values.get("death_first_day"), values.get("death_last_day")
    fewest = 0
    if last is not None and died_first is not None:
        fewest = max(0, _whole_years(last, died_first, _LATE))
    most = None
    if first is not None and died_last is not None:
        most = 1 + _whole_years(first + datetime.timedelta(days=1), died_last, _EARLY)
    return fewest, most


def _days(col: Arr) -> Arr:
    return col if col.type == pa.date32() else pc.cast(col, pa.date32())


def _arrow_whole_years(start: Arr, end: Arr, leap: int) -> Arr:
    md_start = pc.add(pc.multiply(pc.month(start), 100), pc.day(start))
    md_start = pc.if_else(pc.equal(md_start, 229), leap, md_start)
    md_end = pc.add(pc.multiply(pc.month(end), 100), pc.day(end))
    before = pc.cast(pc.less(md_end, md_start), pa.int64())
    return pc.subtract(pc.subtract(pc.year(end), pc.year(start)), before)


@attrs.frozen(slots=True, eq=False)
class BelowAtDeath(Expr):
    """The victim was younger than ``n`` at death (three-valued).

    The age at the incident is ``victim_age``; or, with ``at_most``, only known to be at
    most that (as an offence whose victim must be under 16 tells), so the node is then
    ``True`` or undetermined, never ``False``. See the module for the bounds.

    Example:
        >>> import pendulum
        >>> d = pendulum.Date(2020, 5, 1)
        >>> later = pendulum.Date(2023, 5, 1)
        >>> env = ScalarEnv({"victim_age": 17, "first_day": d, "last_day": d,
        ...                  "death_first_day": later, "death_last_day": later})
        >>> BelowAtDeath(18).scalar(env), BelowAtDeath(18, at_most=15).scalar(env)
        (False, None)
    """

    n: int
    at_most: int | None = None

    def _scalar(self, env: ScalarEnv) -> Tri:
        if self.at_most is None:
            lowest = highest = env.get("victim_age")
            if highest is None:
                return None
        else:
            lowest, highest = None, self.at_most
        fewest, most = _gains(env)
        if most is not None and highest + most < self.n:
            return True
        if lowest is not None and lowest + fewest >= self.n:
            return False
        return None

    def _arrow(self, env: ArrowEnv) -> Arr:
        names = ("first_day", "last_day", "death_first_day", "death_last_day")
        first, last, died_first, died_last = (_days(env.col(f)) for f in names)
        fewest = pc.fill_null(
            pc.max_element_wise(_arrow_whole_years(last, died_first, _LATE), 0), 0
        )
        one = pa.scalar(1, pa.int32())
        next_day = pc.cast(pc.add(pc.cast(first, pa.int32()), one), pa.date32())
        most = pc.add(_arrow_whole_years(next_day, died_last, _EARLY), 1)
        if self.at_most is None:
            age = env.col("victim_age")
            lowest = highest = age if age.type == pa.int64() else pc.cast(age, pa.int64())
        else:
            highest = pa.scalar(self.at_most, pa.int64())
            lowest = pa.nulls(env.length, pa.int64())
        below = pc.fill_null(pc.less(pc.add(highest, most), self.n), False)
        above = pc.fill_null(pc.greater_equal(pc.add(lowest, fewest), self.n), False)
        none = pa.scalar(None, pa.bool_())
        return pc.if_else(below, True, pc.if_else(above, False, none))

    def fields(self) -> tuple[str, ...]:
        """The victim's age (unless bounded by ``at_most``), the date of death and date.

        Example:
            >>> BelowAtDeath(18).fields()
            ('victim_age', 'date_of_death', 'date')
        """
        age = ("victim_age",) if self.at_most is None else ()
        return (*age, "date_of_death", "date")
