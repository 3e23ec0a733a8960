"""Whether police.uk files are the partnership's own force's: rows by police force area.

police.uk publishes each force's crimes in that force's files, with the few it placed
beyond its own area. When more rows lie in other police force areas than in the
partnership's, the files are likely another force's, and hold little of the area's crime:
``classify`` warns (``FORCE-AREA-ELSEWHERE``) and ``report`` says so on its page.

That compares totals: a folder that mixes the partnership's force's months with another
force's month is not caught by it when the own rows are more. Each file says whose it is:
its "Falls within" ("at present, also the force that provided the data", police.uk's
about page), read from the data rows of its first 8 KiB (about 35 rows; read already, and
parsed in well under a millisecond): the force most of them fall within (the first seen
of a tie). One row is no file's word: a file joined by hand from two forces' rows, its
first row another force's, was named as that force's month though it held the own
force's; its first row the own force's, the other force's month after it was not named
(mend51). A file of a force whose police area (Police
Act 1996 s.1(2): those of Schedule 1, the metropolitan police district and the City of
London police area) covers no part of the partnership's districts is named, with its
force (``FILE-OF-OTHER-FORCE``), whatever its rows: a few of a neighbour force's rows
may lie across the border in the area, but the area's crimes are in its own force's
files. The file of a force whose area covers any of the districts (an area of two
forces has two) is not named, however many of its rows lie beyond the area. British
Transport Police polices the railways across Great Britain and has no police area of
its own: its files are never named. A force svduty does not know (a "Falls within" that
is none of the 43 police areas' forces, British Transport Police or the Police Service of
Northern Ireland) is not named either: the module cannot say where it polices.
"""

from __future__ import annotations

import csv
import functools
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from svduty.areas._national import police_force_names
from svduty.io._overlap import _head

__all__ = ["files_of_other_forces", "police_area_of", "rows_of_other_forces"]

_NATIONAL = "british transport police"
"""The force with no police area (its files are never named): the railways, across Great Britain."""

_NORTHERN_IRELAND = "police service of northern ireland"
"""The force whose area is Northern Ireland: none of England and Wales's districts."""

_HEAD = 1 << 13
"""The bytes read from the start of each file for its first data rows (about 35)."""


def rows_of_other_forces(by_district: pa.Table, districts: Sequence[str]) -> int:
    """The rows in other force areas than the districts', when they outnumber the own; else 0.

    Args:
        by_district: Rows by ``district_code`` (a ``rows`` column), as the bounded counts
            give them.
        districts: The partnership's local government areas.

    Example:
        >>> t = pa.table({"district_code": ["E07000222", "E08000025", None],
        ...               "rows": [10, 30, 5]})
        >>> rows_of_other_forces(t, ["E07000222"]), rows_of_other_forces(t, ["E08000026"])
        (30, 0)
    """
    codes = by_district.column("district_code").to_pylist()
    rows = by_district.column("rows").to_pylist()
    if all(code is None or code in districts or not n for code, n in zip(codes, rows, strict=True)):
        return 0  # no row in another district: the forces' table is not read
    forces = police_force_names()
    ours = {forces.get(code) for code in districts}
    own = other = 0
    for code, n in zip(codes, rows, strict=True):
        force = forces.get(code) if isinstance(code, str) else None
        if force is not None and isinstance(n, int):
            own, other = (own + n, other) if force in ours else (own, other + n)
    return other if other > own else 0


def files_of_other_forces(
    paths: Sequence[Path], districts: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    r"""The files of a force whose police area covers none of ``districts``: (file, force).

    Each file's force is the "Falls within" most of its first data rows give, as written
    there (a force svduty knows: see the module). None when a district's police area is
    not known (a code the 2024 table does not hold): what the area's forces are cannot
    then be said.

    Example:
        >>> import tempfile
        >>> from svduty.io._inputs import POLICE_UK_COLUMNS
        >>> d = Path(tempfile.mkdtemp())
        >>> def month(name, force):
        ...     row = f",2025-06,{force},{force},,,No Location,,,Drugs,,\n"
        ...     _ = (d / name).write_text(",".join(POLICE_UK_COLUMNS) + "\n" + row)
        ...     return d / name
        >>> files = [month("w.csv", "Warwickshire Police"), month("m.csv", "West Mercia Police"),
        ...          month("b.csv", "British Transport Police"), month("x.csv", "Nobody")]
        >>> [(Path(f).name, force) for f, force in files_of_other_forces(files, ["E07000222"])]
        [('m.csv', 'West Mercia Police')]
        >>> files_of_other_forces(files, ["E07000222", "E06000051"])  # and Shropshire
        ()
        >>> empty = d / "h.csv"
        >>> _ = empty.write_text(",".join(POLICE_UK_COLUMNS) + "\n")  # no row: no force named
        >>> files_of_other_forces([empty], ["E07000222"])  # (nor the forces' table read)
        ()
    """
    forces = []  # each file's force, read before the table: files of no rows name none
    for p in paths:
        head = _head(p, _HEAD)
        if head is None:  # (the reader says why)
            continue
        forces += [
            (p, force) for force, _rows in _head_forces(head, len(head) < _HEAD).most_common(1)
        ]
    if not forces:  # no force to name: the forces' table is not read (a header-only start-up)
        return ()
    names = police_force_names()
    ours = {names.get(code) for code in districts}
    if None in ours or not ours:
        return ()
    out = []
    for p, force in forces:
        area = police_area_of(force)
        if area is not None and area not in ours:
            out.append((str(p), force))
    return tuple(out)


def _head_forces(head: bytes, whole: bool) -> Counter[str]:
    r"""The "Falls within" of each whole data row of a file's head: rows by force.

    ``whole``: the head is the whole file (else its last line, perhaps cut, is not read).
    A row with another number of fields than the header's is not read (the reader
    rejects it), nor is a blank line; the order is the order first seen.

    Example:
        >>> head = b"Crime ID,Month,Falls within\r\nx,2025-06,Kent Police\r\n\r\n"
        >>> _head_forces(head + b"y,2025-06,Essex Police\r\nz,2025-06,Essex Pol", False)
        Counter({'Kent Police': 1, 'Essex Police': 1})
        >>> _head_forces(b'Crime ID,Falls within\n"x,Kent', True)
        Counter()
    """
    if not whole:
        head = head[: max(head.rfind(b"\n"), head.rfind(b"\r")) + 1]
    text = io.StringIO(head.decode("utf-8-sig", errors="replace"), newline="")
    out: Counter[str] = Counter()
    rows = csv.reader(text)
    try:
        names = [c.strip().strip('"').lower() for c in next(rows, [])]
        if "falls within" not in names:
            return out
        at = names.index("falls within")
        for row in rows:
            if len(row) == len(names):
                out[row[at].strip()] += 1
    except csv.Error:  # a quote left open (the reader says where): the rows before it
        pass
    return out


def police_area_of(force: str) -> str | None:
    """The police area (its name in the ONS table) a police.uk force name polices.

    ``"Northern Ireland"`` for the Police Service of Northern Ireland; ``None`` for
    British Transport Police (no police area: the railways) and for a name svduty does
    not know. Case, spacing and ``&`` / ``and`` aside, the force's name is its area's
    with "Police", "Constabulary", "Service" or "Police Service" after it ("London, City
    of" as "City of London").

    Example:
        >>> police_area_of("West Mercia Police"), police_area_of("City of London Police")
        ('West Mercia', 'London, City of')
        >>> police_area_of("Metropolitan Police Service"), police_area_of("Kent Police")
        ('Metropolitan Police', 'Kent')
        >>> police_area_of("Avon and Somerset Constabulary"), police_area_of("Devon and Cornwall")
        ('Avon and Somerset', 'Devon & Cornwall')
        >>> police_area_of("British Transport Police"), police_area_of("Nobody Police")
        (None, None)
    """
    said = _key(force)
    if said == _NATIONAL:  # (no area of its own)
        return None
    if said == _NORTHERN_IRELAND:
        return "Northern Ireland"
    areas = _areas()
    for suffix in ("", " police service", " constabulary", " police", " service"):
        if said.endswith(suffix) and (area := areas.get(said.removesuffix(suffix))):
            return area
    return None


@functools.cache
def _areas() -> dict[str, str]:
    """The police areas by their names' keys (:func:`_key`), "X, Y of" as "Y of X" too."""
    out = {}
    for name in set(police_force_names().values()):
        out[_key(name)] = name
        if ", " in name:  # "London, City of": "City of London"
            first, rest = name.split(", ", 1)
            out[_key(f"{rest} {first}")] = name
    return out


def _key(name: str) -> str:
    return " ".join(name.replace("&", " and ").split()).lower()
