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
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any

__all__ = [
    "DATA_SHAPE",
    "SAFE_SHAPE",
    "Described",
    "PrintableLines",
    "Shown",
    "describe",
    "named",
    "printable",
    "quote",
    "quote_keys",
    "shown",
]

SAFE_SHAPE: re.Pattern[str] = re.compile(
    r"""(?x)
    (?![^0-9]*(?:[0-9][^0-9]*){9})                # at most 8 digits in all
    (?: [-+]?[0-9]{1,4}(?:\.[0-9]{1,2})?            # a short number: 131, -1, 17.5
      | [EKLMNSWeklmnsw][0-9]{8}                  # a GSS code: E01031012, W06000015
      | [0-9]{4}-[0-9]{2}(?:-[0-9]{2})?           # an ISO day or month: 2023-02-30, 2023-13
      | [0-9]{4}/[0-9]{2}                         # a financial year: 2023/24
      | -?£[0-9]{1,3}(?:,[0-9]{3})?(?:\.[0-9]{2})? # an amount up to £999,999.99
      | [0-9]{1,2}-[0-9]{1,2}                     # a range of ages: 11-16
      | (?=[^a-z]*[a-z])                          # a word or an id of words: rugby, knife,
        (?:[a-z]+|[0-9]{1,4})(?:-(?:[a-z]+|[0-9]{1,4}))*  # chief-officers-group, pcsc-act-2022
    )
    """
)
"""The shapes a value may have to be shown without a stated vocabulary or shape.

Only shapes that cannot identify a person, at most 40 characters and 8 digits: a short
number (an age out of range), a GSS code, an ISO day or month, a financial year, a
modest amount, and lowercase words joined by hyphens (a keyword or an id), where a
number among the words has at most 4 digits. Never text with spaces, capitals, ``@``,
dots or underscores (a name, an e-mail address, a user name, a postcode, a vehicle
registration), nor a run of 5 or more digits (a phone, NHS or account number).

Example:
    >>> [bool(SAFE_SHAPE.fullmatch(v)) for v in ("E07000218", "rugby", "131", "2023-02-30",
    ...                                          "chief-officers-group", "pcsc-act-2022")]
    [True, True, True, True, True, True]
    >>> [bool(SAFE_SHAPE.fullmatch(v)) for v in ("Jane Citizen", "jane.smith", "john_smith",
    ...     "7700900123", "nhs9434765919", "CV34 4RL", "a@b.uk", "12/03/1985", "AB12CDE")]
    [False, False, False, False, False, False, False, False, False]
"""

DATA_SHAPE: re.Pattern[str] = re.compile(
    r"""(?x)
      [-+]?[0-9]{1,3}(?:\.[0-9]{1,2})?       # a number of at most 3 digits: an age of 131, -1
    | [EKLMNSWeklmnsw][0-9]{8}              # a GSS code's shape (E0103101X is not; nor A12345678)
    | [0-9]{4}-[0-9]{2}                     # an ISO month: 2025-13 (police.uk's Month)
    """
)
"""The shapes a bad value of a record (an incident, a police.uk row) may have to be shown.

Stricter than :data:`SAFE_SHAPE`, because a record's values are where personal data is:
never a word (a word outside a field's vocabulary may be a name: ``smith``,
``jane-smith``), nor a number of 4 digits or more (a year of birth, a phone number), nor
a day (``1985-31-12``: a date of birth or death with its day and month swapped).

Example:
    >>> [bool(DATA_SHAPE.fullmatch(v)) for v in ("131", "-1", "E0103101", "E01031012",
    ...                                          "2025-13", "1985-31-12")]
    [True, True, False, True, True, False]
    >>> [bool(DATA_SHAPE.fullmatch(v)) for v in ("smith", "jane-smith", "1985", "07700900123",
    ...                                          "A12345678")]
    [False, False, False, False, False]
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
        ['an empty string', 'a string of 1 character, not shown', 'a number of 2 digits, not shown', 'true or false', 'a list of 2 items', 'a table of 1 key', 'nothing']
        >>> describe(7700900123), describe(float("inf"))
        ('a number of 10 digits, not shown', 'a number, not shown')
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
        text = _number(value)
    elif isinstance(value, _dt.date | _dt.time):
        text = "a date or time, not shown"
    elif isinstance(value, Mapping):
        n = len(value)
        text = f"a table of {n} key{'s' * (n != 1)}"
    elif isinstance(value, list | tuple | set | frozenset):
        n = len(value)
        text = f"a list of {n} item{'s' * (n != 1)}"
    elif isinstance(value, bytes | bytearray):
        text = f"{len(value)} byte{'s' * (len(value) != 1)}, not shown"
    else:
        text = f"a value of type {type(value).__name__}, not shown"
    return Described(text)


def _number(value: int | float | Decimal) -> str:
    """A number described by its count of digits, when it is written without an exponent."""
    try:
        text = str(value)
    except ValueError:  # an int of more digits than Python writes
        return "a number, not shown"
    if not text.lstrip("-").replace(".", "", 1).isdigit():  # inf, nan, 1e+20: no digit count
        return "a number, not shown"
    n = sum(c.isdigit() for c in text)
    return f"a number of {n} digit{'s' * (n != 1)}, not shown"


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
        try:
            text = str(value)
        except ValueError:  # an int of more digits than Python writes
            return describe(value)
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


def named(value: object, what: str = "a name") -> str:
    """A name or an id as a sentence names it: itself if safe to show, else its size.

    For the names and ids of a message that are not a ``got`` (an unknown key, the id of
    a body in a finding): shown as they are when ``SAFE_SHAPE`` allows, otherwise
    described in parentheses by ``what`` they are and their length.

    Args:
        value: The name or id, usually a string.
        what: What it is, with its article: ``"a name"``, ``"an id"``.

    Example:
        >>> named("chief-officers-group"), named("john_smith")
        ('chief-officers-group', '(a name of 10 characters, not shown)')
        >>> named("Jane Smith 07700900123", "an id"), named(None)
        ('(an id of 22 characters, not shown)', '(nothing)')
    """
    if isinstance(value, str):
        if isinstance(shown(value), Shown) or _long_words(value):
            return value
        n = len(value)
        return f"({what} of {n} character{'s' * (n != 1)}, not shown)"
    return f"({describe(value)})"


def _long_words(value: str) -> bool:
    """Whether ``value`` is lowercase words joined by hyphens, as long as an id may be.

    An id of words (``nhs-greater-manchester-integrated-care-board``, 44 characters) is
    named, in a message that is not a ``got``, up to the 100 characters an id may have:
    the shape, not the length, keeps a person's details out.

    Example:
        >>> _long_words("nhs-greater-manchester-integrated-care-board"), _long_words("Jane-Smith")
        (True, False)
    """
    return len(value) <= 100 and SAFE_SHAPE.fullmatch(value) is not None


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNPRINTED = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))
"""Control and format characters, line and paragraph separators, lone surrogates."""


def printable(text: str) -> str:
    r"""Text from the input as a terminal may show it: control characters escaped.

    For text a person reads (``svduty explain``): an escape sequence or a line break in an
    incident's id is written as ``\x1b`` or ``\n``, as ``repr`` writes it, so it can
    neither drive the terminal nor fake a line. JSON output escapes them itself.

    Example:
        >>> print(printable("x\x1b[31mRED\nFAKE LINE"))
        x\x1b[31mRED\nFAKE LINE
        >>> printable("a1 — café"), printable("\u202egnp.exe")
        ('a1 — café', '\\u202egnp.exe')
    """
    if text.isprintable():
        return text
    return "".join(
        _ESCAPES.get(c) or repr(c)[1:-1] if unicodedata.category(c) in _UNPRINTED else c
        for c in text
    )


def _screen(value: object) -> Shown | Described | None:
    """The ``got`` of a :class:`Problem`: shown when safe, otherwise described."""
    if value is None:
        return None
    return shown(value)


class PrintableLines:
    r"""A text stream that writes each line through :func:`printable`.

    For a command's text output built from names and titles a bundle or the command line
    gave (a title holding an escape code or a right-to-left override is shown escaped).

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> print("Leeds \u202eevil", "ok", sep="\n", file=PrintableLines(out))
        >>> out.getvalue()
        'Leeds \\u202eevil\nok\n'
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, each line's characters that do not print escaped."""
        return int(self.stream.write("\n".join(printable(line) for line in text.split("\n"))))

    def flush(self) -> None:
        """Flush the stream."""
        self.stream.flush()
