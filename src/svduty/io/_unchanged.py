"""A file written to while svduty reads it: refused by name, never read as a mix of two.

An input overwritten in place, or still arriving (a download not finished), would give
rows of two versions of the file, or too few rows, without a word. Every reader takes
the file's size and modification time when it begins (:func:`began`) and compares them
when it is done with the file (:func:`refuse_if_changed`); the police.uk reader also after
every block it reads. A write within the same tick of the file system's clock as the
file's last change that leaves its size as it was may go unseen. A police.uk file
replaced by renaming another over it is read whole, as it was opened (the reader holds it
open); an incident file so replaced is refused (its readers may open it more than once).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from svduty.errors import InputFormatError, Problem
from svduty.io._inputs import STDIN

__all__ = ["began", "changed", "refuse_if_changed"]


def changed(p: str | Path, *, shorter: bool = False) -> InputFormatError:
    """The error for a file written to while it was read (overwritten, or still arriving).

    ``shorter``: the file has fewer bytes than when the read began.

    Example:
        >>> print(changed(Path("2025-06.csv"), shorter=True))  # doctest: +NORMALIZE_WHITESPACE
        2025-06.csv: the file became shorter while it was read (was it overwritten, or is it
        still being written?); expected a file left whole until svduty has read it
        >>> print(changed("in.jsonl"))  # doctest: +NORMALIZE_WHITESPACE
        in.jsonl: the file changed while it was read (was it overwritten, or is it still
        being written?); expected a file left whole until svduty has read it
    """
    what = "became shorter" if shorter else "changed"
    return InputFormatError(
        Problem(
            message=f"the file {what} while it was read (was it overwritten, or is it still "
            "being written?)",
            file=str(p),
            expected="a file left whole until svduty has read it",
        )
    )


def began(p: str | Path) -> os.stat_result | None:
    """The file's state as a read begins; ``None`` for what is not a file (``-``, a pipe).

    ``-`` is standard input, whatever a file of that name in the current folder holds.

    Example:
        >>> began("-") is None, began(__file__) is not None
        (True, True)
    """
    if str(p) == STDIN:
        return None
    try:
        now = os.stat(p)
    except OSError:
        return None  # (the reader says what is wrong with it)
    return now if stat.S_ISREG(now.st_mode) else None


def refuse_if_changed(
    p: str | Path, before: os.stat_result | None, now: os.stat_result | None = None
) -> None:
    r"""Raise :func:`changed` if the file is not as it was ``before``.

    As it was: the same file (device and inode: not another renamed over it), of the same
    size and modification time. ``now``: the file's state as the reader sees it (``fstat``
    of the file it holds open), else what the path names now.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "a.csv"
        >>> _ = f.write_text("a\n1\n"); os.utime(f, ns=(0, 0))
        >>> at = began(f)
        >>> refuse_if_changed(f, at)  # as it was
        >>> _ = f.write_text("a\n")
        >>> refuse_if_changed(f, at)
        Traceback (most recent call last):
        ...
        svduty.errors.InputFormatError: ...: the file became shorter while it was read (was it overwritten, or is it still being written?); expected a file left whole until svduty has read it
    """  # noqa: E501
    if before is None:
        return
    if now is None:
        try:
            now = os.stat(p)
        except OSError:  # removed (or renamed) since: what was read was the file as it was
            return
    if _state(now) != _state(before):
        raise changed(p, shorter=now.st_size < before.st_size)


def _state(at: os.stat_result) -> tuple[int, int, int, int]:
    return at.st_dev, at.st_ino, at.st_size, at.st_mtime_ns
