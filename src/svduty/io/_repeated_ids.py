"""Incident rows that share an ``id``: counted, so that no incident is counted twice unseen.

An incident file (JSON Lines, CSV, Parquet) with two rows of one ``id`` (an export run
twice into one file, two files of the same incidents) has both classified, and an
analyst counting incidents counts that one twice. :class:`RepeatedIds` counts, across a
run's batches, the usable rows whose ``id`` an earlier usable row has (the id's text as
given), and keeps the first few of them by file and row, never the ids (they can be
personal data). A row with no ``id`` cannot be matched; a rejected row is counted nowhere,
so it is not counted twice either. The summary warns ``INCIDENT-ID-DUPLICATE``.

Each batch's ids are kept (as ``string``; its files as their runs, its rows), and numbered
once, when the count is asked for, by Arrow's hash kernel over them all
(``dictionary_encode`` of the chunked ids numbers each word in order of first appearance,
across the chunks): work in proportion to the rows, and no Python object a row. (Before
hostile45b each batch's ids were looked up in the distinct ids of every batch before it,
``is_in`` hashing them all again each time: work growing with the square of the rows, 23 s
of CPU for 4 million distinct ids.)
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__ = ["DUPLICATE", "SHOWN", "RepeatedIds"]

DUPLICATE = "INCIDENT-ID-DUPLICATE"
"""The summary's warning code for incident rows whose ``id`` an earlier row has."""
SHOWN = 5
"""How many of those rows the summary names (by file and row)."""


@attrs.define(slots=True)
class RepeatedIds:
    """The usable incident rows, batch after batch, whose ``id`` an earlier row has.

    Attributes:
        count: How many rows have an ``id`` an earlier row has.
        rows: The first :data:`SHOWN` of them, as ``(file, row)``, in the order read.

    Example:
        >>> ids = RepeatedIds()
        >>> ids.add(pa.table({"file": ["a.jsonl"] * 3, "row": [1, 2, 3], "id": ["x", "y", "x"]}))
        >>> ids.add(pa.table({"file": ["b.csv"] * 2, "row": [2, 3], "id": ["y", None]}))
        >>> ids.count, ids.rows
        (2, [('a.jsonl', 3), ('b.csv', 2)])
    """

    batches: list[tuple[Any, Any, Any]] = attrs.Factory(list)
    """Each batch's ids (``string``), files (run-end encoded, or ``None``) and rows."""
    settled: tuple[int, list[tuple[str | None, int | None]]] | None = None
    """:attr:`count` and :attr:`rows` once worked out (``None`` again after :meth:`add`)."""

    def add(self, good: pa.Table) -> None:
        """Keep the ids of ``good`` (usable incident rows), with their files and rows."""
        if "id" not in good.schema.names or not good.num_rows:
            return
        ids: Any = _arrays.one_array(good.column("id"))
        if ids.type != pa.string():  # a dictionary, wide text, a view, a number
            ids = pc.cast(ids, pa.string())
        if ids.null_count == len(ids):
            return
        names = good.schema.names
        files = None
        if "file" in names:  # a batch's file: one run, not a row's text each
            files = pc.run_end_encode(pc.cast(_arrays.one_array(good.column("file")), pa.string()))
        rows = _arrays.one_array(good.column("row")) if "row" in names else None
        self.batches.append((ids, files, rows))
        self.settled = None

    @property
    def count(self) -> int:
        """How many rows have an ``id`` an earlier row has."""
        return self._settle()[0]

    @property
    def rows(self) -> list[tuple[str | None, int | None]]:
        """The first :data:`SHOWN` rows whose ``id`` an earlier row has, as ``(file, row)``."""
        return self._settle()[1]

    def _settle(self) -> tuple[int, list[tuple[str | None, int | None]]]:
        """Number every id kept, once, and count and name the rows repeating an earlier one."""
        if self.settled is not None:
            return self.settled
        count, named = 0, list[tuple[str | None, int | None]]()
        if self.batches:
            chunked = pa.chunked_array([ids for ids, _, _ in self.batches], pa.string())
            # one memo over the chunks: a word's number is the same in every chunk, and
            # words are numbered in order of first appearance (a null: a null index)
            enc = pc.dictionary_encode(chunked)
            top = -1  # the highest number of the chunks before
            for (_, files, rows), chunk in zip(self.batches, enc.chunks, strict=True):
                at = pc.fill_null(chunk.indices, -1).to_numpy(zero_copy_only=False)
                # a word's first row is where the numbers pass every number before
                before = np.maximum.accumulate(np.concatenate([[top], at[:-1]]))
                repeated = (at >= 0) & (at <= before)
                top = max(top, int(at.max()))
                if n := int(repeated.sum()):
                    count += n
                    for i in np.flatnonzero(repeated)[: SHOWN - len(named)]:
                        named.append(_file_row(files, rows, int(i)))
        self.settled = (count, named)
        return self.settled

    def warned(self, warnings: dict[str, int], rows: dict[str, Any]) -> None:
        """Add the warning and its first rows to a summary's ``warnings`` and ``warning_rows``.

        Example:
            >>> ids, w, r = RepeatedIds(), {}, {}
            >>> ids.add(pa.table({"file": ["a.jsonl"] * 2, "row": [1, 2], "id": ["x"] * 2}))
            >>> ids.warned(w, r); w, r
            ({'INCIDENT-ID-DUPLICATE': 1}, {'INCIDENT-ID-DUPLICATE': (('a.jsonl', 2),)})
        """
        if self.count:
            warnings[DUPLICATE] = self.count
            rows[DUPLICATE] = tuple(self.rows)


def _file_row(files: Any, rows: Any, i: int) -> tuple[str | None, int | None]:
    """The file and row of a batch's row ``i`` (``None`` for a column the batch lacks).

    Example:
        >>> _file_row(pc.run_end_encode(pa.array(["a", "a", "b"])), pa.array([4, 5, 6]), 2)
        ('b', 6)
    """
    file = None if files is None else pc.run_end_decode(files.slice(i, 1))[0].as_py()
    row = None if rows is None else rows[i].as_py()
    return file, row
