"""Wall and thread-CPU marks around a command's steps, for the timeline tools (not a test).

``loop_profile.py timeline`` and ``incident_timeline.py`` run ``svduty classify`` in their
own process with marks put around the steps that matter through an import hook, as each
step's module is first imported, so that the command's own start-up order is kept.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

T0 = time.perf_counter()
MARKS: list[tuple[str, str, float, float, float]] = []
"""(label, thread, start after T0, wall, thread CPU) of each call timed, seconds."""


def timed(owner: Any, name: str, label: str) -> None:
    """``owner.name`` marked as ``label`` on each call."""
    given = getattr(owner, name)

    def timed_call(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return given(*args, **kwargs)
        finally:
            end, spent = time.perf_counter(), time.thread_time() - cpu
            MARKS.append((label, threading.current_thread().name, start - T0, end - start, spent))

    setattr(owner, name, timed_call)


class Hook(importlib.abc.MetaPathFinder):
    """Calls ``then[name](module)`` when the module ``name`` is first imported."""

    def __init__(self, then: dict[str, Callable[[Any], None]]) -> None:
        self.then = then

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in self.then:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        assert spec is not None
        assert spec.loader is not None
        loader: Any = spec.loader
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            self.then[name](module)

        loader.exec_module = exec_module
        return spec


def marking(then: dict[str, Callable[[Any], None]]) -> None:
    """Put the hook in, and mark each thread's whole run (its wall and own CPU)."""
    sys.meta_path.insert(0, Hook(then))
    given = threading.Thread.run

    def run(self: threading.Thread) -> None:
        start = time.perf_counter()
        try:
            given(self)
        finally:
            spent = time.perf_counter() - start
            MARKS.append(("thread", self.name, start - T0, spent, time.thread_time()))

    threading.Thread.run = run  # type: ignore[method-assign]


def print_marks(width: int, thread_width: int, skip: Iterable[str] = ()) -> None:
    """The main thread's mark, then every mark in order of its start (``skip``'s labels not)."""
    MARKS.append(("thread", "main", 0.0, time.perf_counter() - T0, time.thread_time()))
    left_out = set(skip)
    for label, thread, at, wall, cpu in sorted(MARKS, key=lambda m: m[2]):
        if label not in left_out:
            times = f"at {at * 1e3:7.1f} wall {wall * 1e3:6.1f} cpu {cpu * 1e3:6.1f}"
            print(f"{label:{width}s} {thread:{thread_width}s} {times}")
