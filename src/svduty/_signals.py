"""The signals that stop a command: Ctrl-C, SIGTERM and, where there is one, SIGHUP.

One list for the handlers that stop a command (``svduty._commands._stopped``) and for the
renames that hold them until every output is in place (``svduty.io._write_paths``).

Example:
    >>> import signal
    >>> signal.SIGINT in STOPPING and signal.SIGTERM in STOPPING
    True
"""

from __future__ import annotations

import signal

__all__ = ["STOPPING"]

STOPPING: tuple[int, ...] = (
    signal.SIGINT,
    signal.SIGTERM,
    *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()),  # not on Windows
)
"""The signals that stop a command (its partial outputs removed)."""
