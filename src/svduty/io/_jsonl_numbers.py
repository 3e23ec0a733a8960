r"""Line numbers of the rows pyarrow reads from JSON Lines bytes, as the line reader counts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

__all__: list[str] = []

JSON_SPACE = b" \t\r\n"
"""JSON's white space (RFC 8259 s.2): a line or block of only these holds no record."""


def _one_per_line(data: bytes, rows: int, starts: Any = None) -> Any:
    r"""``1, 2, ... rows`` when ``data`` holds ``rows`` objects, one a line; else ``None``.

    So when every line starts with ``{``, the file holds no other ``{`` and no ``\r``, and
    there are ``rows`` lines (the last may end without ``\n``): each of the ``rows`` objects
    starts with its own ``{``, so at the start of a line, and no line is blank. Two passes
    over the bytes, where :func:`_line_numbers` needs several; one when ``starts``, where
    each line starts (a last empty line left out), is known.

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
    if starts is not None:
        if len(starts) != rows or (a[starts] != _OPEN).any():
            return None
        if int(np.count_nonzero(a == _OPEN)) != rows:
            return None
        return np.arange(1, rows + 1, dtype=np.int64)
    opens = np.flatnonzero(a == _OPEN)
    if len(opens) != rows or opens[0] != 0 or (a[opens[1:] - 1] != _LF).any():
        return None
    if int(np.count_nonzero(a == _LF)) != rows - 1 + (a[-1] == _LF):
        return None
    return np.arange(1, rows + 1, dtype=np.int64)


def line_blocks(chunks: Iterable[bytes], lines: int) -> Iterator[tuple[bytes, Any, int | None]]:
    r"""The bytes of ``chunks`` in blocks of ``lines`` lines, read as they are asked for.

    Each block is ``(body, ends, count)``: the block's bytes without the line end that
    ends it, where each ``\n`` of the body is (numpy), and the number of lines the block
    ends (a ``\r\n`` or a lone ``\r`` ends a line too, as the line reader reads them). A
    block ends at its ``lines``-th ``\n``, or sooner at the last line end (a ``\n``, else
    a lone ``\r``) once 32 MB are held: only a line longer than that makes a block longer.
    The last block is the rest of the input, its ``count`` ``None`` (perhaps empty; its
    last ``\n`` kept). A byte order mark at the start of the first chunk (of 3 bytes at
    least: :func:`byte_chunks`) is skipped, as the line reader skips it. Memory holds a
    block, never the input.

    Example:
        >>> [(b, e.tolist(), n) for b, e, n in line_blocks([b"a\nb\rc", b"\nd"], 2)]
        [(b'a\nb\rc', [1], 3), (b'd', [], None)]
        >>> [(b, e.tolist(), n) for b, e, n in line_blocks([b"\xef\xbb\xbfa\r\n"], 1)]
        [(b'a\r', [], 1), (b'', [], None)]
    """
    import numpy as np

    held: list[Any] = []  # the bytes read and not yet in a block (views: never copied twice)
    found: list[Any] = []  # where each "\n" of each is
    size = have = 0
    limit = _MOST_BYTES  # held bytes that send a block looking for a lone "\r" to end at
    for n, given in enumerate(chunks):
        chunk = given.removeprefix(b"\xef\xbb\xbf") if n == 0 else given
        held.append(memoryview(chunk))
        found.append(np.flatnonzero(np.frombuffer(chunk, np.uint8) == _LF))
        size, have = size + len(chunk), have + len(found[-1])
        while have >= lines or (size >= _MOST_BYTES and have):
            need = min(have, lines)
            k, i = _nth(found, need)
            cut = int(found[k][i])
            body, ends = _joined([*held[:k], held[k][:cut]], [*found[:k], found[k][:i]])
            yield body, ends, _ended(body, need)
            held = [held[k][cut + 1 :], *held[k + 1 :]]
            found = [found[k][i + 1 :] - (cut + 1), *found[k + 1 :]]
            size, have = size - len(body) - 1, have - need
            limit = _MOST_BYTES  # a long line, if any, is in this block
        if size >= limit:  # no "\n" held: lines ended by a lone "\r", or one long line
            data = b"".join(held)  # (the last byte may come before a "\n": not a line end yet)
            crs = np.flatnonzero(np.frombuffer(data, np.uint8)[:-1] == _CR)
            start = done = 0
            while done < len(crs):  # blocks of ``lines`` lines, as of "\n"
                upto = min(done + lines, len(crs))
                cut = int(crs[upto - 1])
                yield data[start:cut], np.zeros(0, np.int64), upto - done
                start, done = cut + 1, upto
            held, found = [memoryview(data)[start:]], [np.zeros(0, np.int64)]
            size = len(held[0])
            limit = max(_MOST_BYTES, 2 * size)  # one long line: looked at again when doubled
    yield *_joined(held, found), None


def byte_chunks(first: bytes, raw: IO[bytes]) -> Iterator[bytes]:
    r"""``first``, then the bytes of ``raw`` 4 MB at a time; the first chunk 3 bytes at least.

    So a byte order mark is seen whole, however a pipe gives it (a byte at a time).

    Example:
        >>> import io
        >>> list(byte_chunks(b"\xef", io.BytesIO(b"\xbb\xbfab")))
        [b'\xef\xbb\xbfab']
    """
    while len(first) < 3 and (more := _read(raw)):
        first += more
    if first:
        yield first
    while chunk := _read(raw):
        yield chunk


def as_lf(body: bytes, ends: Any) -> tuple[bytes, Any]:
    r"""``body`` with each line end (``\r\n``, a lone ``\r``) as ``\n``, and its ``\n``\ s.

    The same lines, as pyarrow's reader and the quick numbering read them.

    Example:
        >>> body, ends = as_lf(b"a\r\nb\rc", None)
        >>> body, ends.tolist()
        (b'a\nb\nc', [1, 3])
    """
    if b"\r" not in body:
        return body, ends
    import numpy as np

    body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # pairs, then lone ones
    return body, np.flatnonzero(np.frombuffer(body, np.uint8) == _LF)


def _read(raw: IO[bytes]) -> bytes:
    """The next bytes of ``raw`` (none at its end), waiting for a pipe that has none yet.

    A non-blocking standard input has nothing to give (``None``) while its writer pauses:
    that is not its end.
    """
    while True:
        try:
            chunk = raw.read(_STEP)
        except BlockingIOError:
            chunk = None
        if chunk is not None:
            return chunk
        import select

        select.select([raw], [], [])


def _nth(found: list[Any], n: int) -> tuple[int, int]:
    r"""Which piece holds the ``n``-th ``\n`` of all (1-based), and its place among the piece's."""
    for k, at in enumerate(found):
        if n <= len(at):
            return k, n - 1
        n -= len(at)
    raise AssertionError("fewer line ends than counted")  # pragma: no cover


def _joined(pieces: list[Any], found: list[Any]) -> tuple[bytes, Any]:
    r"""The bytes of ``pieces`` as one, and where each ``\n`` of them (``found``) is in it."""
    import numpy as np

    size, ends = 0, []
    for piece, at in zip(pieces, found, strict=True):
        ends.append(at + size)
        size += len(piece)
    return b"".join(pieces), (np.concatenate(ends) if ends else np.zeros(0, np.int64))


def _ended(body: bytes, lines: int) -> int:
    r"""The lines ended by ``body`` and the ``\n`` after it, of which ``lines`` end in ``\n``."""
    if b"\r" not in body:
        return lines
    return lines + body.count(b"\r") - body.count(b"\r\n") - body.endswith(b"\r")


_MOST_BYTES = 1 << 25
"""Bytes held before a block ends at the last line end whatever its lines (32 MB)."""
_STEP = 1 << 22
"""Bytes read at a time (no array the size of the file)."""


def _line_numbers(data: bytes) -> Any:
    r"""The number of each line that is not blank (a numpy array), as the line reader counts.

    ``None`` if a line may hold two objects (``}`` and ``{`` with only spaces between): the
    JSON reader makes two rows of it, the line reader rejects it, so it reads line by line.
    Lines end with ``\n`` (the reader gives no other: :func:`as_lf`); a blank line is empty
    or spaces and tabs only. Vectorised: Python looks only at the rare lines that start with
    a space.
    """
    import numpy as np

    a = np.frombuffer(data, np.uint8)
    size = len(a)
    if not size:
        return np.zeros(0, np.int64)
    ends = np.flatnonzero(a == _LF)
    starts = np.concatenate([[0], ends + 1])
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


_NOT_AN_OBJECT = re.compile(rb"(?m)^[ \t]*[^{\s]")
"""A line that is not blank and does not start with ``{``: ``null``, ``[]``, ``3``..."""


def objects_only(data: bytes, starts: Any) -> bool:
    r"""Whether every line of ``data`` that is not blank starts with ``{`` (after spaces).

    pyarrow's JSON reader is never given another line: it reads ``null`` after an object
    as a row of nulls, and crashes the process (pyarrow 26) on a block that starts with
    one; the line reader rejects such a line (not a JSON object). Where each line starts is
    checked first (one byte a line); a file with blank or indented lines is searched.

    Example:
        >>> objects_only(b'{"id": "a"}\n\n  {"id": "b"}\n', None)
        True
        >>> objects_only(b'{"id": "a"}\nnull\n', None), objects_only(b"null", None)
        (False, False)
    """
    if starts is not None and len(starts):
        import numpy as np

        if bool((np.frombuffer(data, np.uint8)[starts] == ord("{")).all()):
            return True
    return _NOT_AN_OBJECT.search(data) is None
