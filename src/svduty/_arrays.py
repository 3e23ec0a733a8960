"""Numpy arrays into Arrow without pyarrow's check for masked arrays.

``pa.array(values)`` on a numpy array asks whether it is a ``numpy.ma.MaskedArray``, which
imports ``numpy.ma``: 0.01-0.02 s, once per process, in every ``svduty classify``. The
arrays svduty makes itself (row numbers, group keys, counts) are never masked, so
:func:`array` wraps their memory in an Arrow array directly; anything else goes to
``pa.array`` unchanged.

Example:
    >>> import numpy as np
    >>> array(np.arange(3)).to_pylist(), array(np.arange(3, dtype=np.int32)).type
    ([0, 1, 2], DataType(int32))
    >>> array(np.array([5, 6]), mask=np.array([False, True])).to_pylist()
    [5, None]
    >>> array(np.array([True, False, True])).to_pylist()
    [True, False, True]
    >>> array([1, None], pa.int64()).to_pylist()
    [1, None]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["array", "codes", "first_rows", "groups", "numbered", "one_array", "sums", "value_sums"]

_KINDS = "biuf"  # booleans, integers, floats: plain buffers Arrow shares or packs


def array(values: Any, type: pa.DataType | None = None, *, mask: Any = None) -> Any:
    """``pa.array(values, type, mask=mask)``, without importing ``numpy.ma`` for numpy input.

    Example:
        >>> array(np.array([1, 2]), pa.int32()).type
        DataType(int32)
    """
    if not isinstance(values, np.ndarray) or values.ndim != 1 or values.dtype.kind not in _KINDS:
        return pa.array(values, type, mask=mask)
    data = np.ascontiguousarray(values)
    if data.dtype.kind == "b":
        buffer = pa.py_buffer(np.packbits(data, bitorder="little"))  # type: ignore[arg-type]
        native: pa.DataType = pa.bool_()
    else:
        buffer, native = pa.py_buffer(data), pa.from_numpy_dtype(data.dtype)  # type: ignore[arg-type]
    validity, nulls = None, 0
    if mask is not None:
        hidden = np.asarray(mask, dtype=bool)
        nulls = int(hidden.sum())
        if nulls:
            validity = pa.py_buffer(np.packbits(~hidden, bitorder="little"))  # type: ignore[arg-type]
    out = pa.Array.from_buffers(native, len(data), [validity, buffer], null_count=nulls)
    return out if type is None or type == native else out.cast(type)


def one_array(column: Any) -> Any:
    """A column as one array; chunks whose dictionaries Arrow cannot merge are decoded.

    Arrow refuses to merge the dictionaries of chunks when one holds a null word.

    Example:
        >>> words = pa.DictionaryArray.from_arrays([0, 1, None], [None, "a"])
        >>> one_array(pa.chunked_array([words, words])).to_pylist()
        [None, 'a', None, None, 'a', None]
        >>> one_array(pa.array([1])).to_pylist()
        [1]
    """
    if not isinstance(column, pa.ChunkedArray):
        return column
    try:
        return column.combine_chunks()
    except pa.ArrowInvalid:  # "Cannot yet unify dictionaries with nulls"
        return column.cast(column.type.value_type).combine_chunks()


def numbered(key: Any) -> tuple[Any, int]:
    """The values of ``key`` numbered 0, 1, ... in order of first appearance, and how many.

    The one way svduty numbers a combined key (the columns' numbers multiplied out) before
    it could overflow, and the rows' groups once it is complete: numpy ``int64`` out.

    Example:
        >>> codes, n = numbered(np.array([7, 3, 7, 9]))
        >>> codes.tolist(), n
        ([0, 1, 0, 2], 3)
    """
    enc = pc.dictionary_encode(array(key) if isinstance(key, np.ndarray) else key)
    return enc.indices.to_numpy(zero_copy_only=False).astype(np.int64), len(enc.dictionary)


def first_rows(groups: Any) -> Any:
    """The first row of each group, the groups numbered in order of first appearance.

    A group starts where the running maximum of the numbers grows.

    Example:
        >>> first_rows(np.array([0, 1, 0, 2, 1])).tolist()
        [0, 1, 3]
    """
    running = np.maximum.accumulate(groups)
    new = np.ones(len(groups), dtype=bool)
    new[1:] = running[1:] > running[:-1]
    return np.flatnonzero(new)


def codes(column: Any) -> tuple[Any, int]:
    """Each row's value numbered (numpy ``int64``; equal numbers, equal values), and how many.

    Nulls get the last number. A dictionary column's indices are the numbers (a word its
    dictionary repeats gets two numbers: callers that count merge them again by value).

    Example:
        >>> c, n = codes(pa.array(["b", None, "a", "b"]))
        >>> c.tolist(), n
        ([0, 2, 1, 0], 3)
    """
    enc: Any = one_array(column)
    if not pa.types.is_dictionary(enc.type):
        if _one_value(enc):  # a month of one file: no hashing
            return np.zeros(len(enc), np.int64), 2
        enc = pc.dictionary_encode(enc.cast(pa.int8()) if pa.types.is_boolean(enc.type) else enc)
    size = len(enc.dictionary) + 1
    idx = pc.fill_null(enc.indices.cast(pa.int64()), pa.scalar(size - 1, pa.int64()))
    return idx.to_numpy(zero_copy_only=False), size


def _one_value(values: Any) -> bool:
    """Whether every value is the first one (none null): compared, not hashed.

    Example:
        >>> _one_value(pa.array(["a", "a"])), _one_value(pa.array(["a", "b", "a"]))
        (True, False)
    """
    if not len(values) or values.null_count or values[0] != values[-1]:
        return False
    return bool(pc.all(pc.equal(values, values[0])).as_py())


def groups(columns: list[Any], rows: int) -> tuple[Any, Any]:
    """The distinct combinations of ``columns``' values, numbered in order of first appearance.

    The one way svduty groups a table's rows by several columns: each column numbered
    (:func:`codes`), the numbers multiplied out (renumbered before they could overflow).

    Returns:
        Each row's group and the first row of each group (numpy ``int64`` arrays).

    Example:
        >>> g, first = groups([pa.array(["a", "b", "a"]), pa.array([1, 2, 1])], 3)
        >>> g.tolist(), first.tolist()
        ([0, 1, 0], [0, 1])
    """
    key = np.zeros(rows, np.int64)
    width = 1
    for column in columns:
        numbers, size = codes(column)
        if width * size >= 1 << 62:  # renumbered before the combined numbers overflow
            key, width = numbered(key)
        key, width = key * size + numbers, width * size
    rows_groups, _ = numbered(key)
    return rows_groups, first_rows(rows_groups)


def sums(groups: Any, weights: Any, size: int) -> Any:
    """Each group's number of rows, or the sum of its rows' integer ``weights`` (``int64``).

    Example:
        >>> sums(np.array([0, 2, 0]), None, 3).tolist(), sums(np.array([0, 2, 0]), np.array([5, 1, 2]), 3).tolist()
        ([2, 0, 1], [7, 0, 1])
    """  # noqa: E501
    if weights is None:
        return np.bincount(groups, minlength=size).astype(np.int64)
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, groups, np.asarray(weights, dtype=np.int64))
    return out


def value_sums(column: Any, weights: Any = None) -> list[tuple[Any, int]]:
    """Each non-null value's number of rows, or the sum of its rows' ``weights``.

    A dictionary column is counted by its indices (no text read); a word its dictionary
    repeats is listed once for each place (the caller adds them up). Values counted zero
    times are left out.

    Example:
        >>> value_sums(pa.array(["a", None, "b", "a"]))
        [('a', 2), ('b', 1)]
        >>> value_sums(pa.array(["a", "b"]).dictionary_encode(), np.array([3, 4]))
        [('a', 3), ('b', 4)]
    """
    out: list[tuple[Any, int]] = []
    piece: Any
    at = 0
    for piece in column.chunks if isinstance(column, pa.ChunkedArray) else [column]:
        part = None if weights is None else np.asarray(weights)[at : at + len(piece)]
        at += len(piece)
        chunk = piece if pa.types.is_dictionary(piece.type) else pc.dictionary_encode(piece)
        idx = chunk.indices.to_numpy(zero_copy_only=False)
        if chunk.indices.null_count:
            keep = pc.is_valid(chunk.indices).to_numpy(zero_copy_only=False)
            idx = idx[keep]
            part = None if part is None else part[keep]
        rows = sums(idx.astype(np.int64), part, len(chunk.dictionary))
        for word, n in zip(chunk.dictionary.to_pylist(), rows.tolist(), strict=True):
            if n and word is not None:
                out.append((word, n))
    return out
