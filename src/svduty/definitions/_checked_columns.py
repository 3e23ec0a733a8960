"""The columns :func:`~svduty.definitions.classify_table` refuses before reading a row.

A repeated name, a name that spells a field otherwise, a police.uk reader's batch, a table
with no incident field (split from ``_columnar``, speed53c).

Example:
    >>> import pyarrow as pa
    >>> columns_checked(pa.table({"offence_code": ["8N"]}))
"""

from __future__ import annotations

from typing import Any

import attrs

from svduty.definitions._incident import Incident
from svduty.definitions._unknown_keys import field_spelt
from svduty.errors import DataError, Problem, Shown, shown

__all__ = ["columns_checked"]

_FIELDS = frozenset(a.name for a in attrs.fields(Incident))


_POLICE_UK_NAMES = {"month": "date", "lsoa_code": "location"}
"""The police.uk reader's columns that say what an incident field would (unread here)."""

_POLICE_UK_ROUTE = (
    "the incident field {} (a police.uk batch from read_police_uk is classified by "
    "svduty.io.default_pipeline(), which reads its month and places it by its LSOA)"
)


def columns_checked(tab: Any) -> None:
    """Refuse the columns :func:`classify_table` would misread, naming no unsafe name.

    A repeated name; a name that spells a field otherwise (``Offence Code``); a police.uk
    reader's ``month`` or ``lsoa_code`` without ``date`` or ``location`` (the rules read
    neither: every row's month and place would be unknown); a table with no incident field
    (every row would be ``undetermined``: a misspelt header, say). Verdict columns of an
    earlier run are replaced, not refused.

    Example:
        >>> import pyarrow as pa
        >>> columns_checked(pa.table({"offence_cod": ["8N"]}))
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: columns: expected one or more incident fields as columns, such as offence_code, police_uk_category, victim_age (did you mean offence_code?)
    """  # noqa: E501
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, name in enumerate(tab.column_names):
        if name in seen:
            known = name in _FIELDS or isinstance(shown(name), Shown)
            said = name if known else f"column {i + 1} (its name not shown)"
            problems.append(Problem(field=said, expected="one column per name"))
        seen.add(name)
    for name in tab.column_names:  # 'Offence Code' without offence_code: unread
        if (field := field_spelt(name, _FIELDS, seen)) is not None and field not in seen:
            problems.append(Problem(field=name, expected=f"the field's own name, {field}"))
    for name, field in _POLICE_UK_NAMES.items():  # a police.uk batch: its month unread
        if name in seen and field not in seen:
            problems.append(Problem(field=name, expected=_POLICE_UK_ROUTE.format(field)))
    if not seen & _FIELDS:
        from svduty._near import did_you_mean

        names = tab.column_names
        near = next((h for n in names if (h := did_you_mean(n, sorted(_FIELDS)))), "")
        problems.append(
            Problem(
                field="columns",
                expected="one or more incident fields as columns, such as offence_code, "
                "police_uk_category, victim_age" + near,
            )
        )
    if problems:
        raise DataError(problems)
