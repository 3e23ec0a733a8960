"""Ctrl-C at any step of the writer's worker threads: cancel leaves no job running.

Found by ``hostile45``: Ctrl-C while ``ThreadPoolExecutor.submit`` started its worker left
a worker the pool did not know of, running a batch; ``Ordered.cancel`` returned at once,
the Parquet writer was closed under the batch, and the process died by segmentation
fault. Here the interrupt comes at a drawn ``Thread.start`` (before or after the thread
runs) or between submissions, with jobs of drawn lengths on one to three workers; after
``cancel`` no job is running and none starts.
"""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.io._background import Ordered

from .budget import budget


@budget(40)
@given(
    pauses=st.lists(st.integers(0, 4), min_size=1, max_size=6),
    workers=st.integers(1, 3),
    depth=st.integers(1, 3),
    stop_at=st.integers(0, 6),
    after_start=st.booleans(),
)
def test_cancel_after_an_interrupt_leaves_no_job_running(
    pauses: list[int], workers: int, depth: int, stop_at: int, after_start: bool
) -> None:
    lock = threading.Lock()
    running = [0]
    after_cancel: list[int] = []
    cancelled = threading.Event()

    def job(pause: int) -> int:
        with lock:
            running[0] += 1
            if cancelled.is_set():
                after_cancel.append(pause)
        try:
            time.sleep(pause / 200)
            return pause
        finally:
            with lock:
                running[0] -= 1

    real = threading.Thread.start
    starts = [0]

    def start(self: threading.Thread) -> None:  # Ctrl-C as the worker starts
        starts[0] += 1
        if starts[0] == 1 and after_start:
            real(self)
            raise KeyboardInterrupt
        if starts[0] == 1 and stop_at == 0:
            raise KeyboardInterrupt  # before the thread runs
        real(self)

    jobs = Ordered(workers=workers, depth=depth)
    mp = pytest.MonkeyPatch()
    mp.setattr(threading.Thread, "start", start)
    try:
        for i, pause in enumerate(pauses):
            if i == stop_at and i:
                raise KeyboardInterrupt  # between two submissions
            jobs.submit(lambda p=pause: job(p), lambda _: None)
    except KeyboardInterrupt:
        pass
    finally:
        mp.undo()
    jobs.cancel()
    cancelled.set()
    with lock:
        assert running[0] == 0  # no batch under a file about to be closed
    time.sleep(0.03)  # a worker the pool lost would take its next job now
    assert after_cancel == []
    jobs.cancel()  # (a second cancel is harmless)


def test_the_workers_end_with_the_pool() -> None:
    jobs = Ordered(workers=2, depth=1)
    for _ in range(3):
        jobs.submit(lambda: None, lambda _: None)
    jobs.finish()
    assert not [t for t in threading.enumerate() if t.name.startswith("svduty-writer")]
