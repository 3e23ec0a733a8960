"""An area's own record: the periods it was a local government area (s.11(4)).

A partnership's geography dates some of its areas (Cumberland, a unitary from 1 April
2023); on a day none of an area's periods holds, it was not a local government area,
and no authority was one *for* it (s.11(6)). The rules that answer about such a day
(:func:`~svduty.authorities.specified_authorities_for` and the others) and the lists of
:class:`~svduty.authorities.Authorities` read the periods here.

Example:
    >>> from svduty.periods import Period
    >>> not_one_on({"E06000063": [Period("2023-04-01")]}.get, "E06000063", "2023-02-01")
    True
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import abc
from collections.abc import Callable, Iterable

from svduty._arguments import wrong_argument
from svduty.periods import Period, date

__all__ = ["not_one_on", "periods_of_area"]

_GSS = re.compile(r"[EWSNLKM]\d{8}")
_PERIODS = (
    "the periods of the area's record: an iterable of svduty.periods.Period (a list, a "
    "tuple), or None or nothing where the area has no record"
)


def periods_of_area(
    periods_of: Callable[[str], Iterable[Period] | None], code: str
) -> list[Period]:
    """What ``periods_of`` returns for ``code``: its periods, or an :class:`ArgumentError`.

    ``None`` is "not recorded" (no periods). Anything else not an iterable of
    :class:`~svduty.periods.Period` (a string, a date, one ``Period`` alone) is the
    caller's function's fault, named by what it was asked (a GSS code; another id is
    "an area") and what it gave (its type, never its value).

    Example:
        >>> periods_of_area(lambda c: None, "E07000901")
        []
        >>> periods_of_area(lambda c: "2023-04-01", "E07000901")
        Traceback (most recent call last):
        ...
        svduty.errors.ArgumentError: area_periods(E07000901): expected the periods of the area's record: an iterable of svduty.periods.Period (a list, a tuple), or None or nothing where the area has no record (got a str)
    """  # noqa: E501
    given: object = periods_of(code)
    where = f"area_periods({code if _GSS.fullmatch(code) else 'an area'})"
    if given is None:
        return []
    if isinstance(given, str | bytes) or not isinstance(given, abc.Iterable):
        raise wrong_argument(where, _PERIODS, given)
    periods = list(given)
    for i, one in enumerate(periods):
        if not isinstance(one, Period):
            raise wrong_argument(f"{where}[{i}]", "a svduty.periods.Period", one)
    return periods


def not_one_on(
    periods_of: Callable[[str], Iterable[Period] | None] | None,
    code: str,
    on: _dt.date | str | None,
) -> bool:
    """Whether the area's own record shows it was no local government area on ``on``.

    True only when a day is asked, the periods are known (``periods_of`` given and the
    area recorded with at least one period) and none of them holds that day. An area with
    no recorded period, or asked of no day, is not shown to be none: False.

    Example:
        >>> from svduty.periods import Period
        >>> periods = {"E06000063": [Period("2023-04-01")]}.get
        >>> not_one_on(periods, "E06000063", "2023-04-01"), not_one_on(periods, "E07000901", "2023-02-01")
        (False, False)
        >>> not_one_on(periods, "E06000063", None), not_one_on(None, "E06000063", "2023-02-01")
        (False, False)
    """  # noqa: E501
    if on is None or periods_of is None:
        return False
    periods = periods_of_area(periods_of, code)
    day = date(on)
    return bool(periods) and not any(day in p for p in periods)
