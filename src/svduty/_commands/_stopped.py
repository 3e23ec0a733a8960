"""How a command ends when it is stopped: one line on standard error, the status shells expect.

Ctrl-C (SIGINT) ends a command with 130, SIGTERM with 143 and SIGHUP (the terminal or the
ssh session closed) with 129 (128 + the signal's number), as other command-line tools do.
The line names the command when one is known, and says ``no output written`` where the
command knows that nothing it writes was left behind.
This module imports nothing but the list of those signals (``svduty._signals``), so
``python -m svduty`` can use it while the command line is still being imported.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from types import FrameType
from typing import TextIO

from svduty._signals import STOPPING

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_HUNG_UP",
    "EXIT_INTERRUPTED",
    "EXIT_TERMINATED",
    "STOPPING",
    "HungUp",
    "Stopped",
    "Terminated",
    "on_sighup",
    "on_sigint",
    "on_sigterm",
    "on_stop",
    "stopped",
    "stopping",
    "written_in_place",
]

EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
EXIT_HUNG_UP = 129
EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (``svduty ... | head``): 128 + SIGPIPE, as a
command killed by the signal ends, so ``set -o pipefail`` does not read it as success."""


def stopped(
    err: TextIO,
    command: str | None = None,
    how: str = "interrupted",
    *,
    nothing_written: bool = True,
    wrote: Sequence[str] = (),
) -> int:
    """Say on ``err`` that the command was stopped; return its exit status.

    Args:
        err: Standard error (or the stream a caller gave :func:`svduty.cli.main`).
        command: The command's name (``classify``), or ``None`` before one is known.
        how: ``interrupted`` (Ctrl-C: 130), ``terminated`` (SIGTERM: 143) or ``hung up``
            (SIGHUP: 129).
        nothing_written: Add ``; no output written`` (the command removed what it wrote).
        wrote: The outputs already written whole when the signal came (after their
            renames, before the summary): named, so the user knows they are the new ones
            (mend49; the line said ``interrupted`` alone).

    Example:
        >>> import io
        >>> err = io.StringIO()
        >>> stopped(err, "classify"), stopped(err, how="terminated", nothing_written=False)
        (130, 143)
        >>> _ = stopped(err, "report", nothing_written=False, wrote=["r.html", "tables"])
        >>> print(err.getvalue(), end="")
        svduty classify: interrupted; no output written
        svduty: terminated
        svduty report: interrupted after its outputs were written whole (r.html, tables)
    """
    where = f" {command}" if command else ""
    note = "; no output written" if nothing_written else ""
    if wrote and not nothing_written:
        note = f" after its outputs were written whole ({', '.join(wrote)})"
    err.write(f"svduty{where}: {how}{note}\n")
    return {"terminated": EXIT_TERMINATED, "hung up": EXIT_HUNG_UP}.get(how, EXIT_INTERRUPTED)


def written_in_place(*outputs: object) -> bool:
    """Whether an output written in place has begun: what it wrote cannot be taken back.

    An output to standard output, a pipe or a device has no temporary file (its ``out``
    is ``None``, or has no ``temp``); once it has rows (``rows``) or is open (``_fh``), a
    stop must not say ``no output written`` (hostile60: ``classify -o -`` said so after
    49 MB of rows had gone to standard output). A file written whole (a ``temp``) is
    removed by the stop: it never counts.

    Example:
        >>> from types import SimpleNamespace as N
        >>> to_stdout, to_file = N(out=None, rows=3), N(out=N(temp="t"), rows=3)
        >>> written_in_place(to_stdout), written_in_place(to_file, None)
        (True, False)
        >>> written_in_place(N(out=None, rows=0, _fh=None)), written_in_place()
        (False, False)
    """
    for output in outputs:
        out = getattr(output, "out", None)
        if output is None or getattr(out, "temp", None) is not None:
            continue
        if getattr(output, "rows", 0) or getattr(output, "_fh", None) is not None:
            return True
    return False


class Terminated(Exception):
    """SIGTERM arrived: stop, remove partial outputs, exit 143."""

    how = "terminated"


class HungUp(Terminated):
    """SIGHUP arrived (the terminal or ssh session closed): as SIGTERM, but exit 129."""

    how = "hung up"


def on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A command's SIGTERM handler: :class:`Terminated`, and no further signal.

    Example:
        >>> old = signal.signal(signal.SIGTERM, on_sigterm)
        >>> old_int = signal.signal(signal.SIGINT, signal.default_int_handler)
        >>> try:
        ...     signal.raise_signal(signal.SIGTERM)
        ... except Terminated:
        ...     print("stopped", signal.getsignal(signal.SIGINT) is _dropped)
        stopped True
        >>> for s, h in ((signal.SIGTERM, old), (signal.SIGINT, old_int)):
        ...     _ = signal.signal(s, h)
    """
    stopping()
    raise Terminated


def on_sighup(signum: int, frame: FrameType | None) -> None:
    """A command's SIGHUP handler: :class:`HungUp`, and no further signal."""
    stopping()
    raise HungUp


def on_sigint(signum: int, frame: FrameType | None) -> None:
    """A command's Ctrl-C handler: ``KeyboardInterrupt``, and no further signal."""
    stopping()
    raise KeyboardInterrupt


def stopping() -> None:
    """Drop any further Ctrl-C, SIGTERM or SIGHUP: the run is stopping.

    A second signal (``timeout`` signals the process and its group; a closing terminal
    sends more than one) must not interrupt the removal of the partial outputs, nor the
    end of the reading threads. Dropped by a handler that does nothing, not ignored: a
    signal already pending when the handler changes would otherwise end in CPython's
    "Signal N ignored due to race condition". The command puts its handlers back when it
    ends.
    """
    for signum in STOPPING:
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's stays ignored
            signal.signal(signum, _dropped)


def _dropped(signum: int, frame: FrameType | None) -> None:
    """A signal that arrives while the command is stopping: dropped."""


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while the command line started or ran: it stops as on Ctrl-C.

    A ``BaseException``, as ``KeyboardInterrupt`` is: no ``except Exception`` on the way
    (an import, a parse) takes it for an error.
    """

    def __init__(self, how: str = "terminated") -> None:
        super().__init__(how)
        self.how = how


def on_stop(signum: int, frame: FrameType | None) -> None:
    """The command line's SIGTERM and SIGHUP handler: :class:`Stopped`, no further signal.

    Installed by ``python -m svduty`` and the ``svduty`` command before anything is
    imported, so a signal while starting ends with one line and 143 (129), as Ctrl-C does.

    Example:
        >>> old = signal.signal(signal.SIGTERM, on_stop)
        >>> try:
        ...     signal.raise_signal(signal.SIGTERM)
        ... except Stopped as exc:
        ...     print(exc.how)
        terminated
        >>> for s, h in ((signal.SIGTERM, old), (signal.SIGINT, signal.default_int_handler)):
        ...     _ = signal.signal(s, h)
    """
    stopping()
    raise Stopped("hung up" if signum == getattr(signal, "SIGHUP", None) else "terminated")
