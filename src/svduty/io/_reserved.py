"""The ids of the published definitions svduty ships: no bundle's definition may take one.

Example:
    >>> "london-vru" in PUBLISHED
    True
"""

from __future__ import annotations

__all__ = ["PUBLISHED"]

PUBLISHED: tuple[str, ...] = ("avon-and-somerset", "london-vru", "norfolk")
"""The ids of the packaged published definitions of other partnerships."""
