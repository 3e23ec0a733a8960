"""A finished output renamed over the file it replaces, that file let go on a thread of its own.

Renaming a new output over an old one (:meth:`~svduty.io._write_paths.OutputFile.commit`)
makes the old file's blocks free, and the file system frees them in the rename itself:
on this project's ext4 (mounted with ``discard``) 9-43 ms for a 29 MB file, the
end of every ``svduty classify --output x.parquet`` run again over its last output, with
nothing left to do meanwhile (the rename of the same file with the old one still linked
elsewhere: 0.7 ms). The old file is held open across the rename, so its blocks are
freed when that descriptor is closed, which a thread of its own does while the command
ends (the summary, the process's own exit). Nothing is left on disk whatever happens:
a descriptor not yet closed is closed by the system when the process ends, and the old
file then freed as before.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

__all__ = ["replace"]

_SMALL = 1 << 20
"""An old file smaller than this is let go on the caller's thread (nothing to gain)."""


def replace(temp: Path, real: Path) -> None:
    """``os.replace(temp, real)``; the file ``real`` named before freed off this thread.

    Raises:
        OSError: as :func:`os.replace` does (the old file is then closed here, and kept).

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "new").write_bytes(b"new"), (d / "out").write_bytes(b"old")
        >>> replace(d / "new", d / "out")
        >>> (d / "out").read_bytes(), (d / "new").exists()
        (b'new', False)
    """
    held = _held(real)
    try:
        os.replace(temp, real)
    except BaseException:
        if held is not None:
            os.close(held)
        raise
    if held is not None:
        _let_go(held)


def _held(real: Path) -> int | None:
    """A descriptor of ``real`` if replacing it frees a large regular file's blocks, or None."""
    if os.name != "posix":  # elsewhere an open file cannot be replaced
        return None
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC  # (a FIFO: no wait)
    try:
        fd = os.open(real, flags)
    except OSError:  # none yet, unreadable, a link: replaced as it is
        return None
    try:
        st = os.fstat(fd)
    except OSError:  # pragma: no cover  # a descriptor just opened
        st = None
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_nlink != 1 or st.st_size < _SMALL:
        os.close(fd)
        return None
    return fd


def _let_go(fd: int) -> None:
    """Close ``fd`` (the replaced file's last name gone: its blocks freed) on a thread."""
    try:
        threading.Thread(target=os.close, args=(fd,), name="svduty-let-go", daemon=True).start()
    except RuntimeError:  # no thread to be had: freed here, as before
        os.close(fd)
