"""The batch job's loop: every batch read, classified, counted, and passed to its writer.

:func:`run_pipeline` counts each batch in, classifies it with the pipeline, counts what
comes out with a :class:`~svduty.io._summary.Tally` (and any other counters), and passes
the usable rows to a writer. A :class:`~svduty.io.Pipeline` with ``alike`` columns
classifies rows alike once: they are counted by combination, each with its number of
rows, and the rows themselves are built only for the writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from svduty.io._alike import Grouped
from svduty.io._summary import RejectedSink, Summary, Tally

__all__ = ["WeightedCounter", "run_pipeline"]


class WeightedCounter(Protocol):
    """Counts classified rows, each standing for a number of rows (``BoundedCounts``)."""

    def add(self, batch: pa.Table, weights: Any = None) -> object:
        """Count ``batch``'s rows, each standing for ``weights`` rows (one when ``None``)."""


def run_pipeline(
    batches: Iterable[pa.RecordBatch | pa.Table],
    pipeline: Callable[[pa.RecordBatch | pa.Table], Any],
    sink: Callable[[pa.Table], object] | None = None,
    *,
    on_rejected: RejectedSink | None = None,
    partnership: str | None = None,
    definition: str | None = None,
    counts: Iterable[WeightedCounter] = (),
) -> Summary:
    """Run a pipeline over a stream of batches and account for every row.

    Each reader batch is counted in, classified by ``pipeline``, its rejected rows passed
    to ``on_rejected`` and its usable rows to ``sink`` (a writer, or ``list.append``) and
    to each of ``counts``.

    A :class:`~svduty.io.Pipeline` with ``alike`` columns (the default one) classifies a
    police.uk batch once per combination of them: the summary and ``counts`` count each
    combination once with its number of rows, and the rows themselves are built only
    for ``sink`` (a summary alone never builds them).

    Args:
        batches: A reader's record batches (police.uk or incidents).
        pipeline: A :class:`~svduty.io.Pipeline` (or any batch -> batch callable).
        sink: Gets each batch's usable (classified) rows.
        on_rejected: Gets each batch's rejected rows.
        partnership: Recorded in the summary (default: the pipeline's, if it has one).
        definition: Recorded in the summary (default: the pipeline's, if it has one).
        counts: Also count each batch's usable rows (e.g. :class:`~svduty.io.BoundedCounts`:
            anything with ``add(table, weights=None)``).

    Raises:
        DataError: if rows were lost or invented on the way.

    Example:
        >>> from svduty.io import read_police_uk, sample_police_uk, default_pipeline
        >>> rows = []
        >>> s = run_pipeline(read_police_uk(sample_police_uk()), default_pipeline(), rows.append)
        >>> s.rows_in == s.rows_out == sum(t.num_rows for t in rows)
        True
        >>> s.partnership, s.definition
        ('warwickshire', 'warwickshire')
    """
    tally = Tally(on_rejected=on_rejected)
    counters = list(counts)
    group = getattr(pipeline, "_grouped", None)
    good: Any
    for batch in batches:
        tally.count_in(batch.num_rows)
        answers = group(batch) if group is not None else None
        if answers is None:
            good = tally.count_out(pipeline(batch))
            for counter in counters:
                counter.add(good)
        else:
            tally.count_rejected(answers.rejected_rows())
            distinct, weights = answers.distinct()
            tally.count_usable(distinct, weights)
            for counter in counters:
                counter.add(distinct, weights=weights)
            good = _written(answers, batch) if sink is not None else None
        if sink is not None:
            sink(good)
    return tally.summary(
        partnership=partnership or getattr(pipeline, "partnership", None),
        definition=definition or getattr(pipeline, "definition", None),
    )


def _written(answers: Grouped, batch: pa.RecordBatch | pa.Table) -> pa.Table:
    """A batch's usable rows for the writer, as classifying every row gives them.

    The pipeline's record batch holds one dictionary per column for all its rows, so the
    usable rows of a batch with rejected rows carry their words too (``match``:
    ``unresolved``), and the Parquet file has them: each dictionary is the usable rows'
    own, then the rejected rows' other words (as Arrow merges them), the rows unchanged.
    """
    good = answers.usable_rows()
    if answers.usable == answers.out.num_rows and not answers.bad.num_rows:
        return good
    if not isinstance(batch, pa.RecordBatch) or not answers.usable:
        return _usable(answers, batch)
    bad = answers.rejected_rows()
    for i, field in enumerate(good.schema):
        if not pa.types.is_dictionary(field.type):
            continue
        own: Any = good.column(i).chunk(0)
        empty = pa.array([], field.type.index_type)
        chunks: list[Any] = bad.column(i).chunks
        pieces = [own.dictionary, *(c.dictionary for c in chunks)]
        merging: Any = pa.chunked_array([pa.DictionaryArray.from_arrays(empty, d) for d in pieces])
        words = merging.combine_chunks().dictionary
        if not words.slice(0, len(own.dictionary)).equals(own.dictionary):
            return _usable(answers, batch)  # (words repeated: merged otherwise)
        if len(words) > len(own.dictionary):
            merged = pa.DictionaryArray.from_arrays(own.indices, words)
            good = good.set_column(i, field, merged)
    return good


def _usable(answers: Grouped, batch: pa.RecordBatch | pa.Table) -> pa.Table:
    """The usable rows of the whole batch (all rows built), as the pipeline returns it."""
    table = answers.table()
    if isinstance(batch, pa.RecordBatch):  # one chunk, its dictionaries merged
        table = table.combine_chunks()
    return table.filter(pc.is_null(table.column("rejected")))
