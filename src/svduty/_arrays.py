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

__all__ = ["array", "first_rows", "numbered", "one_array"]

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
