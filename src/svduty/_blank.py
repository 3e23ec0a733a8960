r"""Blank text: no character but spaces and the invisible ones. An absent value, not a value.

A cell of spaces is blank, and so is one of characters nobody can see: a zero-width space
(U+200B), a byte order mark (U+FEFF) a spreadsheet left in a cell, a NUL, a control
character. A row of such cells is an empty row, a field of one is unknown, as a field of
spaces is; both engines read them alike (a hostile-input review: a CSV row of a byte
order mark was an incident whose id was that character).

Blank is every character a space (Unicode's ``Z`` categories, or an ASCII whitespace), a
control (``Cc``) or a format character (``Cf``), by Arrow's Unicode tables for both
engines (Python's may be of another version). The empty text is blank.

Example:
    >>> [is_blank(t) for t in ("", "  ", "\u200b", "\ufeff \x00", "a", "\u200ba")]
    [True, True, True, True, False, False]
    >>> blank_cells(pa.array(["", " ", "\u200b", "x", None])).to_pylist()
    [True, True, True, False, None]
"""

from __future__ import annotations

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _compute as pc

__all__ = ["blank_cells", "blank_to_null", "is_blank"]

_BLANK_CELL = r"^[\p{Z}\p{Cc}\p{Cf}\s]+$"
"""A cell of spaces, controls and format characters (RE2, as Arrow matches it)."""


def is_blank(text: str) -> bool:
    r"""Whether ``text`` has no character but spaces and invisible ones (the scalar test).

    Example:
        >>> is_blank("\u2060\u200d"), is_blank("\u00e9")
        (True, False)
    """
    if text.isascii():  # the controls, the whitespace and the space: below "!", and DEL
        return all(c <= " " or c == "\x7f" for c in text)
    # beyond ASCII, by the same pattern and tables as the columns (Python's own Unicode
    # tables may be older: U+13439 is a format character to Arrow's, unassigned to 3.11's)
    try:
        cell = pa.array([text], pa.string())
    except (UnicodeEncodeError, pa.ArrowInvalid):  # a lone surrogate: not text, not blank
        return False
    return bool(pc.match_substring_regex(cell, _BLANK_CELL)[0].as_py())


def blank_cells(column: Any) -> Any:
    r"""Which cells of a text column are blank (null: null), as :func:`is_blank` says.

    Empty cells are found at Arrow's speed; whitespace and the pattern of the invisible
    characters are looked for only where a cell begins with a space or a byte outside
    printable ASCII (found on the buffers with numpy), which text of words, codes and
    dates never does.

    Example:
        >>> blank_cells(pa.chunked_array([["a", "\ufeff"], ["\t"]])).to_pylist()
        [False, True, True]
    """
    empty = pc.equal(pc.binary_length(column), 0)
    if not _odd_first_byte(column):  # a space, a control or beyond ASCII begins a blank cell
        return empty
    blank = pc.or_(empty, pc.utf8_is_space(column))
    return pc.or_(blank, pc.match_substring_regex(column, _BLANK_CELL))


def _odd_first_byte(column: Any) -> bool:
    """Whether a cell of ``column`` begins with a byte outside printable ASCII (or a space)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    for chunk in chunks:
        n = len(chunk)
        if not n:
            continue
        wide = pa.types.is_large_string(chunk.type)
        buffers: Any = chunk.buffers()
        if buffers[2] is None:  # no text at all: every cell empty or null
            continue
        offsets: Any = np.frombuffer(buffers[1], np.int64 if wide else np.int32)
        offsets = offsets[chunk.offset : chunk.offset + n + 1]
        data = np.frombuffer(buffers[2], np.uint8)
        starts = offsets[:-1][offsets[1:] > offsets[:-1]]  # the cells with text
        first = data[starts]
        if ((first < 0x21) | (first > 0x7E)).any():
            return True
    return False


def blank_to_null(column: Any, *, empties: bool = True) -> Any:
    r"""``column`` with its blank cells (:func:`blank_cells`) null: an absent value, none.

    The rule of an incident file's cells, for a police.uk Crime ID too: a cell of only a
    NUL, spaces or invisible characters is no id (a NUL within an id is kept). Returned
    as it is when no cell is blank. ``empties=False``: the caller has made its empty cells
    null already, so a column whose every cell begins with a printable character (police.uk's
    Crime IDs) is returned at once.

    Example:
        >>> blank_to_null(pa.array(["a", "\x00", " \u200b", None, "a\x00b"])).to_pylist()
        ['a', None, None, None, 'a\x00b']
    """
    if column.null_count == len(column) or not (empties or _odd_first_byte(column)):
        return column
    blank = blank_cells(column)
    if not pc.any(blank).as_py():
        return column
    return pc.if_else(pc.fill_null(blank, False), pa.scalar(None, column.type), column)
