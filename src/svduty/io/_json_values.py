r"""The JSON text of Arrow values, column by column: strings, numbers, lists, dictionaries.

The fragments :mod:`svduty.io._json_lines` puts together into lines: each value's text is
what ``json.dumps(value, ensure_ascii=False)`` gives (strings quoted and escaped, numbers,
``true``/``false``, ``null``, lists joined), made with :mod:`pyarrow.compute`. Split from
:mod:`svduty.io._json_lines` at its 500 lines (speed52d).
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from svduty import _compute as _pc

__all__: list[str] = []

Arrow = Any  # a pyarrow Array (pyarrow-stubs' compute overloads are narrower)
pc: Any = _pc

_TEXT = pa.large_string()
_ESCAPES = [("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")]
_ESCAPES += [("\b", "\\b"), ("\f", "\\f")]
_ESCAPES += [(chr(c), f"\\u{c:04x}") for c in range(0x20) if chr(c) not in "\n\r\t\b\f"]
_NEEDS_ESCAPE = r'[\x00-\x1f"\\]'
_SAFE = bytes(b for b in range(256) if b >= 0x20 and b not in b'"\\')


def _s(text: str) -> pa.Scalar[Any]:
    return pa.scalar(text, _TEXT)


def _plain_text(values: Arrow) -> bool:
    """No string of ``values`` holds a character JSON escapes (read on the bytes, at once).

    The bytes from the first string to the last are read, also those of nulls, so this may
    say False for strings that are plain (the slow path is as right, only slower).
    """
    n = len(values)
    _, offsets, data = values.buffers()
    if not n or data is None:
        return True
    width = pa.int64() if pa.types.is_large_string(values.type) else pa.int32()
    bounds = pa.Array.from_buffers(width, n + 1, [None, offsets], 0, values.offset)
    start, end = bounds[0].as_py(), bounds[n].as_py()
    return not bytes(memoryview(data)[start:end]).translate(None, _SAFE)


def _strings(values: Arrow) -> Arrow:
    r"""Strings as JSON strings (null stays null): quoted, ``"``, ``\`` and controls escaped."""
    values = pc.cast(values, _TEXT)
    if not _plain_text(values):
        needs = pc.fill_null(pc.match_substring_regex(values, _NEEDS_ESCAPE), False)
        some = pc.filter(values, needs)
        for char, escaped in _ESCAPES:
            some = pc.replace_substring(some, char, escaped)
        values = pc.replace_with_mask(values, needs, some)
    return pc.binary_join_element_wise(_s('"'), values, _s('"'), _s(""))


def _floats(values: Arrow) -> Arrow:
    """Floats as ``repr`` writes them; values Arrow formats otherwise go one by one."""
    values = pc.cast(values, pa.float64())
    text = pc.cast(values, _TEXT)
    size = pc.abs(values)
    plain = pc.and_(
        pc.or_(
            pc.equal(size, 0.0),
            pc.and_(pc.greater_equal(size, 1e-4), pc.less(size, 1e15)),
        ),
        pc.invert(pc.match_substring(text, "e")),
    )
    plain = pc.fill_null(plain, True)  # nulls: nothing to mend
    whole = pc.invert(pc.match_substring(text, "."))
    text = pc.if_else(
        pc.and_(plain, whole), pc.binary_join_element_wise(text, _s(".0"), _s("")), text
    )
    if not pc.all(plain).as_py():
        odd = pc.invert(plain)
        one_by_one = [json.dumps(v) for v in pc.filter(values, odd).to_pylist()]
        text = pc.replace_with_mask(text, odd, pa.array(one_by_one, _TEXT))
    return text


def _lists(values: Arrow) -> Arrow | None:
    """Lists as JSON arrays of their encoded items (None if the items need the slow path)."""
    flat = pc.list_flatten(values)
    lengths = pc.cast(pc.fill_null(pc.list_value_length(values), 0), pa.int64())
    offsets = pa.concat_arrays([pa.array([0], pa.int64()), pc.cumulative_sum(lengths)])
    if _plain_strings(flat):  # quoted by the separator and the brackets
        joined = pc.binary_join(
            pa.LargeListArray.from_arrays(offsets, pc.cast(flat, _TEXT)), _s('", "')
        )
        out = pc.binary_join_element_wise(_s('["'), joined, _s('"]'), _s(""))
        out = pc.if_else(pc.equal(lengths, 0), _s("[]"), out)
    else:
        items = _fragments(flat, nested=True)
        if items is None:
            return None
        joined = pc.binary_join(pa.LargeListArray.from_arrays(offsets, items), _s(", "))
        out = pc.binary_join_element_wise(_s("["), joined, _s("]"), _s(""))
    return pc.if_else(pc.is_valid(values), out, pa.scalar(None, _TEXT))


def _fragments(values: Arrow, *, nested: bool = False) -> Arrow | None:
    """The JSON text of each value (``null`` for nulls), or None if not handled here."""
    t = values.type
    out: Arrow
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        out = _strings(values)
    elif pa.types.is_boolean(t) or pa.types.is_integer(t):
        out = pc.cast(values, _TEXT)
    elif pa.types.is_floating(t):
        out = _floats(values)
    elif pa.types.is_null(t):
        out = pa.nulls(len(values), _TEXT)
    elif pa.types.is_date32(t) and not nested:  # json.dumps refuses a date inside a list
        out = _strings(pc.cast(values, pa.string()))
    elif pa.types.is_dictionary(t):
        words = _fragments(values.dictionary, nested=nested)
        if words is None:
            return None
        out = pc.take(words, values.indices)
    elif pa.types.is_list(t) or pa.types.is_large_list(t):
        out = _lists(values)
        if out is None:
            return None
    else:
        return None
    return pc.fill_null(out, _s("null"))


def _plain_strings(column: Arrow) -> bool:
    """Strings without nulls and without a character JSON escapes."""
    t = column.type
    strings = pa.types.is_string(t) or pa.types.is_large_string(t)
    return strings and not column.null_count and _plain_text(column)
