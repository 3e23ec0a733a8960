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
from typing import TYPE_CHECKING, Any

import attrs

from svduty._commands._unread import unread_columns
from svduty.definitions import Incident
from svduty.definitions._places import ResolveDistrict
from svduty.errors import DataError, InputFormatError, Problem
from svduty.io._compressed import refuse_compressed
from svduty.io._inputs import PARQUET_SUFFIXES, first_line, is_police_uk_header

if TYPE_CHECKING:
    from svduty.definitions import Definition
    from svduty.io._bundle import BundleParts
    from svduty.partnership import Partnership

__all__ = [
    "is_police_uk_month",
    "is_table",
    "police_uk_incidents",
    "table_incidents",
    "unread_columns",
]

_FIELDS = frozenset(f.name for f in attrs.fields(Incident))
_POLICE_UK_MAP = (
    "a police.uk street-level month: its columns are police.uk's own, read as svduty "
    "classify reads them (--map is for incident tables)"
)


def is_table(path: str) -> bool:
    """Whether ``svduty explain`` reads ``path`` as a table of incidents (CSV or Parquet).

    Example:
        >>> is_table("in.csv"), is_table("in.PARQUET"), is_table("in.jsonl"), is_table("-")
        (True, True, False, False)
    """
    return Path(path).suffix.lower() in (".csv", *PARQUET_SUFFIXES)


def is_police_uk_month(path: str) -> bool:
    """Whether ``path`` is a police.uk street-level CSV file (told by its header).

    Raises:
        InputFormatError: for a CSV file that is UTF-16 or compressed, as ``classify``
            says it (mend49: "not a readable CSV file (bytes that are not UTF-8)").

    Example:
        >>> from svduty.io import sample_police_uk
        >>> is_police_uk_month(str(sample_police_uk())), is_police_uk_month("in.jsonl")
        (True, False)
    """
    file = Path(path)
    csv = file.suffix.lower() == ".csv" and file.is_file()
    if csv:
        refuse_compressed(file)  # before its header is read as text
    return csv and is_police_uk_header(first_line(file))


def police_uk_incidents(
    path: str,
    partnership: Partnership | BundleParts,
    definition: Definition | None = None,
    chosen: tuple[int | None, str | None] = (None, None),
    places: dict[int, dict[str, Any]] | None = None,
) -> Iterator[tuple[int, str | None, Incident | DataError]]:
    """Each row of a police.uk month as ``svduty classify`` reads, locates and classifies it.

    The row's incident is what the classifier is given for it (its Crime ID, crime type,
    month and the district its LSOA is located in, by code or name, else the LSOA code), so
    its answers are the ones in ``classify``'s output; a row ``classify`` rejects (bad
    fields, an LSOA neither code nor name locates) is its :class:`~svduty.errors.DataError`.
    ``chosen`` (a row number, an id) keeps only that row, or the rows of that id: the others
    are skipped before an incident is built. ``places``, if given, is filled with each
    row's ``within_area``, ``district_code`` and ``district_name`` as classify's output
    gives them, by row number.

    Example:
        >>> import svduty
        >>> from svduty.io import sample_police_uk
        >>> rows = police_uk_incidents(str(sample_police_uk()), svduty.warwickshire())
        >>> number, _, incident = next(rows)
        >>> number, incident.police_uk_category, incident.date, incident.location
        (2, 'Criminal damage and arson', '2025-06', 'E08000025')
    """
    from svduty.io import default_pipeline, read_police_uk
    from svduty.io._summary import rejected_rows

    pipeline = default_pipeline(partnership, definition=definition)
    for batch in read_police_uk([path]):
        out = _chosen(pipeline(batch), *chosen)
        refused = {p.row: p for p in rejected_rows(out)}
        rows = out.select(["row", "rejected", *_GIVEN, *_PLACE]).to_pylist()
        for row in sorted(rows, key=lambda r: int(r["row"])):
            number = int(row["row"])
            if places is not None:
                places[number] = {k: row[k] for k in _PLACE}
            if row["rejected"] is not None:
                yield number, row["id"], DataError(refused[number])
                continue
            given = {"date" if k == "month" else k: row[k] for k in _GIVEN}
            data = {k: str(v) for k, v in given.items() if v is not None}
            yield number, row["id"], Incident.from_json(data, line=number, file=path)


_PLACE = ("within_area", "district_code", "district_name")
"""Where classify's output says a row is (``_explain_place.PLACE_KEYS``)."""
_GIVEN = ("id", "police_uk_category", "month", "location")
"""A police.uk row's columns the classifier is given (its ``month`` as the ``date``)."""


def table_incidents(
    path: str,
    mapping: Mapping[str, str] | None = None,
    on_unread: Callable[[str], object] | None = None,
    chosen: tuple[int | None, str | None] = (None, None),
    *,
    resolve_district: ResolveDistrict | None = None,
) -> Iterator[tuple[int, str | None, Incident | DataError]]:
    """Each row of an incident table: its row number, its id and its incident (or why not).

    The id is the row's ``id`` as read (``None`` without one), for ``--id`` to choose it
    by, even where the row is refused. ``on_unread`` is told, once, which columns are no
    incident field (:func:`unread_columns`), if any. ``chosen`` (a row number, an id) keeps
    only that row, or the rows of that id, as :func:`police_uk_incidents` does.
    ``resolve_district`` places an LSOA place of death, so that a row's conflicts are
    named as ``classify`` names them (:meth:`~svduty.definitions.Incident.from_json`).

    Raises:
        InputFormatError: if the file cannot be read as incidents (naming the file, and the
            column or row), as ``svduty classify`` says it; a police.uk month in explain's
            words (``classify``'s would tell how classify reads one).
    """
    if is_police_uk_month(path):
        raise InputFormatError(Problem(file=path, field="--map", message=_POLICE_UK_MAP))
    from svduty.io._incident_tables import iter_incidents
    from svduty.io._summary import rejected_rows

    told = False
    for read in iter_incidents([path], mapping=mapping):
        if not told and on_unread is not None:
            told = True
            note = unread_columns(read.schema.names)
            if note is not None:
                on_unread(note)
        batch = _chosen(read, *chosen)
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
                incident = Incident.from_json(
                    data, line=number, file=str(row["file"]), resolve_district=resolve_district
                )
            except DataError as exc:
                yield number, ident, exc
                continue
            yield number, ident, incident


def _chosen(table: Any, row: int | None, ident: str | None) -> Any:
    """The rows of ``table`` that ``--row`` or ``--id`` chose (all of them if neither).

    Rows are chosen in Arrow, before an incident is built for any: explaining one row of a
    month of 600,000 built 600,000 incidents (137 s) before hostile45b.

    Example:
        >>> import pyarrow as pa
        >>> t = pa.table({"row": [2, 3, 4], "id": [7, None, 7]})
        >>> _chosen(t, 3, None)["row"].to_pylist(), _chosen(t, None, "7")["row"].to_pylist()
        ([3], [2, 4])
        >>> _chosen(t, 10**30, None).num_rows, _chosen(t, None, None).num_rows
        (0, 3)
    """
    import pyarrow as pa

    from svduty import _compute as pc

    if row is not None:
        if not 0 < row < 2**63:  # no row has such a number (an int64 cannot hold it)
            return table.slice(0, 0)
        return table.filter(pc.equal(table.column("row"), pa.scalar(row, pa.int64())))
    if ident is not None:
        if "id" not in table.schema.names:
            return table.slice(0, 0)
        ids = pc.cast(table.column("id"), pa.string())  # a number's id: its digits
        return table.filter(pc.fill_null(pc.equal(ids, pa.scalar(ident, pa.string())), False))
    return table
