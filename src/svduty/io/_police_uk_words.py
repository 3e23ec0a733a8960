"""The police.uk columns read as words: ``month`` and ``police_uk_category``.

The reader's parse threads number (dictionary-encode) a file's months and crime types as
they read them: a file holds a month or a few and 14 crime types, so the checks of
:func:`~svduty.io.normalise_police_uk` and the grouping of rows alike look at a few words,
not at every row's text. This module holds that type and the helpers over its words.
"""

from __future__ import annotations

from typing import Any

import numpy as np  # a dependency of pyarrow
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

Arrow = Any  # a pyarrow Array or ChunkedArray

__all__: list[str] = []

WORDS = pa.dictionary(pa.int32(), pa.string())
"""The type of the dictionary-encoded police.uk columns (``month``, ``police_uk_category``)."""


def _distinct(text: Arrow) -> list[str]:
    """The distinct values (nulls left out); quick when every value is the first one.

    A dictionary column's are the words its rows use (counted, not hashed).
    """
    if pa.types.is_dictionary(text.type):
        return _used(text)
    one = len(text) and not text.null_count and text[0] == text[-1]
    if one and pc.all(pc.equal(text, text[0])).as_py():
        return [text[0].as_py()]
    return [m for m in pc.unique(text).to_pylist() if m is not None]


def _used(words: Arrow) -> list[str]:
    """The distinct words a dictionary column's rows use (nulls left out).

    Example:
        >>> _used(pa.DictionaryArray.from_arrays([2, 0, None, 2], ["a", "b", "c"]))
        ['a', 'c']
    """
    words = _arrays.one_array(words)
    indices = words.indices.to_numpy(zero_copy_only=False)
    if words.indices.null_count:
        indices = indices[pc.is_valid(words.indices).to_numpy(zero_copy_only=False)]
    seen = np.flatnonzero(np.bincount(indices.astype(np.int64), minlength=len(words.dictionary)))
    used = pc.take(words.dictionary, _arrays.array(seen)).to_pylist()
    return list(dict.fromkeys(w for w in used if w is not None))


def _words(text: Arrow) -> Arrow:
    """A column as :data:`WORDS`: as read if it is (the parser's numbering), else numbered.

    Example:
        >>> _words(pa.array(["2025-06", None, "2025-06"])).indices.to_pylist()
        [0, None, 0]
    """
    if text.type == WORDS:
        return text
    if pa.types.is_dictionary(text.type):  # other index widths, other words' type
        return pc.cast(text, WORDS)
    return pc.dictionary_encode(text)


def spelt(text: Arrow) -> Arrow:
    """A column of words as text (the rows' own values); any other column as it is.

    Example:
        >>> spelt(pa.array(["x", "x"]).dictionary_encode()).to_pylist()
        ['x', 'x']
    """
    return pc.cast(text, pa.string()) if pa.types.is_dictionary(text.type) else text


def shortest(month: Arrow) -> int:
    """The fewest bytes of a month read (a blank line is a row whose month is empty).

    The parser's words are those its rows hold: their lengths are the rows'.

    Example:
        >>> shortest(pa.chunked_array([pa.array(["2025-06", ""]).dictionary_encode()]))
        0
    """
    if pa.types.is_dictionary(month.type):
        month = pa.chunked_array([c.dictionary for c in month.chunks], pa.string())
    least = pc.min(pc.binary_length(month)).as_py()
    return 0 if least is None else int(least)
