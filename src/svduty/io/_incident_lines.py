"""Where each record of an incident CSV starts, with a vectorised shortcut for the usual file.

Split from :mod:`svduty.io._incident_tables` (at its 500 lines) when the shortcut learnt
to see stray quotes (review51).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from svduty.io._csv_quotes import counting_right
from svduty.io._lines import longest_record, record_lines

__all__ = ["record_lines_of"]

_LF, _QUOTE = 10, 34


def record_lines_of(p: Path, mended: bytes | None = None) -> tuple[Any, int]:
    r""":func:`~svduty.io._lines.record_lines` of a CSV file (None if record k is on line k).

    Of the ``mended`` bytes the parser reads instead, if any. None: no line empty, none
    ending in a carriage return, each with an even number of quotes and none a stray
    quote (vectorised passes: a stray quote in an unquoted field, ``h"i``, is text to the
    parser, and one beside a quoted line break made the identity wrong, review51). With a
    length no record exceeds (:func:`~svduty.io._lines.longest_record` or more).

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = f.write_bytes(b'id,x\nh"i,"d\ne",f\ng,h\n')
        >>> lines, longest = record_lines_of(f)
        >>> lines.tolist(), longest >= len(b'h"i,"d\ne",f')
        ([1, 2, 4], True)
    """
    data = p.read_bytes() if mended is None else mended
    a = np.frombuffer(data, np.uint8)
    ends = np.flatnonzero(a == _LF)
    empty = len(ends) and (ends[0] == 0 or bool((np.diff(ends) == 1).any()))
    if not data or empty or b"\r" in data:
        return record_lines(p, identity=True, data=data), longest_record(data)
    starts = np.concatenate([[0], ends[:-1] + 1])  # the last line runs to the end
    quote = a == _QUOTE
    if np.bitwise_xor.reduceat(quote.view(np.uint8), starts).any():  # odd quotes in a line
        return record_lines(p, identity=True, data=data), longest_record(data)
    if not counting_right(a, np.flatnonzero(quote)):  # a stray quote: h"i,"d<LF>e"
        return record_lines(p, identity=True, data=data), longest_record(data)
    return None, int(np.diff(np.concatenate([starts, [len(a)]])).max())
