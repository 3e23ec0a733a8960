"""The command line run in process, or in a process of its own: the helpers the CLI tests share."""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from svduty.cli import main


def run(*argv: str | Path) -> tuple[int, str, str]:
    """``svduty ARGV...`` in process: its exit status, standard output and standard error.

    Example:
        >>> run("--version")[0]
        0
    """
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@functools.cache
def run_once(*argv: str) -> tuple[int, str, str]:
    """:func:`run`, once a run (once an xdist worker) for the same arguments: for a command
    that only reads (its answer the same every time) that several tests ask, such as
    ``validate warwickshire`` (about 2 s of CPU with coverage each time: ci62b).

    Example:
        >>> run_once("--version") is run_once("--version")
        True
    """
    return run(*argv)


def in_subprocess(
    *argv: str | Path, cwd: Path, **streams: Any
) -> subprocess.CompletedProcess[bytes]:
    """``python -m svduty ARGV...`` in a process of its own, in ``cwd``: for what needs a real
    process (standard output as a file descriptor, ``/dev/stdout``, exit statuses).

    Standard output and error are captured unless ``streams`` says otherwise (``stdout=``,
    ``stderr=``, ``preexec_fn=``: passed on to :func:`subprocess.run`).

    Example:
        >>> in_subprocess("--version", cwd=Path(".")).returncode
        0
    """
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.run(
        [sys.executable, "-m", "svduty", *map(str, argv)],
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams},
        env=env,
        cwd=cwd,
        check=False,
        timeout=300,
    )
