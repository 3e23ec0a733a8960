"""Jobs run on worker threads while the caller goes on; their results used in order.

The JSON Lines and Parquet writers hand the encoding of each batch to an :class:`Ordered`
(Parquet: its casts to the output schema too), so the main
thread reads and classifies the next batch meanwhile, and a large table's batches are
encoded side by side (Arrow's compute functions release the GIL). A result is used by
the caller, in the order the jobs were given (the writer's one worker writes the JSON Lines
of UTF-8 outputs itself, a part at a time: one worker's jobs run in that order too), so the
output is the same as encoding them one after the other. At most ``depth`` results wait,
so memory stays bounded. A job's error is raised in the caller, when its result is due;
:meth:`Ordered.cancel` drops the jobs not started and returns when the running ones have
finished.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

__all__ = ["Ordered", "behind", "cores"]


def cores() -> int:
    """The CPUs this process may run on.

    Example:
        >>> cores() >= 1
        True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0))
    return os.cpu_count() or 1  # pragma: no cover  # not Linux


class Ordered:
    """Runs ``make()`` on worker threads and ``use(result)`` in the caller, in order.

    Args:
        workers: The worker threads (started when first needed).
        depth: At most this many results wait: :meth:`submit` then uses the oldest first.

    Example:
        >>> out = []
        >>> jobs = Ordered()
        >>> for i in range(5):
        ...     jobs.submit(lambda i=i: i * i, out.append)
        >>> jobs.finish()
        >>> out
        [0, 1, 4, 9, 16]
        >>> jobs = Ordered()
        >>> jobs.submit(lambda: 1 / 0, out.append); jobs.finish()  # raised by either
        Traceback (most recent call last):
        ZeroDivisionError: division by zero
    """

    def __init__(self, workers: int = 2, depth: int = 4) -> None:
        self._workers = workers
        self._depth = depth
        self._pool: ThreadPoolExecutor | None = None
        self._due: deque[tuple[Future[Any], Callable[[Any], object]]] = deque()
        # the jobs running now, counted by the jobs themselves: a worker whose start was
        # interrupted (Ctrl-C in Thread.start) runs its job unknown to the pool, so
        # shutdown() does not wait for it; cancel() waits for this count to be 0
        self._running = 0
        self._cancelled = False
        self._idle = threading.Condition()

    def submit(self, make: Callable[[], Any], use: Callable[[Any], object]) -> None:
        """Run ``make()`` on a worker; ``use`` its result after those submitted before.

        Raises the error of an earlier job whose result came due.

        Raises:
            RuntimeError: after :meth:`cancel` (a cancelled ``Ordered`` runs no job: its
                result would be ``None``, used as if made; make a new one).

        Example:
            >>> jobs = Ordered()
            >>> jobs.cancel()
            >>> jobs.submit(lambda: 1, print)
            Traceback (most recent call last):
            ...
            RuntimeError: Ordered.submit() after cancel(): no job runs once cancelled (make a new Ordered)
        """  # noqa: E501
        if self._cancelled:  # the job would never run, and use(None) be called as if it had
            raise RuntimeError(
                "Ordered.submit() after cancel(): no job runs once cancelled (make a new Ordered)"
            )
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # not at start-up: 1 ms

            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="svduty-writer")
        self._due.append((self._pool.submit(self._counted, make), use))
        while self._due and (len(self._due) > self._depth or self._due[0][0].done()):
            self._use_first()

    def _counted(self, make: Callable[[], Any]) -> Any:
        """Run ``make()`` on a worker, counted as running; not at all once cancelled."""
        with self._idle:
            if self._cancelled:
                return None
            self._running += 1
        try:
            return make()
        finally:
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def _use_first(self) -> None:
        job, use = self._due.popleft()
        use(job.result())

    def finish(self) -> None:
        """Use every result, in order (raising a job's error), and end the workers."""
        while self._due:
            self._use_first()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def cancel(self) -> None:
        """Drop the jobs not started and their results; return when no job is running.

        No job starts after this: a worker the pool lost track of (its start interrupted)
        is waited for too, so a writer never closes its file under a running job.
        """
        with self._idle:
            self._cancelled = True
            while self._running:
                self._idle.wait()
        self._due.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


BEHIND = 2
"""Items made and not yet used that :func:`behind` holds (a JSON Lines part: ~2.8 MB)."""


def behind(items: Iterable[Any], use: Callable[[Any], object]) -> None:
    """``use(item)`` for each of ``items`` in order, on a thread of its own, as they are made.

    The items are made on the caller's thread while the one before is used: the JSON Lines
    writer makes each part of the lines (Arrow: the GIL released) while the part before is
    written (the ``write`` system call: the GIL released), on two cores, not one after the
    other. At most :data:`BEHIND` items wait. The first error of ``use`` is raised here
    (no item is used after it); an error making the items is raised once the items made
    before it are used. The thread has ended when this returns, whatever it raises.

    Example:
        >>> out = []
        >>> behind(iter([1, 2, 3]), out.append); out
        [1, 2, 3]
        >>> def use(i):
        ...     if i == 2:
        ...         raise OSError("full")
        ...     out.append(i)
        >>> behind(range(5), use)
        Traceback (most recent call last):
        OSError: full
        >>> out[3:]
        [0, 1]
    """
    import queue

    waiting: queue.Queue[tuple[Any, ...]] = queue.Queue(BEHIND)
    failed: list[BaseException] = []

    def run() -> None:
        while True:
            item = waiting.get()
            if not item:  # the end (an empty tuple)
                return
            if not failed:
                try:
                    use(item[0])
                except BaseException as exc:  # raised in the caller
                    failed.append(exc)

    thread = threading.Thread(target=run, name="svduty-write", daemon=True)
    thread.start()
    try:
        for item in items:
            if failed:
                break
            waiting.put((item,))
    finally:
        waiting.put(())
        thread.join()
    if failed:
        raise failed[0]
