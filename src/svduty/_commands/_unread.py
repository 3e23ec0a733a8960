"""The columns of an incident table that are no incident field: one note, for each command.

``svduty explain`` and ``svduty classify`` read an incident table (CSV or Parquet) by the
same reader; a column that is no incident field is not read as a fact (``classify``
passes it through to its output, under its own name). Both say so, in the same words, once
a file, lest a misspelt column (``victim_agee``) leave a fact silently unread: before
mend46 only ``explain`` did. The note names each such column once, as its header writes
it, whatever its case (``Notes``, ``Officer Name``), with the field it may mean; never a
cell's value; the first twenty, the others counted (``and 980 more``: hostile58). A
header is the file's names for its columns, not a row's data: the reader
refuses a table whose header names no incident field (and no ``--map`` column), so a
file whose first line is data never reaches the note, and the names are the output's own
column names; only a name that looks like a value (:data:`VALUE_SIGN`: a day, five
digits or more, an @) is described by its length. Before mend52 a name was shown only
when it was one lowercase word (``notes``, but not ``Notes``), and at most ten were named.

Example:
    >>> print(unread_columns(["id", "weapn", "Notes", "file"]))
    2 columns not read (not incident fields): weapn (did you mean weapon?), Notes
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from svduty.definitions import Incident

__all__ = ["unread_columns"]

_FIELDS = frozenset(f.name for f in attrs.fields(Incident))
_OWN = frozenset({"file", "row", "rejected", "rejected_field"})
"""The columns the reader adds to every row (svduty's own, not the file's)."""

_PLAIN = re.compile(r"[^\s,'\"](?:[^,'\"]*[^\s,'\"])?")
"""A name written as it is in a list: no comma or quote, no space at either end."""

VALUE_SIGN = re.compile(
    r"@|[0-9]{5}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}"
)
"""What a column's name has only if it holds a value: an @ (an e-mail address), five
digits or more (a telephone or a reference number), a day (``1990-01-02``, ``2/1/90``).
Such a header is a row of data, or data glued to a name: described, never shown."""

_LIKE_A_VALUE = "it looks like a value (a day, 5 digits or more, or an @)"

_NAMED = 20
"""The columns a note names, the first in the header's order; the others counted (hostile58:
a header of 100,000 columns was one note of 100,000 names, each compared with every field)."""

_LONGEST = 60
"""A longer name is shown by its start and its length (a header, not a paragraph)."""


def _named(name: str) -> str:
    r"""A column's name as the note writes it: as the header does, quoted if a list would blur it.

    Control characters are escaped (:func:`~svduty.errors.printable`), so a name can
    neither drive a terminal nor fake a line.

    Example:
        >>> _named("Officer Name"), _named(" padded "), _named("a,b"), _named("")
        ('Officer Name', "' padded '", "'a,b'", "'' (a column with no name)")
        >>> _named("Jane Smith 1990-01-02")
        'a name of 21 characters, not shown: it looks like a value (a day, 5 digits or more, or an @)'
        >>> _named("x\x1b[31m"), _named("N" * 70)
        ("'x\\x1b[31m'", "'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN'... (a name of 70 characters)")
    """  # noqa: E501
    from svduty.errors import printable

    if not name:
        return "'' (a column with no name)"
    if VALUE_SIGN.search(name):
        return f"a name of {len(name):,} characters, not shown: {_LIKE_A_VALUE}"
    if len(name) > _LONGEST:
        return f"{printable(repr(name[:_LONGEST]))}... (a name of {len(name):,} characters)"
    plain = _PLAIN.fullmatch(name) and name.isprintable()
    return printable(name if plain else repr(name))


def unread_columns(names: Sequence[str]) -> str | None:
    """What a table's columns that are no incident field are, as a note says it; or ``None``.

    Every such column is counted; the first :data:`_NAMED` are named once, in the header's
    order, with the field it likely means (:func:`~svduty.definitions._unknown_keys.meant`).

    Example:
        >>> print(unread_columns(["id", "weapn", "Jane Citizen", "file", "row"]))
        2 columns not read (not incident fields): weapn (did you mean weapon?), Jane Citizen
        >>> unread_columns(["id", "offence_code"]) is None
        True
        >>> print(unread_columns(list("abcdefghijkl")))
        12 columns not read (not incident fields): a, b, c, d, e, f, g, h, i, j, k, l
        >>> print(unread_columns([f"x{i}" for i in range(1000)]))  # doctest: +ELLIPSIS
        1,000 columns not read (not incident fields): x0, x1, ..., x18, x19 and 980 more
    """
    from svduty.definitions._unknown_keys import meant

    unread = list(dict.fromkeys(n for n in names if n not in _FIELDS and n not in _OWN))
    if not unread:
        return None
    said = [_named(n) + meant(n, sorted(_FIELDS)) for n in unread[:_NAMED]]
    if len(unread) > _NAMED:
        said[-1] += f" and {len(unread) - _NAMED:,} more"
    many = "s" * (len(unread) != 1)
    return f"{len(unread):,} column{many} not read (not incident fields): {', '.join(said)}"
