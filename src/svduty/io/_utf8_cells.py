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
from svduty._types import is_list, is_text

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["CONVERT", "NOT_UTF8", "NOT_UTF8_FILE", "checked_cells", "text_cells"]

NOT_UTF8 = "expected UTF-8 text"
"""The reason of a cell that is not UTF-8 (after its column's name), in a Parquet file."""
CONVERT = (
    " (these bytes are not UTF-8: a file saved as Windows-1252 or Latin-1? convert it to "
    "UTF-8, e.g. with iconv -f windows-1252 -t utf-8 FILE > NEW_FILE)"
)
"""Why, and what to do, after a text file's reason: the bytes themselves are never shown."""
NOT_UTF8_FILE = NOT_UTF8 + CONVERT
"""The reason of a cell that is not UTF-8 in a text file (CSV, JSON Lines): how to convert it."""


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


def checked_cells(column: Arrow) -> tuple[Arrow, Arrow | None]:
    r"""A column of text, words (a dictionary) or lists of either, and its rows not UTF-8.

    :func:`text_cells` for every column that holds text, as a Parquet file may (its
    readers do not check the bytes): a row whose cell, word or any item is not UTF-8 is
    marked and its value blanked (a text cell) or null (a list), in the column's own type.
    Other columns, and columns whose text is all UTF-8 (the usual case), come back as they
    are with ``None``. List views are not read here (the reader makes them lists first).

    Example:
        >>> bad = pa.Array.from_buffers(pa.string(), 2, [None, pa.py_buffer(
        ...     np.array([0, 5, 7], np.int32)), pa.py_buffer(b"knife\xff!")])
        >>> lists = pa.ListArray.from_arrays(pa.array([0, 1, 2], pa.int32()), bad)
        >>> cells, rows = checked_cells(lists)
        >>> cells.to_pylist(), rows.to_pylist()
        ([['knife'], None], [False, True])
        >>> words, rows = checked_cells(pa.DictionaryArray.from_arrays(pa.array([1, 0]), bad))
        >>> words.to_pylist(), rows.to_pylist()
        (['', 'knife'], [True, False])
    """
    t = column.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        cells, bad = text_cells(column if t == pa.string() else pc.cast(column, pa.string()))
        return (column, None) if bad is None else (pc.cast(cells, t), bad)
    if pa.types.is_dictionary(t) and is_text(t.value_type):
        if text_cells(pc.cast(column.dictionary, pa.string()))[1] is None:
            return column, None  # every word UTF-8: every row
        cells, bad = text_cells(pc.cast(pc.dictionary_decode(column), pa.string()))  # rare
        return pc.cast(cells, t), bad  # the column's own type: a writer keeps the first's
    if not is_list(t):
        return column, None
    item = t.value_type.value_type if pa.types.is_dictionary(t.value_type) else t.value_type
    if not is_text(item):
        return column, None
    items = pc.list_flatten(column)
    if pa.types.is_dictionary(items.type):
        items = pc.dictionary_decode(items)
    cleaned, bad = text_cells(pc.cast(items, pa.string()))
    if bad is None:
        return column, None
    rows = np.zeros(len(column), bool)
    rows[pc.list_parent_indices(column).to_numpy()[bad.to_numpy(zero_copy_only=False)]] = True
    lengths = pc.fill_null(pc.list_value_length(column), 0).to_numpy().astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    hidden = pc.or_(pc.is_null(column), pa.array(rows))
    lists = pa.LargeListArray.from_arrays(pa.array(offsets), cleaned, mask=hidden)
    return pc.cast(lists, t), pa.array(rows)


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
