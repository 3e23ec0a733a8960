"""The rows the police.uk reader makes itself: lines the parser skipped, cells not UTF-8.

Moved from ``svduty.io._police_uk`` (at its line limit) unchanged: a line with a quote
never closed on it or the wrong number of fields becomes a rejected row of its own
(:func:`_bad_lines`), and a batch read as bytes is decoded, each row with a cell that is
not UTF-8 rejected (:func:`_decoded`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from svduty import _compute as pc
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk import POLICE_UK_SCHEMA, _reject, normalise_police_uk
from svduty.io._utf8_cells import NOT_UTF8_FILE, text_cells

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["_bad_lines", "_decoded", "_unclosed_quote"]


def _unclosed_quote(field: int) -> str:
    """The reason a line with a quote never closed on it is rejected.

    ``field`` is the field (from 0) the quote opens; past the twelfth, ``fields``.

    Example:
        >>> _unclosed_quote(6)
        'Location: expected a closing quote (") on the same line'
    """
    name = POLICE_UK_COLUMNS[field] if 0 <= field < len(POLICE_UK_COLUMNS) else "fields"
    return f'{name}: expected a closing quote (") on the same line'


def _bad_lines(file: str, lines: Sequence[tuple[int, str]]) -> pa.RecordBatch:
    """Rows for the lines the CSV parser skipped (wrong number of fields, a quote not closed)."""
    n = len(lines)
    arrays: list[Arrow] = []
    for f in POLICE_UK_SCHEMA:
        if f.name == "file":
            arrays.append(pa.array([file] * n, pa.string()))
        elif f.name == "row":
            arrays.append(pa.array([num for num, _ in lines], pa.int64()))
        elif f.name == "rejected":
            arrays.append(pa.array([why for _, why in lines], pa.string()))
        elif f.name == "rejected_field":  # the reason starts with the field
            arrays.append(pa.array([why.partition(":")[0] for _, why in lines], pa.string()))
        else:
            arrays.append(pa.nulls(n, f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=POLICE_UK_SCHEMA)


def _decoded(raw: pa.RecordBatch, name: str, rows: Arrow) -> pa.RecordBatch:
    """Normalise a batch read as bytes; a row with a cell that is not UTF-8 is rejected."""
    arrays: list[Arrow] = []
    bad: list[tuple[str, Arrow]] = []
    for column in POLICE_UK_COLUMNS:
        text, mask = text_cells(raw.column(column))  # the incident CSV reader's check too
        arrays.append(text)
        if mask is not None:
            bad.append((column, mask))
    out = normalise_police_uk(
        pa.RecordBatch.from_arrays(arrays, names=list(POLICE_UK_COLUMNS)), file=name, rows=rows
    )
    if not bad:
        return out
    # the bytes are what is wrong: said before the check of the cell blanked (a crime type
    # or month not UTF-8 was "expected one of the 14 police.uk crime types": hostile61)
    reason = field = pa.nulls(out.num_rows, pa.string())
    for column, mask in bad:
        reason, field = _reject(reason, field, mask, f"{column}: {NOT_UTF8_FILE}", column)
    for column, first in (("rejected", reason), ("rejected_field", field)):
        merged = pc.fill_null(first, out.column(column))
        out = out.set_column(out.schema.get_field_index(column), column, merged)
    return out
