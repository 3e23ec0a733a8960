r"""Line numbers of the rows pyarrow reads from JSON Lines bytes, as the line reader counts."""

from __future__ import annotations

from typing import Any

__all__: list[str] = []


def _one_per_line(data: bytes, rows: int) -> Any:
    r"""``1, 2, ... rows`` when ``data`` holds ``rows`` objects, one a line; else ``None``.

    So when every line starts with ``{``, the file holds no other ``{`` and no ``\r``, and
    there are ``rows`` lines (the last may end without ``\n``): each of the ``rows`` objects
    starts with its own ``{``, so at the start of a line, and no line is blank. Two passes
    over the bytes, where :func:`_line_numbers` needs several.

    Example:
        >>> _one_per_line(b'{"id": "a"}\n{"id": "b"}\n', 2)
        array([1, 2])
        >>> _one_per_line(b'{"id": "a"}\n\n{"id": "b"}\n', 2) is None
        True
    """
    import numpy as np

    if not rows or b"\r" in data:
        return None
    a = np.frombuffer(data, np.uint8)
    opens = np.flatnonzero(a == _OPEN)
    if len(opens) != rows or opens[0] != 0 or (a[opens[1:] - 1] != _LF).any():
        return None
    if int(np.count_nonzero(a == _LF)) != rows - 1 + (a[-1] == _LF):
        return None
    return np.arange(1, rows + 1, dtype=np.int64)


def _line_numbers(data: bytes) -> Any:
    r"""The number of each line that is not blank (a numpy array), as the line reader counts.

    ``None`` if a line may hold two objects (``}`` and ``{`` with only spaces between): the
    JSON reader makes two rows of it, the line reader rejects it, so it reads line by line.
    Lines end with ``\n``, ``\r\n`` or a lone ``\r``; a blank line is empty or spaces
    and tabs only. Vectorised: Python looks only at the rare lines that start with a space.
    """
    import numpy as np

    a = np.frombuffer(data, np.uint8)
    size = len(a)
    if not size:
        return np.zeros(0, np.int64)
    ends = np.flatnonzero(a == _LF)
    width = np.ones(len(ends), np.int64)
    if b"\r" in data:
        cr = np.flatnonzero(a == _CR)
        pair = np.zeros(len(cr), bool)
        pair[cr + 1 < size] = a[cr[cr + 1 < size] + 1] == _LF
        ends = np.concatenate([np.setdiff1d(ends, cr[pair] + 1, assume_unique=True), cr])
        width = np.concatenate([np.ones(len(ends) - len(cr), np.int64), 1 + pair])
        order = np.argsort(ends, kind="stable")
        ends, width = ends[order], width[order]
    starts = np.concatenate([[0], ends + width])
    stops = np.concatenate([ends, [size]])
    first = a[np.minimum(starts, size - 1)]
    blank = stops <= starts
    for i in np.flatnonzero(~blank & ((first == _SPACE) | (first == _TAB))):
        blank[i] = not data[starts[i] : stops[i]].strip(b" \t")
    opens = np.flatnonzero(a[1:] == _OPEN) + 1  # a "{" after "}" on one line
    before = a[opens - 1]
    if (before == _CLOSE).any():
        return None
    for o in opens[(before == _SPACE) | (before == _TAB)]:
        k = int(o) - 1
        while k > 0 and data[k] in b" \t":
            k -= 1
        if data[k] == _CLOSE:
            return None
    return np.flatnonzero(~blank) + 1


_LF, _CR, _SPACE, _TAB, _OPEN, _CLOSE = 10, 13, 32, 9, 123, 125
