"""What the in-scope bounds ``classify`` and ``report`` print count, said once beneath them.

``possible`` holds the ``certain`` rows too (``yes`` + ``undetermined``): without this
line, ``certain 42, possible 4,510`` beside 4,510 rows inside the area reads as 4,552.
"""

from __future__ import annotations

__all__ = ["BOUNDS_LEGEND"]

BOUNDS_LEGEND = (
    "  (certain: answered yes; possible: answered yes or undetermined, the certain rows "
    "among them; no: answered no)"
)
"""The line beneath the ``in scope ...: certain N, possible N, no N`` lines.

Example:
    >>> BOUNDS_LEGEND.strip()[:27]
    '(certain: answered yes; pos'
"""
