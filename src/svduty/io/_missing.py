"""Why an input path that is no file cannot be read: missing, a broken link or a link loop.

Every reader and the command's listing of its inputs refused a path that does not resolve
as "file not found", also a symbolic link that points at itself, round a loop (the user
sees a name in ``ls`` and is told it is not there). :func:`not_found` says which (mend49b);
it imports nothing heavy (classify's start-up path, ``tests/test_startup.py``).

Example:
    >>> print(not_found(Path("no-such-month.csv")))
    no-such-month.csv: file not found
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from svduty.errors import InputFormatError, Problem

__all__ = ["lost_link", "not_found"]

_LOOP = "a symbolic link loop (the link leads, through links, back to itself: point it at the file)"
_BROKEN = "a broken symbolic link (the file it points to is not there)"


def _loops(p: Path) -> bool:
    """Whether resolving ``p`` goes round a loop of symbolic links."""
    try:
        os.stat(p)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def lost_link(p: Path) -> str:
    """Why a folder's entry ``p``, a symbolic link that does not resolve, is skipped.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     (Path(d) / "a.csv").symlink_to("a.csv")
        ...     (Path(d) / "c.csv").symlink_to("gone.csv")
        ...     print(lost_link(Path(d) / "a.csv")); print(lost_link(Path(d) / "c.csv"))
        a symbolic link loop: the link leads, through links, back to itself
        a broken link
    """
    if _loops(p):
        return "a symbolic link loop: the link leads, through links, back to itself"
    return "a broken link"


def not_found(p: Path) -> InputFormatError:
    """The error for ``p``, which is not there as a file: why, by what ``p`` is.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     (Path(d) / "a.csv").symlink_to("b.csv")
        ...     (Path(d) / "b.csv").symlink_to("a.csv")
        ...     (Path(d) / "c.csv").symlink_to("gone.csv")
        ...     loop, broken = not_found(Path(d) / "a.csv"), not_found(Path(d) / "c.csv")
        >>> loop.problems[0].message.startswith("a symbolic link loop")
        True
        >>> broken.problems[0].message
        'a broken symbolic link (the file it points to is not there)'
    """
    why = "file not found"
    if _loops(p):
        why = _LOOP
    elif p.is_symlink():
        why = _BROKEN
    return InputFormatError(Problem(message=why, file=str(p)))
