"""A JSON Lines file's first block of incidents, made into rows ahead of the reader.

``svduty classify`` reads an incident file on a thread of its own, which first imports
the incident readers (and with them the rule engine). A JSON Lines file's first block
(:data:`LINES` lines) is meanwhile read from the file, its line ends found, its lines
checked, parsed by pyarrow and numbered, on a thread of its own (:func:`jsonl_ahead`):
the batches of :func:`svduty.io._jsonl_rows.block_rows`, as the reader makes them. The
reader takes that work (:func:`taken`) only for the same file (its device and inode)
holding the very same bytes as far as the block was read; it then goes on reading the
file from where the read ahead stopped. It imports neither the rule engine nor the
incident readers (:mod:`svduty.io._jsonl_rows`).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import attrs
import pyarrow as pa

from svduty.io._inputs import JSONL_SUFFIXES
from svduty.io._jsonl_numbers import byte_chunks, line_blocks
from svduty.io._jsonl_rows import block_rows

__all__: list[str] = []

LINES = 1 << 16
"""The lines of a block (``svduty.io._incidents``' blocks: the first is read ahead)."""


@attrs.frozen
class First:
    r"""A file's first block made into rows ahead, and the rest of the file still to read.

    Attributes:
        table: The block's rows (``None``: read again in halves by the reader, or blank).
        body: The block's bytes, every line end a ``\n``.
        likely: The fields the file's first lines name (``{"fields": [...]}``).
        count: The lines the block ends.
        blocks: The file's next blocks (``line_blocks``), read from the ahead's own handle.
        raw: That handle (closed by :meth:`close`).
        read: The bytes of the file read so far, in the order read, while kept (emptied
            once the reader has compared them with its own).
        lines: The lines a block was asked for (:data:`LINES` then).
    """

    table: pa.Table | None
    body: bytes
    likely: dict[str, Any]
    count: int
    blocks: Generator[tuple[bytes, Any, int | None], None, None]
    raw: IO[bytes]
    read: list[list[bytes]]
    lines: int

    def close(self) -> None:
        """Stop reading: the rest of the file is not wanted, or read by the reader itself."""
        self.read.clear()
        with contextlib.suppress(ValueError):  # being read on another thread: its read
            self.blocks.close()  # fails once the file is closed
        self.raw.close()


@attrs.frozen
class _Ahead:
    """A file's first block being made into rows: ``found`` is ``[First]`` once ``done``.

    ``found`` stays empty if the read failed (the reader then reads the block itself and
    says what is wrong); ``taken`` is ``[True]`` once the reader has it.
    """

    name: str
    done: threading.Event = attrs.field(factory=threading.Event)
    found: list[First] = attrs.field(factory=list)
    taken: list[bool] = attrs.field(factory=list)


_AHEAD: list[_Ahead] = []
"""The files being read ahead and not yet taken (at most one a :func:`jsonl_ahead`)."""
_LOCK = threading.Lock()
"""Held while :data:`_AHEAD` changes, or an ahead's ``taken``."""


def _kept(chunks: Iterator[bytes], read: list[list[bytes]]) -> Iterator[bytes]:
    """``chunks``, each kept in ``read[0]`` too while ``read`` is not empty."""
    for chunk in chunks:
        if read:
            read[0].append(chunk)
        yield chunk


def _opened_blocks(raw: Any, lines: int, read: list[list[bytes]] | None = None) -> Any:
    """``line_blocks`` of a file opened with ``open(p, "rb")``, read as the reader reads it.

    The bytes its buffer holds first (as ``io._incidents`` takes them), then 4 MB at a
    time from the stream below it; each kept in ``read`` too, if given.
    """
    buffered = raw.read(len(raw.peek()))
    chunks = byte_chunks(buffered, raw.raw)
    return line_blocks(chunks if read is None else _kept(chunks, read), lines)


def _read(p: Path, ahead: _Ahead, ended: threading.Event) -> None:
    """On the thread of :func:`jsonl_ahead`: the first block of ``p`` made into rows."""
    made: First | None = None
    try:
        raw = p.open("rb")
        try:
            raw.peek(16)  # as the reader does (``first_bytes``): its buffer filled alike
            read: list[list[bytes]] = [[]]
            blocks = _opened_blocks(raw, LINES, read)
            first = next(blocks, None)
            if first is None or first[2] is None:  # a file of one block: read where it is due
                raw.close()
                return
            if ended.is_set() and not ahead.taken:  # the reading is over: nothing will take it
                raw.close()
                return
            table, body, likely = block_rows(first[0], first[1], 0, ahead.name, None)
            made = First(table, body, likely, first[2], blocks, raw, read, LINES)
        except BaseException:
            raw.close()
            raise
    except Exception:  # the reader says what is wrong, where the block is due
        pass
    finally:
        with _LOCK:
            wanted = not ended.is_set() or ahead.taken
            if made is not None:
                if wanted:
                    ahead.found.append(made)
                else:  # the reading is over: nothing will take it
                    made.close()
            ahead.done.set()


def taken(name: str, raw: Any, buffered: bytes, lines: int) -> First | None:
    """The first block of the file ``name``, made ahead, if it is the file ``raw`` reads now.

    ``raw``: the reader's own ``open(name, "rb")``, of which it has read ``buffered``.
    Taken only if both handles read one file (device and inode) and ``raw`` holds the same
    bytes as far as the block read ahead was read (``raw`` is then read that far; it is
    left where it was otherwise), asked for in blocks of as many ``lines``. The caller
    closes what it takes (:meth:`First.close`).
    """
    if not _AHEAD:
        return None
    with _LOCK:
        ahead = next((a for a in _AHEAD if a.name == name), None)
        if ahead is None:
            return None
        _AHEAD.remove(ahead)
        ahead.taken.append(True)
    if not ahead.done.is_set():  # waiting for it: meanwhile, what a first batch reads
        from svduty.io._locate_incidents import _places_read

        _places_read()
    ahead.done.wait()
    if not ahead.found:
        return None
    first = ahead.found[0]
    if first.lines == lines and _same(first, raw, buffered):
        first.read.clear()
        return first
    first.close()
    return None


def _same(first: First, raw: Any, buffered: bytes) -> bool:
    """Whether ``raw`` reads the file ``first`` read, and the bytes ``first`` has read.

    ``raw`` (past ``buffered``, which must be as long as the first bytes ``first`` read)
    is read as far as ``first`` read, a piece as long as each of its (a file cut short
    meanwhile gives less: not the same); put back if not the same. (Piece by piece:
    joined, 8.5 MB took 49 ms to compare, this 3.5 ms.)
    """
    mine, theirs = os.fstat(raw.fileno()), os.fstat(first.raw.fileno())
    pieces = first.read[0]  # (at least the piece the block's first line is in)
    if (mine.st_dev, mine.st_ino) != (theirs.st_dev, theirs.st_ino) or pieces[0] != buffered:
        return False
    stream = raw.raw
    at = stream.tell()
    for piece in pieces[1:]:
        if stream.read(len(piece)) != piece:
            stream.seek(at)
            return False
    return True


@contextmanager
def jsonl_ahead(paths: Sequence[Path]) -> Iterator[None]:
    r"""The first block of the first of ``paths``, if a JSON Lines file, made into rows from now.

    Its first :data:`LINES` lines are read, checked, parsed by pyarrow (which lets go of
    the interpreter's lock) and numbered on a thread of its own, while the thread that
    reads the file imports the incident readers and the command's main thread loads the
    partnership. The reader takes that work (:func:`taken`) only for the same file
    holding the same bytes, whatever the file became meanwhile; a file of one block
    (fewer lines) is not read ahead. What was not taken is dropped when the block ends.

    Example:
        >>> import io, tempfile
        >>> from unittest.mock import patch
        >>> f = Path(tempfile.mkdtemp()) / "in.jsonl"
        >>> _ = f.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c"}\n')
        >>> with patch(f"{__name__}.LINES", 2), jsonl_ahead([f]), f.open("rb") as raw:
        ...     first = taken(str(f), raw, raw.read(len(raw.peek())), 2)
        ...     rows = first.table.column("id").to_pylist()
        ...     first.close()
        >>> rows, _AHEAD  # nothing kept
        (['a', 'b'], [])
    """
    first = paths[0] if paths else None
    started: list[_Ahead] = []
    ended = threading.Event()
    if first is not None and first.suffix.lower() in JSONL_SUFFIXES and first.is_file():
        ahead = _Ahead(str(first))
        with _LOCK:
            started.append(ahead)
            _AHEAD.append(ahead)
        args = (first, ahead, ended)
        threading.Thread(target=_read, args=args, name="svduty-read-ahead", daemon=True).start()
    try:
        yield
    finally:
        with _LOCK:
            ended.set()
            for ahead in started:
                if ahead in _AHEAD:
                    _AHEAD.remove(ahead)
                    for made in ahead.found:  # (not done: dropped by its thread)
                        made.close()
