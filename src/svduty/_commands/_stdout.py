"""Standard output a command could not write: said once, with the status shells expect.

A full disk or a closed descriptor is an error on standard error and exit 1; a pipe whose
reader went away (``svduty ... | head``) is 141, silently. Imports nothing heavy: the
command line uses it for ``--version`` and ``--help`` before any command is imported.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import TextIO

from svduty._commands._stopped import EXIT_BROKEN_PIPE

__all__ = ["Closed", "is_closed", "quiet_stdout", "said_after", "unwritten", "written"]

EXIT_OK, EXIT_FAILED = 0, 1


def quiet_stdout(out: TextIO) -> None:
    """After a broken pipe, point standard output at ``/dev/null``.

    Python's own flush at exit then does not print a second error (the recipe of the
    ``signal`` module's documentation).
    """
    if out is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no descriptor to replace
        pass


def written(text: str | None, out: TextIO, err: TextIO, code: int = EXIT_OK) -> int:
    """``code`` once ``text`` (and what ``out`` holds) is written; else why it was not.

    ``svduty --version > /dev/full`` or with standard output closed says so and exits 1
    (141 when a pipe's reader went away), as every command does, not with a traceback.
    """
    try:
        if text is not None:
            print(text, file=out)
        out.flush()
    except (OSError, ValueError) as exc:  # a full disk, a closed descriptor, a pipe gone
        return unwritten(exc, out, err)
    return code


def unwritten(exc: OSError | ValueError, out: TextIO, err: TextIO) -> int:
    """Say that standard output could not be written (a pipe gone: 141, silently)."""
    quiet_stdout(out)
    if isinstance(exc, BrokenPipeError):
        return EXIT_BROKEN_PIPE
    why = getattr(exc, "strerror", None) or "closed"
    print(f"svduty: error: standard output: cannot write ({why})", file=err)
    return EXIT_FAILED


class Closed(io.TextIOBase):
    """Standard output closed before the command started: every write fails.

    Example:
        >>> print("x", file=Closed())
        Traceback (most recent call last):
        ...
        OSError: [Errno 9] Bad file descriptor: 'standard output'
    """

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF), "standard output")


def is_closed(out: TextIO) -> bool:
    """Whether ``out`` is a standard output closed before the start (``>&-``).

    A stream without a descriptor (a ``StringIO`` a caller gave) is open.

    Example:
        >>> is_closed(Closed()), is_closed(io.StringIO())
        (True, False)
    """
    if isinstance(out, Closed):
        return True
    try:
        descriptor = out.fileno()
    except (AttributeError, OSError, ValueError):  # no descriptor: a stream of the caller's
        return False
    try:
        os.fstat(descriptor)
    except OSError:
        return True
    return False


def said_after(text: str, out: TextIO, err: TextIO, wrote: str = "") -> None:
    r"""Print ``text`` on ``out``, after files were put in place; ``wrote`` names them.

    ``wrote`` (the "wrote FILE" lines, each ending in a line break) is part of ``text``.
    When ``out`` cannot be written (a full disk), it is said on ``err`` before the error
    is raised: a run that fails there has left whole files, and names them.

    Example:
        >>> err = io.StringIO()
        >>> said_after("wrote o.csv\nrows in: 1", Closed(), err, "wrote o.csv\n")
        Traceback (most recent call last):
        ...
        OSError: [Errno 9] Bad file descriptor: 'standard output'
        >>> err.getvalue()
        'wrote o.csv\n'
    """
    try:
        print(text, file=out)
        out.flush()
    except OSError as exc:
        if wrote and out is not err and not isinstance(exc, BrokenPipeError):
            print(wrote, end="", file=err)  # the files are in place: said where it can be
        raise
