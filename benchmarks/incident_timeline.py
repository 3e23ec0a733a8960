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

import os
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from _marks import MARKS, marking, print_marks, timed

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


def _then(steps: list[tuple[str, str | None]]) -> Callable[[Any], None]:
    def mark(module: Any) -> None:
        for step, owner in steps:
            timed(getattr(module, owner) if owner else module, step, step)

    return mark


def main() -> None:
    marking({name: _then(steps) for name, steps in STEPS.items()})
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
    print_marks(20, 18, skip=SUMMED)
    for label in sorted(SUMMED):
        marks = [m for m in MARKS if m[0] == label]
        wall, cpu = sum(m[3] for m in marks) * 1e3, sum(m[4] for m in marks) * 1e3
        print(f"{label:20s} {len(marks)} calls, wall {wall:.1f} cpu {cpu:.1f} ms in all")


if __name__ == "__main__":
    main()
