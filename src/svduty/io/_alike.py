"""Rows alike: a police.uk batch classified once per combination of the values that decide it.

What the pipeline adds to a police.uk row (its areas, ``within_area``, ``location``, its
verdicts and reasons, or its rejection) depends only on the row's month, LSOA code, LSOA
name and police.uk category (:data:`ALIKE`): the LSOA look-up reads the code and name, the
rules read the category, the month and the place. A month of one force's rows holds a few
thousand such combinations for tens of thousands of rows.

:func:`answered` runs the same pipeline (:func:`~svduty.io.classify_batch`) on the first row
of each combination, and :class:`~svduty.io._grouped.Grouped` gives the answers back to
every row (:meth:`~svduty.io._grouped.Grouped.table`, what the pipeline returns; a writer's
rows, :meth:`~svduty.io._grouped.Grouped.usable_parts`) or counts them without spreading
them (:meth:`~svduty.io._grouped.Grouped.distinct`): the summary of a job that writes no
rows never builds them.

Before it, :func:`numbered` numbers a batch's rows by combination: for a summary whose
LSOA pairs' places are known (:mod:`svduty.io._placed`), by place, month and crime type
(:func:`by_place`; a summary reads no row's LSOA, and what the pipeline adds to a usable
row depends on its LSOA only through its place). Between the two,
:func:`merged` can join the numbered rows of several batches, so that a combination found
in each of them is classified once for all: a summary's batches are answered a few at a
time (:class:`Held`, :data:`MERGED_ROWS`), since what the pipeline costs a batch is mostly
its own, however few its combinations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import SvdutyError
from svduty.io._grouped import Grouped
from svduty.io._placed import PLACED, KnownPlaces, place_column, places_of
from svduty.io._plain_text import plain_table

__all__ = ["ALIKE", "Grouped", "Held", "Numbered", "answered", "by_place", "merged", "numbered"]

ALIKE: tuple[str, ...] = ("lsoa_code", "lsoa_name", "month", "police_uk_category")
"""The police.uk columns that decide all the pipeline adds to a row; an LSOA's pair first."""

MOST_DISTINCT = 0.5
"""Above this share of distinct combinations a batch is classified row by row.

Grouping costs about a tenth of classifying every row: a real month of one force has 38%
distinct combinations, and its summary costs the same either way (0.34 s for 403,654 rows
of 89 relabelled real months, in process); a batch of a million distinct rows took 4.4 s
grouped against 0.9 s row by row (the grouped table is as long as the batch, and the rows
are located and classified as before, then spread again).
"""

MOST_DISTINCT_WRITTEN = 0.15
"""The same share when every row is built for a writer (``Grouped.usable_parts``).

Spreading the answers back to every row costs more than counting them: 400,000 rows
resampled from two months (5% distinct) cost 225 ms classified row by row and 184 ms
grouped (summary, bounds and the rows for the writer, in process); 400,000 rows of real
months (38% distinct) 223 ms row by row and 289 ms grouped.
"""

MERGED_ROWS = 1 << 19
"""A summary's batches are answered together, holding at most this many rows (:class:`Held`).

A pipeline pass costs about 5 ms a batch, whatever its rows (about 110 Arrow calls): a
16 MiB block of resampled rows holds 75,000 rows and 3,446 combinations, the same in
every block. Four blocks answered together (the limit in combinations stops a fifth),
the 4,000,000-row summary took 1.20/1.24 s -> 1.06/1.12 s (best/median of 9, against
answering each; 1.79 -> 1.59 s of CPU), for about 40 MB more. Pairs of blocks gained
nothing. Real months (38% distinct: 28,000 combinations a block) are answered a block
at a time.
"""

MERGED_COMBINATIONS = 1 << 14
"""... and at most this many combinations (counted in each batch: an upper bound)."""

MERGED_BYTES = 1 << 26
"""... and at most this many bytes: the memory held (whole buffers), whatever a row's width.

A batch is held whole until it is answered (its rejected rows are built from it): a
16 MiB block of a summary (only the columns it counts converted) is about 10 MB of Arrow
buffers; a block of long cells holds more bytes in fewer rows.
"""

MERGED_BATCHES = 64
"""... and at most this many batches (many small files: each costs its own objects)."""


@attrs.frozen(slots=True)
class Numbered:
    """Police.uk rows numbered by combination, not yet classified (:func:`numbered`).

    Attributes:
        rows: The usable rows.
        bad: The reader's rejected rows.
        groups: Each usable row's combination (numpy ``int64``, in order of first
            appearance).
        first: The first usable row of each combination (numpy ``int64``).
        alike: The columns that make a combination.
        parts: Each batch's numbers of usable and rejected rows (more than one when
            :func:`merged`).
        firsts: The rows at ``first`` (every column), when taken before: by :func:`merged`,
            or by ``run_pipeline``'s reading thread; ``None``: taken when answered.
        places: Each usable row's place number (numpy), when numbered by place
            (``alike`` is :data:`~svduty.io._placed.PLACED`; see :mod:`svduty.io._placed`).
    """

    rows: pa.Table
    bad: pa.Table
    groups: Any
    first: Any
    alike: tuple[str, ...]
    parts: tuple[tuple[int, int], ...]
    firsts: pa.Table | None = None
    places: Any = None

    def worth(self, most: float) -> bool:
        """Whether at most ``most`` of the usable rows are distinct (grouping pays).

        Example:
            >>> from svduty.io import read_police_uk, sample_police_uk
            >>> found = numbered(next(read_police_uk(sample_police_uk())))
            >>> found.worth(0.5), found.worth(0.0)
            (True, False)
        """
        return len(self.first) <= most * self.rows.num_rows


@attrs.define(slots=True)
class Held:
    """Numbered batches held to be answered together, and how much they hold.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk
        >>> held = Held()
        >>> found = numbered(next(read_police_uk(sample_police_uk())))
        >>> held.takes(found), held.add(found), held.takes(found), held.rows
        (True, None, True, 4586)
        >>> len(held.taken()), held.rows
        (1, 0)
    """

    found: list[Numbered] = attrs.Factory(list)
    rows: int = 0
    combinations: int = 0
    size: int = 0

    def takes(self, found: Numbered) -> bool:
        """Whether ``found`` can be held with the batches held, within every limit.

        Any batch when none is held (a batch beyond a limit is answered alone); else one
        of the same columns, none of them a dictionary whose words hold a null (the chunks
        of such a column cannot be joined; the reader's month and crime type hold none: a
        row's null is its index's), that keeps the batches held within
        :data:`MERGED_ROWS`, :data:`MERGED_COMBINATIONS`, :data:`MERGED_BYTES` and
        :data:`MERGED_BATCHES`.
        """
        if not self.found:
            return True
        first = self.found[0]
        schema = found.rows.schema
        return (
            found.alike == first.alike
            and schema == first.rows.schema
            and not _null_words(found.rows)
            and self.rows + found.rows.num_rows <= MERGED_ROWS
            and self.combinations + len(found.first) <= MERGED_COMBINATIONS
            and self.size + _size(found) <= MERGED_BYTES
            and len(self.found) < MERGED_BATCHES
        )

    def add(self, found: Numbered) -> None:
        """Hold one more batch."""
        self.found.append(found)
        self.rows += found.rows.num_rows
        self.combinations += len(found.first)
        self.size += _size(found)

    def taken(self) -> list[Numbered]:
        """The batches held, in order; none are held after."""
        found = self.found
        self.found, self.rows, self.combinations, self.size = [], 0, 0, 0
        return found


def _null_words(rows: pa.Table) -> bool:
    """Whether a dictionary column of ``rows`` has a null among its words."""
    return any(
        chunk.dictionary.null_count  # type: ignore[attr-defined]
        for column in rows.columns
        if pa.types.is_dictionary(column.type)
        for chunk in column.chunks
    )


def _size(found: Numbered) -> int:
    """The bytes a numbered batch keeps alive: whole buffers (a slice keeps all of its own).

    Its rejected rows if any (none: an empty slice of the rows), its distinct rows if taken.
    """
    bad = found.bad.get_total_buffer_size() if found.bad.num_rows else 0
    more = found.firsts.get_total_buffer_size() if found.firsts is not None else 0
    return found.rows.get_total_buffer_size() + bad + more


def numbered(
    batch: pa.RecordBatch | pa.Table,
    alike: Sequence[str] = ALIKE,
    known: KnownPlaces | None = None,
) -> Numbered | None:
    """A police.uk batch's usable rows numbered by combination of their ``alike`` values.

    With ``known`` (a summary's: :mod:`svduty.io._placed`), rows numbered by ``ALIKE`` are
    numbered by place, month and crime type instead when every LSOA pair of the batch is
    known (:func:`by_place`).

    Returns:
        ``None`` when the batch has no usable row or no ``row`` column of ``int64``.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk
        >>> found = numbered(next(read_police_uk(sample_police_uk())))
        >>> len(found.first) < found.rows.num_rows == len(found.groups)
        True
    """
    table = plain_table(batch)  # as the pipeline reads it (no view; the locator's text)
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
    found = None if known is None or tuple(alike) != ALIKE else by_place(good, bad, known)
    if found is not None:
        return found
    groups, first = _arrays.groups([good.column(n) for n in alike], good.num_rows, together=2)
    return Numbered(good, bad, groups, first, tuple(alike), ((good.num_rows, bad.num_rows),))


def by_place(
    good: pa.Table, bad: pa.Table, known: KnownPlaces, pairs: Any = None
) -> Numbered | None:
    """Usable police.uk rows numbered by place, month and crime type (:data:`PLACED`).

    ``None`` when an LSOA pair of ``good`` is not ``known`` (:func:`svduty.io._placed.learn`).
    ``pairs``: ``good``'s :func:`~svduty.io._placed.pairs_of`, if found before.

    Example:
        >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
        >>> from svduty.io._placed import KnownPlaces, learn
        >>> rows, known = next(read_police_uk(sample_police_uk())), KnownPlaces()
        >>> learn(known, default_pipeline()(rows))
        >>> found = numbered(rows, known=known)
        >>> found.alike == PLACED, len(found.first) < len(numbered(rows).first)
        (True, True)
    """
    places = places_of(good, known, pairs)
    if places is None:
        return None
    columns = [place_column(places), good.column("month"), good.column("police_uk_category")]
    groups, first = _arrays.groups(columns, good.num_rows)
    parts = ((good.num_rows, bad.num_rows),)
    return Numbered(good, bad, groups, first, PLACED, parts, places=places)


def merged(found: Sequence[Numbered]) -> Numbered:
    """The numbered rows of several batches as one: a combination numbered once for all.

    The batches' first rows of each combination are numbered again together, so that
    :func:`answered` classifies a combination the batches share once. Their rows are
    joined (not copied), in order; so are their rejected rows.

    Raises:
        ValueError: if ``found`` is empty, or its batches' columns are not the same.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk
        >>> one = numbered(next(read_police_uk(sample_police_uk())))
        >>> two = merged([one, one])
        >>> len(two.first) == len(one.first), two.rows.num_rows == 2 * one.rows.num_rows
        (True, True)
    """
    if not found or any(f.alike != found[0].alike for f in found):
        raise ValueError("merged: rows numbered by the same columns, one batch or more")
    if len(found) == 1:
        return found[0]
    keys = pa.concat_tables([_keys(f) for f in found])
    together = 2 if found[0].alike == ALIKE else 0  # (an LSOA's pair numbered first)
    again, first = _arrays.groups(keys.columns, keys.num_rows, together=together)
    groups, firsts, combinations = [], [], 0
    for f in found:  # each batch's numbers through the combinations numbered again
        groups.append(again[combinations + f.groups])
        # the combinations first met in this batch, taken from it alone (a take from the
        # joined rows would join every batch's columns first: a copy of all held)
        mine = first[(first >= combinations) & (first < combinations + len(f.first))]
        if len(mine):  # (from its distinct rows when taken ahead: fewer rows)
            at, own = mine - combinations, f.firsts
            firsts.append(_taken(f.rows, f.first[at]) if own is None else _taken(f.rows, at, own))
        combinations += len(f.first)
    starts = np.cumsum([0] + [f.rows.num_rows for f in found[:-1]])
    at = np.repeat(starts, [len(f.first) for f in found]) + np.concatenate([f.first for f in found])
    placed = found[0].places is not None
    return Numbered(
        pa.concat_tables([f.rows for f in found]),
        pa.concat_tables([f.bad for f in found]),
        np.concatenate(groups),
        at[first],
        found[0].alike,
        tuple(part for f in found for part in f.parts),
        pa.concat_tables(firsts),
        np.concatenate([f.places for f in found]) if placed else None,
    )


def _keys(found: Numbered) -> pa.Table:
    """The values that make each combination of ``found`` (its ``alike``; a place's number)."""
    at = _arrays.array(found.first)
    if found.places is None:
        keys: pa.Table = pc.take(found.rows.select(list(found.alike)), at)
        return keys
    keys = pc.take(found.rows.select(list(found.alike[1:])), at)
    return keys.add_column(0, found.alike[0], _arrays.array(found.places[found.first]))


def _taken(rows: pa.Table, at: Any, among: pa.Table | None = None) -> pa.Table:
    """``rows``' rows ``at`` (``among``'s if given); a column all null in ``rows`` made, not taken.

    Example:
        >>> t = pa.table({"a": [1, 2, 3], "b": pa.nulls(3, pa.string())})
        >>> _taken(t, np.array([2, 0])).to_pylist()
        [{'a': 3, 'b': None}, {'a': 1, 'b': None}]
    """
    idx, source = _arrays.array(at), rows if among is None else among
    columns = [
        pa.nulls(len(at), c.type) if c.null_count == len(c) else pc.take(s, idx)
        for c, s in zip(rows.columns, source.columns, strict=True)
    ]
    return pa.Table.from_arrays(columns, schema=rows.schema)


def answered(found: Numbered, classify: Callable[[pa.Table], pa.Table]) -> Grouped:
    """The first row of each combination classified: :class:`Grouped` answers.

    Raises:
        SvdutyError: if ``classify`` loses, invents or reorders rows (each row once, its
            usable rows first).

    Example:
        >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
        >>> found = numbered(next(read_police_uk(sample_police_uk())))
        >>> answered(found, default_pipeline()).out.num_rows == len(found.first)
        True
    """
    good, first = found.rows, found.first
    at = good.schema.get_field_index("row")
    distinct = _taken(good, first) if found.firsts is None else found.firsts
    numbers = _arrays.array(np.arange(len(first), dtype=np.int64))
    out = classify(distinct.set_column(at, distinct.schema.field(at), numbers))
    usable = out.column("rejected").null_count
    if out.num_rows != len(first) or out.slice(0, usable).column("rejected").null_count != usable:
        raise SvdutyError(
            f"the pipeline returned {out.num_rows} rows for {len(first)} rows"
            " (each row once, its usable rows first)"
        )
    parts = found.parts if len(found.parts) > 1 else ()
    return Grouped(good, found.bad, found.groups, out, usable, parts, found.alike)
