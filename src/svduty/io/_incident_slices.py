"""A whole CSV incident file handed on as a first batch of ``BATCH_ROWS``, then larger ones.

An incident CSV file of up to 16 MiB is read at once; its cells are checked and converted a
slice at a time, each slice handed on as soon as it is converted (speed51d), so that the loop
classifies the first rows while the reading thread converts the next. Each batch the loop
classifies costs a good part of its CPU whatever its rows: the rules' pass over the batch's
distinct rows and groups, the summary's count of its groups, locating its places, the
writer's conversion (speed57c: the bench's 200,000 incidents, in process, the loop's
classifying and counting 138 ms of CPU in three batches of 65,536, 101 in two of 131,072,
77 in one). The first slice stays at ``BATCH_ROWS`` (the loop starts on it, and the writer
on its rows, while the rest is converted); the rest is handed on in slices of up to
:data:`LATER_BATCHES` times as many rows: the bench's file in two batches (65,536 and
134,464), not three. A file streamed in blocks (over 16 MiB, or one the whole-file read
refuses) has one short slice, its first block's first; a Parquet file's batches of
``BATCH_ROWS`` are handed on as they are read. A batch's rows are converted and checked each
alone, so the rows, their values, their reasons and their order are those of any other
slicing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

__all__: list[str] = []

LATER_BATCHES = 4
"""The slices after the first hold at most this many times the first's rows.

At ``BATCH_ROWS`` = 65,536: 262,144 rows, so a file of 16 MiB (the largest read whole) is
never one batch of a million short rows (the bench's command's peak memory did not grow:
240 -> 234 MB, medians of 14 runs). The bench's 200,000 incidents (speed57c; whole commands
``svduty classify incidents-200000.csv --summary json``, rows to a file, 10 shuffled
rounds under ``chrt -r 1`` at load ~16, process CPU by ``os.wait4``, medians): 0.909 s of
CPU in three batches, 0.775 in a first of 65,536 and one of the rest, 0.756 in one batch;
the walls alike (0.71-0.73 s, within the spread).
"""


def first_then_larger(
    batch: pa.RecordBatch, rows: Any, first: int, later: int
) -> Iterator[tuple[pa.RecordBatch, Any]]:
    """``batch`` and ``rows`` (its rows' numbers) in a slice of ``first`` rows, then of ``later``.

    Example:
        >>> b = pa.record_batch({"id": list("abcdefghijk")})
        >>> got = first_then_larger(b, pa.array(range(11)), 2, 8)
        >>> [(s.num_rows, r.to_pylist()[0]) for s, r in got]
        [(2, 0), (8, 2), (1, 10)]
        >>> [s.num_rows for s, _ in first_then_larger(b, pa.array(range(11)), 20, 80)]
        [11]
    """
    n = batch.num_rows
    if n <= first:
        yield batch, rows
        return
    yield batch.slice(0, first), rows.slice(0, first)
    for start in range(first, n, later):
        yield batch.slice(start, later), rows.slice(start, later)
