"""Ctrl-C while the ``svduty`` command imports its package: one line and exit 130.

The installed ``svduty`` script imports :mod:`svduty.__main__`, which answers Ctrl-C
itself (:func:`svduty.__main__._start`); before it, Python imports the ``svduty`` package
and :mod:`svduty.__main__`'s own imports, some 0.1-0.2 s in which Ctrl-C printed a
traceback (hostile54). When the process is the ``svduty`` script, ``svduty/__init__.py``
calls :func:`guard` first: Ctrl-C until :func:`release` writes the line every other
interruption at start-up writes and ends the process with 130, nothing having been
written. Only a process whose Python left Ctrl-C to its own handler is guarded (``nohup``
or a supervisor that ignores SIGINT keeps it ignored); ``import svduty`` in any other
program changes nothing.

Example:
    >>> import signal
    >>> before = signal.getsignal(signal.SIGINT)
    >>> guard(); signal.getsignal(signal.SIGINT) is _stop
    True
    >>> release(); signal.getsignal(signal.SIGINT) is before
    True
"""

import _signal  # type: ignore[import-not-found]  # (signal itself imports enum: 20 ms)
import os
import sys

__all__ = ["LINE", "guard", "is_the_command", "release"]

LINE = b"svduty: interrupted; no output written\n"
"""What Ctrl-C while starting writes on standard error (as :mod:`svduty.__main__` does)."""


def is_the_command() -> bool:
    """Whether this process is the installed ``svduty`` script (by its ``argv[0]``).

    Example:
        >>> is_the_command()  # a test runner, not the svduty script
        False
    """
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    return name in ("svduty", "svduty.exe")


def _stop(signum: int, frame: object) -> None:
    """Ctrl-C while starting: the line, then exit 130 at once (nothing was written)."""
    try:  # noqa: SIM105 - nothing imported here: the import Ctrl-C stopped is half done
        os.write(2, LINE)
    except OSError:  # (standard error closed: the status says it)
        pass
    os._exit(130)


def guard() -> None:
    """Answer Ctrl-C with :func:`_stop` until :func:`release`, unless it is not Python's.

    Example:
        >>> guard(); release()
    """
    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _stop)


def release() -> None:
    """Give Ctrl-C back to Python's handler (``KeyboardInterrupt``), if :func:`guard` took it.

    Example:
        >>> release()
    """
    if _signal.getsignal(_signal.SIGINT) is _stop:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
