"""police.uk files that hold the same crimes: two downloads of one force's month.

police.uk gives each crime one Crime ID (64 hexadecimal digits; anti-social behaviour has
none). Two files that share Crime IDs overlap: a month downloaded twice, perhaps with its
outcomes updated in between (so the bytes differ and the copy check of
:mod:`svduty.io._inputs` does not see it), and their rows would be counted twice. Only
the first rows of each file are read (:data:`HEAD` bytes), so the check costs nothing
beside the run: it finds two downloads of one month when their first crimes are the same
ones (whether police.uk keeps a month's order from one download to the next is not
confirmed), and files with none in common among their first rows are not proved to share
no crime. ``classify`` warns (``FILES-OVERLAP``) and ``report``
says so on its page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

__all__ = ["HEAD", "repeated_crime_ids"]

HEAD = 1 << 16
"""The bytes read from the start of each file."""

_ID = re.compile(rb"^\"?([0-9a-f]{64})\"?,", re.MULTILINE)


def repeated_crime_ids(paths: Sequence[Path]) -> int:
    r"""How many Crime IDs among the files' first rows are also an earlier file's.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> row = "a" * 64 + ",2025-06,X\n"
        >>> for name, rows in (("a.csv", row), ("b.csv", row.replace(",X", ",Y")),
        ...                    ("c.csv", "b" * 64 + ",2025-06,X\n")):
        ...     _ = (d / name).write_text("Crime ID,Month,Reported by\n" + rows)
        >>> repeated_crime_ids([d / "a.csv", d / "b.csv", d / "c.csv"])
        1
    """
    seen: set[bytes] = set()
    repeated = 0
    for p in paths:
        try:
            with p.open("rb") as f:
                head = f.read(HEAD)
        except OSError:  # (the reader says why)
            continue
        ids = set(_ID.findall(head))
        repeated += len(ids & seen)
        seen |= ids
    return repeated
