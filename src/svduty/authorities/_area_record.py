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
from svduty.answers import Reason
from svduty.areas._earlier import EarlierArea, earlier_areas
from svduty.authorities._answering import DAY_ASKED
from svduty.periods import Period, date

__all__ = ["abolished", "gone_by", "not_one_on", "periods_of_area"]

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

    True only when a day is asked, ``periods_of`` is given and either the area is
    recorded with at least one period, none of which holds that day, or it has no
    recorded period and svduty knows it was abolished by that day (:func:`abolished`:
    Aylesbury Vale from 1 April 2020). Any other area with no recorded period, or one
    asked of no day, is not shown to be none: False.

    Example:
        >>> from svduty.periods import Period
        >>> periods = {"E06000063": [Period("2023-04-01")]}.get
        >>> not_one_on(periods, "E06000063", "2023-04-01"), not_one_on(periods, "E07000901", "2023-02-01")
        (False, False)
        >>> not_one_on(periods, "E06000063", None), not_one_on(None, "E06000063", "2023-02-01")
        (False, False)
        >>> not_one_on(periods, "E07000004", "2024-06-01"), not_one_on(periods, "E07000004", "2020-03-31")
        (True, False)
    """  # noqa: E501
    if on is None or periods_of is None:
        return False
    periods = periods_of_area(periods_of, code)
    day = date(on)
    if not periods:
        gone = abolished(code)
        return gone is not None and day >= gone.ceased
    return not any(day in p for p in periods)


def abolished(code: str) -> EarlierArea | None:
    """The district or unitary svduty knows was abolished in 2019-2021 by this code, if any.

    Its record (the day it ceased, the order's article) is packaged
    (:func:`~svduty.areas._earlier.earlier_areas`); the rules read it for an area a
    bundle holds no period of. A county of those orders is never asked about here: a
    county is no local government area on any day (s.11(4)).

    Example:
        >>> a = abolished("E07000154")
        >>> a.name, str(a.ceased), a.citation.provision
        ('Northampton', '2021-04-01', 'art 4(5)')
        >>> abolished("E07000901") is None, abolished("E10000021") is None
        (True, True)
    """
    area = earlier_areas().get(code)
    return None if area is None or code.startswith("E10") else area


def gone_by(code: str, on: _dt.date | str | None) -> Reason | str | None:
    """An area svduty knows was abolished in 2019-2021: why it was none on ``on``.

    Asked of a day from its abolition, the reason of a ``no`` (s.11(4)), cited to the
    order's article; asked of no day, the day as a missing fact (its record ends); asked
    of a day before, nothing: whether it was one then is left to the caller (its record's
    start is not known here).

    Example:
        >>> gone_by("E07000053", "2024-06-01").says
        'E07000053 (Weymouth and Portland) was not a local government area on 2024-06-01: abolished on 2019-04-01 by the Bournemouth, Dorset and Poole (Structural Changes) Order 2018 (SI 2018/648), art 9(1)'
        >>> gone_by("E07000053", None)
        'on (the day asked: the record of E07000053 as a local government area ends on 2019-04-01, the day the Bournemouth, Dorset and Poole (Structural Changes) Order 2018 (SI 2018/648), art 9(1) abolished Weymouth and Portland)'
        >>> gone_by("E07000053", "2019-03-31") is None, gone_by("E07000901", "2024-06-01") is None
        (True, True)
    """  # noqa: E501
    area = abolished(code)
    if area is None:
        return None
    if on is None:
        return (
            f"{DAY_ASKED}: the record of {code} as a local government area ends on "
            f"{area.ceased}, the day {area.order} abolished {area.name})"
        )
    day = date(on)
    if day < area.ceased:
        return None
    return Reason(
        "s.11(4)",
        f"{code} ({area.name}) was not a local government area on {day}: abolished on "
        f"{area.ceased} by {area.order}",
        area.citation,
    )
