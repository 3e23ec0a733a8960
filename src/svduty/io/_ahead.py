"""Items taken one step ahead on a thread of their own, while the caller works on the last.

:func:`one_ahead` runs a generator on a thread one item ahead of its caller: the police.uk
reader's blocks (:mod:`svduty.io._police_uk_blocks`), in ``svduty classify`` the reader's
batches with their numbering (:class:`Ahead`, read by :func:`~svduty.io.run_pipeline`),
and the incident reader's blocks of lines, from a file or standard input
(:mod:`svduty.io._incidents`); :class:`Started` starts at once (an incident file read
while ``svduty classify`` loads the partnership), and :class:`FirstStarted` takes only a
police.uk file's first batch so. The caller's thread is the one every
batch waits on; the reading thread takes its place for work that needs only the items.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable, Iterator
from typing import Any, TypeVar

__all__: list[str] = []

_T = TypeVar("_T")
_READING = threading.local()  # ``ahead``: this thread is a reading thread of one_ahead


def one_ahead(items: Iterator[_T], *, wait: bool = True) -> Generator[_T, None, None]:
    """``items`` (a generator), each taken one step ahead on a thread of its own.

    :func:`_blocks` reads the next block (its bytes into memory, the search for quotes and
    the last line end) while the caller classifies the block before: on the caller's
    thread that was about a fifth of a summary's work after start-up (real months,
    400,000 rows). One item is read ahead at most (taken once the caller has taken the one
    before), so memory grows by one block. What ``items`` raises is raised here, in its
    place after the items before it; closing this generator stops the thread (after the
    item it is reading) and closes ``items``; when ``wait`` (the default), closing returns
    once it has. Pass ``wait=False`` for items that may wait on their input (standard
    input, a pipe): the thread is a daemon, so Ctrl-C stops the process at once, where
    waiting for a thread that waits for input would hang. Called on a reading thread (the reader's
    blocks, read while ``svduty classify`` reads its batches ahead), ``items`` are taken
    on that thread: one thread ahead of the caller is enough, and a second would hold one
    more block (about 14 MB more at the peak, 400,000 rows of real months).

    Example:
        >>> list(one_ahead(iter(range(3))))
        [0, 1, 2]
        >>> def broken():
        ...     yield 1
        ...     raise ValueError("cut short")
        >>> got = one_ahead(broken())
        >>> next(got)
        1
        >>> next(got)
        Traceback (most recent call last):
        ...
        ValueError: cut short
    """
    if reading():  # on a reading thread already: a second thread would only hold one
        yield from items  # more item (svduty classify's blocks)
        return
    yield from Started(items, wait=wait)


def reading() -> bool:
    """Whether this thread is a reading thread: its items are taken ahead of their user.

    True on the thread of a :class:`Started` (and of :func:`one_ahead`), and on a
    :class:`FirstStarted`'s made ``reading``. The police.uk reader then parses fewer blocks
    ahead (:mod:`svduty.io._police_uk_reader`): the reading thread is a step ahead already.

    Example:
        >>> reading()
        False
        >>> list(one_ahead(iter([reading])))[0]()  # (asked here, not on the reading thread)
        False
        >>> def asked():
        ...     yield reading()
        >>> list(one_ahead(asked()))
        [True]
    """
    return bool(getattr(_READING, "ahead", False))


class Started:
    """``items`` (an iterator) taken one step ahead on a thread of its own, started at once.

    The thread (``svduty-read``) takes the first item as soon as this is made, not when
    the first is asked for: ``svduty classify`` starts reading an incident file before it
    loads the partnership. One item is taken ahead at most (the next once the caller has
    taken the one before). What ``items`` raises is raised when iterating, in its place
    after the items before it. :meth:`close` (also when the iteration ends, however)
    stops the thread after the item it is taking and closes ``items``; a ``Started``
    never iterated must be closed by its maker. Closing waits for the item being taken
    unless ``wait`` is false (an input that may wait without end, a pipe: see
    :func:`one_ahead`).

    Example:
        >>> got = Started(iter(range(3)))
        >>> list(got)
        [0, 1, 2]
        >>> unused = Started(iter(range(3)))
        >>> unused.close()
    """

    __slots__ = ("_items", "_ready", "_room", "_stop", "_thread", "_wait")

    def __init__(self, items: Iterator[Any], *, wait: bool = True) -> None:
        self._items = items
        self._wait = wait
        self._ready: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._room = threading.Semaphore(1)  # the next item is taken once the one before is
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="svduty-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _READING.ahead = True
        try:
            while self._room.acquire() and not self._stop.is_set():
                try:
                    self._ready.put((True, next(self._items)))
                except StopIteration:
                    self._ready.put((False, None))
                    return
        except BaseException as e:  # handed to the caller, in its place
            self._ready.put((False, e))
        finally:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()

    def __iter__(self) -> Generator[Any, None, None]:
        try:
            while True:
                more, item = self._ready.get()
                if not more:
                    if item is not None:
                        raise item
                    return
                self._room.release()
                yield item
        finally:
            self.close()

    def close(self) -> None:
        """Stop the thread (after the item it takes) and close ``items``; wait unless told not."""
        self._stop.set()
        self._room.release()  # the thread, waiting for room, sees ``stop`` and ends
        if self._wait:
            self._thread.join()


class Ahead:
    """Batches that may be read on another thread than the caller's (svduty's own reader).

    :func:`~svduty.io.run_pipeline` reads an ``Ahead``'s batches, and numbers them, one
    batch ahead on a thread of its own (:func:`one_ahead`); any other iterable it reads
    on the caller's thread, as it always did (a user's batches may come from a source
    that must be read on its own thread).

    Example:
        >>> list(Ahead(iter([1, 2])))
        [1, 2]
    """

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)


class FirstStarted:
    """``items`` (a generator) with its first item taken at once, on a thread of its own.

    ``svduty classify`` starts reading a police.uk file before it loads the partnership:
    the first block is read and parsed meanwhile. Only the first item is taken there; the
    rest are taken as asked, on the thread that asks (the loop's reading thread, which
    reads the reader's blocks itself when ``reading``, as it always did). What ``items``
    raises is raised when iterating, in its place. :meth:`close` (also when the iteration
    ends, however) waits for the first item (one block of a regular file: never a pipe),
    and for an item another thread is taking (the loop's reading thread: a close from the
    main thread, mend51), then closes ``items``; an iteration after it ends. A
    ``FirstStarted`` never iterated must be closed by its maker.

    Example:
        >>> got = FirstStarted(iter(range(3)))
        >>> list(got)
        [0, 1, 2]
        >>> unused = FirstStarted(x for x in range(3))
        >>> unused.close()
    """

    __slots__ = ("_closed", "_first", "_items", "_lock", "_reading", "_thread")

    def __init__(self, items: Iterator[Any], *, reading: bool = False) -> None:
        self._items = items
        self._lock = threading.Lock()  # held while an item after the first is taken
        self._closed = False
        self._reading = reading  # the thread that takes the rest is a reading thread
        self._first: list[tuple[bool, Any]] = []
        self._thread = threading.Thread(target=self._take, name="svduty-read", daemon=True)
        self._thread.start()

    def _take(self) -> None:
        _READING.ahead = self._reading  # (the reader's blocks: read as by the rest's thread)
        try:
            self._first.append((True, next(self._items)))
        except StopIteration:
            self._first.append((False, None))
        except BaseException as e:  # handed to the caller, in its place
            self._first.append((False, e))

    def __iter__(self) -> Generator[Any, None, None]:
        try:
            self._thread.join()
            more, item = self._first.pop() if self._first else (False, None)
            if not more:
                if item is not None:
                    raise item
                return
            while True:
                yield item
                del item  # (a batch not held while the next is read)
                with self._lock:  # (close, from another thread, waits for this item)
                    item = _END if self._closed else next(self._items, _END)
                if item is _END:
                    return
        finally:
            self.close()

    def close(self) -> None:
        """Wait for the first item and any item being taken, then close ``items``."""
        self._thread.join()
        with self._lock:
            self._closed = True
            close = getattr(self._items, "close", None)
            if close is not None:
                close()


_END = object()
"""The end of a ``FirstStarted``'s items (or of its use: closed)."""
