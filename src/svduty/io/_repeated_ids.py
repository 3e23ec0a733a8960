"""Incident rows that share an ``id``: counted, so that no incident is counted twice unseen.

An incident file (JSON Lines, CSV, Parquet) with two rows of one ``id`` (an export run
twice into one file, two files of the same incidents) has both classified, and an
analyst counting incidents counts that one twice. :class:`RepeatedIds` counts, across a
run's batches, the usable rows whose ``id`` an earlier usable row has (the id's text as
given), and keeps the first few of them by file and row, never the ids (they can be
personal data). A row with no ``id`` cannot be matched; a rejected row is counted nowhere,
so it is not counted twice either. The summary warns ``INCIDENT-ID-DUPLICATE``.

The ids of earlier batches are kept once each (an Arrow array of the distinct ids), and a
batch's are looked up in them with Arrow's hash kernels (``dictionary_encode``,
``is_in``): no Python object a row.
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

    count: int = 0
    rows: list[tuple[str | None, int | None]] = attrs.Factory(list)
    seen: Any = None
    """The distinct ids of the earlier batches (a string array), ``None`` before the first."""

    def add(self, good: pa.Table) -> None:
        """Count the rows of ``good`` (usable incident rows) whose ``id`` is an earlier one's."""
        if "id" not in good.schema.names or not good.num_rows:
            return
        ids: Any = _arrays.one_array(good.column("id"))
        if ids.type != pa.string():  # a dictionary, wide text, a view, a number
            ids = pc.cast(ids, pa.string())
        if ids.null_count == len(ids):
            return
        enc = pc.dictionary_encode(ids)  # a null id: a null index (no word)
        words = enc.dictionary
        at = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False)
        # words are numbered in order of first appearance: a word's first row is where
        # the numbers pass every number before (a null, -1, never does)
        first = at > np.maximum.accumulate(np.concatenate([[-1], at[:-1]]))
        known = np.zeros(len(words) + 1, dtype=bool)  # (the last: no id)
        if self.seen is not None and len(self.seen):
            known[:-1] = pc.is_in(words, value_set=self.seen).to_numpy(zero_copy_only=False)
        repeated = (at >= 0) & (~first | known[at])
        if n := int(repeated.sum()):
            self.count += n
            self._name(good, np.flatnonzero(repeated)[: SHOWN - len(self.rows)])
        new = words.filter(pa.array(~known[:-1]))
        self.seen = new if self.seen is None else pa.concat_arrays([self.seen, new])

    def _name(self, good: pa.Table, positions: Any) -> None:
        """Keep the file and row of the rows at ``positions``."""
        if not len(positions):
            return
        at = _arrays.array(positions.astype(np.int64))
        n = len(positions)
        files, rows = (
            pc.take(good.column(c), at).to_pylist() if c in good.schema.names else [None] * n
            for c in ("file", "row")
        )
        self.rows.extend(zip(files, rows, strict=True))

    def warned(self, warnings: dict[str, int], rows: dict[str, Any]) -> None:
        """Add the warning and its first rows to a summary's ``warnings`` and ``warning_rows``.

        Example:
            >>> ids, w, r = RepeatedIds(count=2, rows=[("a.jsonl", 3)]), {}, {}
            >>> ids.warned(w, r); w, r
            ({'INCIDENT-ID-DUPLICATE': 2}, {'INCIDENT-ID-DUPLICATE': (('a.jsonl', 3),)})
        """
        if self.count:
            warnings[DUPLICATE] = self.count
            rows[DUPLICATE] = tuple(self.rows)
