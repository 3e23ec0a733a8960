"""What the command line says of an error no command turned into an ``SvdutyError``.

Most such errors are svduty's own faults, to be reported. Memory or a thread refused by
the system is not: a limit of the machine (``ulimit -v``, a container's memory) stops
Python (``MemoryError``; ``RuntimeError: can't start new thread``) or pyarrow
(``ArrowMemoryError``; "Failed to launch worker thread"), and is said so, in words of
svduty's own (pyarrow's may hold a value of the input). Imports nothing.
"""

from __future__ import annotations

__all__ = ["REFUSED", "unexpected"]

REFUSED = (
    "the system refused memory or a thread (a limit such as ulimit -v or a container's, or "
    "the machine's memory): expected the memory and threads to read and write the files"
)
"""What is said when the system refused memory or a thread."""

_THREAD = ("can't start new thread", "Failed to launch worker thread")


def unexpected(exc: BaseException) -> str:
    """The words for ``exc``: memory or threads refused, or a fault to report.

    Example:
        >>> unexpected(MemoryError()) == REFUSED
        True
        >>> unexpected(RuntimeError("can't start new thread")) == REFUSED
        True
        >>> print(unexpected(KeyError("x")))
        unexpected KeyError; please report it (SVDUTY_DEBUG=1 shows the traceback)
    """
    if isinstance(exc, MemoryError):  # pyarrow's ArrowMemoryError too
        return REFUSED
    arrow = type(exc).__module__.startswith("pyarrow")
    if (isinstance(exc, RuntimeError) or arrow) and any(t in str(exc) for t in _THREAD):
        return REFUSED
    return f"unexpected {type(exc).__name__}; please report it (SVDUTY_DEBUG=1 shows the traceback)"
