"""Where and when: the place and date expressions (district, England and Wales, a period).

Example:
    >>> from svduty.definitions._expr import ScalarEnv
    >>> InEnglandWales().scalar(ScalarEnv({"country": "Wales"}))
    True
"""

from __future__ import annotations

from typing import Any

import attrs
import pyarrow as _pa
import pyarrow.compute as _pc

from svduty.definitions._expr import ArrowEnv, Expr, ScalarEnv, Tri, _null_where

# The pyarrow stubs cannot type Kleene (null-as-undetermined) code; arrays are Any here.
pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["DateIn", "InArea", "InEnglandWales"]


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
