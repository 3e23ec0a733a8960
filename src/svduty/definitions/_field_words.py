"""What each incident field expects, in words, written once for every reader.

The words say what the JSON schema of incidents (``incident/3.json``) documents for the
field: its words in the schema's order, its pattern by example, its range. Every reader
of incidents says them alike: :class:`~svduty.definitions.Incident` (``svduty explain``,
``Incident.from_json``), the JSON Lines reader of ``svduty classify`` (a value of the
wrong JSON type) and the columnar engine (a word, a code or a date it does not know).
What was found is said by its kind (:func:`found`), never by its value.

Example:
    >>> from svduty.definitions._vocab import Weapon
    >>> one_of(Weapon)
    "one of 'none', 'knife', 'firearm', 'corrosive', 'other'"
    >>> found("19"), found(True), found([["physical"]])
    ('a string of 2 characters, not shown', 'true or false', 'a list of 1 item')
    >>> in_list(["physical", ["physical"]])
    'a list holding a list of 1 item'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable

from svduty.errors import Described, describe

__all__ = [
    "CATEGORY",
    "CODE",
    "DAY_OR_MONTH",
    "GSS",
    "LIST",
    "YES_NO",
    "found",
    "in_list",
    "one_of",
]

YES_NO = "true or false"
"""A yes/no field (schema: ``boolean``)."""
LIST = "a list of words"
"""A list field given something other than a list of text (schema: ``array`` of strings)."""
DAY_OR_MONTH = "a date YYYY-MM-DD or a month YYYY-MM"
"""``date`` and ``date_of_death`` (schema: a ``date``, or a month's pattern)."""
GSS = "a GSS code such as E01031012 or E07000218"
"""``location`` and ``place_of_death`` (schema: the pattern ``^[EWSN]\\d{8}$``)."""
CODE = "a Home Office offence code such as '8N' or '105A'"
"""``offence_code`` (schema: the codes' pattern)."""
CATEGORY = "one of the police.uk crime types, such as 'Public order'"
"""``police_uk_category`` (schema: the crime types, as police.uk's files and API spell them)."""


@functools.cache
def one_of(cls: type[enum.Enum]) -> str:
    """A word field (or a list field's word): its words, as the schema lists them.

    Example:
        >>> from svduty.definitions._vocab import Target
        >>> one_of(Target).startswith("one of 'self', 'person'")
        True
    """
    return "one of " + ", ".join(repr(m.value) for m in cls)


def found(value: object) -> Described:
    """What kind of value was found: its type and size, never the value.

    Example:
        >>> found(131), found({})
        ('a number of 3 digits, not shown', 'a table of 0 keys')
    """
    return describe(value)


def in_list(items: Iterable[object]) -> Described:
    """What a list field held that is not text: the first such item, by its kind.

    Example:
        >>> in_list(["physical", 3])
        'a list holding a number of 1 digit, not shown'
    """
    odd = next((v for v in items if not isinstance(v, str)), None)
    return Described(f"a list holding {found(odd)}")
