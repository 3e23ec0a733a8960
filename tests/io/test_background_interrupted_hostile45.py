"""Ctrl-C while a writer's worker thread starts: cancel still waits for the job it runs.

``ThreadPoolExecutor.submit`` queues the job, then starts the worker and waits for it to
start (``Thread.start``). Ctrl-C in that wait (the first batch of ``classify -o
x.parquet``) left a worker the pool does not know of, running the job; ``cancel`` did not
wait for it, the writer closed its Parquet file under it, and the process ended by
segmentation fault (status 139) after saying "interrupted" (about 1 run in 15, signalled
as the first batch is written: ``hostile45``).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from svduty.io._background import Ordered


def _interrupted_start(monkeypatch: Any) -> None:
    """The next ``Thread.start`` starts the thread, then raises as Ctrl-C in its wait."""
    real = threading.Thread.start
    calls: list[int] = []

    def start(self: threading.Thread) -> None:
        real(self)
        if not calls:
            calls.append(1)
            raise KeyboardInterrupt

    monkeypatch.setattr(threading.Thread, "start", start)


def test_cancel_waits_for_a_job_whose_worker_start_was_interrupted(monkeypatch: Any) -> None:
    started, release, done = threading.Event(), threading.Event(), threading.Event()

    def job() -> int:
        started.set()
        release.wait(10)
        done.set()
        return 1

    jobs = Ordered(workers=1, depth=1)
    _interrupted_start(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        jobs.submit(job, lambda _: None)
    assert started.wait(10)  # the worker runs the job the pool was given
    threading.Timer(0.2, release.set).start()
    jobs.cancel()
    assert done.is_set(), "cancel returned while the job still ran (its file closed under it)"
