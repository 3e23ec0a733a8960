"""Rows alike: a police.uk batch classified once per combination of the values that decide it.

What the pipeline adds to a police.uk row (its areas, ``within_area``, ``location``, its
verdicts and reasons, or its rejection) depends only on the row's month, LSOA code, LSOA
name and police.uk category (:data:`ALIKE`): the LSOA look-up reads the code and name, the
rules read the category, the month and the place. A month of one force's rows holds a few
thousand such combinations for tens of thousands of rows.

:func:`grouped` runs the same pipeline (:func:`~svduty.io.classify_batch`) on the first row
of each combination, and :class:`Grouped` gives the answers back to every row
(:meth:`Grouped.table`, what the pipeline returns) or counts them without spreading them
(:meth:`Grouped.distinct`, each combination with its number of rows): the summary of a
job that writes no rows never builds them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.definitions._distinct import spread
from svduty.errors import SvdutyError
from svduty.io._locate import LOCATOR_REASONS, pad

__all__ = ["ALIKE", "Grouped", "grouped"]

ALIKE: tuple[str, ...] = ("month", "lsoa_code", "lsoa_name", "police_uk_category")
"""The police.uk columns that decide everything the pipeline adds to a row."""

MOST_DISTINCT = 0.5
"""Above this share of distinct combinations a batch is classified row by row.

Grouping costs about a tenth of classifying every row: a real month of one force has 38%
distinct combinations, and its summary costs the same either way (0.34 s for 403,654 rows
of 89 relabelled real months, in process); a batch of a million distinct rows took 4.4 s
grouped against 0.9 s row by row (the grouped table is as long as the batch, and the rows
are located and classified as before, then spread again).
"""

MOST_DISTINCT_WRITTEN = 0.15
"""The same share when every row is built for a writer (:meth:`Grouped.usable_rows`).

Spreading the answers back to every row costs more than counting them: 400,000 rows
resampled from two months (5% distinct) cost 225 ms classified row by row and 184 ms
grouped (summary, bounds and the rows for the writer, in process); 400,000 rows of real
months (38% distinct) 223 ms row by row and 289 ms grouped.
"""

_BOOKKEEPING = ("rejected", "rejected_field")


@attrs.frozen(slots=True)
class Grouped:
    """A batch's usable rows, numbered by combination, and the pipeline's output for each.

    Attributes:
        rows: The reader's usable rows (its columns, unchanged).
        bad: The reader's rejected rows.
        groups: Each usable row's combination (numpy ``int64``, numbered in order of first
            appearance).
        out: The pipeline's output for the first row of each combination, its ``row``
            column the combination's number: usable rows first, then rejected ones.
        usable: How many rows of ``out`` are usable.
    """

    rows: pa.Table
    bad: pa.Table
    groups: Any
    out: pa.Table
    usable: int

    def distinct(self) -> tuple[pa.Table, Any]:
        """The usable combinations (the pipeline's columns) and each one's number of rows.

        Example:
            >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
            >>> g = default_pipeline()._grouped(next(read_police_uk(sample_police_uk())))
            >>> table, weights = g.distinct()
            >>> int(weights.sum()) == g.rows.num_rows, table.num_rows < g.rows.num_rows
            (True, True)
        """
        out = self.out.slice(0, self.usable)
        sizes = np.bincount(self.groups, minlength=self.out.num_rows)
        return out, sizes[_combinations(out)]

    def usable_rows(self) -> pa.Table:
        """Every usable row with the pipeline's columns, in the batch's order."""
        out = self.out.slice(0, self.usable)
        at = _places(out, self.out.num_rows)[self.groups]
        if self.usable == self.out.num_rows:  # the usual case: every combination usable
            return _spread(out, self.rows, at, keep=())
        kept = at >= 0
        return _spread(out, pc.filter(self.rows, _arrays.array(kept)), at[kept], keep=())

    def rejected_rows(self) -> pa.Table:
        """The rejected rows, in the pipeline's order: the reader's, unresolved, refused."""
        out = self.out.slice(self.usable)
        parts = [pad(self.bad, self.out.schema)] if self.bad.num_rows else []
        if out.num_rows:
            # the pipeline rejects places first (an LSOA unknown or contradicted), then rows
            unresolved = pc.is_in(out.column("rejected"), value_set=pa.array(LOCATOR_REASONS))
            first = _arrays.one_array(unresolved).to_numpy(zero_copy_only=False)
            rank = np.full(self.out.num_rows, -1, dtype=np.int64)
            rank[_combinations(out)] = np.where(first, 0, 1)
            for kind in (0, 1):
                picked = np.flatnonzero(rank[self.groups] == kind)
                if len(picked):
                    parts.append(self._rejected(out, picked))
        if not parts:
            return self.out.schema.empty_table()
        return pa.concat_tables(parts)

    def _rejected(self, out: pa.Table, picked: Any) -> pa.Table:
        rows = pc.take(self.rows, _arrays.array(picked))
        at = _places(out, self.out.num_rows)[self.groups[picked]]
        return _spread(out, rows, at, keep=_BOOKKEEPING)

    def table(self) -> pa.Table:
        """What the pipeline gives the batch: the usable rows, then the rejected rows.

        Example:
            >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
            >>> p = default_pipeline()
            >>> batch = next(read_police_uk(sample_police_uk()))
            >>> p._grouped(batch).table().num_rows == batch.num_rows
            True
        """
        good = self.usable_rows()
        if self.usable == self.out.num_rows and not self.bad.num_rows:
            return good
        return pa.concat_tables([good, self.rejected_rows()])


def _combinations(out: pa.Table) -> Any:
    """The combination each row of ``out`` answers (its ``row`` column)."""
    return _arrays.one_array(out.column("row")).to_numpy(zero_copy_only=False)


def _places(out: pa.Table, combinations: int) -> Any:
    """Each combination's row in ``out`` (``-1`` where ``out`` has none): one map for all."""
    place = np.full(combinations, -1, dtype=np.int64)
    place[_combinations(out)] = np.arange(out.num_rows, dtype=np.int64)
    return place


def _spread(out: pa.Table, rows: pa.Table, at: Any, *, keep: Sequence[str]) -> pa.Table:
    """``rows`` with the pipeline's columns of ``out`` at ``at``, in ``out``'s column order.

    The reader's columns come from ``rows``, but for those in ``keep`` (taken from ``out``,
    as every column the pipeline adds is). Word columns that number their rows alike (a
    district's code and name) share one array of numbers, as the pipeline makes them.
    """
    idx = _arrays.array(at)
    own = set(rows.schema.names) - set(keep)
    shared: list[tuple[Any, Any]] = []
    columns: list[Any] = []
    for name in out.schema.names:
        if name in own:
            columns.append(rows.column(name))
            continue
        col: Any = _arrays.one_array(out.column(name))
        if not pa.types.is_dictionary(col.type):
            columns.append(spread(col, idx))  # lists of text: two takes of bytes
            continue
        numbers = next((n for i, n in shared if i.equals(col.indices)), None)
        if numbers is None:
            numbers = pc.take(col.indices, idx)
            shared.append((col.indices, numbers))
        columns.append(pa.DictionaryArray.from_arrays(numbers, col.dictionary))
    return pa.Table.from_arrays(columns, schema=out.schema)


def grouped(
    batch: pa.RecordBatch | pa.Table,
    classify: Callable[[pa.Table], pa.Table],
    alike: Sequence[str] = ALIKE,
    most: float = MOST_DISTINCT,
) -> Grouped | None:
    """Classify a police.uk batch once per combination of its ``alike`` columns.

    Args:
        batch: Normalised police.uk rows (:data:`~svduty.io.POLICE_UK_SCHEMA`).
        classify: The pipeline on a table (:func:`~svduty.io.classify_batch` with its
            collaborators bound); it must add to each row only what ``alike`` decides.
        alike: The columns that decide what ``classify`` adds to a row.
        most: The largest share of distinct combinations among the usable rows worth
            grouping (:data:`MOST_DISTINCT`).

    Returns:
        The grouped answers; ``None`` (classify the batch row by row) when the batch has
        no usable row, no ``row`` column of ``int64`` to number the combinations in, or
        more than ``most`` of its usable rows distinct.

    Example:
        >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
        >>> g = default_pipeline()._grouped(next(read_police_uk(sample_police_uk())))
        >>> g.out.num_rows < g.rows.num_rows
        True
    """
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    at = table.schema.get_field_index("row")
    if at < 0 or table.schema.field(at).type != pa.int64():  # not the reader's row numbers
        return None
    rejected = table.column("rejected")
    if rejected.null_count == table.num_rows:  # the usual case: all usable
        good, bad = table, table.slice(0, 0)
    else:
        ok = pc.is_null(rejected)
        good, bad = pc.filter(table, ok), pc.filter(table, pc.invert(ok))
    if not good.num_rows:
        return None
    groups, first = _arrays.groups([good.column(n) for n in alike], good.num_rows)
    if len(first) > most * good.num_rows:
        return None
    distinct = pc.take(good, _arrays.array(first))
    numbers = _arrays.array(np.arange(len(first), dtype=np.int64))
    out = classify(distinct.set_column(at, distinct.schema.field(at), numbers))
    usable = out.column("rejected").null_count
    if out.num_rows != len(first) or out.slice(0, usable).column("rejected").null_count != usable:
        raise SvdutyError(
            f"the pipeline returned {out.num_rows} rows for {len(first)} rows"
            " (each row once, its usable rows first)"
        )
    return Grouped(good, bad, groups, out, usable)
