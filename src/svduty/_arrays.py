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

__all__ = ["array", "one_array"]

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
