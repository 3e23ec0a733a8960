"""police.uk files that hold the same crimes: one force's month given twice.

police.uk gives each crime one Crime ID (64 hexadecimal digits; anti-social behaviour has
none), and each street-level file is one force's month. A month downloaded twice, its
outcomes updated in between (so the bytes differ and the copy check of
:mod:`svduty.io._inputs` does not see it), in another order or not, would have its rows
counted twice.

The check costs nothing beside a run unless there is something to find: only the first
rows of each file are read (:data:`HEAD` bytes). A file is suspect when its first data
row is the same force's same month as an earlier file's, when a Crime ID among its first
rows is an earlier file's, when one repeats among them, or when its header line comes
again further on (files joined: the reader rejects that line). The suspect files, and the
files they repeat, are then read whole (their Crime IDs alone), and the rows whose Crime
ID an earlier row has are counted: a month split into two files is the same force's month
twice and shares no crime (no warning); a copy in another order shares every one. A
single file holding its own rows twice, far apart and with no header between, is not
seen. ``classify`` warns (``FILES-OVERLAP``) and ``report`` says so on its page.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty.io._police_uk_reader import read_police_uk

__all__ = ["HEAD", "repeated_crime_ids"]

HEAD = 1 << 16
"""The bytes read from the start of each file."""

_ID = re.compile(rb"^\"?([0-9a-f]{64})\"?,", re.MULTILINE)


def repeated_crime_ids(paths: Sequence[Path], joined: Collection[str] = ()) -> int:
    r"""How many rows have a Crime ID an earlier row of the files has (see the module).

    ``joined``: files (their names as the reader gives them) in which the header line
    comes again (files joined, perhaps one with itself): suspect too.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> from svduty.io._inputs import POLICE_UK_COLUMNS
        >>> header = ",".join(POLICE_UK_COLUMNS) + "\n"
        >>> rows = [c * 64 + ",2025-06,X,X,,,No Location,,,Drugs,,\n" for c in "ab"]
        >>> for name, these in (("a.csv", rows), ("b.csv", rows[::-1]), ("c.csv", rows[:1])):
        ...     _ = (d / name).write_text(header + "".join(these))
        >>> repeated_crime_ids([d / "a.csv", d / "b.csv"]), repeated_crime_ids([d / "c.csv"])
        (2, 0)
    """
    months: dict[tuple[str, str], Path] = {}
    ids: dict[bytes, Path] = {}
    suspect: dict[Path, None] = {}  # the files to read whole, in the order given
    for p in paths:
        try:
            with p.open("rb") as f:
                head = f.read(HEAD)
        except OSError:  # (the reader says why)
            continue
        earlier = [months.get(m) for m in _force_month(head)]
        found = _ID.findall(head)
        earlier += [ids.get(i) for i in found]
        if any(earlier) or len(set(found)) < len(found) or str(p) in joined:
            suspect.update(dict.fromkeys([*(e for e in earlier if e), p]))
        months.update({m: months.get(m, p) for m in _force_month(head)})
        ids.update({i: ids.get(i, p) for i in found})
    if not suspect:
        return 0
    ordered = [p for p in paths if p in suspect]
    crimes = pa.chunked_array([_crime_ids(p) for p in ordered], pa.string())
    return len(crimes) - len(pc.unique(crimes))


def _force_month(head: bytes) -> list[tuple[str, str]]:
    """The force and month of a file's first data row (none when it has no such row)."""
    lines = head.decode("utf-8-sig", errors="replace").splitlines()[:2]
    rows = list(csv.reader(lines))
    if len(rows) < 2:
        return []
    names = [c.strip().strip('"').lower() for c in rows[0]]
    if "falls within" not in names or "month" not in names or len(rows[1]) != len(names):
        return []
    row = dict(zip(names, rows[1], strict=True))
    return [(row["falls within"].strip(), row["month"].strip())]


def _crime_ids(p: Path) -> pa.Array[Any]:
    """A file's Crime IDs (its rows that have one)."""
    batches = [b.column("id") for b in read_police_uk(p, columns=("Crime ID",))]
    every = pa.chunked_array(batches, pa.string()).combine_chunks() if batches else pa.array([])
    return every.filter(pc.fill_null(pc.not_equal(every, ""), False)).cast(pa.string())
