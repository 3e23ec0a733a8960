r"""JSON Lines from Arrow tables, column by column: the text ``json.dumps`` gives, row by row.

:func:`json_lines` writes a table as one JSON object per row, byte for byte what
``json.dumps(record, ensure_ascii=False)`` gives for each row of ``table.to_pylist()`` (dates
and times as their ``isoformat()``), without a Python loop over the rows: every column
becomes a column of JSON fragments with :mod:`pyarrow.compute` (strings quoted and escaped,
numbers, ``true``/``false``, ``null``, lists joined: :mod:`svduty.io._json_values`), and the
fragments are joined into lines. A column of a type not handled there (timestamps, structs,
decimals...) is encoded value by value with :func:`json.dumps`, which keeps its output (and
its errors) exactly as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as _pc
from svduty.io._json_values import _TEXT, _fragments, _plain_strings, _s

__all__ = ["json_lines", "json_lines_buffer", "json_lines_parts"]

Arrow = Any  # a pyarrow Array (pyarrow-stubs' compute overloads are narrower)
pc: Any = _pc


def _one_by_one(values: Arrow) -> Arrow:
    """The slow path: ``json.dumps`` of each value (see :func:`_as_json`)."""
    return pa.array(
        [json.dumps(v, ensure_ascii=False, default=_as_json) for v in values.to_pylist()],
        _TEXT,
    )


def _as_json(value: Any) -> Any:
    r"""A value JSON has no type for, as text (a binary column's bytes as base64).

    A date or time is its ``isoformat()``, a decimal its exact digits.

    Example:
        >>> import datetime, decimal
        >>> [_as_json(v) for v in (datetime.date(2024, 1, 2), decimal.Decimal("1.50"), b"\xff")]
        ['2024-01-02', '1.50', '/w==']
    """
    if isinstance(value, bytes):
        import base64

        return base64.b64encode(value).decode("ascii")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _pieces(batch: pa.RecordBatch) -> list[str | Arrow]:
    """Each line as text and columns of JSON text, in order (text next to text merged).

    Columns of few distinct values (dictionaries, lists of strings) next to each other are
    written together: the text of each combination of their values (:func:`_fused`).
    """
    pieces: list[str | Arrow | _Coded] = ["{"]
    n = batch.num_rows
    for i, field in enumerate(batch.schema):
        column = batch.column(i)
        pieces.append((", " if i else "") + json.dumps(field.name, ensure_ascii=False) + ": ")
        coded = _coded(column) if column.null_count < len(column) else None
        if column.null_count == len(column):
            pieces.append("null")
        elif coded is not None and n and coded.codes.min() == coded.codes.max():  # one value
            pieces.append(coded.words[int(coded.codes[0])].as_py())
        elif coded is not None:
            pieces.append(coded)
        elif _plain_strings(column):  # quoted by the text around them
            pieces += ['"', pc.cast(column, _TEXT), '"']
        else:
            text = _fragments(column)
            pieces.append(_one_by_one(column) if text is None else text)
    pieces.append("}\n")
    merged: list[str | Arrow | _Coded] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    out: list[str | Arrow] = []
    k = 0
    while k < len(merged):  # runs of coded columns, text between them: one column
        if not isinstance(merged[k], _Coded):
            out.append(merged[k])
            k += 1
            continue
        end = k + 1
        while (
            end + 1 < len(merged)
            and isinstance(merged[end], str)
            and isinstance(merged[end + 1], _Coded)
        ):
            end += 2
        out += _fused(merged[k:end], n)
        k = end
    return out


@attrs.frozen(slots=True)
class _Coded:
    """A column as ``codes`` (numpy ``int64``, one a row) into ``words`` (its JSON texts)."""

    codes: Any
    words: Arrow


def _coded(column: Arrow) -> _Coded | None:
    """``column`` as a :class:`_Coded`, when it has few distinct values (a quarter of its rows).

    Dictionaries as they are; text, whole numbers and lists of strings hashed (text and
    numbers only when the first rows already repeat).
    """
    n = len(column)
    t = column.type
    if pa.types.is_dictionary(t):
        return _from_dictionary(column)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_integer(t):
        sample = column.slice(0, _SAMPLE)
        seen = pc.unique(sample)
        if len(seen) > len(sample) // 4:
            return None
        if len(seen) == 1 and not column.null_count and pc.all(pc.equal(column, seen[0])).as_py():
            return _one_value(seen, n)  # (a batch's file: one value, not hashed)
        enc = pc.dictionary_encode(column)
        return None if len(enc.dictionary) > n // 4 else _from_dictionary(enc)
    codes = _list_codes(column)
    if codes is None:
        return None
    first = _arrays.first_rows(codes)
    if len(first) > n // 4:  # mostly distinct: as each row's own text
        return None
    words = _fragments(pc.take(column, _arrays.array(first)))
    return None if words is None else _Coded(codes, words)


def _one_value(value: Arrow, n: int) -> _Coded | None:
    """A column of ``n`` rows of one value (an array of it) as :func:`_from_dictionary` codes it.

    The words of a dictionary of that one value, every row its first (speed56d: the bench's
    ``file`` column, 1.0 -> 0.3 ms a batch of 65,536 rows, against hashing it).

    Example:
        >>> one = _one_value(pa.array(["a.csv"]), 2)
        >>> one.codes.tolist(), one.words.to_pylist()
        ([0, 0], ['"a.csv"', 'null'])
    """
    import numpy as np

    words = _fragments(value)
    if words is None:  # pragma: no cover - text and whole numbers have their fragments
        return None
    return _Coded(np.zeros(n, np.int64), pa.concat_arrays([words, pa.array(["null"], _TEXT)]))


def _from_dictionary(column: Arrow) -> _Coded | None:
    import numpy as np

    words = _fragments(column.dictionary)
    if words is None:
        return None
    size = len(column.dictionary)
    # widened first: a dictionary of int8 indices may hold 128 words, and ``size`` too few
    codes = pc.cast(column.indices, pa.int64())
    if codes.null_count:
        codes = pc.fill_null(codes, size)
    words = pa.concat_arrays([words, pa.array(["null"], _TEXT)])
    return _Coded(codes.to_numpy(zero_copy_only=False).astype(np.int64, copy=False), words)


def _list_codes(column: Arrow) -> Any:
    """Equal lists of strings numbered alike (numpy ``int64``, in order of first appearance).

    Two lists are equal when they have the bytes of their items one after the other
    and the same item lengths: both are read as binary values over the column's own
    buffers (nothing copied but the offsets; the lengths in the items' own width) and
    hashed. ``None`` for other types and null items.
    """
    import numpy as np

    t = column.type
    if not (pa.types.is_list(t) or pa.types.is_large_list(t)) or not len(column):
        return None
    items = column.values
    if not (pa.types.is_string(items.type) or pa.types.is_large_string(items.type)):
        return None
    if items.null_count:
        return None
    at = column.offsets.to_numpy()
    full = np.flatnonzero(at[1:] != at[:-1])  # the rows with an item
    if len(full) * _FEW_FULL < len(column):  # mostly empty (or null): those alone hashed
        return _mostly_empty(column, full)
    wide = pa.types.is_large_string(items.type)
    bounds = np.frombuffer(items.buffers()[1], np.int64 if wide else np.int32)
    bounds = bounds[items.offset : items.offset + len(items) + 1]
    data = items.buffers()[2] or pa.py_buffer(b"")
    spans = pa.py_buffer(bounds[at].astype(np.int64))
    text = pa.Array.from_buffers(pa.large_binary(), len(column), [None, spans, data])
    sizes: Any = np.diff(bounds)  # each item's length in bytes (4 of them for int32 offsets)
    shape = pa.Array.from_buffers(
        pa.large_binary(),
        len(column),
        [None, pa.py_buffer(at.astype(np.int64) * sizes.itemsize), pa.py_buffer(sizes)],
    )
    words, shapes = pc.dictionary_encode(text), pc.dictionary_encode(shape)
    key = words.indices.to_numpy().astype(np.int64) * len(shapes.dictionary)
    key += shapes.indices.to_numpy()
    width = len(words.dictionary) * len(shapes.dictionary)
    if column.null_count:  # a null list and an empty one: the same bytes and lengths
        key = key * 2 + pc.is_valid(column).to_numpy(zero_copy_only=False)
        width *= 2
    return _numbers(key, width)[0]


_FEW_FULL = 4
"""A list column whose rows with an item are fewer than 1/_FEW_FULL is hashed on those rows."""


def _mostly_empty(column: Arrow, full: Any) -> Any:
    """:func:`_list_codes` of a column of mostly empty (or null) lists: ``full`` its others.

    Only the rows with an item are hashed (taken, then numbered as any column); every
    empty list is one key and every null one another (the bench's ``kinds``, 576 of
    65,536 rows with an item: 1.65 -> 0.3 ms a batch, speed57d).

    Example:
        >>> import numpy as np
        >>> col = pa.array([[], ["a"], None, [], ["a"], [""]] + [[]] * 20, pa.list_(pa.string()))
        >>> _mostly_empty(col, np.array([1, 4, 5]))[:7].tolist()
        [0, 1, 2, 0, 1, 3, 0]
    """
    import numpy as np

    key = pc.is_valid(column).to_numpy(zero_copy_only=False).astype(np.int64) ^ 1  # null: 1
    if len(full):
        codes = _list_codes(pc.take(column, _arrays.array(full)))
        key[full] = codes + 2
        return _numbers(key, int(codes.max()) + 3)[0]
    return _numbers(key, 2)[0]


def _fused(run: list[Any], n: int) -> list[str | Arrow]:
    """The JSON text of a run of coded columns and the text between them, row by row.

    Each distinct combination of the columns' numbers is written once, then taken. A
    column that would make the combinations more than 1/32 of the rows starts a new run
    (a combination's text is copied twice, into its run and into the lines). The
    combinations are numbered only when they might be too many: once a column is
    found to add none too many, the rest of the run is tried at once, and the column
    that makes too many is then found by halving.
    """
    most = max(n // _SHARE, 1)
    coded = [i for i, item in enumerate(run) if isinstance(item, _Coded)]
    out: list[str | Arrow] = []
    first = 0  # the run's part not yet written starts at run[coded[first]]
    while first < len(coded):
        last, numbers = _longest(run, coded[first:], most)
        end = coded[first + last + 1] if first + last + 1 < len(coded) else len(run)
        out += _joined(run[coded[first] : end], numbers)
        first += last + 1
    return out


def _longest(run: list[Any], at: list[int], most: int) -> tuple[int, Any]:
    """How many of the coded columns ``run[at[0]], run[at[1]], ...`` go in one run, less one.

    And their combinations numbered 0, 1, ... (numpy ``int64``; ``None`` for one column,
    whose own numbers do). The columns go together as long as their combinations are at
    most ``most`` (the first always goes).
    """
    key, width, last = run[at[0]].codes, len(run[at[0]].words), 0
    while last + 1 < len(at):  # products within ``most`` need no numbering
        size = len(run[at[last + 1]].words)
        if width * size > most:
            break
        key, width, last = key * size + run[at[last + 1]].codes, width * size, last + 1
    grown = None if last + 1 == len(at) else _grown(run, at, last, key, width, most=most)
    if grown is not None:
        return grown
    return last, _numbers(key, width)[0] if last else None


def _grown(
    run: list[Any], at: list[int], last: int, key: Any, width: int, *, most: int
) -> tuple[int, Any] | None:
    """The longest run past ``at[last]`` within ``most`` combinations, or None if not one more.

    ``key``: the combinations through ``at[last]``, at most ``width`` of them.
    """

    def through(k: int) -> tuple[Any, int]:  # the combinations of at[0..k], numbered
        combined, size = key, width
        for j in at[last + 1 : k + 1]:
            words = len(run[j].words)
            if size * words >= _WIDEST:
                combined, size = _numbers(combined, size)
            combined, size = combined * words + run[j].codes, size * words
        return _numbers(combined, size)

    numbers, count = through(last + 1)
    if count > most:
        return None
    good, good_numbers = last + 1, numbers
    if good == len(at) - 1:
        return good, good_numbers
    numbers, count = through(len(at) - 1)
    if count <= most:
        return len(at) - 1, numbers
    low, high = good, len(at) - 1  # at[low] fits, at[high] does not
    while high - low > 1:
        mid = (low + high) // 2
        numbers, count = through(mid)
        if count <= most:
            low, good_numbers = mid, numbers
        else:
            high = mid
    return low, good_numbers


def _numbers(key: Any, width: int) -> tuple[Any, int]:
    """``key`` (numpy, ``0 <= key < width``) numbered 0, 1, ... in order of first appearance.

    :func:`svduty._arrays.numbered`'s answer (numpy ``int64``, and how many): a key no
    wider than twice the rows (or ``_arrays._DIRECT``) numbered by direct addressing
    (``_arrays._numbered``), not hashed (the bench's incidents, the six keys of a batch of
    65,536 rows: 0.30-1.21 -> 0.24-0.35 ms each, best of 21; speed56d).

    Example:
        >>> import numpy as np
        >>> codes, n = _numbers(np.array([7, 3, 7, 9]), 10)
        >>> codes.tolist(), n
        ([0, 1, 0, 2], 3)
    """
    if width > max(_arrays._DIRECT, 2 * len(key)):
        numbers: Any
        numbers, count = _arrays.numbered(key)
        return numbers, count
    numbers, first = _arrays._numbered(key, width)
    return numbers.astype("int64"), len(first)


_WIDEST = 1 << 62
_SAMPLE = 1 << 11  # rows whose distinct values say whether a column is worth coding
_SHARE = 32
"""A run's combinations are at most 1/_SHARE of the rows (measured: 4 and 256 are slower)."""


def _joined(group: list[Any], numbers: Any) -> list[str | Arrow]:
    """A run's coded columns and the text between them as columns (text after it kept).

    Each column is ``(words, rows)``: texts taken at ``rows`` a part of the lines at a time
    (:func:`json_lines_parts`); a text of :data:`_LONG` characters or more between two
    columns is its own piece. ``numbers``: the combination of each row, numbered 0, 1, ...
    in order of first appearance (``None`` when the run has one coded column).
    """
    group = list(group)
    tail: list[str | Arrow] = []
    while group and isinstance(group[-1], str):
        tail.insert(0, group.pop())
    coded = [c for c in group if isinstance(c, _Coded)]
    if len(coded) == 1:
        return [(coded[0].words, _arrays.array(coded[0].codes)), *tail]
    groups = _arrays.array(numbers)
    first = _arrays.array(_arrays.first_rows(numbers))
    out: list[str | Arrow] = []
    parts: list[Any] = []  # the texts since the last long one
    for p in group:
        if isinstance(p, _Coded):
            parts.append(pc.take(p.words, pc.take(_arrays.array(p.codes), first)))
        elif len(p) < _LONG:
            parts.append(_s(p))
        else:  # written once a line, not copied into every combination's text
            out, parts = [*out, (pc.binary_join_element_wise(*parts, _s("")), groups), p], []
    return [*out, (pc.binary_join_element_wise(*parts, _s("")), groups), *tail]


_LONG = 256
"""Bench's incidents, the writer's CPU a batch of 65,536 (best of 9): no text apart 42-44 ms,
apart from 100-256 characters 35-38 ms (the 425 of null fields), from 16 45-47 ms."""


_PART_ROWS = 1 << 11
"""Lines put together at a time by :func:`json_lines_parts` (about 2.5 MB of incidents).

Measured, 200,000 incidents written by ``svduty classify``, CPU median: 32,768 lines (the
whole piece) 1.14-1.47 s, 16,384 1.18 s, 4,096 0.83-1.04 s, 2,048 0.80-0.96 s.
"""


def json_lines_buffer(batch: pa.RecordBatch) -> pa.Buffer:
    r"""The rows of ``batch`` as JSON Lines in UTF-8, each line ending in ``\n``.

    Example:
        >>> json_lines_buffer(pa.record_batch({"a": [1, None]})).to_pybytes()
        b'{"a": 1}\n{"a": null}\n'
    """
    parts = list(json_lines_parts(batch, max(batch.num_rows, 1)))
    return parts[0] if parts else pa.py_buffer(b"")


def json_lines_parts(batch: pa.RecordBatch, rows: int = _PART_ROWS) -> Iterator[pa.Buffer]:
    r"""The UTF-8 bytes of :func:`json_lines_buffer`, made ``rows`` lines at a time.

    The columns are read once for the whole batch; each part's lines are then put
    together alone, so no column of text is ever as long as the batch.

    Example:
        >>> [p.to_pybytes() for p in json_lines_parts(pa.record_batch({"a": [1, 2, 3]}), 2)]
        [b'{"a": 1}\n{"a": 2}\n', b'{"a": 3}\n']
    """
    n = batch.num_rows
    if not n:
        return
    pieces = [_s(p) if isinstance(p, str) else p for p in _pieces(batch)]
    line = pieces[0].as_py().encode() if len(pieces) == 1 else None
    for start in range(0, n, rows):
        k = min(rows, n - start)
        if line is not None:  # every column null (or none): one line k times
            yield pa.py_buffer(line * k)
            continue
        part = [_part(p, start, k) for p in pieces]
        lines = pc.binary_join_element_wise(*part, _s(""))
        offsets = pa.Array.from_buffers(
            pa.int64(), k + 1, [None, lines.buffers()[1]], 0, lines.offset
        )
        first, end = offsets[0].as_py(), offsets[k].as_py()
        data: pa.Buffer = lines.buffers()[2]
        yield data.slice(first, end - first)


def _part(piece: Any, start: int, k: int) -> Any:
    """Rows ``start`` to ``start + k`` of a piece of the lines (text: as it is)."""
    if isinstance(piece, pa.Scalar):
        return piece
    if isinstance(piece, tuple):  # (words, rows): see _joined
        return pc.take(piece[0], piece[1].slice(start, k))
    return piece.slice(start, k)


def json_lines(batch: pa.RecordBatch) -> str:
    r"""The rows of ``batch`` as JSON Lines, each line ending in ``\n``.

    Each line is ``json.dumps(row, ensure_ascii=False)`` of the row as a dict (keys in the
    order of the columns, dates as ``YYYY-MM-DD``), built column by column.

    Example:
        >>> import datetime as dt
        >>> b = pa.record_batch({"id": ['a"1', None], "n": [1, None],
        ...                      "day": [dt.date(2024, 5, 1), None], "kinds": [["knife", "é"], []]})
        >>> print(json_lines(b), end="")
        {"id": "a\"1", "n": 1, "day": "2024-05-01", "kinds": ["knife", "é"]}
        {"id": null, "n": null, "day": null, "kinds": []}
    """
    return str(json_lines_buffer(batch), "utf-8")
