"""A writer's answers kept across batches: each combination classified once a run.

When every row is written (``svduty classify --output``), a police.uk batch worth grouping
is classified once per combination of its :data:`~svduty.io._alike.ALIKE` values, and its
rows are built again from those answers (``svduty.io._grouped.Grouped.usable_parts``),
each batch's rows as a table of their own. What the pipeline adds to a row depends on its
combination alone, so the answers need not be found again in the next batch: :class:`Known`
keeps them (at most :data:`KNOWN_COMBINATIONS`), and a batch whose combinations are all
known is answered without the pipeline; one with new combinations has only those
classified. The rows are still built, counted and written batch by batch, as before.

The batches are not held for it (the memory held is the answers, not the rows): holding
three of the bench's 8 MiB batches to answer them together was slower as a whole command
(speed53b). On the bench's resampled rows (400,000 rows, 11 batches, 3,446 combinations in
all) the pipeline ran on 3,431 + 15 combinations, twice, not eleven times; on real months
(38% of the rows distinct) the batches are classified row by row as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import attrs
import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import SvdutyError
from svduty.io import _alike
from svduty.io._grouped import Grouped, _as_words

__all__ = ["KNOWN_COMBINATIONS", "Known", "KnownAnswers"]

KNOWN_COMBINATIONS = 1 << 14
"""The most combinations kept: past it, the answers kept are let go and kept afresh.

An answer is a row of the pipeline's output (about 0.5 KB: the reader's columns of the
combination's first row, and the verdicts' text), kept twice (as given, and with
repeated text as words for the writer): at most about 16 MB.
"""


@attrs.frozen(slots=True)
class KnownAnswers:
    """A batch's answers from :class:`Known`: its rows with the answers kept.

    Attributes:
        grouped: The batch's rows with the answers kept (:meth:`Grouped.usable_parts`
            builds its rows, each batch's as its own table).
        rejected: The reader's rejected rows of each batch that has any, as the pipeline
            gives them (:meth:`Grouped.rejected_parts`).
    """

    grouped: Grouped
    rejected: list[pa.Table]


@attrs.define(slots=True)
class Known:
    """The pipeline's answers to a writer's combinations, kept across its batches.

    The usable rows are counted by combination as they are answered (each combination's
    rows added up), and handed to ``count`` as the answers kept with each one's number of
    rows, those of none left out (:meth:`flush`): when the answers are let go, and at the
    end of the run. A summary counts every combination with its rows, in any order.

    Example:
        >>> from svduty.io import default_pipeline, read_police_uk, sample_police_uk
        >>> from svduty.io._alike import numbered
        >>> found = numbered(next(read_police_uk(sample_police_uk())))
        >>> counted, calls = [], []
        >>> known = Known(count=lambda t, w: counted.append(int(w.sum())))
        >>> def pipeline(t):
        ...     calls.append(t.num_rows)
        ...     return default_pipeline()(t)
        >>> first, again = known.answered(found, pipeline), known.answered(found, pipeline)
        >>> known.flush()
        >>> calls == [len(found.first)], counted == [2 * found.rows.num_rows]
        (True, True)
    """

    count: Callable[[pa.Table, Any], object]
    """Counts usable answers, each standing for a number of rows (:meth:`flush`)."""
    keys: pa.Table | None = None
    """The :data:`~svduty.io._alike.ALIKE` values of each combination kept, in order."""
    plain: pa.Table | None = None
    """The pipeline's answer to each, as it gave it (in the same order: its ``row``)."""
    schema: pa.Schema | None = None
    """The schema of the rows the answers were found for (other rows: found afresh)."""
    worded: dict[tuple[str, ...], pa.Table] = attrs.Factory(dict)
    """``plain`` with the columns named given as words (as a writer takes them)."""
    rows: Any = None
    """Each answer's rows answered since it was counted (numpy ``int64``)."""

    def answered(
        self,
        found: _alike.Numbered,
        pipeline: Callable[[pa.Table], pa.Table],
        words: Collection[str] = (),
        *,
        most_new: int | None = None,
    ) -> KnownAnswers | None:
        """``found``'s answers: those kept, and its new combinations' from the pipeline.

        Its usable rows are counted (see :meth:`flush`); ``words``: the columns its rows
        are built with as words (the writer's); ``most_new``: ``None`` is returned if more
        of its combinations than this are new (none: any number).

        Returns:
            ``None`` when the answers cannot be kept: the pipeline refuses a combination
            (a writer then classifies the batch's rows as ever), the combinations' values
            hold a dictionary with a null word, ``found`` has more combinations than
            :data:`KNOWN_COMBINATIONS` alone, or more new ones than ``most_new``. Nothing
            of it is kept or counted then.

        Raises:
            SvdutyError: if the pipeline loses, invents or reorders rows.
        """
        if len(found.first) > KNOWN_COMBINATIONS:
            return None
        alike = list(found.alike)
        firsts = found.firsts
        if firsts is None:
            keys = _alike._taken(found.rows.select(alike), found.first)
        else:
            keys = firsts.select(alike)
        if _alike._null_words(keys):
            return None
        known = 0 if self.plain is None else self.plain.num_rows
        if (
            self.keys is None
            or found.rows.schema != self.schema
            or known + len(found.first) > KNOWN_COMBINATIONS  # (the new ones may fit: not asked)
        ):
            if most_new is not None and len(found.first) > most_new:
                return None  # (every combination new)
            self.clear()
            known = 0
        if known:
            assert self.keys is not None  # (kept with the answers)
            both = pa.concat_tables([self.keys, keys])
            again, _ = _arrays.groups([both.column(n) for n in alike], both.num_rows, together=2)
            mine = again[known:]  # each combination's number among those kept (new: >= known)
        else:
            mine = np.arange(len(found.first), dtype=np.int64)
        new = np.flatnonzero(mine >= known)
        if most_new is not None and len(new) > most_new:
            return None
        if len(new):
            if firsts is None:
                firsts = _alike._taken(found.rows, found.first)
            if not self._add(firsts, keys, new, known, pipeline):
                return None
        assert self.plain is not None  # (a batch's combinations are kept, or none is)
        self.schema = found.rows.schema
        groups = mine[found.groups]
        self.rows += np.bincount(groups, minlength=self.plain.num_rows)
        out = self._worded(tuple(sorted(words)))
        parts = found.parts if len(found.parts) > 1 else ()
        grouped = Grouped(found.rows, found.bad, groups, out, out.num_rows, parts, found.alike)
        rejected = []
        if found.bad.num_rows:  # (padded to the pipeline's columns as it gives them)
            plain = Grouped(found.rows, found.bad, groups, self.plain, out.num_rows, parts)
            rejected = plain.rejected_parts()
        return KnownAnswers(grouped, rejected)

    def flush(self) -> None:
        """Count the rows answered since the last count: each answer with its rows.

        The answers of no row since are left out; each answer's ``row`` column numbers
        them (as ``svduty.io._alike.answered`` gives a batch's answers).
        """
        if self.plain is None or not self.rows.any():
            return
        used = np.flatnonzero(self.rows)
        weights = self.rows[used]
        self.rows = np.zeros(self.plain.num_rows, dtype=np.int64)
        distinct = self.plain if len(used) == self.plain.num_rows else None
        if distinct is None:
            distinct = pc.take(self.plain, _arrays.array(used))
        row = distinct.schema.get_field_index("row")
        numbers = _arrays.array(np.arange(len(used), dtype=np.int64))
        self.count(distinct.set_column(row, distinct.schema.field(row), numbers), weights)

    def clear(self) -> None:
        """Count the rows answered (:meth:`flush`), and let every answer kept go."""
        self.flush()
        self.keys = self.plain = self.schema = self.rows = None
        self.worded = {}

    def _add(
        self,
        firsts: pa.Table,
        keys: pa.Table,
        new: Any,
        known: int,
        pipeline: Callable[[pa.Table], pa.Table],
    ) -> bool:
        """Classify the combinations ``new`` (rows of ``firsts``) and keep their answers.

        False (nothing kept) if the pipeline refuses one of them.
        """
        at = _arrays.array(new)
        rows = pc.take(firsts, at)
        row = rows.schema.get_field_index("row")
        numbers = _arrays.array(np.arange(known, known + len(new), dtype=np.int64))
        out = pipeline(rows.set_column(row, rows.schema.field(row), numbers))
        if out.num_rows != len(new):
            raise SvdutyError(
                f"the pipeline returned {out.num_rows} rows for {len(new)} rows"
                " (each row once, its usable rows first)"
            )
        if out.column("rejected").null_count != out.num_rows:
            return False  # (a refused combination's rows are classified as ever)
        order = _arrays.one_array(out.column("row")).to_numpy(zero_copy_only=False)
        if not np.array_equal(order, np.arange(known, known + len(new))):  # (in order: kept so)
            out = pc.take(out, _arrays.array(np.argsort(order, kind="stable")))
        added = pc.take(keys, at)
        kept_keys = _joined([added] if self.keys is None else [self.keys, added])
        kept = _joined([out] if self.plain is None else [self.plain, out])
        if kept_keys is None or kept is None:  # (words Arrow cannot merge: none kept)
            self.clear()
            return False
        self.keys, self.plain = kept_keys, kept
        more = np.zeros(len(new), dtype=np.int64)
        self.rows = more if self.rows is None else np.concatenate([self.rows, more])
        self.worded = {}
        return True

    def _worded(self, words: tuple[str, ...]) -> pa.Table:
        """:attr:`plain` with the columns ``words`` names as words (made once, kept)."""
        out = self.worded.get(words)
        if out is None:
            assert self.plain is not None
            out = _as_words(self.plain, words) if words else self.plain
            self.worded[words] = out
        return out


def _joined(tables: list[pa.Table]) -> pa.Table | None:
    """``tables`` as one, each column one array (its dictionaries' words merged).

    ``None`` if their columns differ, or a dictionary's words cannot be merged.
    """
    if any(t.schema != tables[0].schema for t in tables):
        return None
    joined = pa.concat_tables(tables)
    columns = [_arrays.one_array(c) for c in joined.columns]
    if any(c.type != f.type for c, f in zip(columns, joined.schema, strict=True)):
        return None
    return pa.Table.from_arrays(columns, schema=joined.schema)
