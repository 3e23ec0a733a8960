"""Silence pyarrow's report of a malformed CSV row it cannot decode, which svduty handles.

When a row has the wrong number of fields, pyarrow's CSV parser hands it to the reader's
invalid-row handler as text; when the row is not UTF-8 it cannot, and it prints "Exception
ignored in ..." with a traceback on standard error (through :data:`sys.unraisablehook`)
before failing the read. svduty then reads the block again and rejects the row with its
line number, so the message only alarms. While :func:`quiet_undecodable_rows` is active,
those reports alone are dropped: any other unraisable exception still reaches the hook
that was in place.

Example:
    >>> import sys
    >>> before = sys.unraisablehook
    >>> with quiet_undecodable_rows(__name__):
    ...     sys.unraisablehook is before
    False
    >>> sys.unraisablehook is before
    True
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["quiet_undecodable_rows"]

_lock = threading.Lock()
_users: dict[str, int] = {}
_previous: list[Any] = []


def _hook(report: Any) -> None:
    module = getattr(report.object, "__module__", None)
    if isinstance(report.exc_value, UnicodeDecodeError) and module in _users:
        return  # the row is rejected by the reader, with its line number
    _previous[0](report)


@contextmanager
def quiet_undecodable_rows(module: str) -> Iterator[None]:
    """Drop pyarrow's reports of undecodable rows handed to ``module``'s row handlers.

    Safe to nest and to use from several threads: the hook is installed by the first user
    and the previous one restored by the last.
    """
    with _lock:
        if not _users:
            _previous[:] = [sys.unraisablehook]
            sys.unraisablehook = _hook
        _users[module] = _users.get(module, 0) + 1
    try:
        yield
    finally:
        with _lock:
            _users[module] -= 1
            if not _users[module]:
                del _users[module]
            if not _users:
                sys.unraisablehook = _previous.pop()
