"""Boolean Arrow arrays as numpy arrays of bools (a byte a row), for the columnar engine.

Example:
    >>> import pyarrow as pa
    >>> true_bits(pa.array([True, None, False, True])).tolist()
    [True, False, False, True]
"""

from __future__ import annotations

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as _pa

from svduty import _arrays
from svduty import _compute as _pc

pa: Any = _pa
pc: Any = _pc
Arr = Any

__all__ = ["bools_at", "bools_to_lists", "coded", "true_bits", "unique_numbers", "unpacked"]


def unpacked(bools: Any) -> Any:
    """A boolean array without nulls as a numpy array of bools (one byte each).

    Example:
        >>> import pyarrow as pa
        >>> unpacked(pa.array([False, True, True]).slice(1)).tolist()
        [True, True]
    """
    bools = bools.combine_chunks() if isinstance(bools, pa.ChunkedArray) else bools
    bits = np.frombuffer(bools.buffers()[1], np.uint8)
    whole = np.unpackbits(bits, count=bools.offset + len(bools), bitorder="little")
    return whole[bools.offset :].view(bool)


def true_bits(bools: Any) -> Any:
    """Where a boolean array is true, null as false: ``unpacked(fill_null(bools, False))``.

    The value bits are and'ed with the validity bits in numpy: Arrow's ``coalesce`` of a
    boolean array with nulls costs about 25 times as much (17,000 rows: 109 against 4
    us), and the rules' flags mostly have nulls (undetermined).

    Example:
        >>> import pyarrow as pa
        >>> true_bits(pa.array([None, True, None, True, False]).slice(1)).tolist()
        [True, False, True, False]
    """
    bools = bools.combine_chunks() if isinstance(bools, pa.ChunkedArray) else bools
    validity, data = bools.buffers()[:2]
    if validity is None or not bools.null_count:
        return unpacked(bools)
    start, n = bools.offset, len(bools)
    size = (start + n + 7) // 8
    bits = np.frombuffer(data, np.uint8)[:size] & np.frombuffer(validity, np.uint8)[:size]
    return np.unpackbits(bits, count=start + n, bitorder="little")[start:].view(bool)


_BLOCK = 1 << 18  # rows at a time in bools_to_lists


def bools_to_lists(flags: list[Arr], labels: list[str]) -> Arr:
    """Per row, the labels whose flag is true, in the order of ``labels``.

    Column-wise: a block of rows at a time, the flags are unpacked into a matrix of
    bytes (a row per label); its true cells, read row by row, spell the lists.

    Example:
        >>> import pyarrow as pa
        >>> bools_to_lists([pa.array([True, None]), pa.array([True, True])], ["a", "b"]).to_pylist()
        [['a', 'b'], ['b']]
    """
    n = len(flags[0]) if flags else 0
    counts, which = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for start in range(0, n if labels else 0, _BLOCK):
        size = min(_BLOCK, n - start)
        held = np.empty((len(labels), size), dtype=bool)
        for i, f in enumerate(flags):
            held[i] = true_bits(f.slice(start, size))
        cells = np.flatnonzero(np.ascontiguousarray(held.T))  # row by row, labels in order
        rows, label = np.divmod(cells, len(labels))  # (2-D nonzero: twice the time)
        counts.append(np.bincount(rows, minlength=size))
        which.append(label)
    offsets = np.zeros(n + 1, np.int32)
    np.cumsum(np.concatenate(counts), out=offsets[1:])
    names = pc.take(pa.array(labels, pa.string()), _arrays.array(np.concatenate(which)))
    return pa.ListArray.from_arrays(_arrays.array(offsets), names)


def coded(codes: Any, words: list[str]) -> Arr:
    """Word numbers (``codes``, into ``words``) as a dictionary array.

    Its dictionary is the words used, in order of first appearance (as ``dictionary_encode``
    gives it).

    Example:
        >>> import numpy as np
        >>> coded(np.array([1, 0, 1]), ["yes", "no"]).to_pylist()
        ['no', 'yes', 'no']
    """
    firsts = []
    for c in range(len(words)):
        hits = codes == c
        if hits.any():
            firsts.append((int(np.argmax(hits)), c))
    firsts.sort()
    number = np.zeros(len(words), np.int32)
    number[[c for _, c in firsts]] = np.arange(len(firsts), dtype=np.int32)
    used = pa.array([words[c] for _, c in firsts], pa.string())
    return pa.DictionaryArray.from_arrays(_arrays.array(number[codes]), used)


def bools_at(tables: dict[str, Arr], at: Arr) -> dict[str, Arr]:
    """``{name: take(table, at)}`` of small boolean tables of one length, by row numbers.

    A table null at every entry the rows reach is all null without a take: most facts of
    a police.uk category say nothing (18 of 26 facts, each a take of every row). ``at``
    with a null or a number outside the tables is left to ``take`` (and its error).

    Example:
        >>> import pyarrow as pa
        >>> tables = {"a": pa.array([True, None, None]), "b": pa.array([None, None, False])}
        >>> out = bools_at(tables, pa.array([1, 2, 1]))
        >>> out["a"].to_pylist(), out["b"].to_pylist()
        ([None, None, None], [None, False, None])
    """
    size = {len(t) for t in tables.values()}
    numbers = at.to_numpy(zero_copy_only=False) if not at.null_count else None
    if len(size) != 1 or numbers is None or not len(numbers) or numbers.min() < 0:
        return {name: pc.take(t, at) for name, t in tables.items()}
    reached = np.bincount(numbers, minlength=size.pop()) > 0
    out = {}
    for name, t in tables.items():
        validity = t.buffers()[0]
        if len(reached) != len(t) or validity is None or not t.null_count:
            out[name] = pc.take(t, at)
            continue
        known = np.unpackbits(
            np.frombuffer(validity, np.uint8), count=t.offset + len(t), bitorder="little"
        )[t.offset :].view(bool)
        reaches_one = bool((known & reached).any())
        out[name] = pc.take(t, at) if reaches_one else pa.nulls(len(at), pa.bool_())
    return out


def unique_numbers(numbers: Any) -> tuple[Any, Any]:
    """``np.unique(numbers, return_inverse=True)`` of ``int64`` numbers, few of them distinct.

    The numbers are hashed (``dictionary_encode``) and only the distinct ones sorted:
    ``np.unique`` sorts every one. The missing facts' sets of an incident batch's 17,000
    distinct rows (five answers, each its sets as bits) numbered 5.1 -> 1.2 ms (speed55d).

    Example:
        >>> found, at = unique_numbers(np.array([5, -1, 5, 2], np.int64))
        >>> found.tolist(), at.tolist()
        ([-1, 2, 5], [2, 0, 2, 1])
    """
    encoded = pc.dictionary_encode(_arrays.array(np.asarray(numbers, np.int64)))
    distinct = encoded.dictionary.to_numpy(zero_copy_only=False)
    order = np.argsort(distinct)
    rank = np.empty(len(order), np.intp)
    rank[order] = np.arange(len(order))
    return distinct[order], rank[encoded.indices.to_numpy(zero_copy_only=False)]
