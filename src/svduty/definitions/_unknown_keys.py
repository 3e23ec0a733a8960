"""How an incident's unknown key is named in an error: shown only when it cannot be data.

A key is data too (a file's first row, a name typed as a key): a key that
:data:`~svduty.errors.SAFE_SHAPE` does not allow is described by its length, never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from svduty.errors import Problem, named

__all__ = [
    "field_spelt",
    "key_shown",
    "meant",
    "object_expected",
    "unknown_field",
    "unknown_keys",
]


_WORD = re.compile(r"[a-z]{1,30}")
"""A key shown as it is: one lowercase word, as a misspelt field name is (``weapn``)."""


def object_expected(data: object, what: str = "a JSON object") -> str:
    """What ``from_json`` expected, given ``data`` that is no mapping: text is told to parse.

    Example:
        >>> object_expected('{"id": "A-1"}')
        'a JSON object, parsed (json.loads(line)), not the text of one'
        >>> object_expected([1], "a JSON object of a classification")
        'a JSON object of a classification'
    """
    if isinstance(data, str | bytes | bytearray):
        return f"{what}, parsed (json.loads(line)), not the text of one"
    return what


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
    names = expected.removeprefix("one of ").split(", ") if expected.startswith("one of ") else []
    expected += meant(key, names)
    return Problem(message=message, file=file, row=row, field=field, expected=expected)


def unknown_keys(
    keys: Iterable[object],
    names: Sequence[str],
    *,
    file: str | None,
    row: int | None,
    listed: list[int | None] | None = None,
) -> list[Problem]:
    """The problems of an object's unknown keys: each named once, the fields listed once.

    Each key is named as :func:`key_shown` names it (never its value), with the field it
    likely means (:func:`meant`: ``weapn``, did you mean weapon?) instead of the list of
    ``names``; the list is given by the first key that suggests none, and not again: a
    later key (of this object, or of later lines when ``listed``, the row where the list
    was given, is carried over) says "listed above". Before mend52 each key gave the
    whole list: three unknown keys, the 31 incident fields three times.

    Example:
        >>> for p in unknown_keys(["weapn", "Jane Citizen", "foo"], ["id", "weapon"],
        ...                       file="in.jsonl", row=3):
        ...     print(p)
        in.jsonl: row 3: weapn: unknown field; expected an incident field (did you mean weapon?)
        in.jsonl: row 3: an unknown field (a name of 12 characters, not shown): expected one of id, weapon
        in.jsonl: row 3: foo: unknown field; expected an incident field (listed above, at row 3)
    """  # noqa: E501
    told = [] if listed is None else listed
    problems = []
    for key in keys:
        hint = meant(key, names)
        if hint or told:
            where = f", at row {told[0]:,}" if told and told[0] is not None else ""
            expected = "an incident field" + (hint or f" (listed above{where})")
        else:
            expected = "one of " + ", ".join(names)
            told.append(row)
        problems.append(unknown_field(key, expected, file=file, row=row))
    return problems


_SEPARATORS = re.compile(r"[^a-z0-9]+")
_POLICE_UK_OWN = frozenset({"Location", "Context"})
"""police.uk's own columns of a field's name, holding other things (a street, free text)."""
_POLICE_UK_MARKS = frozenset({"Crime ID", "Crime type", "LSOA code", "Falls within"})
"""Columns only police.uk's files have: beside them, ``Location`` and ``Context`` are its."""
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def field_spelt(name: str, fields: Iterable[str], columns: Iterable[str] = ()) -> str | None:
    """The field a column's name spells in other case or separators, if it is not one.

    ``Offence Code``, ``VICTIM-AGE`` and ``dateOfDeath`` are ``offence_code``,
    ``victim_age`` and ``date_of_death`` written otherwise: a header so written would give
    every row ``undetermined``, silently, as a column of another name passes through
    unread. Among police.uk's columns (``columns`` holds ``Crime type``, say), its
    ``Location`` (a street) and ``Context`` (free text) are its own, not the fields.

    Example:
        >>> fields = ("offence_code", "victim_age", "location")
        >>> field_spelt("Offence Code", fields), field_spelt("victim_age", fields)
        ('offence_code', None)
        >>> field_spelt("offenceCode", fields), field_spelt("Location", fields)
        ('offence_code', 'location')
        >>> field_spelt("Location", fields, ["Crime type", "Location"]) is None
        True
    """
    if name in fields:
        return None
    if name in _POLICE_UK_OWN and not _POLICE_UK_MARKS.isdisjoint(columns):
        return None
    key = _SEPARATORS.sub("_", _CAMEL.sub("_", name).lower()).strip("_")
    return key if key in fields else None


_PLACE = re.compile(
    r"(lsoa|msoa|oa|lad|ltla|utla|district|ward|postcode|location|place|area|gss)\d*"
    r"(cd|code|nm|name)?"
)
"""A word of a key that names a place (``lsoa_code``, ``LAD24CD``, ``district``), whole:
``location`` is the field that places an incident (``Edward`` holds no place)."""


_PERSONAL = re.compile(r"[0-9]{5}|@|[A-Z][a-z]|\s")
"""What makes a key personal data (long digits, an @, a capitalised name, a space): such
a key's error says nothing of its text, not even the field it may mean."""


def meant(key: object, names: Iterable[str]) -> str:
    """`` (did you mean FIELD?)`` for the field an unknown key most likely meant, or ``""``.

    ``location`` for a key that names a place, else a field it misspells (``weapn``),
    writes in other case or separators (``VICTIM-AGE``) or is the start of (``police_uk``:
    one field only, of four letters or more). Only a field's name is said,
    never the key's own text.

    Example:
        >>> names = ["victim_age", "weapon", "location", "date"]
        >>> meant("lsoa_code", names), meant("weapn", names), meant("VICTIM-AGE", names)
        (' (did you mean location?)', ' (did you mean weapon?)', ' (did you mean victim_age?)')
        >>> meant("Jane Citizen", names), meant("Edward Howard", names)
        ('', '')
        >>> meant("police_uk", ["police_uk_category", "victim_age"]), meant("vic", ["victim_age"])
        (' (did you mean police_uk_category?)', '')
    """
    import difflib  # only for a key no field has

    if not isinstance(key, str) or _PERSONAL.search(key):  # said of it as of any text
        return ""
    names = list(names)
    plain = _SEPARATORS.sub("_", key.lower()).strip("_")
    found = field_spelt(key, names)  # the field in another case or separators
    if found is None and "location" in names and any(map(_PLACE.fullmatch, plain.split("_"))):
        found = "location"
    if found is None:
        close = difflib.get_close_matches(plain, names, n=1, cutoff=0.8)
        found = close[0] if close else None
    if found is None and len(plain) >= 4:  # the start of one field's name: police_uk
        starts = [n for n in names if n.startswith(plain)]
        found = starts[0] if len(starts) == 1 else None
    return f" (did you mean {found}?)" if found else ""
