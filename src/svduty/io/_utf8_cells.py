r"""Cells that are not UTF-8: found column by column, so that only their rows are rejected.

The CSV readers (police.uk and incidents) read cells whose bytes may not be UTF-8 (as
bytes, or as text pyarrow did not check); :func:`text_cells` turns such a column into text
and marks the cells that are not UTF-8 (blanked), and the reader rejects their rows
naming the column, ``COLUMN: expected UTF-8 text``, and goes on: a batch standard, never
the whole file refused for one byte.

Example:
    >>> import pyarrow as pa
    >>> text, bad = text_cells(pa.array([b"knife", b"kn\xffife", None]))
    >>> text.to_pylist(), bad.to_pylist()
    (['knife', '', None], [False, True, False])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from svduty import _compute as pc

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["NOT_UTF8", "text_cells"]

NOT_UTF8 = "expected UTF-8 text"
"""The reason of a cell that is not UTF-8 (after its column's name)."""


def text_cells(column: Arrow) -> tuple[Arrow, Arrow | None]:
    """``column`` (an array of bytes, or of text not yet checked) as text, and its bad cells.

    Returns the text (a cell that is not UTF-8 is blank) and a boolean mask of those
    cells, or ``None`` when every cell is UTF-8 (the usual case: checked on the column's
    bytes at once, and not at all when they are ASCII).
    """
    text = pa.types.is_string(column.type)
    raw = column.view(pa.binary()) if text else column
    if text and _ascii(raw):  # nothing to check, nothing to convert
        return column, None
    try:
        checked = pc.cast(raw, pa.string())  # checks that every cell is UTF-8
    except pa.ArrowInvalid:  # rare: find the cells one by one
        pass
    else:
        return (column if text else checked), None
    mask = pa.array([not _utf8(v) for v in raw.to_pylist()], pa.bool_())
    cleaned = pc.if_else(mask, pa.scalar(b"", pa.binary()), raw)
    return pc.cast(cleaned, pa.string()), mask


def _ascii(raw: Arrow) -> bool:
    """Whether every byte of the column's data is ASCII (so its cells are UTF-8)."""
    data = raw.buffers()[2]
    return data is None or not data.size or int(np.frombuffer(data, np.uint8).max()) < 0x80


def _utf8(value: bytes | None) -> bool:
    try:
        (value or b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
