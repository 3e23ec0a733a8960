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

__all__ = ["link_trouble", "lost_link", "not_found"]


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
    return InputFormatError(Problem(message=link_trouble(p) or "file not found", file=str(p)))


def link_trouble(p: str | Path, what: str = "file") -> str | None:
    """Why ``p``, not there as a ``what``, is a symbolic link that fails; ``None`` if no link.

    The one wording of every command for a path given that does not resolve: a bundle
    folder (``--partnership``), a definition (``--definition``), a scenario file
    (``--scenario``), an input file (hostile53b: the options said "no such folder" or
    "file not found" for a link loop).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     (Path(d) / "a").symlink_to("b")
        ...     (Path(d) / "b").symlink_to("a")
        ...     (Path(d) / "c").symlink_to("gone")
        ...     print(link_trouble(Path(d) / "a", "folder"))
        ...     print(link_trouble(Path(d) / "c"), link_trouble(Path(d) / "d"))
        a symbolic link loop (the link leads, through links, back to itself: point it at the folder)
        a broken symbolic link (the file it points to is not there) None
    """
    if _loops(Path(p)):
        return (
            "a symbolic link loop (the link leads, through links, back to itself: point it "
            f"at the {what})"
        )
    if os.path.islink(p) and not os.path.exists(p):
        return f"a broken symbolic link (the {what} it points to is not there)"
    return None
