"""Showing a value in an error message only when it cannot be personal data.

A value is shown when it belongs to a closed vocabulary or has exactly the expected shape
(``SAFE_SHAPE`` by default); otherwise it is *described* (its type and length), never
shown. :mod:`svduty.errors` re-exports every public name here.

Example:
    >>> str(shown("Jane Citizen"))
    'a string of 12 characters, not shown'
    >>> str(shown("E07000218"))
    'E07000218'
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal

__all__ = ["SAFE_SHAPE", "Described", "Shown", "describe", "quote", "quote_keys", "shown"]

SAFE_SHAPE: re.Pattern[str] = re.compile(
    r"""(?x)
      [A-Z]{1,3}[0-9]{1,10}                       # a code: E07000218, E0700021, W06
    | [a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*           # an id or keyword: rugby, s13_violence
    | [-+]?[0-9]{1,15}(?:\.[0-9]{1,15})?          # a number: 131, -5, 0.25
    | -?£[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]{2})?  # an amount: £150, £1,234.50
    | [0-9]{4}/[0-9]{2}                           # a financial year: 2023/24
    """
)
"""The shapes a value may have to be shown without a stated vocabulary or shape.

Codes, ids, numbers and amounts, at most 40 characters; never text with spaces, capitals
after the first letters, or dates (a date is shown only where a date was expected).

Example:
    >>> [bool(SAFE_SHAPE.fullmatch(v)) for v in ("E07000218", "rugby", "Jane Citizen",
    ...                                          "12/03/1985", "DOB 1985-03-12")]
    [True, True, False, False, False]
"""

_MAX_SHOWN = 40


class Shown(str):
    """A value checked safe to show: in a closed vocabulary, or of an expected shape.

    Build one with :func:`shown`; a :class:`Problem` shows it in quotes.

    Example:
        >>> shown("rugby", vocabulary=["rugby", "warwick"])
        'rugby'
        >>> isinstance(shown("rugby", vocabulary=["rugby"]), Shown)
        True
    """

    __slots__ = ()


class Described(str):
    """What a value that is not shown was: its type and size, never the value.

    Example:
        >>> describe("Jane Citizen")
        'a string of 12 characters, not shown'
        >>> isinstance(describe(3), Described)
        True
    """

    __slots__ = ()


def describe(value: object) -> Described:
    """Describe a value by its type and size without showing it.

    Example:
        >>> [describe(v) for v in ("", "x", 1.5, True, [1, 2], {"a": 1}, None)]
        ['an empty string', 'a string of 1 character, not shown', 'a number, not shown', 'true or false', 'a list of 2 items', 'a table of 1 key', 'nothing']
    """  # noqa: E501
    if isinstance(value, Described):
        return value
    if value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "true or false"
    elif isinstance(value, str):
        n = len(value)
        text = f"a string of {n} character{'s' * (n != 1)}, not shown" if n else "an empty string"
    elif isinstance(value, int | float | Decimal):
        text = "a number, not shown"
    elif isinstance(value, _dt.date | _dt.time):
        text = "a date or time, not shown"
    elif isinstance(value, Mapping):
        n = len(value)
        text = f"a table of {n} key{'s' * (n != 1)}"
    elif isinstance(value, list | tuple | set | frozenset):
        n = len(value)
        text = f"a list of {n} item{'s' * (n != 1)}"
    elif isinstance(value, bytes | bytearray):
        text = f"{len(value)} bytes, not shown"
    else:
        text = f"a value of type {type(value).__name__}, not shown"
    return Described(text)


def shown(
    value: object,
    *,
    vocabulary: Collection[object] | None = None,
    shape: str | re.Pattern[str] | None = None,
) -> Shown | Described:
    r"""The value if it is safe to show, else a description of it.

    A value is safe when it is in ``vocabulary`` (a closed set of words), or when its text
    matches ``shape`` exactly. With neither given, ``SAFE_SHAPE`` is the shape. Text
    longer than 40 characters is never shown.

    Args:
        value: The offending value, of any type.
        vocabulary: The closed set of values the field accepts.
        shape: A regular expression the whole value must match.

    Example:
        >>> shown("Jane Citizen", vocabulary=["knife", "firearm"])
        'a string of 12 characters, not shown'
        >>> shown("2023-02-30", shape=r"\d{4}-\d{2}-\d{2}")
        '2023-02-30'
        >>> shown("12/03/1985", shape=r"\d{4}-\d{2}-\d{2}")
        'a string of 10 characters, not shown'
        >>> shown(131), shown(float("nan"))
        ('131', 'a number, not shown')
    """
    if isinstance(value, Shown | Described):
        return value
    if isinstance(value, bool) or value is None:
        return describe(value)
    if vocabulary is not None:
        try:
            known = value in vocabulary
        except TypeError:  # an unhashable value in a set
            known = False
        if known and isinstance(value, str | int) and len(str(value)) <= _MAX_SHOWN:
            return Shown(str(value))
        if shape is None:
            return describe(value)
    if isinstance(value, int | Decimal) or (isinstance(value, float) and not math.isnan(value)):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        return describe(value)
    pattern = SAFE_SHAPE if shape is None else re.compile(shape)
    if len(text) <= _MAX_SHOWN and pattern.fullmatch(text):
        return Shown(text)
    return describe(value)


def quote(
    value: object,
    *,
    vocabulary: Collection[object] | None = None,
    shape: str | re.Pattern[str] | None = None,
) -> str:
    """The value in quotes for a message if it is safe to show, else its description.

    For messages that name a value in a sentence (``f"no body with id {quote(x)}"``).

    Example:
        >>> quote("rugby"), quote("Jane Citizen")
        ("'rugby'", 'a string of 12 characters, not shown')
    """
    safe = shown(value, vocabulary=vocabulary, shape=shape)
    return repr(str(safe)) if isinstance(safe, Shown) else str(safe)


def quote_keys(keys: Iterable[object], vocabulary: Collection[object] | None = None) -> str:
    """Name keys (unknown JSON or TOML keys, CSV headers) without showing unsafe ones.

    Example:
        >>> quote_keys(["weapn", "Jane Citizen", "DOB 1985-03-12"])
        'weapn and 2 keys not shown (of 14 and 12 characters)'
        >>> quote_keys(["Ø"])
        '1 key not shown (of 1 character)'

    """
    safe: list[str] = []
    hidden: list[int] = []
    for key in sorted(keys, key=str):
        q = shown(key, vocabulary=vocabulary)
        if isinstance(q, Shown):
            safe.append(str(q))
        else:
            hidden.append(len(key) if isinstance(key, str) else 0)
    parts = [", ".join(safe)] if safe else []
    if hidden:
        sizes = " and ".join(str(n) for n in hidden[:5]) + (", ..." if len(hidden) > 5 else "")
        word = "key" if len(hidden) == 1 else "keys"
        unit = "character" if hidden == [1] else "characters"
        parts.append(f"{len(hidden)} {word} not shown (of {sizes} {unit})")
    return " and ".join(parts) or "no keys"


def _screen(value: object) -> Shown | Described | None:
    """The ``got`` of a :class:`Problem`: shown when safe, otherwise described."""
    if value is None:
        return None
    return shown(value)
