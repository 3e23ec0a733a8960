r"""The quotes of CSV data a CSV parser reads as quotes: those that open or close a value.

A quote opens a quoted value only at the start of a field (the data's start, or after a
comma or a line end); elsewhere in an unquoted field (``ab"c``, ``one",x``) it is text. In
a quoted value ``""`` is a quote of the text, and a lone quote closes the value. Counting
every quote (a line break after an odd number of them is inside a quoted value) is what
the parser does only while every quote counted as opening starts a field; a stray quote
in an unquoted field flips the count, and the records after it were read as one. Found by
an independent review (review51): an incident CSV row ``a1,"L\none",extra`` made the next
row's line unknown (``row: null``) and the run fail with "a quote is opened and never
closed", though the parser had read every row.

Example:
    >>> import numpy as np
    >>> data = np.frombuffer(b'a,"b\nc",d\none",x\ne,f\n', np.uint8)
    >>> at = np.flatnonzero(data == 34)
    >>> at.tolist(), parsed_quotes(data, at).tolist()  # the quote of one",x is text
    ([2, 6, 13], [2, 6])
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["counting_right", "left_open", "parsed_quotes"]

_LF, _CR, _QUOTE, _COMMA = 10, 13, 34, 44
_FIELD_START = np.array([_COMMA, _LF, _CR, _QUOTE], dtype=np.uint8)
"""What may precede a quote counted as opening, when counting is right (a quote: ``""``)."""
_STARTS = frozenset({_COMMA, _LF, _CR})


def counting_right(data: Any, at: Any) -> bool:
    """Whether each quote counted as opening (the first, the third...) starts a field.

    Or follows a quote (``""``). ``at``: every quote of ``data`` (a numpy ``uint8``
    array). Then counting every quote is what a parser does (one vectorised test).

    Example:
        >>> import numpy as np
        >>> [counting_right(d, np.flatnonzero(d == 34)) for d in
        ...  (np.frombuffer(b'"a""b",c', np.uint8), np.frombuffer(b'ab"c', np.uint8))]
        [True, False]
    """
    opening = at[0::2]
    return bool(np.isin(data[opening[opening > 0] - 1], _FIELD_START).all())


def parsed_quotes(data: Any, at: Any) -> Any:
    r"""The quotes among ``at`` (every quote of ``data``) that open or close a quoted value.

    ``data`` is a numpy ``uint8`` array; the positions are in order, ``at`` itself when
    counting every quote is right: when each quote counted as opening (the first, the
    third...) starts a field or follows a quote (one vectorised test: the usual file).
    Otherwise the quotes are followed one by one (a file with a stray quote), and those
    that are text, in an unquoted field or a ``""`` in a quoted value, are left out. A
    quote never closed leaves the count odd, as the parser leaves the rest in its value.

    Example:
        >>> import numpy as np
        >>> data = np.frombuffer(b'"a""b",x"y\n"c', np.uint8)
        >>> parsed_quotes(data, np.flatnonzero(data == 34)).tolist()
        [0, 5, 11]
    """
    if counting_right(data, at):
        return at
    size = len(data)
    kept: list[int] = []
    inside = False
    escaped = -1  # the second quote of a "" in a quoted value
    for q in at.tolist():
        if q == escaped:
            continue
        if not inside:
            if q == 0 or int(data[q - 1]) in _STARTS:
                kept.append(q)
                inside = True
        elif q + 1 < size and data[q + 1] == _QUOTE:
            escaped = q + 1
        else:
            kept.append(q)
            inside = False
    return np.array(kept, dtype=np.int64)


def left_open(text: str) -> bool:
    r"""Whether a record's text leaves a quoted value open (the parser read to the data's end).

    Example:
        >>> left_open('1,"8N'), left_open('one",x'), left_open('"a""b",c')
        (True, False, False)
    """
    data = np.frombuffer(text.encode(), np.uint8)
    return len(parsed_quotes(data, np.flatnonzero(data == _QUOTE))) % 2 == 1
