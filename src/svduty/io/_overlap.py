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
seen. A rejected row is counted nowhere, so it is not counted twice either: the rows the
reader rejects, and those the run rejected (:class:`JoinedFiles` notes them), are left
out. ``classify`` warns (``FILES-OVERLAP``) and ``report`` says so on its page.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _compute as pc
from svduty.errors import SvdutyError
from svduty.io._police_uk_reader import read_police_uk

__all__ = ["HEAD", "JoinedFiles", "repeated_crime_ids"]

HEAD = 1 << 16
"""The bytes read from the start of each file."""

_ID = re.compile(rb"^\"?([0-9a-f]{64})\"?,", re.MULTILINE)
_POLICE_UK_ID = "^[0-9a-fA-F]{64}$"
"""A Crime ID of police.uk's form: 64 hexadecimal digits (the API's ``persistent_id``)."""


def repeated_crime_ids(
    paths: Sequence[Path],
    joined: Collection[str] = (),
    rejected: Mapping[str, Any] | None = None,
) -> int:
    r"""How many rows have a Crime ID an earlier row of the files has (see the module).

    ``joined``: files (their names as the reader gives them) in which the header line
    comes again (files joined, perhaps one with itself; see :class:`JoinedFiles`).
    ``rejected``: by file (named likewise), the rows the run rejected, as
    :attr:`JoinedFiles.rejected` gives them; they, and the rows the reader rejects, are
    left out.

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
        head = _head(p)
        if head is None:  # (the reader says why)
            continue
        month = _force_month(head)
        found = _ID.findall(head)
        earlier = [months.get(m) for m in month] + [ids.get(i) for i in found]
        if any(earlier) or len(set(found)) < len(found) or str(p) in joined:
            suspect.update(dict.fromkeys([*(e for e in earlier if e), p]))
        for m in month:
            months.setdefault(m, p)
        for i in found:
            ids.setdefault(i, p)
    if not suspect:
        return 0
    skip = rejected or {}
    prints = np.concatenate([_fingerprints(p, skip.get(str(p))) for p in paths if p in suspect])
    return int(len(prints) - len(np.unique(prints)))


class JoinedFiles:
    """The files in which a header line comes again, and the rows rejected: an ``on_rejected``.

    The police.uk reader rejects such a line (field ``header``: two files joined); every
    rejected row passes here, not only the summary's first thousand. The rejected rows'
    numbers are kept too, as runs of consecutive rows (a file rejected whole is a few
    runs, not a number a row): a row counted nowhere is not counted twice.

    Example:
        >>> joined = JoinedFiles()
        >>> joined(pa.table({"file": ["a.csv", "b.csv", "b.csv", "b.csv"], "row": [7, 9, 10, 12],
        ...                  "rejected_field": ["header", "Month", "Month", "Month"]}))
        >>> sorted(joined.files), {f: r.tolist() for f, r in joined.rejected.items()}
        (['a.csv'], {'a.csv': [[7, 7]], 'b.csv': [[9, 10], [12, 12]]})
    """

    def __init__(self) -> None:
        self.files: set[str] = set()
        self._runs: dict[str, list[Any]] = {}

    @property
    def rejected(self) -> dict[str, Any]:
        """By file, the rows rejected: runs ``[first, last]`` in order (a ``numpy`` array).

        Example:
            >>> JoinedFiles().rejected
            {}
        """
        out = {}
        for f, runs in self._runs.items():
            these = np.concatenate(runs)
            out[f] = these[np.argsort(these[:, 0], kind="stable")]
        return out

    def also(self, then: Callable[[pa.Table], object]) -> Callable[[pa.Table], None]:
        """An ``on_rejected`` that notes the files here, then passes the rows on.

        Example:
            >>> seen = []
            >>> JoinedFiles().also(seen.append)(pa.table({"file": ["a.csv"]}))
            >>> len(seen)
            1
        """

        def both(rejected: pa.Table) -> None:
            self(rejected)
            then(rejected)

        return both

    def __call__(self, rejected: pa.Table) -> None:
        if "row" in rejected.column_names and "file" in rejected.column_names:
            files, rows = rejected.column("file"), rejected.column("row")
            for f in pc.unique(files).drop_null().to_pylist():
                these = pc.filter(rows, pc.fill_null(pc.equal(files, f), False)).drop_null()
                self._runs.setdefault(str(f), []).append(_runs(np.asarray(these, np.int64)))
        if "rejected_field" in rejected.column_names and "file" in rejected.column_names:
            header = pc.fill_null(pc.equal(rejected.column("rejected_field"), "header"), False)
            self.files.update(
                str(f) for f in pc.filter(rejected.column("file"), header).unique().to_pylist()
            )


def _runs(rows: Any) -> Any:
    """Row numbers as runs of consecutive rows: an array of ``[first, last]`` pairs.

    Example:
        >>> _runs(np.array([4, 2, 3, 9])).tolist()
        [[2, 4], [9, 9]]
    """
    rows = np.unique(rows)
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    starts = np.concatenate([[0], breaks]) if len(rows) else breaks
    ends = np.concatenate([breaks - 1, [len(rows) - 1]]) if len(rows) else breaks
    return np.stack([rows[starts], rows[ends]], axis=1).reshape(-1, 2)


def _within(rows: Any, runs: Any) -> Any:
    """Which of ``rows`` lie in one of ``runs`` (sorted, disjoint ``[first, last]`` pairs).

    Example:
        >>> _within(np.array([1, 2, 5, 9, 12]), np.array([[2, 5], [9, 9]])).tolist()
        [False, True, True, True, False]
    """
    at = np.searchsorted(runs[:, 0], rows, side="right") - 1
    return (at >= 0) & (rows <= runs[np.maximum(at, 0), 1])


def _head(p: Path, size: int = HEAD) -> bytes | None:
    """The first ``size`` bytes of ``p``; None when it cannot be read (the reader says why).

    Example:
        >>> _head(Path("no-such-file.csv")) is None
        True
    """
    try:
        with p.open("rb") as f:
            return f.read(size)
    except OSError:
        return None


def _force_month(head: bytes) -> list[tuple[str, str]]:
    r"""The force and month of a file's first data row (none when it has no such row).

    Example:
        >>> _force_month(b"Crime ID,Month,Falls within\rx,2025-06,Kent Police\r")
        [('Kent Police', '2025-06')]
        >>> _force_month(b'Crime ID,Month,Falls within\n"x,2025-06')
        []
    """
    first = head[: 1 << 13].splitlines()[:2]  # any line end: CR alone too
    try:
        rows = list(csv.reader(line.decode("utf-8-sig", errors="replace") for line in first))
    except csv.Error:  # a quote left open (the reader says where)
        return []
    if len(rows) < 2:
        return []
    names = [c.strip().strip('"').lower() for c in rows[0]]
    if "falls within" not in names or "month" not in names or len(rows[1]) != len(names):
        return []
    row = dict(zip(names, rows[1], strict=True))
    return [(row["falls within"].strip(), row["month"].strip())]


_HEX = np.zeros(256, np.uint64)
_HEX[np.frombuffer(b"0123456789", np.uint8)] = np.arange(10, dtype=np.uint64)
_HEX[np.frombuffer(b"abcdef", np.uint8)] = np.arange(10, 16, dtype=np.uint64)
_HEX[np.frombuffer(b"ABCDEF", np.uint8)] = np.arange(10, 16, dtype=np.uint64)


def _fingerprints(p: Path, rejected: Any = None) -> Any:
    """A file's Crime IDs as 64-bit numbers (``uint64``): 8 bytes a row, not 64.

    Rows the reader rejects, and the rows in ``rejected`` (runs of rows, as
    :attr:`JoinedFiles.rejected` gives them: those a run rejected later, such as an LSOA
    the geography does not know), have none: they are counted nowhere.

    A police.uk Crime ID is 64 hexadecimal digits (a SHA-256): its first 16 are its
    number (two crimes in a hundred million rows share one by chance with a chance of
    about one in three thousand). Any other id (64 characters not all hexadecimal digits
    too: they were read as digits, two such ids one number) is numbered by its hash. A
    file that can no longer be read gives none.

    Example:
        >>> from svduty.io import sample_police_uk
        >>> prints = _fingerprints(sample_police_uk())
        >>> len(prints), len(set(prints.tolist())), prints.dtype.name
        (3472, 3472, 'uint64')
    """
    out = []
    try:
        for batch in read_police_uk(p, columns=("Crime ID",)):
            keep = pc.is_null(batch.column("rejected"))
            if rejected is not None and len(rejected):
                rows = np.asarray(pc.cast(batch.column("row"), pa.int64()), np.int64)
                keep = pc.and_(keep, pa.array(~_within(rows, rejected)))
            ids = pc.filter(pc.cast(batch.column("id"), pa.string()), keep)
            ids = pc.filter(ids, pc.fill_null(pc.not_equal(ids, ""), False))
            police = pc.fill_null(pc.match_substring_regex(ids, _POLICE_UK_ID), False)
            ours = pc.filter(ids, police)
            if len(ours):
                start = int(np.frombuffer(ours.buffers()[1], np.int32, count=1)[0])
                text = np.frombuffer(ours.buffers()[2], np.uint8)[start : start + 64 * len(ours)]
                digits = _HEX[text.reshape(len(ours), 64)[:, :16]]
                number = np.zeros(len(ours), np.uint64)
                for k in range(16):
                    number = (number << np.uint64(4)) | digits[:, k]
                out.append(number)
            other = pc.filter(ids, pc.invert(police)).to_pylist()
            out.append(np.array([hash(i) for i in other], np.int64).view(np.uint64))
    except (SvdutyError, OSError):  # gone or changed since it was read: nothing to compare
        return np.zeros(0, np.uint64)
    return np.concatenate(out) if out else np.zeros(0, np.uint64)
