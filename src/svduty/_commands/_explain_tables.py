r"""``svduty explain`` of incidents kept in CSV or Parquet: each row's incident, or why not.

The file is read as ``svduty classify`` reads it (:func:`~svduty.io.iter_incidents`, the
columns named as the incident fields or mapped with ``--map COLUMN=FIELD``), and each row
is numbered as ``classify`` numbers it: the line where a CSV record starts (the header is
line 1), the row of a Parquet file from 1. A row the reader rejects, or whose values the
incident's checks refuse, is a :class:`~svduty.errors.DataError` naming the file, the row
and the field, never the value.

Example:
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.csv"
    >>> _ = f.write_text("Ref,Code,Age\nA-1,8N,30\nA-2,3B,200\n")
    >>> found = list(table_incidents(str(f), {"Ref": "id", "Code": "offence_code",
    ...                                       "Age": "victim_age"}))
    >>> found[0][0], found[0][1], found[0][2].id
    (2, 'A-1', 'A-1')
    >>> found[1][0], str(found[1][2]).endswith("row 3: victim_age: expected a whole number "
    ...     "of years 0 to 130 (got a number of 3 digits, not shown)")
    (3, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import attrs

from svduty.definitions import Incident
from svduty.errors import DataError, InputFormatError, Problem
from svduty.io._inputs import PARQUET_SUFFIXES, first_line, is_police_uk_header

__all__ = ["is_table", "table_incidents", "unread_columns"]

_FIELDS = frozenset(f.name for f in attrs.fields(Incident))
_POLICE_UK = (
    "a police.uk street-level month, not incidents: svduty explain explains incidents (JSON "
    "Lines, or a CSV or Parquet table of the incident fields); svduty classify reads "
    "police.uk months, its summary counting the undetermined rows by the facts missing"
)


def is_table(path: str) -> bool:
    """Whether ``svduty explain`` reads ``path`` as a table of incidents (CSV or Parquet).

    Example:
        >>> is_table("in.csv"), is_table("in.PARQUET"), is_table("in.jsonl"), is_table("-")
        (True, True, False, False)
    """
    return Path(path).suffix.lower() in (".csv", *PARQUET_SUFFIXES)


_OWN = frozenset({"file", "row", "rejected", "rejected_field"})
"""The columns the reader adds to every row (svduty's own, not the file's)."""


def unread_columns(names: list[str]) -> str | None:
    """What a table's columns that are no incident field are, as a note says it; or ``None``.

    ``svduty classify`` passes such columns through to its output; ``explain`` reads only
    the incident's fields, so it says which columns it did not read, lest a misspelt one
    (``victim_agee``) leave a fact silently unread. A column's name is shown only when it
    cannot be data (one lowercase word), with the field it may mean.

    Example:
        >>> print(unread_columns(["id", "weapn", "Jane Citizen", "file", "row"]))
        2 columns not read (not incident fields): weapn (did you mean weapon?), an unknown field (a name of 12 characters, not shown)
        >>> unread_columns(["id", "offence_code"]) is None
        True
    """  # noqa: E501
    from svduty.definitions._unknown_keys import key_shown, meant

    unread = [n for n in names if n not in _FIELDS and n not in _OWN]
    if not unread:
        return None
    said = ", ".join(key_shown(n) + meant(n, sorted(_FIELDS)) for n in unread)
    many = "s" * (len(unread) != 1)
    return f"{len(unread)} column{many} not read (not incident fields): {said}"


def table_incidents(
    path: str,
    mapping: Mapping[str, str] | None = None,
    on_unread: Callable[[str], object] | None = None,
) -> Iterator[tuple[int, str | None, Incident | DataError]]:
    """Each row of an incident table: its row number, its id and its incident (or why not).

    The id is the row's ``id`` as read (``None`` without one), for ``--id`` to choose it
    by, even where the row is refused. ``on_unread`` is told, once, which columns are no
    incident field (:func:`unread_columns`), if any.

    Raises:
        InputFormatError: if the file cannot be read as incidents (naming the file, and the
            column or row), as ``svduty classify`` says it; a police.uk month in explain's
            words (``classify``'s would tell how classify reads one).
    """
    file = Path(path)
    if file.suffix.lower() == ".csv" and file.is_file() and is_police_uk_header(first_line(file)):
        raise InputFormatError(Problem(file=path, field="header", message=_POLICE_UK))
    from svduty.io._incident_tables import iter_incidents
    from svduty.io._summary import rejected_rows

    told = False
    for batch in iter_incidents([path], mapping=mapping):
        if not told and on_unread is not None:
            told = True
            note = unread_columns(batch.schema.names)
            if note is not None:
                on_unread(note)
        refused = {p.row: p for p in rejected_rows(batch)}
        for row in batch.to_pylist():
            number = int(row["row"])
            given = row.get("id")
            ident = None if given is None else str(given)
            if row["rejected"] is not None:
                yield number, ident, DataError(refused[number])
                continue
            data = {k: v for k, v in row.items() if k in _FIELDS and v is not None}
            try:
                incident = Incident.from_json(data, line=number, file=str(row["file"]))
            except DataError as exc:
                yield number, ident, exc
                continue
            yield number, ident, incident
