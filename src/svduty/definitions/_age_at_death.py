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
  incident's first possible day to the death's last (none when that day is after the
  death's last: a death on 28 February 2024, the incident's day, is not followed by 29
  February's birthday). Without a date of death (or the
  incident's date) there is no upper bound: the death may follow by any time.

A 29 February is counted on 28 February for the upper bound and on 1 March for the lower
one, so each bound holds whichever day a leap-day birthday is reckoned on. Adding a fact
only narrows the bounds, so an answer never turns from ``True`` to ``False``. Where the
bounds leave it open, the incident field ``victim_age_at_death`` settles it (an age at
death outside the bounds is a reported conflict).

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

from svduty import _compute as _pc
from svduty.definitions._atoms import Given, In, Table, TableUnknown
from svduty.definitions._expr import All, Any_, ArrowEnv, Expr, Not, ScalarEnv, Tri

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = [
    "CHILD_UNDER_13",
    "CODE_PROVES_16",
    "CODE_PROVES_UNDER_16",
    "INFANTICIDE",
    "UNDER_13_CODES",
    "BelowAtDeath",
    "age_bounds",
    "arrow_age_bounds",
    "arrow_age_conflicts",
    "arrow_years_surely_passed",
    "coded_age_bounds",
    "years_surely_passed",
    "younger_at_death",
]

CODE_PROVES_16 = All(
    Given("offence_code"),
    Not(TableUnknown("victim_16_plus")),
    Table("victim_16_plus"),
)
"""The offence code given proves the victim 16 or over (never undetermined with a code).

What the code proves, and only that: read through the victim's age at the incident, an
age at death of 15 beside a code that proves nothing of age (murder) went undetermined,
and knowing the code mended a contradiction (owhr42).

Example:
    >>> CODE_PROVES_16.scalar(ScalarEnv({"offence_code": "1"}, table={"victim_16_plus": None}))
    False
    >>> CODE_PROVES_16.scalar(ScalarEnv({"offence_code": "x"}, table={"victim_16_plus": True}))
    True
"""

CODE_PROVES_UNDER_16 = All(
    Not(Given("victim_age")),
    Given("offence_code"),
    Not(TableUnknown("victim_16_plus")),
    Not(Table("victim_16_plus")),
)
"""The code proves the victim under 16 at the incident, whose age is not given (then the
age at the incident is bounded by 15; with ``victim_age`` given, that age is read).

Example:
    >>> CODE_PROVES_UNDER_16.scalar(
    ...     ScalarEnv({"offence_code": "x"}, table={"victim_16_plus": False}))
    True
    >>> CODE_PROVES_UNDER_16.scalar(
    ...     ScalarEnv({"offence_code": "x", "victim_age": 15}, table={"victim_16_plus": False}))
    False
"""

# SOA 2003 ss.5-8 (rape, assault by penetration, sexual assault of, and causing or inciting
# sexual activity by, a child under 13): "the other person is under 13" ("B is under 13"),
# at the offence; the Home Office codes of those offences (17B, 19E, 19H, 20B, 21)
UNDER_13_CODES = frozenset({"17B", "19E", "19H", "20B", "21"})
CHILD_UNDER_13 = All(Given("offence_code"), In("offence_code", UNDER_13_CODES))
"""The offence code given is one whose victim is a child under 13 (SOA 2003 ss.5-8).

Example:
    >>> [CHILD_UNDER_13.scalar(ScalarEnv({"offence_code": c})) for c in ("19E", "19D")]
    [True, False]
"""

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
        # the day after the incident's first day is the first a birthday may add a year:
        # none if the death is not later (compared first: 9999-12-31 has no day after)
        most = 0
        if first < died_last:
            after = first + datetime.timedelta(days=1)
            most = 1 + _whole_years(after, died_last, _EARLY)
    return fewest, most


def years_surely_passed(env: ScalarEnv) -> int:
    """The whole years that surely passed from the incident to the death (0 if unknown).

    A victim alive at the incident is at least this old at death (infanticide, 4.2: a
    child under twelve months at death, so a death a year or more on contradicts it).

    Example:
        >>> import pendulum
        >>> env = ScalarEnv({"last_day": pendulum.Date(2023, 6, 1),
        ...                  "death_first_day": pendulum.Date(2024, 6, 1)})
        >>> years_surely_passed(env), years_surely_passed(ScalarEnv({}))
        (1, 0)
    """
    return _gains(env)[0]


def _days(col: Arr) -> Arr:
    return col if col.type == pa.date32() else pc.cast(col, pa.date32())


def _arrow_whole_years(start: Arr, end: Arr, leap: int) -> Arr:
    md_start = pc.add(pc.multiply(pc.month(start), 100), pc.day(start))
    md_start = pc.if_else(pc.equal(md_start, 229), leap, md_start)
    md_end = pc.add(pc.multiply(pc.month(end), 100), pc.day(end))
    before = pc.cast(pc.less(md_end, md_start), pa.int64())
    return pc.subtract(pc.subtract(pc.year(end), pc.year(start)), before)


def age_bounds(env: ScalarEnv, at_most: int | None = None) -> tuple[int | None, int | None]:
    """The least and greatest age at death ``victim_age`` and the dates allow.

    ``None`` where unbounded; ``at_most`` bounds the age at the incident instead of
    ``victim_age`` (from above only). ``victim_age_at_death`` is not read here.

    Example:
        >>> import pendulum
        >>> d = pendulum.Date(2023, 4, 10)
        >>> age_bounds(ScalarEnv({"victim_age": 17, "first_day": d, "last_day": d}))
        (17, None)
    """
    if at_most is None:
        lowest = highest = env.get("victim_age")
        if highest is None:
            return None, None
    else:
        lowest, highest = None, at_most
    fewest, most = _gains(env)
    return (
        None if lowest is None else lowest + fewest,
        None if most is None else highest + most,
    )


def coded_age_bounds(
    env: ScalarEnv, sixteen_plus: bool | None, infant: bool | None, under_13: bool | None = None
) -> tuple[int | None, int | None]:
    """The least and greatest age at death that what an offence code proves allows.

    An infanticide (``infant``) is the death of a child under twelve months: 0 at death.
    A victim under 13 at the offence (``under_13``: SOA 2003 ss.5-8) is at most 12 plus
    the birthdays the dates allow; one under 16 (``sixteen_plus`` false), at most 15 plus
    them; one of 16 or over, at least 16 plus those that surely fell.

    Example:
        >>> none = ScalarEnv({})
        >>> coded_age_bounds(none, False, False), coded_age_bounds(none, True, None)
        ((None, None), (16, None))
        >>> coded_age_bounds(ScalarEnv({}), None, True)
        (None, 0)
        >>> import pendulum
        >>> coded_age_bounds(ScalarEnv({"first_day": pendulum.Date(2023, 6, 1),
        ...     "death_last_day": pendulum.Date(2023, 6, 1)}), False, False, True)
        (None, 12)
    """
    if infant:
        return None, 0
    fewest, most = _gains(env)
    if under_13:
        return None, None if most is None else 12 + most
    if sixteen_plus is False:
        return None, None if most is None else 15 + most
    return (16 + fewest, None) if sixteen_plus else (None, None)


def arrow_years_surely_passed(env: ArrowEnv) -> Arr:
    """:func:`years_surely_passed` for a table: an ``int64`` array, never null.

    Example:
        >>> import pyarrow as pa
        >>> env = ArrowEnv({"last_day": pa.array([datetime.date(2023, 6, 1)]),
        ...                 "death_first_day": pa.array([datetime.date(2025, 6, 2)])}, {}, {}, 1)
        >>> arrow_years_surely_passed(env).to_pylist()
        [2]
    """
    return _arrow_gains(env)[0]


def _arrow_gains(env: ArrowEnv) -> tuple[Arr, Arr]:
    """:func:`_gains` for a table: the fewest birthdays (never null), the most (or null).

    Worked out once per table (kept in ``env``'s memo): every age-at-death node and check
    of a classification reads the same dates.
    """
    return _GAINS.arrow(env)  # type: ignore[no-any-return]


@attrs.frozen(slots=True, eq=False)
class _Gains(Expr):
    """The node of :func:`_arrow_gains`: its value is the pair of arrays (a table's only)."""

    def _arrow(self, env: ArrowEnv) -> Arr:
        return _arrow_gains_of(env)


_GAINS = _Gains()


def _arrow_gains_of(env: ArrowEnv) -> tuple[Arr, Arr]:
    """:func:`_arrow_gains`, worked out."""
    names = ("first_day", "last_day", "death_first_day", "death_last_day")
    first, last, died_first, died_last = (_days(env.col(f)) for f in names)
    fewest = pc.fill_null(pc.max_element_wise(_arrow_whole_years(last, died_first, _LATE), 0), 0)
    one = pa.scalar(1, pa.int32())
    next_day = pc.cast(pc.add(pc.cast(first, pa.int32()), one), pa.date32())
    most = pc.add(_arrow_whole_years(next_day, died_last, _EARLY), 1)
    return fewest, pc.if_else(pc.greater(next_day, died_last), pa.scalar(0, pa.int64()), most)


def arrow_age_bounds(
    env: ArrowEnv, at_most: int | None = None, *, gains: tuple[Arr, Arr] | None = None
) -> tuple[Arr, Arr]:
    """:func:`age_bounds` for a table: two ``int64`` arrays, null where unbounded.

    ``gains``: the birthdays the dates allow, if the caller has them already.

    Example:
        >>> import pyarrow as pa
        >>> env = ArrowEnv({"victim_age": pa.array([17])}, {}, {}, 1)
        >>> [a.to_pylist() for a in arrow_age_bounds(env)]
        [[17], [None]]
    """
    fewest, most = _arrow_gains(env) if gains is None else gains
    if at_most is None:
        age = env.col("victim_age")
        lowest = highest = age if age.type == pa.int64() else pc.cast(age, pa.int64())
    else:
        highest = pa.scalar(at_most, pa.int64())
        lowest = pa.nulls(env.length, pa.int64())
    return pc.add(lowest, fewest), pc.add(highest, most)


def arrow_age_conflicts(
    env: ArrowEnv, died: Arr, coded: tuple[Arr, Arr, Arr], words: tuple[str, str, str]
) -> tuple[tuple[Arr, str], ...]:
    """The rows whose ``victim_age_at_death`` the bounds or the code rule out, or nobody died.

    ``died`` is the incident's own death fact (``False`` where nobody died); ``coded`` the
    code's ``sixteen_plus``, ``infant`` and ``under_13`` (as :func:`coded_age_bounds`),
    each a boolean array (null where the code does not say); each mask is
    paired with its message of ``words`` (the conflicts' words live with the others).

    Example:
        >>> import pyarrow as pa
        >>> env = ArrowEnv({"victim_age": pa.array([30]),
        ...                 "victim_age_at_death": pa.array([29])}, {}, {}, 1)
        >>> died, none = pa.array([None], pa.bool_()), pa.array([None], pa.bool_())
        >>> words, coded = ("low", "code", "alive"), (none, none, none)
        >>> [(m.to_pylist(), w) for m, w in arrow_age_conflicts(env, died, coded, words)]
        [([True], 'low'), ([False], 'code'), ([False], 'alive')]
    """
    stated = env.col("victim_age_at_death")
    fewest, most = gains = _arrow_gains(env)  # the dates' arithmetic once, for both checks
    lowest, highest = arrow_age_bounds(env, gains=gains)
    beyond = pc.fill_null(pc.or_kleene(pc.less(stated, lowest), pc.greater(stated, highest)), False)
    sixteen_plus, infant, under_13 = coded
    low = pc.if_else(pc.fill_null(sixteen_plus, False), pc.add(fewest, 16), None)
    high = pc.if_else(pc.fill_null(pc.invert(sixteen_plus), False), pc.add(most, 15), None)
    high = pc.if_else(pc.fill_null(under_13, False), pc.add(most, 12), high)
    high = pc.if_else(pc.fill_null(infant, False), 0, high)
    by_code = pc.fill_null(pc.or_kleene(pc.less(stated, low), pc.greater(stated, high)), False)
    alive = pc.and_(pc.is_valid(stated), pc.fill_null(pc.equal(died, False), False))
    return (beyond, words[0]), (by_code, words[1]), (alive, words[2])


@attrs.frozen(slots=True, eq=False)
class BelowAtDeath(Expr):
    """The victim was younger than ``n`` at death (three-valued).

    ``victim_age_at_death``, where given, settles it. Otherwise the age at the incident is
    ``victim_age``; or, with ``at_most``, only known to be at most that (as an offence
    whose victim must be under 16 tells), so the node is then ``True`` or undetermined,
    never ``False``. See the module for the bounds.

    Example:
        >>> import pendulum
        >>> d = pendulum.Date(2020, 5, 1)
        >>> later = pendulum.Date(2023, 5, 1)
        >>> env = ScalarEnv({"victim_age": 17, "first_day": d, "last_day": d,
        ...                  "death_first_day": later, "death_last_day": later})
        >>> BelowAtDeath(18).scalar(env), BelowAtDeath(18, at_most=15).scalar(env)
        (False, None)
        >>> BelowAtDeath(18).scalar(ScalarEnv({"victim_age": 17, "victim_age_at_death": 18}))
        False
    """

    n: int
    at_most: int | None = None

    def _scalar(self, env: ScalarEnv) -> Tri:
        stated = env.get("victim_age_at_death")
        if stated is not None:
            return bool(stated < self.n)
        lowest, highest = age_bounds(env, self.at_most)
        if highest is not None and highest < self.n:
            return True
        if lowest is not None and lowest >= self.n:
            return False
        return None

    def _arrow(self, env: ArrowEnv) -> Arr:
        lowest, highest = arrow_age_bounds(env, self.at_most)
        below = pc.fill_null(pc.less(highest, self.n), False)
        above = pc.fill_null(pc.greater_equal(lowest, self.n), False)
        none = pa.scalar(None, pa.bool_())
        out = pc.if_else(below, True, pc.if_else(above, False, none))
        stated = env.col("victim_age_at_death")
        if stated.null_count == len(stated):
            return out
        return pc.if_else(pc.is_valid(stated), pc.less(stated, self.n), out)

    def fields(self) -> tuple[str, ...]:
        """The victim's ages (at the incident unless ``at_most``; at death) and the dates.

        Example:
            >>> BelowAtDeath(18).fields()
            ('victim_age', 'victim_age_at_death', 'date_of_death', 'date')
        """
        age = ("victim_age",) if self.at_most is None else ()
        return (*age, "victim_age_at_death", "date_of_death", "date")

    def reads(self) -> tuple[str, ...]:
        """The ages and the days read (the dates' days, not ``date``'s value).

        Example:
            >>> BelowAtDeath(18, at_most=15).reads()[:2]
            ('victim_age_at_death', 'first_day')
        """
        age = ("victim_age",) if self.at_most is None else ()
        days = ("first_day", "last_day", "death_first_day", "death_last_day")
        return (*age, "victim_age_at_death", *days)


_CODED = Given("offence_code")
# Infanticide Act 1938 s.1(1): the death of "a child under the age of twelve months", so
# a child at death whatever the dates
INFANTICIDE = All(_CODED, In("offence_code", frozenset({"4.2"})))


def younger_at_death(age: int) -> Expr:
    """The victim was younger than ``age`` at death (s.24(6)(a), s.26(1)(a), DVCVA s.9(1)).

    ``victim_age`` is the age at the incident; the age at death follows from it and the
    dates (``BelowAtDeath``): a victim of 17 who
    died months later may have turned 18. An offence whose victim must be under 16 (the
    child offences) bounds the age at the incident by 15, one under 13 (SOA 2003 ss.5-8)
    by 12, where ``victim_age`` is not given (only what the code proves is read, owhr42;
    infant42b); infanticide (4.2) settles it
    (a child under twelve months at death); one whose victim must be 16 or over rules
    out an ``age`` of 16 or less. The offence is read only where a code is given.

    Example:
        >>> from svduty.definitions._expr import ScalarEnv
        >>> younger_at_death(18).scalar(ScalarEnv({"victim_age": 30}))
        False
        >>> younger_at_death(18).scalar(ScalarEnv({"victim_age": 17})) is None
        True
    """
    expr: Expr = Any_(
        INFANTICIDE,
        BelowAtDeath(age),
        All(CODE_PROVES_UNDER_16, BelowAtDeath(age, at_most=15)),
        All(CHILD_UNDER_13, BelowAtDeath(age, at_most=12)),  # SOA 2003 ss.5-8
    )
    if age <= 16:  # what the code proves, not the age at the incident (owhr42)
        expr = All(expr, Not(CODE_PROVES_16))
    return expr
