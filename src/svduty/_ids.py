"""The shape of an id: a short slug that cannot be a name, a phone number or a page of text.

The shape itself, used by the bundle loader (:mod:`svduty.io._ids` lists the fields that
hold ids) and by the models that list ids in their messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "BREAKS",
    "EXPECTED_AREA",
    "EXPECTED_ID",
    "EXPECTED_LINE",
    "ID_SHAPE",
    "MAX_ID",
    "MAX_LINE",
    "is_area_id",
    "is_gss_code",
    "is_id",
    "line_problem",
    "one_of",
]

BREAKS: re.Pattern[str] = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What one line of text (a name, a title) cannot hold: control characters, line or
paragraph separators, the controls that reorder text (a right-to-left override shows
a name other than it is), and lone surrogates: bytes that were not UTF-8, as Python reads
a command line's (``--title $'\\xe9cole'``), which no file can be written with (hostile55)."""

EXPECTED_LINE = "one line of text, without control characters"
"""What a name or title is (no :data:`BREAKS`), in the words of a problem's ``expected``."""

MAX_LINE = 500
"""The most characters a name or title holds (the longest name in the ONS tables has 77)."""


def line_problem(value: str) -> str | None:
    r"""What a name or title should have been, or ``None`` if it is one line of text.

    Example:
        >>> line_problem("Safer Warwickshire Partnership Board") is None
        True
        >>> line_problem("Board\x1b[31m"), line_problem("x" * 501)
        ('one line of text, without control characters', 'one line of text, at most 500 characters')
    """
    if BREAKS.search(value):
        return EXPECTED_LINE
    return f"one line of text, at most {MAX_LINE} characters" if len(value) > MAX_LINE else None


MAX_ID = 100
"""The longest id, in characters."""

ID_SHAPE: re.Pattern[str] = re.compile(
    r"""(?x)
    (?=.{1,100}\Z)                              # 1 to 100 characters
    (?!.*[0-9]{9})                              # no run of more than 8 digits
    [a-z0-9]+                                   # a word
    (?:(?:[-_]|(?<=[0-9])\.(?=[0-9]))[a-z0-9]+)*  # more, after a hyphen, an underscore,
    \Z                                          # or a dot between two digits
    """,
    re.ASCII,
)
"""An id: lower-case words joined by hyphens or underscores, at most 100 characters.

Example:
    >>> [bool(ID_SHAPE.match(v)) for v in ("warwickshire-police", "non_labour",
    ...     "council-report-4.3", "21-plus-skilled-mentors", "wpcc4-0025")]
    [True, True, True, True, True]
    >>> [bool(ID_SHAPE.match(v)) for v in ("Jane Smith 07700900123", "jane.smith",
    ...     "07700900123", "-a", "a--b", "a-", "GOV-REF", "x" * 101, "", "a\\n")]
    [False, False, False, False, False, False, False, False, False, False]
"""

_GSS = re.compile(r"[A-Z][0-9]{8}\Z", re.ASCII)

EXPECTED_ID = (
    "an id: lower-case letters and digits, in words joined by hyphens or underscores, "
    f"at most {MAX_ID} characters, with no more than 8 digits in a row"
)
"""What an id is, in the words of a problem's ``expected``."""

EXPECTED_AREA = "an area's GSS code (a capital letter and 8 digits, such as E07000222) or " + (
    EXPECTED_ID.removeprefix("an ")
)
"""What an area's id is, in the words of a problem's ``expected``."""


def is_id(value: object) -> bool:
    """Whether ``value`` is a string of :data:`ID_SHAPE`.

    Example:
        >>> is_id("chief-officers-group"), is_id("Chief Officers Group"), is_id(3)
        (True, False, False)
    """
    return isinstance(value, str) and ID_SHAPE.match(value) is not None


def is_gss_code(value: object) -> bool:
    """Whether ``value`` has a GSS code's shape: a capital letter and 8 ASCII digits.

    Example:
        >>> is_gss_code("E07000222"), is_gss_code("E0700022"), is_gss_code("E0800002٥")
        (True, False, False)
    """
    return isinstance(value, str) and _GSS.match(value) is not None


def is_area_id(value: object) -> bool:
    """Whether ``value`` names an area: a GSS code or an id (:data:`ID_SHAPE`).

    Example:
        >>> is_area_id("E07000222"), is_area_id("north-unitary"), is_area_id("e07 000222")
        (True, True, False)
    """
    return is_gss_code(value) or is_id(value)


def one_of(ids: Iterable[str], what: str = "id") -> str:
    """The ids a field may name, as a message lists them; one not of id shape is not shown.

    It is counted instead: a model built in Python may hold one (a bundle's ids are
    checked where the bundle is read).

    Example:
        >>> one_of({"knife_crime", "Jane Smith 07700900123", "gang"}, "kind")
        'one of gang, knife_crime (and 1 kind not shown)'
    """
    ids = set(ids)
    listed = sorted(i for i in ids if is_id(i))
    hidden = len(ids) - len(listed)
    more = f" (and {hidden} {what}{'s' * (hidden != 1)} not shown)" if hidden else ""
    return "one of " + ", ".join(listed) + more
