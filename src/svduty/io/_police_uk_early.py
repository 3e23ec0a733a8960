"""A police.uk file's first block read and parsed while ``svduty classify`` starts (speed55a).

``svduty classify FILE --summary json`` spends its first ~0.13 s importing pyarrow and
svduty and loading the partnership on one core; then its loop waited 45-55 ms for the
first block (read 13-15 ms, parse 27-34 ms), which the other core, idle all that time,
could have done. :func:`start`, called by the command's entry point
(:mod:`svduty.__main__`) before the command line is imported, looks at the arguments
alone: for ``classify`` of one named file with no option but ``--summary``,
``--partnership``, ``--definition`` or ``--strict`` (a summary: the reader's block and
columns are known), a thread (``svduty-early``) checks the file's header, reads its first
block as the reader would (:func:`~svduty.io._police_uk_blocks._blocks`, the same cuts)
and parses its pieces (:func:`~svduty.io._police_uk_parse._parse`, waiting for the main
thread's import of pyarrow). The reader takes that (:func:`taken`) in place of its own
first read and parse, and reads on from the thread's block generator (its own file
handle, checked after every block as ever), only if it reads the same file in the same
blocks and columns, and the path still names the file the thread opened, unchanged
(device, inode, size, modification and change times); else what the thread did is
closed and the reader reads the file as ever. Anything the thread meets (a file that is
not police.uk, an error of any kind) leaves the reader to meet it in its place.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__: list[str] = []

BLOCK = 1 << 24
"""The reader's block for a summary (``svduty classify`` without ``--output``)."""

_VALUED = ("--summary", "--partnership", "--definition")
"""Options, with their value, that leave how a police.uk file is read as it is."""

_PARSER = "svduty.io._police_uk_parse"
"""The module that parses a piece: this thread waits for the main thread to import it."""

_LOCK = threading.Lock()
_EARLY: list[_Early] = []  # the one read started, until taken or closed


def start(argv: list[str]) -> bool:
    """Start reading the first block of ``argv``'s police.uk file, if it names one alone.

    Returns whether a thread was started (at most one a process).

    Example:
        >>> start(["svduty", "info"]), start(["svduty", "classify", "a.csv", "-o", "x.csv"])
        (False, False)
    """
    path = _summarised_file(argv[1:])
    if path is None or os.environ.get("EARLY_MODE") == "off":
        return False
    with _LOCK:
        if _EARLY:
            return False
        _EARLY.append(_Early(path))
    return True


def _summarised_file(args: list[str]) -> str | None:
    """The file of ``classify FILE`` with options that read it for a summary, or None.

    Example:
        >>> _summarised_file(["classify", "a.csv", "--summary", "json", "--strict"])
        'a.csv'
        >>> _summarised_file(["classify", "--summary=json", "a.csv"])
        'a.csv'
        >>> _summarised_file(["classify", "a.csv", "b.csv"]), _summarised_file(["classify", "-"])
        (None, None)
        >>> _summarised_file(["classify", "incidents.jsonl"])
        >>> _summarised_file(["classify", "a.csv", "--rejected", "r.csv"])
    """
    if not args or args[0] != "classify":
        return None
    files: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg in _VALUED:
            if next(rest, None) is None:
                return None
        elif arg == "--strict" or arg.startswith(tuple(f"{o}=" for o in _VALUED)):
            continue
        elif arg.startswith("-"):  # '-' (standard input), any other option, '--'
            return None
        else:
            files.append(arg)
    if len(files) != 1 or not files[0].lower().endswith(".csv"):  # (police.uk's files)
        return None
    return files[0]


class _Early:
    """The thread reading a file's first block, and what it made."""

    __slots__ = ("blocks", "first", "key", "parsed", "path", "piece", "stop", "thread")

    def __init__(self, path: str) -> None:
        self.path = path
        self.key: tuple[int, ...] | None = None
        self.piece = 0
        self.blocks: Any = None  # the reader's block generator, after the first block
        self.first: Any = None  # the first block: its end and its pieces
        self.parsed: list[Any] = []  # each piece's parse (None: a piece with quotes)
        self.stop = threading.Event()  # set when the command ends without taking it
        self.thread = threading.Thread(target=self._run, name="svduty-early", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self._read()
        except BaseException:  # the reader meets it again, in its place
            self._drop()

    def _read(self) -> None:
        p = Path(self.path)
        fh = p.open("rb", buffering=0)  # (closed by the block generator, or by _drop)
        self.blocks = fh
        before = os.fstat(fh.fileno())
        if not stat.S_ISREG(before.st_mode) or before.st_size == 0:
            self._drop()
            return
        # the first block's bytes first, before any import: the main thread imports
        data = bytearray(min(before.st_size, BLOCK))
        with memoryview(data) as view:
            got = 0
            while got < len(data):
                n = fh.readinto(view[got:])
                if not n:
                    self._drop()
                    return
                got += n
        if os.environ.get("EARLY_MODE") == "raw":
            key = _key(before)
            if _key(os.fstat(fh.fileno())) == key:
                self.key, self.first = key, data
            return
        # the parser's modules are imported by the main thread (the command's, with pyarrow
        # once the command line has set what numpy reads and kept pandas out, cli.main):
        # this thread waits for them, and imports nothing the main thread is not importing
        wanted = "pyarrow" if os.environ.get("EARLY_MODE") == "pyarrow" else _PARSER
        while wanted not in sys.modules:
            if self.stop.wait(0.002):  # the command ended before it read the file
                self._drop()
                return
        from svduty.io._inputs import SUMMARY_COLUMNS, is_police_uk_header, wanted_columns
        from svduty.io._police_uk_blocks import _blocks, _Buffers, pieces
        from svduty.io._police_uk_parse import _parse  # (the main thread's import, waited for)

        header = bytes(data[: 1 << 16])  # (as svduty.io._inputs.first_line reads it)
        for end in (b"\n", b"\r"):
            header = header.split(end, 1)[0]
        if not is_police_uk_header(header):
            self._drop()
            return
        self.piece = BLOCK // pieces(BLOCK, before.st_size, _workers())
        buffers = _Buffers(ahead=(0, data))
        blocks = _blocks(p, BLOCK, self.piece, buffers, opened=fh)
        self.blocks = blocks
        self.first = next(blocks, None)
        key = _key(before)
        if self.first is None or _key(os.fstat(fh.fileno())) != key or _key(os.stat(p)) != key:
            self._drop()
            return
        self.key = key
        columns = wanted_columns(SUMMARY_COLUMNS)
        self.parsed = [
            None if quoted else _parse(cut, blank_rows=True, quotes=False, columns=columns)
            for cut, quoted in self.first[1]
        ]

    def _drop(self) -> None:
        blocks, self.blocks, self.first, self.parsed, self.key = self.blocks, None, None, [], None
        if blocks is not None:
            blocks.close()


def taken(
    p: Path, block: int, piece: int, columns: tuple[str, ...] | None, buffers: Any
) -> tuple[Iterator[Any], list[Any]] | None:
    """The early read of ``p``, if it is the read asked for: else None (and it is closed).

    Returns the blocks (the first read already) and the first block's pieces' parse (None
    for a piece with quotes; none if not parsed). Waits for the thread if it is still
    reading. Taken once.

    Example:
        >>> taken(Path("a.csv"), BLOCK, BLOCK, None, None) is None  # nothing read early
        True
    """
    with _LOCK:
        if not _EARLY:
            return None
        early = _EARLY.pop()
    early.thread.join()
    raw = isinstance(early.first, bytearray)
    try:
        from svduty.io._inputs import SUMMARY_COLUMNS, wanted_columns

        same = (
            early.key is not None
            and block == BLOCK
            and (raw or (piece == early.piece and columns == wanted_columns(SUMMARY_COLUMNS)))
            and _key(os.stat(p)) == early.key
        )
    except OSError:  # the path gone: the reader says so
        same = False
    if not same:
        early._drop()
        return None
    if raw:
        from svduty.io._police_uk_blocks import _blocks

        buffers.ahead = (0, early.first)
        return _blocks(p, block, piece, buffers, opened=early.blocks), []
    return _after(early.first, early.blocks), early.parsed


def _after(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    """The first block read already, then the rest of the blocks (closed however it ends)."""
    try:
        yield first
        yield from rest
    finally:
        close = getattr(rest, "close", None)
        if close is not None:
            close()


def close() -> None:
    """Stop using an early read not taken: wait for its thread, close its file.

    Example:
        >>> close()
    """
    with _LOCK:
        left = list(_EARLY)
        _EARLY.clear()
    for early in left:
        early.stop.set()
        early.thread.join()
        early._drop()


def pieces(block: int, size: int, workers: int) -> int:
    """The reader's pieces of a block (:func:`svduty.io._police_uk_reader._pieces`).

    Example:
        >>> from svduty.io import _police_uk_reader as reader
        >>> sizes = (1, 1 << 19, 7 << 20, 1 << 24, 1 << 26)
        >>> all(
        ...     pieces(b, s, w) == reader._pieces(b, s, w)
        ...     for b in (1 << 20, 1 << 24) for s in sizes for w in (1, 2, 4)
        ... )
        True
    """
    from svduty.io._police_uk_blocks import pieces as reader_pieces

    return reader_pieces(block, size, workers)


def _workers() -> int:
    return min(4, os.cpu_count() or 1)


def _key(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
