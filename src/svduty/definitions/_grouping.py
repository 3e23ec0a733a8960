"""Rows numbered by the distinct combinations of their values (the columnar engine's groups).

Each column's values are numbered (equal values, equal numbers), the numbers multiplied
out into one key per row, and the keys numbered in order of first appearance. Hashing
(``dictionary_encode``) is what costs. Text of one width up to 16 bytes is read as one or
two numbers (its bytes: a number hashes faster than text; a part of up to two bytes is
its own number), and a key narrower than the rows is numbered by direct addressing.

Example:
    >>> groups, first = group_rows([pa.array(["b", "a", "b"]), pa.array([1, 1, 1])], 3)
    >>> groups.to_pylist(), first.to_pylist()
    ([0, 1, 0], [0, 1])
"""

from __future__ import annotations

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa
import pyarrow.compute as _pc

from svduty import _arrays

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["group_rows"]

_DIRECT = 1 << 16
"""Numbers up to this many (or up to the rows) are numbered by direct addressing."""


def group_rows(columns: list[Arr], n: int, most: int | None = None) -> tuple[Arr, Arr] | None:
    """Number the distinct combinations of the columns' values, in order of first appearance.

    Returns the group of each row (``int32``) and the first row of each group (``int64``).
    Nulls form a group of their own; the combined key is re-numbered before it could
    overflow an ``int64``. With ``most``: ``None`` as soon as there are more groups.

    Example:
        >>> group_rows([pa.array(["x", None, "x", "y"])], 4)[0].to_pylist()
        [0, 1, 0, 2]
        >>> group_rows([pa.array([1, 2, 3])], 3, most=2) is None
        True
    """
    key, width = None, 1
    for col in columns:
        for idx, size in _codes(col):
            if key is None:  # the first numbers are the key (a copy: it changes in place)
                key, width = idx.astype(np.int64), size
                continue
            if width * size >= 1 << 62:
                key, width = _renumbered(key, width)
            key *= size
            key += idx
            width *= size
        if most is not None and width > most:  # too many groups show early
            key, width = _renumbered(key, width)
            if width > most:
                return None
    groups, first = _numbered(np.zeros(n, np.int64) if key is None else key, width)
    return _arrays.array(groups.astype(np.int32, copy=False)), _arrays.array(first)


def _renumbered(key: Any, width: int) -> tuple[Any, int]:
    """The distinct numbers of ``key`` numbered 0, 1, ... (numpy), and how many."""
    numbers, first = _numbered(key, width)
    return numbers.astype(np.int64, copy=False), len(first)


def _numbered(key: Any, width: int) -> tuple[Any, Any]:
    """``key``'s values (``0 <= key < width``) numbered in order of first appearance.

    Returns each row's number (numpy ``int32``) and the first row of each (``int64``).
    A key no wider than the rows (or :data:`_DIRECT`) is numbered by direct addressing:
    each value's first row is the least row holding it; a wider one is hashed.
    """
    n = len(key)
    if width > max(_DIRECT, n):
        groups = pc.dictionary_encode(_arrays.array(key)).indices.to_numpy(zero_copy_only=False)
        return groups, _arrays.first_rows(groups).astype(np.int64)
    at = np.full(width, n, np.int64)
    np.minimum.at(at, key, np.arange(n, dtype=np.int64))
    first = at[at < n]
    first.sort()
    number = np.zeros(width, np.int32)
    number[key[first]] = np.arange(len(first), dtype=np.int32)
    return number[key], first


def _codes(col: Arr) -> list[tuple[Any, int]]:
    """Equal values numbered alike (numpy integers, ``0 <= number < size``), with ``size``.

    Nulls get the last number. A dictionary column is numbered through its dictionary
    (whose values may repeat); text of one width up to 16 bytes is one or two numbers
    (:func:`_packed`); anything else is hashed. Several pairs when a column is read as
    several numbers.
    """
    if pa.types.is_dictionary(col.type):
        words = pc.dictionary_encode(col.dictionary)
        idx = pc.take(words.indices, col.indices)
        return [_filled(idx, len(words.dictionary) + 1)]
    parts = _packed(col)
    if parts is None:
        enc = pc.dictionary_encode(col)
        return [_filled(enc.indices, len(enc.dictionary) + 1)]
    out = []
    for part, size in parts:
        if size:  # its own number: the numbers used, numbered 0, 1, ...
            used = np.zeros(size, bool)
            used[part] = True
            out.append((np.cumsum(used, dtype=np.int64)[part] - 1, int(used.sum())))
        else:
            enc = pc.dictionary_encode(_arrays.array(part))
            out.append((enc.indices.to_numpy(), len(enc.dictionary)))
    return out


def _filled(idx: Arr, size: int) -> tuple[Any, int]:
    """Numbers with their nulls given the last number, ``size - 1`` (numpy), and ``size``."""
    if idx.null_count:
        idx = pc.fill_null(idx, pa.scalar(size - 1, idx.type))
    return idx.to_numpy(zero_copy_only=False), size


def _packed(col: Arr) -> list[tuple[Any, int]] | None:
    """Text of one width of 1 to 16 bytes (no nulls) as the numbers its bytes spell.

    Eight bytes at a time (little-endian, zero above the text's own bytes): equal numbers
    are equal texts. A part of up to two bytes is its own number (``size`` 65,536 at
    most); a longer part has ``size`` 0 (to be hashed). ``None`` for other columns.
    """
    if col.null_count or not pa.types.is_string(col.type) or len(col) == 0:
        return None
    n = len(col)
    offsets = np.frombuffer(col.buffers()[1], np.int32)[col.offset : col.offset + n + 1]
    width = int(offsets[1] - offsets[0])
    if not 0 < width <= 16 or int(offsets[-1] - offsets[0]) != width * n:
        return None
    if not (np.diff(offsets) == width).all():
        return None
    padded = np.zeros(width * n + 8, np.uint8)  # room for the last row's eight bytes
    padded[: width * n] = np.frombuffer(col.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    parts = []
    for start in range(0, width, 8):
        size = min(8, width - start)
        window = np.ndarray((n,), "<i8", buffer=padded, offset=start, strides=(width,))
        part = window & ((1 << 8 * size) - 1) if size < 8 else window.copy()
        parts.append((part, 1 << 8 * size if size <= 2 else 0))
    return parts
