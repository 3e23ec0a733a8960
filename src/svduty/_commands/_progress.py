"""A small progress bar on standard error, shown only on a terminal."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """A byte-count progress bar, redrawn at most ten times a second.

    Quiet unless ``stream`` is a terminal (so logs and pipes get no control characters).

    Example:
        >>> import io
        >>> bar = Progress(100, io.StringIO())
        >>> bar(50); bar.close()
        >>> bar.enabled
        False
    """

    def __init__(self, total: int, stream: TextIO, *, force: bool | None = None) -> None:
        isatty = getattr(stream, "isatty", None)
        tty = bool(isatty()) if callable(isatty) else False
        self.enabled = tty if force is None else force
        self.total = max(total, 1)
        self.stream = stream
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int) -> None:
        """Record that ``done`` bytes have been read; redraw if it is time."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < self.total:
            return
        self._last = now
        frac = min(done / self.total, 1.0)
        width = 30
        filled = int(frac * width)
        rate = done / max(now - self.start, 1e-9) / 1e6
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {frac:4.0%} {done / 1e6:8.1f} MB "
            f"{rate:6.1f} MB/s"
        )
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """End the bar's line (if one was drawn)."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
