"""How an incident's unknown key is named in an error: shown only when it cannot be data.

A key is data too (a file's first row, a name typed as a key): a key that
:data:`~svduty.errors.SAFE_SHAPE` does not allow is described by its length, never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from svduty.errors import Problem, named

__all__ = ["field_spelt", "key_shown", "unknown_field"]


_WORD = re.compile(r"[a-z]{1,30}")
"""A key shown as it is: one lowercase word, as a misspelt field name is (``weapn``)."""


def key_shown(key: object) -> str:
    """An unknown key as an error names it: shown only when it is one lowercase word.

    A key is data too (a file's first row, a name typed as a key): words joined by a
    hyphen or an underscore (``mary-jones``, ``john_smith``), digits, capitals or spaces
    make it an unknown field of a stated length.

    Example:
        >>> key_shown("weapn"), key_shown("john_smith"), key_shown("mary-jones")
        ('weapn', 'an unknown field (a name of 10 characters, not shown)', 'an unknown field (a name of 10 characters, not shown)')
    """  # noqa: E501
    if isinstance(key, str) and _WORD.fullmatch(key):
        return key
    if isinstance(key, str):
        return (
            f"an unknown field (a name of {len(key)} character{'s' * (len(key) != 1)}, not shown)"
        )
    return f"an unknown field {named(key)}"


def unknown_field(key: object, expected: str, *, file: str | None, row: int | None) -> Problem:
    """The problem of an unknown key: ``weapn: unknown field``, or one not shown.

    Example:
        >>> print(unknown_field("Jane Citizen", "one of id, date", file="in.jsonl", row=3))
        in.jsonl: row 3: an unknown field (a name of 12 characters, not shown): expected one of id, date
    """  # noqa: E501
    field = key_shown(key)
    message = "unknown field" if field == key else ""
    return Problem(message=message, file=file, row=row, field=field, expected=expected)


_SEPARATORS = re.compile(r"[^a-z0-9]+")
_POLICE_UK_OWN = frozenset({"Location", "Context"})
"""police.uk's own columns of a field's name, holding other things (a street, free text)."""


def field_spelt(name: str, fields: Iterable[str]) -> str | None:
    """The field a column's name spells in other case or separators, if it is not one.

    ``Offence Code`` and ``VICTIM-AGE`` are ``offence_code`` and ``victim_age`` written
    otherwise: a header so written would give every row ``undetermined``, silently, as
    a column of another name passes through unread. police.uk's ``Location`` (a street)
    and ``Context`` (free text) are its own columns, not the fields.

    Example:
        >>> fields = ("offence_code", "victim_age")
        >>> field_spelt("Offence Code", fields), field_spelt("victim_age", fields)
        ('offence_code', None)
        >>> field_spelt("notes", fields) is None, field_spelt("Location", ("location",)) is None
        (True, True)
    """
    if name in fields or name in _POLICE_UK_OWN:
        return None
    key = _SEPARATORS.sub("_", name.lower()).strip("_")
    return key if key in fields else None
