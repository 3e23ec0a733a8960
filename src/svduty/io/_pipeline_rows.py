"""The rows of a batch the classifier keeps, refuses or rejects (:func:`classify_batch`'s parts).

Example:
    >>> import pyarrow as pa
    >>> as_batch(pa.table({"a": [1, 2]})).num_rows
    2
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty.errors import DataError, Problem, SvdutyError

__all__ = [
    "Rejecter",
    "Split",
    "Splitter",
    "TableClassifier",
    "as_batch",
    "classify_rows",
    "located",
    "split_rows",
]

TableClassifier = Callable[[pa.Table], pa.Table]
"""``pa.Table -> pa.Table``: the input plus the verdict columns."""
Rejecter = Callable[[pa.Table], Sequence[Problem]]
"""``pa.Table -> problems``: every row a classifier would refuse (1-based)."""
Split = tuple[pa.Table, Sequence[Problem]]
"""A classified table and the problems of the rows refused."""
Splitter = Callable[[pa.Table], Split]
"""``pa.Table -> (classified, problems)``: classify and refuse in one pass."""


def as_batch(table: pa.Table) -> pa.RecordBatch:
    table = table.combine_chunks()
    batches = table.to_batches()
    if not batches:
        return pa.RecordBatch.from_arrays(
            [pa.array([], f.type) for f in table.schema], schema=table.schema
        )
    return batches[0]


def _mark(table: pa.Table, positions: list[int], why: list[str], field: list[str | None]) -> Any:
    """The rows at ``positions`` of ``table``, marked rejected with their reason."""
    out = pc.take(table, _arrays.array(positions, pa.int64()))
    out = out.set_column(
        out.schema.get_field_index("rejected"), "rejected", pa.array(why, pa.string())
    )
    return out.set_column(
        out.schema.get_field_index("rejected_field"), "rejected_field", pa.array(field, pa.string())
    )


def _refuse(good: Any, problems: Sequence[Problem]) -> tuple[Any, Any] | None:
    """The rows of ``good`` the problems do not name, and those they name, marked rejected.

    ``None`` when a problem names no row of ``good`` (the classifier's error stands). A row
    with a bad value and a contradiction is rejected for its bad values, as
    :meth:`~svduty.definitions.Incident.from_json` rejects it (it looks for contradictions
    only among good values); otherwise for every contradiction naming it, in the order the
    classifier found them (``explain``'s). Each is named, ``field: why``, joined by ``; ``
    (``rejected_field`` is the first's field), so one rejected row stays one line.
    """
    rows: dict[int, list[Problem]] = {}
    for p in problems:
        if p.row is not None:
            rows.setdefault(p.row - 1, []).append(p)
    if not rows or min(rows) < 0 or max(rows) >= good.num_rows:
        return None
    picked = sorted(rows)
    named = [[p for p in rows[i] if p.expected is not None] or rows[i] for i in picked]
    refused = _mark(
        good,
        picked,
        ["; ".join(f"{p.field}: {p.what()}" if p.field else p.what() for p in ps) for ps in named],
        [ps[0].field for ps in named],
    )
    keep = pc.invert(
        pc.is_in(_arrays.array(np.arange(good.num_rows, dtype=np.int64)), _arrays.array(picked))
    )
    return pc.filter(good, keep), refused


def split_rows(good: pa.Table, inputs: list[str], split: Splitter) -> tuple[Any, Any, Any]:
    """Classify with ``split``: the rows kept, their verdicts and the refused rows, one pass."""
    verdicts, problems = split(good.select(inputs))
    if not problems:
        return good, _same_rows(verdicts, good.num_rows), good.slice(0, 0)
    parted = _refuse(good, problems)
    if parted is None:
        raise DataError(list(problems))
    kept, refused = parted
    return kept, _same_rows(verdicts, kept.num_rows), refused


def classify_rows(
    good: pa.Table, inputs: list[str], classify: TableClassifier, reject: Rejecter | None
) -> tuple[Any, Any, Any]:
    """Run the classifier; rows it refuses are rejected, not lost, in one pass.

    When the classifier refuses the batch (a :class:`~svduty.errors.DataError` naming
    rows), ``reject`` finds every row it would refuse at once (without it, the rows the
    error names); those are set apart and the rest classified. A second refusal is an error.

    Returns the rows kept, the classifier's output for them, and the refused rows (with
    their reason).
    """
    table = good.select(inputs)
    try:
        return good, _same_rows(classify(table), good.num_rows), good.slice(0, 0)
    except DataError as exc:
        problems = list(reject(table)) if reject is not None else list(exc.problems)
        parted = _refuse(good, problems)
        if parted is None:
            raise
    good, refused = parted
    return good, _same_rows(classify(good.select(inputs)), good.num_rows), refused


def located(table: pa.Table, police: bool) -> pa.Table:
    """A police.uk row's location as text (as the output has it), without ``date``."""
    if not police:
        return table
    at = table.schema.get_field_index("location")
    table = table.set_column(at, "location", pc.cast(table.column(at), pa.string()))
    return table.drop_columns(["date"])


def _same_rows(verdicts: pa.Table, n: int) -> pa.Table:
    if verdicts.num_rows != n:
        raise SvdutyError(f"classify returned {verdicts.num_rows} rows for {n} rows")
    return verdicts
