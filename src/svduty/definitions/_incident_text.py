"""The converters of an incident's text fields: blanks, dates and GSS codes.

Split from :mod:`svduty.definitions._incident` (which keeps every other converter), so that
the incident stays one module under the size limit.

Example:
    >>> date(" 2024-02 "), location(" e01031012 "), blank("\u00a0")
    ('2024-02', 'E01031012', None)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pendulum

from svduty._blank import is_blank
from svduty._days import day_of
from svduty.definitions._field_words import DAY_OR_MONTH, GSS, found
from svduty.errors import DATA_SHAPE, DataError, describe, shown

__all__ = ["blank", "date", "date_of_death", "location", "place_of_death"]

_GSS = re.compile(r"^[EWSN]\d{8}$", re.ASCII)  # ASCII digits, as Arrow reads them
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_MONTH = re.compile(r"^\d{4}-\d{2}$", re.ASCII)


def blank(v: Any) -> Any:
    """Blank text is an absent value (police.uk writes no location as an empty field).

    Blank: spaces, or characters nobody can see (``svduty._blank``), as the columnar
    engine reads them.

    Example:
        >>> blank("  "), blank(" x ")
        (None, ' x ')
    """
    return None if isinstance(v, str) and is_blank(v) else v


def _day_or_month(field: str, v: str | dt.date | None) -> str | None:
    v = blank(v)
    if v is None:
        return None
    if isinstance(v, dt.datetime):  # its day in England and Wales if it has a zone
        return day_of(v, field).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    text = v.strip() if isinstance(v, str) else ""
    try:
        if _DAY.match(text):
            pendulum.Date.fromisoformat(text)
            return text
        if _MONTH.match(text) and 1 <= int(text[5:]) <= 12 and int(text[:4]) >= 1:
            return text
    except ValueError:
        pass
    # the incident's month may be shown, as police.uk's is; a death's is the person's
    shape = DATA_SHAPE if field == "date" else None
    got = (shown(v, shape=shape) if shape else describe(v)) if isinstance(v, str) else found(v)
    raise DataError.single(None, field, expected=DAY_OR_MONTH, got=got)


def date(v: str | dt.date | None) -> str | None:
    """The incident's ``date``: a day ``YYYY-MM-DD`` or a month ``YYYY-MM``.

    Example:
        >>> date(dt.date(2024, 2, 29)), date(None)
        ('2024-02-29', None)
    """
    return _day_or_month("date", v)


def date_of_death(v: str | dt.date | None) -> str | None:
    """The ``date_of_death``: a day or a month, as :func:`date`.

    Example:
        >>> date_of_death("2024-03")
        '2024-03'
    """
    return _day_or_month("date_of_death", v)


def _gss(field: str, v: str | None) -> str | None:
    v = blank(v)
    if v is None:
        return None
    text = v.strip().upper() if isinstance(v, str) else ""
    if not _GSS.match(text):
        got = shown(v, shape=DATA_SHAPE) if isinstance(v, str) else found(v)
        raise DataError.single(None, field, expected=GSS, got=got)
    return text


def location(v: str | None) -> str | None:
    """The incident's ``location``: a GSS code, upper case.

    Example:
        >>> location("w01001234")
        'W01001234'
    """
    return _gss("location", v)


def place_of_death(v: str | None) -> str | None:
    """The ``place_of_death``: a GSS code, upper case.

    Example:
        >>> place_of_death("E08000025")
        'E08000025'
    """
    return _gss("place_of_death", v)
