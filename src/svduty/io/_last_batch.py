"""An incident file's short last batch read as part of the batch before it.

A file of 200,000 incidents is read in batches of 65,536 rows (``BATCH_ROWS``) and a last
one of 3,392. The rules cost mostly per batch, not per row (each batch's new combinations
are answered by one evaluation of the rule tree: a few thousand Arrow calls, whatever the
rows), so the short last batch cost the loop's thread as much as a long one. Read as part
of the batch before it, it costs only its rows.

The rows come out as before, in the same order; the rejected rows too. Each batch's
rejected rows are passed on in the order of their ``(file, row)``
(:meth:`~svduty.io._summary.Tally.count_rejected`), so two batches classified as one pass
them on in the same order as classified in turn only when every row of the first comes
before every row of the second, in the same file: the batches are joined only then.

A whole CSV file read at once is handed on in slices (``io._incident_slices``: speed57c).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from svduty import _compute as _pc

pc: Any = _pc
pa_any: Any = pa  # (the stubs lack concat_batches)

__all__: list[str] = []


def last_joined(batches: Iterable[pa.RecordBatch], small: int) -> Iterator[pa.RecordBatch]:
    """``batches``, the last joined to the one before when it has at most ``small`` rows.

    Only when the two are of one file and one schema, every row numbered and the first's
    rows before the second's (:func:`_follows`). The first batch is passed on at once (it
    is never joined: the loop starts on it while the next is read); each later one is held
    until the next is read (or the end). What ``batches`` raises is raised after the
    batches read before it, each passed on as it was. Closing this closes ``batches``.

    Example:
        >>> def batch(rows):
        ...     return pa.record_batch({"file": ["f"] * len(rows), "row": rows})
        >>> got = last_joined([batch([1, 2, 3]), batch([4, 5, 6]), batch([7])], small=1)
        >>> [b.column("row").to_pylist() for b in got]
        [[1, 2, 3], [4, 5, 6, 7]]
        >>> got = last_joined([batch([1]), batch([2, 3]), batch([4, 5])], small=1)  # not short
        >>> [b.num_rows for b in got]
        [1, 2, 2]
        >>> got = last_joined([batch([1]), batch([3, 4]), batch([2])], small=1)  # out of order
        >>> [b.num_rows for b in got]
        [1, 2, 1]
        >>> [b.num_rows for b in last_joined([batch([1, 2]), batch([3])], small=1)]  # first
        [2, 1]
    """
    items = iter(batches)
    held: list[pa.RecordBatch] = []  # read, not yet passed on (at most two)
    first = True
    try:
        while True:
            try:
                batch = next(items)
            except StopIteration:
                break
            except BaseException:  # the batches read before it first, as they were
                yield from held
                raise
            if first:  # passed on at once: classified while the next is read
                first = False
                yield batch
                continue
            held.append(batch)
            while len(held) > 2 or (len(held) == 2 and not _joinable(held[0], held[1], small)):
                yield held.pop(0)
        if len(held) == 2:  # the last two, the last short: one batch
            held = [pa_any.concat_batches(held)]
        yield from held
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def _joinable(before: pa.RecordBatch, last: pa.RecordBatch, small: int) -> bool:
    """Whether ``last`` (if it is the last) may be read as part of ``before``."""
    return 0 < last.num_rows <= small and before.num_rows > 0 and _follows(before, last)


def _follows(before: pa.RecordBatch, after: pa.RecordBatch) -> bool:
    """Whether ``after``'s rows all come after ``before``'s, in the same file and schema.

    Example:
        >>> def batch(file, rows):
        ...     return pa.record_batch({"file": [file] * len(rows), "row": rows})
        >>> _follows(batch("f", [1, 2]), batch("f", [3]))
        True
        >>> _follows(batch("f", [1]), batch("g", [2]))  # another file
        False
        >>> _follows(batch("f", [1, None]), batch("f", [3]))  # a row not numbered
        False
    """
    if not before.schema.equals(after.schema) or "row" not in before.schema.names:
        return False
    if "file" not in before.schema.names:
        return False
    rows = [before.column("row"), after.column("row")]
    files = [before.column("file"), after.column("file")]
    if any(c.null_count for c in (*rows, *files)):
        return False
    file = files[0][0].as_py()
    if not all(pc.all(pc.equal(f, pa.scalar(file, f.type))).as_py() for f in files):
        return False
    return bool(pc.max(rows[0]).as_py() < pc.min(rows[1]).as_py())
