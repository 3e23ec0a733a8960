"""Converting the text cells of incident CSV files to incident fields, column by column.

A cell is trimmed, a blank cell is unknown, and a cell that cannot be converted marks its
row (see :func:`_convert`). A column whose cells need no trimming (:func:`_plain_cells`)
skips the trimming and the search for blank cells.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc
from svduty._blank import blank_cells
from svduty.io._incident_fields import exact_float

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__ = ["BOOL_CELLS"]

BOOL_CELLS = "true or false (a cell's true, yes, y or 1; false, no, n or 0; in any case)"
"""What a yes/no field's text cell must hold (the reason a row is rejected for one)."""


def _convert(column: Arrow, kind: str, sep: str) -> tuple[Arrow, Arrow]:
    """Convert a string column to ``kind``; return (values, bad) where bad marks failures."""
    empty = _empty_cells(column) if kind in ("str", "list", "int") else None
    if empty is not None and not empty.any():  # nothing to trim or blank
        if kind == "str":
            return column, pa.repeat(pa.scalar(False), len(column))
        if kind == "list":
            return _split(column, sep), pa.repeat(pa.scalar(False), len(column))
        if _short_digits(column):
            return pc.cast(column, pa.int64()), pa.repeat(pa.scalar(False), len(column))
    elif empty is not None and kind in ("str", "list"):  # empty cells alone are blank
        text = pc.if_else(_arrays.array(empty), pa.scalar(None, pa.string()), column)
        values = text if kind == "str" else _split(text, sep)
        return values, pa.repeat(pa.scalar(False), len(column))
    text = pc.utf8_trim_whitespace(pc.cast(column, pa.string()))
    empty = pc.fill_null(blank_cells(text), pa.scalar(True))  # invisible alone too
    text = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    if kind == "str":
        return text, pa.repeat(pa.scalar(False), len(text))
    if kind == "list":
        return _split(text, sep), pa.repeat(pa.scalar(False), len(text))
    if kind == "bool":
        lower = pc.utf8_lower(text)
        yes = pc.is_in(lower, value_set=pa.array(["true", "yes", "y", "1"]))
        no = pc.is_in(lower, value_set=pa.array(["false", "no", "n", "0"]))
        known = pc.or_(yes, no)
        values = pc.if_else(known, yes, pa.scalar(None, pa.bool_()))
        return values, pc.and_(pc.is_valid(text), pc.invert(known))
    digits = pc.fill_null(pc.match_substring_regex(text, r"^[+-]?\d{1,9}$"), pa.scalar(False))
    unsigned = pc.replace_substring_regex(text, r"^\+", "")
    values = pc.cast(pc.if_else(digits, unsigned, pa.scalar(None, pa.string())), pa.int64())
    return values, pc.and_(pc.is_valid(text), pc.invert(digits))


def _split(text: Arrow, sep: str) -> Arrow:
    """A list cell's words; ``[]`` is the empty list (none of them: ``behaviours`` ``[]``).

    Example:
        >>> _split(pa.array(["physical;sexual", "[]", None]), ";").to_pylist()
        [['physical', 'sexual'], [], None]
    """
    lists = pc.split_pattern(text, sep)
    empty = pc.fill_null(pc.equal(text, pa.scalar("[]")), pa.scalar(False))
    if not pc.any(empty).as_py():
        return lists
    return pc.if_else(empty, pa.scalar([], lists.type), lists)


def _number_cells(column: Arrow) -> Arrow:
    """The cells written as a number with a fraction or an exponent (``30.0``), as floats.

    As JSON writes a number (a sign ``+`` allowed, as for whole numbers); every other cell
    is null. A whole number's cell is read by :func:`_convert`, not here.

    Example:
        >>> _number_cells(pa.array([" 30.0", "1e1", "17.5", "30", "x", "3.", None])).to_pylist()
        [30.0, 10.0, 17.5, None, None, None, None]

        A fraction that rounding would make whole is not (:func:`exact_float`):

        >>> _number_cells(pa.array(["15.9999999999999999", "1.59999999999999999e1"])).to_pylist()
        [nan, nan]
    """
    text = pc.utf8_trim_whitespace(pc.cast(column, pa.string()))
    number = pc.match_substring_regex(text, r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")
    odd = pc.and_(number, pc.invert(pc.match_substring_regex(text, r"^[+-]?\d+$")))
    odd = pc.fill_null(odd, pa.scalar(False))
    odd_text = pc.if_else(odd, text, pa.scalar(None, pa.string()))
    floats = pc.cast(odd_text, pa.float64())
    whole = pc.equal(pc.floor(floats), floats)
    exact = pc.match_substring_regex(odd_text, r"^[+-]?\d+\.0+$")  # 30.0: pandas's gaps
    doubt = pc.fill_null(pc.and_(whole, pc.invert(exact)), pa.scalar(False))
    if not pc.any(doubt).as_py():
        return floats
    cells = odd_text.to_pylist()  # few: whole after an exponent or a rounded fraction
    marks, values = doubt.to_pylist(), floats.to_pylist()
    together = zip(cells, marks, values, strict=True)
    return pa.array([exact_float(t) if m else f for t, m, f in together], pa.float64())


def _plain_cells(column: Arrow) -> bool:
    """Whether trimming changes no cell of ``column`` and no cell is blank.

    So for a string column without nulls whose every cell starts and ends with a printable
    ASCII character other than a space. Read on the offsets and bytes at once; ``False``
    says only that the full conversion runs.
    """
    empty = _empty_cells(column)
    return empty is not None and not empty.any()


def _empty_cells(column: Arrow) -> Any:
    """The empty cells of a column whose other cells are :func:`_plain_cells`' (numpy).

    A text column without nulls whose every cell is empty or starts and ends with a
    printable ASCII character other than a space: trimming changes no cell and the empty
    ones are its only blank cells (an incident CSV's column with a few cells left empty:
    the bench's ``location``, converted without trimming: speed56d). ``None`` otherwise
    (the full conversion runs).

    Example:
        >>> _empty_cells(pa.array(["E01031180", "", "x"])).tolist()
        [False, True, False]
        >>> _empty_cells(pa.array(["E01031180", " "])) is None, _empty_cells(pa.array([""]))
        (True, None)
    """
    if not isinstance(column, pa.Array) or column.type != pa.string() or column.null_count:
        return None
    n = len(column)
    if not n:
        return None
    buffers: Any = column.buffers()
    offsets = np.frombuffer(buffers[1], np.int32)[column.offset : column.offset + n + 1]
    empty = offsets[1:] == offsets[:-1]
    if empty.all():
        return None
    data = np.frombuffer(buffers[2], np.uint8)
    starts, stops = offsets[:-1], offsets[1:]
    if empty.any():
        starts, stops = starts[~empty], stops[~empty]
    ends = np.concatenate([data[starts], data[stops - 1]])
    return empty if ((ends > 0x20) & (ends < 0x7F)).all() else None


def _short_digits(column: Arrow) -> bool:
    """Every cell of a :func:`_plain_cells` column is 1 to 9 ASCII digits (no sign)."""
    n = len(column)
    offsets = np.frombuffer(column.buffers()[1], np.int32)[column.offset : column.offset + n + 1]
    if (np.diff(offsets) > 9).any():
        return False
    data = np.frombuffer(column.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    return bool(((data >= 0x30) & (data <= 0x39)).all())
