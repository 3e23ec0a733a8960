"""The columns of an incident CSV or Parquet file, renamed by ``--map`` and checked.

Split from :mod:`svduty.io._incident_tables`: which columns a file's header may have.
"""

from __future__ import annotations

import re
from pathlib import Path

from svduty.definitions._unknown_keys import field_spelt
from svduty.errors import InputFormatError, Problem, Shown, named, shown
from svduty.io._incident_fields import _KIND, INCIDENT_SCHEMA
from svduty.io._inputs import POLICE_UK_COLUMNS, other_police_uk_file, other_separator
from svduty.io._output import INCIDENT_OUTPUT_SCHEMA

__all__: list[str] = []

_OWN = frozenset(INCIDENT_OUTPUT_SCHEMA.names) - frozenset(INCIDENT_SCHEMA.names)
"""The columns svduty gives an incident (file, row, rejected..., areas, verdicts)."""


_WORKING = re.compile(r"__svduty[a-z_]{0,30}")
"""The names of svduty's working columns (``__svduty_place__``), which no file may use."""


def column_named(name: str, i: int) -> str:
    """A column as a reason names it: a name svduty knows or a safe one, else its place.

    A file without a header has a row of data where the names would be, so a name is
    shown only when it is an incident field, one of svduty's own or working columns, one
    of police.uk's published column names (its header is a public schema, not personal
    data: a repeated ``Month`` is named), or of :data:`~svduty.errors.SAFE_SHAPE`.

    Example:
        >>> column_named("victim_age", 0), column_named("weapn", 1), column_named("john_smith", 2)
        ('victim_age', 'weapn', 'column 3 (its name not shown)')
        >>> column_named("Month", 12), column_named("Jane Citizen", 12)
        ('Month', 'column 13 (its name not shown)')
        >>> column_named("__svduty_place__", 3)
        '__svduty_place__'

    """
    own = name in INCIDENT_OUTPUT_SCHEMA.names or name in POLICE_UK_COLUMNS
    if own or _WORKING.fullmatch(name) or isinstance(shown(name), Shown):
        return name
    return f"column {i + 1} (its name not shown)"


_FIELDS = ", ".join(INCIDENT_SCHEMA.names)
_NEITHER = (
    f"the incident fields (one or more of {_FIELDS}) as columns, or named by --map "
    f"COLUMN=FIELD; a police.uk street-level file has exactly the 12 columns "
    f"{','.join(POLICE_UK_COLUMNS)}"
)


def _respelt(names: list[str]) -> str:
    """What a header with no incident field was expected to be, and what it may be instead.

    A spreadsheet saves its "CSV" with ``;`` or tabs between the fields in some locales,
    or adds an empty column after the last: said first, as the likelier slip.

    Example:
        >>> _respelt([";".join(POLICE_UK_COLUMNS)])[:60]
        "comma-separated values (this header's fields are separated b"
        >>> _respelt([*POLICE_UK_COLUMNS, ""])[:52]
        "police.uk's 12 columns and nothing else (this header"
        >>> print(_respelt(["ID", "DATE", "OFFENCE_CODE"]))
        the incident fields as svduty spells them, in lower case with underscores (this header's ID, DATE, OFFENCE_CODE spell id, date, offence_code otherwise: rename the columns, or give --map ID=id --map DATE=date --map OFFENCE_CODE=offence_code)
    """  # noqa: E501
    if len(names) == 1 and (said := other_separator(names[0], _KIND.keys())):
        return (
            f"comma-separated values (this header's fields are separated by {said}: "
            "save the file as CSV, comma delimited)"
        )
    n = len(POLICE_UK_COLUMNS)
    if names[:n] == list(POLICE_UK_COLUMNS) and len(names) > n and not any(names[n:]):
        return (
            "police.uk's 12 columns and nothing else (this header has empty ones after "
            "them: a spreadsheet's trailing comma?)"
        )
    spelt = [(n, f) for n in names if (f := field_spelt(n, _KIND, names)) is not None]
    if spelt:  # ID, DATE, OFFENCE_CODE: the fields in other case (a name a field's: shown)
        import shlex

        given = ", ".join(n for n, _ in spelt)
        fields = ", ".join(f for _, f in spelt)
        maps = " ".join(
            f"--map={m}" if m.startswith("-") else f"--map {m}"
            for m in (shlex.quote(f"{n}={f}") for n, f in spelt)
        )
        return (
            "the incident fields as svduty spells them, in lower case with underscores (this "
            f"header's {given} spell {fields} otherwise: rename the columns, or give {maps})"
        )
    return _NEITHER


def _mapped_names(p: Path, names: list[str], mapping: dict[str, str]) -> list[str]:
    """The file's columns renamed by ``mapping``; two columns may not give one name.

    A column may not be named like one svduty gives an incident (nor start ``__svduty``,
    its working columns), at least one must be an incident field, and none may spell one
    otherwise (``Offence Code``: it would pass through unread) unless that field is there.
    """
    for source, target in mapping.items():
        column = named(source, "a --map column")  # typed by hand: it may be anything
        if source not in names:
            raise InputFormatError(
                Problem(file=str(p), field=column, message="mapped column not in the file")
            )
        if target not in _KIND:
            raise InputFormatError(
                Problem(file=str(p), field=column, expected="an incident field name")
            )
    renamed = [mapping.get(n, n) for n in names]
    seen: set[str] = set()
    for i, (original, name) in enumerate(zip(names, renamed, strict=True)):
        if name in seen or name in _OWN or name.startswith("__svduty"):
            raise InputFormatError(
                Problem(
                    file=str(p),
                    field=column_named(original, i),
                    expected="one column per name (a repeated column name, two --map to one "
                    "field, or a column named like svduty's own file/row/rejected columns "
                    "or the area and verdict columns it adds)",
                )
            )
        seen.add(name)
    if not seen & _KIND.keys():  # no incident field: not an incident file (nor police.uk)
        if list(names) == list(POLICE_UK_COLUMNS):  # a police.uk month, read as incidents
            said = (
                "police.uk's 12 columns, read as incidents: police.uk months are read as the "
                "CSV files police.uk publishes (not Parquet), one kind of file a run (classify "
                "them apart from incident files)"
            )
            raise InputFormatError(Problem(file=str(p), field="header", message=said))
        if other := other_police_uk_file(names):
            said = f"{other}: svduty reads the street-level file of a month's download"
            raise InputFormatError(Problem(file=str(p), field="header", message=said))
        raise InputFormatError(Problem(file=str(p), field="header", expected=_respelt(names)))
    for original, name in zip(names, renamed, strict=True):  # 'Offence Code', unread
        if (field := field_spelt(name, _KIND, names)) is not None and field not in seen:
            import shlex  # the option as a shell takes it, whatever the name holds

            given = shlex.quote(original + "=" + field)  # --map=-x=f: -x is no option
            option = f"--map={given}" if given.startswith("-") else f"--map {given}"
            expected = f"the field's own name, {field} (or {option})"
            raise InputFormatError(Problem(file=str(p), field=name, expected=expected))
    return renamed


def _short(exc: BaseException) -> str:
    """What kind of failure, never pyarrow's text: it can quote the offending row."""
    text = str(exc)
    for words in ("Expected", "unclosed", "quoted", "UTF8", "UTF-8", "straddling", "empty"):
        if words.lower() in text.lower():
            return {
                "expected": "a row with the wrong number of fields",
                "unclosed": "an unclosed quote",
                "quoted": "a quoted field that does not end",
                "utf8": "bytes that are not UTF-8",
                "utf-8": "bytes that are not UTF-8",
                "straddling": "a row that spans a block boundary",
                "empty": "no header line: an empty file, or not text",
            }[words.lower()]
    return f"a {type(exc).__name__}"
