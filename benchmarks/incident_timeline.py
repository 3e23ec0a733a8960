"""Where an incident file's ``svduty classify`` spends its wall, thread by thread (speed59b).

    chrt -r 1 python benchmarks/incident_timeline.py FILE [OUT]

Runs ``svduty classify FILE --summary json`` in this process as the command runs it, its
rows written to a fresh file (``OUT``, default a temporary file in the current folder,
removed after), as the bench writes them: not ``/dev/null``, whose writes cost nothing,
and not a file written before (truncating a file of 270 MB whose pages are still being
written back made the next run's writes cost 1.3 s of CPU instead of ~0.07). Wall and
thread-CPU marks are put around the incident path's steps through an import hook, as
``loop_profile.py`` does: the partnership and pipeline (``pipeline_for``), the CSV file
read ahead, each batch's classification (``Pipeline.__call__``, ``_distinct_verdicts``)
and count, the writer's jobs (``_write_lines``) and the columns each reads
(``_pieces``), the repeated ids' count (``_settle``); then each thread's own CPU and the
write system calls' total. Bytecode must be compiled first (``python -m compileall -q
src``): with ``PYTHONDONTWRITEBYTECODE=1`` a module edited since is compiled again in every
run, on the thread that first imports it (tens of ms on the reading thread).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import tempfile
import threading
import time
from typing import Any

T0 = time.perf_counter()
MARKS: list[tuple[str, str, float, float, float]] = []
STEPS: dict[str, list[tuple[str, str | None]]] = {
    "svduty._commands._planned": [("pipeline_for", None)],
    "svduty.io._pipeline": [("__call__", "Pipeline")],
    "svduty.io._summary": [("count_out", "Tally")],
    "svduty.io._writers": [("write", "TableWriter"), ("_write_lines", None)],
    "svduty.io._json_lines": [("_pieces", None)],
    "svduty.io._write_paths": [("write_all", None)],
    "svduty.io._repeated_ids": [("_settle", "RepeatedIds")],
    "svduty.definitions._columnar": [("_distinct_verdicts", None)],
    "svduty.io._incident_csv_whole": [("_read", None), ("ahead_of", None)],
}
"""Module -> (function, its class or None) timed."""
SUMMED = {"write_all"}
"""Steps too many to list: their wall and CPU summed."""


def _timed(owner: Any, name: str) -> None:
    given = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return given(*args, **kwargs)
        finally:
            end = time.perf_counter()
            spent = time.thread_time() - cpu
            MARKS.append((name, threading.current_thread().name, start - T0, end - start, spent))

    setattr(owner, name, timed)


class _Hook(importlib.abc.MetaPathFinder):
    """Times :data:`STEPS` as each of their modules is first imported."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in STEPS:
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
            for step, owner in STEPS[name]:
                _timed(getattr(module, owner) if owner else module, step)

        loader.exec_module = exec_module
        return spec


def main() -> None:
    sys.meta_path.insert(0, _Hook())
    given = threading.Thread.run

    def run(self: threading.Thread) -> None:
        start = time.perf_counter()
        try:
            given(self)
        finally:
            spent = time.perf_counter() - start
            MARKS.append(("thread", self.name, start - T0, spent, time.thread_time()))

    threading.Thread.run = run  # type: ignore[method-assign]
    import svduty.__main__ as entry

    path = sys.argv[1]
    if len(sys.argv) > 2:
        out_path, made = sys.argv[2], False
    else:
        handle, out_path = tempfile.mkstemp(suffix=".jsonl", dir=".")
        os.close(handle)
        os.unlink(out_path)  # (a fresh file, below)
        made = True
    sys.argv = ["svduty", "classify", path, "--summary", "json"]
    shown, err = sys.stdout, sys.stderr
    sys.stdout = open(out_path, "w")  # noqa: SIM115
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    try:
        entry._start()
    finally:
        sys.stdout.close()
        sys.stdout, sys.stderr = shown, err
        if made:
            os.unlink(out_path)
    MARKS.append(("thread", "main", 0.0, time.perf_counter() - T0, time.thread_time()))
    for label, thread, at, wall, cpu in sorted(MARKS, key=lambda m: m[2]):
        if label not in SUMMED:
            times = f"at {at * 1e3:7.1f} wall {wall * 1e3:6.1f} cpu {cpu * 1e3:6.1f}"
            print(f"{label:20s} {thread:18s} {times}")
    for label in sorted(SUMMED):
        marks = [m for m in MARKS if m[0] == label]
        wall, cpu = sum(m[3] for m in marks) * 1e3, sum(m[4] for m in marks) * 1e3
        print(f"{label:20s} {len(marks)} calls, wall {wall:.1f} cpu {cpu:.1f} ms in all")


if __name__ == "__main__":
    main()
