"""The columns of an incident table that are no incident field: one note, for each command.

``svduty explain`` and ``svduty classify`` read an incident table (CSV or Parquet) by the
same reader; a column that is no incident field is not read as a fact (``classify``
passes it through to its output). Both say so, in the same words, once a file, lest a
misspelt column (``victim_agee``) leave a fact silently unread: before mend46 only
``explain`` did. The note names the columns (a header is not a row's data), but a name is
shown only when it cannot be data (one lowercase word), with the field it may mean; at
most :data:`SHOWN` are listed, and how many more.

Example:
    >>> print(unread_columns(["id", "weapn", "file"]))
    1 column not read (not incident fields): weapn (did you mean weapon?)
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from svduty.definitions import Incident

__all__ = ["SHOWN", "unread_columns"]

SHOWN = 10
"""At most this many unread columns are named; the rest are counted."""

_FIELDS = frozenset(f.name for f in attrs.fields(Incident))
_OWN = frozenset({"file", "row", "rejected", "rejected_field"})
"""The columns the reader adds to every row (svduty's own, not the file's)."""


def unread_columns(names: Sequence[str]) -> str | None:
    """What a table's columns that are no incident field are, as a note says it; or ``None``.

    Example:
        >>> print(unread_columns(["id", "weapn", "Jane Citizen", "file", "row"]))
        2 columns not read (not incident fields): weapn (did you mean weapon?), an unknown field (a name of 12 characters, not shown)
        >>> unread_columns(["id", "offence_code"]) is None
        True
        >>> print(unread_columns(list("abcdefghijkl")))
        12 columns not read (not incident fields): a, b, c, d, e, f, g, h, i, j, and 2 more
    """  # noqa: E501
    from svduty.definitions._unknown_keys import key_shown, meant

    unread = [n for n in names if n not in _FIELDS and n not in _OWN]
    if not unread:
        return None
    said = [key_shown(n) + meant(n, sorted(_FIELDS)) for n in unread[:SHOWN]]
    if len(unread) > SHOWN:
        said.append(f"and {len(unread) - SHOWN:,} more")
    many = "s" * (len(unread) != 1)
    return f"{len(unread):,} column{many} not read (not incident fields): {', '.join(said)}"
