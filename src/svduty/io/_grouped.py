"""Answers given back to rows: a batch's combinations answered once, and every row's answer.

:func:`svduty.io._alike.answered` classifies the first row of each combination of a
police.uk batch (numbered by :mod:`svduty.io._alike`) and returns a :class:`Grouped`, which
gives the answers back to every row (:meth:`Grouped.table`, what the pipeline returns; a
writer's rows, :meth:`Grouped.usable_parts`, each batch's as its own table) or counts them
without spreading them (:meth:`Grouped.distinct`, each combination with its number of
rows): the summary of a job that writes no rows never builds them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.definitions._distinct import spread
from svduty.io._locate import LOCATOR_REASONS, pad

__all__ = ["Grouped"]

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
        parts: Each batch's numbers of usable and rejected rows, when ``rows`` and ``bad``
            join several batches (:func:`svduty.io._alike.merged`); one batch when empty.
        alike: The columns the rows were numbered by (their values are their
            combination's: ``svduty.io._alike.ALIKE``); none when not told.
    """

    rows: pa.Table
    bad: pa.Table
    groups: Any
    out: pa.Table
    usable: int
    parts: tuple[tuple[int, int], ...] = ()
    alike: tuple[str, ...] = ()

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

    def usable_rows(self, words: Collection[str] = ()) -> pa.Table:
        """Every usable row with the pipeline's columns, in the batch's order.

        ``words``: columns of text (or lists of text) given as dictionaries of it (a
        writer that stores them so: each combination's text is encoded once, and its
        rows get numbers, not copies of the text). The one-part case of
        :meth:`usable_parts`.

        Example:
            >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
            >>> g = default_pipeline()._grouped(next(read_police_uk(sample_police_uk())))
            >>> g.usable_rows(["reasons"]).schema.field("reasons").type.value_type
            DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
        """
        (table,) = self.usable_parts(words, sizes=(self.rows.num_rows,))
        return table

    def usable_parts(
        self, words: Collection[str] = (), *, sizes: Sequence[int] | None = None
    ) -> Iterator[pa.Table]:
        """The usable rows of each batch answered together, each batch's a table of its own.

        ``words`` as for :meth:`usable_rows`; a column of them the rows were numbered by
        (:attr:`alike`: alike in every row of a combination) is given as its
        combination's words too, not as the reader's text. ``sizes``: the rows (of
        :attr:`rows`) in each part, in order (default: each batch's, :attr:`parts`).

        Each part is built when the one before has been handed on (a generator), so a
        writer encodes one batch while the next is built, and each batch's rows are let
        go once written (speed51c).

        Example:
            >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
            >>> from svduty.io._alike import answered, merged, numbered
            >>> one = numbered(next(read_police_uk(sample_police_uk())))
            >>> g = answered(merged([one, one]), default_pipeline())
            >>> [t.num_rows for t in g.usable_parts()] == [one.rows.num_rows] * 2
            True
        """
        if sizes is None:
            sizes = [good for good, _ in self.parts] or [self.rows.num_rows]
        out = self.out.slice(0, self.usable)
        if words:
            out = _as_words(out, words)
        at = _places(out, self.out.num_rows)[self.groups]
        keep = tuple(n for n in words if n in self.alike)  # as their combination's
        every = self.usable == self.out.num_rows  # the usual case: every combination usable
        start = 0
        for size in sizes:
            rows, part = self.rows.slice(start, size), at[start : start + size]
            if not every:
                kept = part >= 0
                rows, part = pc.filter(rows, _arrays.array(kept)), part[kept]
            yield _spread(out, rows, part, keep=keep)
            start += size

    def rejected_rows(self) -> pa.Table:
        """The rejected rows, in the pipeline's order: the reader's, unresolved, refused."""
        each = self.rejected_parts()
        if not each:
            return self.out.schema.empty_table()
        return each[0] if len(each) == 1 else pa.concat_tables(each)

    def rejected_parts(self) -> list[pa.Table]:
        """Each batch's rejected rows (:meth:`rejected_rows`), a table for each that has any.

        Example:
            >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
            >>> g = default_pipeline()._grouped(next(read_police_uk(sample_police_uk())))
            >>> g.rejected_parts()
            []
        """
        out = self.out.slice(self.usable)
        rank = None
        if out.num_rows:
            # the pipeline rejects places first (an LSOA unknown or contradicted), then rows
            unresolved = pc.is_in(out.column("rejected"), value_set=pa.array(LOCATOR_REASONS))
            first = _arrays.one_array(unresolved).to_numpy(zero_copy_only=False)
            rank = np.full(self.out.num_rows, -1, dtype=np.int64)
            rank[_combinations(out)] = np.where(first, 0, 1)
        tables = []
        good = bad = 0
        for good_rows, bad_rows in self.parts or ((self.rows.num_rows, self.bad.num_rows),):
            parts = [pad(self.bad.slice(bad, bad_rows), self.out.schema)] if bad_rows else []
            if rank is not None:
                groups = self.groups[good : good + good_rows]
                rows = self.rows.slice(good, good_rows)  # this batch's own (not joined)
                for kind in (0, 1):
                    picked = np.flatnonzero(rank[groups] == kind)
                    if len(picked):
                        parts.append(self._rejected(out, rows, groups, picked))
            if parts:
                tables.append(pa.concat_tables(parts))
            good, bad = good + good_rows, bad + bad_rows
        return tables

    def _rejected(self, out: pa.Table, rows: pa.Table, groups: Any, picked: Any) -> pa.Table:
        at = _places(out, self.out.num_rows)[groups[picked]]
        return _spread(out, pc.take(rows, _arrays.array(picked)), at, keep=_BOOKKEEPING)

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


def _as_words(out: pa.Table, words: Collection[str]) -> pa.Table:
    """``out`` with its columns named in ``words`` of text, or lists of text, as dictionaries."""
    for name in words:
        at = out.schema.get_field_index(name)
        if at < 0:
            continue
        kind = out.schema.field(at).type
        if pa.types.is_string(kind):
            target: pa.DataType = _WORDS
        elif pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
            target = pa.list_(kind.value_field.with_type(_WORDS))
        else:
            continue
        out = out.set_column(at, out.schema.field(at).with_type(target), pc.cast(out[at], target))
    return out


_WORDS = pa.dictionary(pa.int32(), pa.string())


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
    ``at`` is checked to lie within ``out`` once, and the takes do not check each index
    again (``svduty._compute.take_in_bounds``: a writer's rows, about 12 takes a batch, the
    check costing as much as the take; speed55b).
    """
    idx = _arrays.array(at)
    pc.check_within(idx, out.num_rows)  # once: each take below need not check every index
    own = set(rows.schema.names) - set(keep)
    shared: list[tuple[Any, Any]] = []
    columns: list[Any] = []
    for name in out.schema.names:
        if name in own:
            columns.append(rows.column(name))
            continue
        col: Any = _arrays.one_array(out.column(name))
        if not pa.types.is_dictionary(col.type):
            columns.append(spread(col, idx, checked=True))  # lists of text: takes of bytes
            continue
        numbers = next((n for i, n in shared if i.equals(col.indices)), None)
        if numbers is None:
            numbers = pc.take_in_bounds(col.indices, idx)
            shared.append((col.indices, numbers))
        columns.append(pc.words_of(numbers, col.dictionary))  # its own indices, taken
    return pa.Table.from_arrays(columns, schema=out.schema)
