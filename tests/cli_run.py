"""The command line run in process: the one helper the CLI tests share."""

from __future__ import annotations

import io
from pathlib import Path

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
