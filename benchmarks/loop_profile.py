"""Where a police.uk summary's time goes, thread by thread: a tool, not a test (speed54a).

    python benchmarks/loop_profile.py timeline FILE   # each thread's steps, in order
    python benchmarks/loop_profile.py replay FILE 9   # the loop's answering, thread CPU

``timeline`` runs ``svduty classify FILE --summary json`` in this process as the command
runs it, with wall and thread-CPU marks around the steps that matter (read, parse,
normalise, number, answer, locate, count), put in through an import hook as each module
is first imported, so that the command's own start-up order is kept; then the threads'
own CPU. Run it under ``chrt -r 1`` on a busy machine.

``replay`` reads the file's batches once, then answers them as the command's loop does
(a fresh pipeline from the command's cache each repetition, the collector off) and
prints the best and median thread CPU of the loop and of its stages: numbers that hold
still on a loaded machine where whole commands' walls move by 10 ms. Give
``PYTHONPATH=OTHER/src`` to time another tree, and ``SVDUTY_CACHE_DIR`` its own cache.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _marks import marking, print_marks, timed

STEPS = {
    "svduty.io._run": ["_answer", "_with_firsts", "run_pipeline"],
    "svduty.io._police_uk_reader": ["_parse_piece", "_normalised"],
    "svduty.io._locate": ["locate_police_uk"],
    "svduty.io._alike": ["answered"],
    "svduty._commands._planned": ["pipeline_for"],
}
"""The module and function names timed by ``timeline``."""


def _then(steps: list[str]) -> Callable[[Any], None]:
    def mark(module: Any) -> None:
        for step in steps:
            timed(module, step, step)
        if module.__name__ == "svduty.io._police_uk_reader":
            from svduty.io import _police_uk_blocks

            timed(_police_uk_blocks._Buffers, "read", "Buffers.read")

    return mark


def timeline(path: str) -> None:
    marking({name: _then(steps) for name, steps in STEPS.items()})
    import svduty.__main__ as entry

    sys.argv = ["svduty", "classify", path, "--summary", "json"]
    out, sys.stdout = sys.stdout, open(os.devnull, "w")  # noqa: SIM115
    entry._start()
    sys.stdout = out
    print_marks(16, 14)


def replay(path: str, repeat: int) -> None:
    from svduty._commands import _cache, _planned
    from svduty._commands._classify_summary import SUMMARY_GROUPINGS
    from svduty.io import _alike, _bounds, _pipeline, _run, _summary
    from svduty.io._code_names import area_parts
    from svduty.io._missing_facts import missing_facts_of, warnings_of
    from svduty.io._police_uk_reader import read_police_uk

    spent: collections.Counter[str] = collections.Counter()

    def stage(owner: Any, name: str, label: str) -> None:
        given = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            cpu = time.thread_time()
            try:
                return given(*args, **kwargs)
            finally:
                spent[label] += time.thread_time() - cpu

        setattr(owner, name, timed)

    stage(_summary.Tally, "count_usable", "count_usable")
    stage(_bounds.BoundedCounts, "add", "bounds.add")
    stage(_alike, "answered", "answered")
    stage(_pipeline, "locate_police_uk", "locate")
    batches = list(read_police_uk(Path(path)))
    args = argparse.Namespace(partnership="warwickshire", definition=None)
    found: dict[str, list[float]] = collections.defaultdict(list)
    with _cache.using(_cache.cache_folder()):
        for _ in range(repeat):
            area, pipeline = _planned.pipeline_for(args, police_uk=True)
            numbered = [_run._with_firsts(pipeline._numbered(b)) for b in batches]
            parts = area_parts(area.geography, area.local_area.districts)
            bounds = _bounds.BoundedCounts(groupings=SUMMARY_GROUPINGS, parts=parts)
            tally = _summary.Tally(missing=missing_facts_of(pipeline), warned=warnings_of(pipeline))
            answering = _run._counting(pipeline)
            spent.clear()
            gc.collect()
            gc.disable()
            cpu = time.thread_time()
            for one in numbered:
                if one is not None:
                    _run._answer([one], answering, tally, [bounds])
            found["loop"].append(time.thread_time() - cpu)
            gc.enable()
            for label, seconds in spent.items():
                found[label].append(seconds)
    for label, runs in found.items():
        best, median = min(runs) * 1e3, statistics.median(runs) * 1e3
        print(f"{label:14s} best {best:7.2f} median {median:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("how", choices=["timeline", "replay"])
    parser.add_argument("file")
    parser.add_argument("repeat", nargs="?", type=int, default=9)
    args = parser.parse_args()
    if args.how == "timeline":
        timeline(args.file)
    else:
        replay(args.file, args.repeat)


if __name__ == "__main__":
    main()
