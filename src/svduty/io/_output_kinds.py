"""What kind of place an output's path is: a file replaced whole, or a stream written in place.

A regular file (or a name not there yet) is written to a temporary file and renamed over
it (:class:`~svduty.io._write_paths.OutputFile`); a device, a named pipe, a socket, or a
name of one of the process's own open files (``/dev/stdout``, ``/dev/fd/3``: the file the
shell opened for ``> page.html``) is written in place (:func:`written_in_place`), and a
terminal is told apart (:func:`is_terminal`: no Parquet to a screen).

Example:
    >>> written_in_place("/dev/null"), is_stream_name("/dev/stdout")
    (True, True)
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

__all__ = ["is_stream_name", "is_terminal", "stream_fd", "written_in_place"]


def written_in_place(path: str | os.PathLike[str]) -> bool:
    """Whether an output is written in place: a device, a FIFO or a socket that exists.

    Such an output has no temporary file and no suffix to check (``/dev/stdout``).

    Example:
        >>> written_in_place("/dev/null"), written_in_place("/no/such/out.csv")
        (True, False)
    """
    try:
        mode = Path(path).stat().st_mode  # a symbolic link followed
    except (OSError, ValueError):  # not there yet (or a name the system refuses)
        return False
    if stat.S_ISREG(mode) and is_stream_name(path):  # "> page.html": the shell's file
        return True
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def is_terminal(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a terminal (``/dev/stdout`` on a screen, ``/dev/tty``).

    Example:
        >>> is_terminal("/dev/null"), is_terminal("/no/such/out.parquet")
        (False, False)
    """
    try:
        if not stat.S_ISCHR(Path(path).stat().st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except (OSError, ValueError):
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


_STREAM = re.compile(r"/dev/(?:stdout|stderr|fd/[0-9]+)|/proc/self/fd/[0-9]+")


def stream_fd(path: str | os.PathLike[str]) -> int | None:
    """The descriptor a name of one of the process's open files names (``None``: not one).

    Example:
        >>> stream_fd("/dev/stdout"), stream_fd("/dev/fd/3"), stream_fd("o.csv")
        (1, 3, None)
    """
    m = _STREAM.fullmatch(os.fspath(path))
    if m is None:
        return None
    name = m.group(0)
    return {"/dev/stdout": 1, "/dev/stderr": 2}.get(name) or int(name.rsplit("/", 1)[1])


def is_stream_name(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names one of the process's open files (``/dev/stdout``...).

    Such a name is written in place whatever it leads to: a pipe, a terminal, or the file
    the shell opened (``> page.html``), through the process's own descriptor at its place
    in the file, never replaced (the shell holds it).

    Example:
        >>> is_stream_name("/dev/stdout"), is_stream_name("/dev/fd/3"), is_stream_name("o.csv")
        (True, True, False)
    """
    return stream_fd(path) is not None
