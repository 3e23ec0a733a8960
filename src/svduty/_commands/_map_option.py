"""``--map COLUMN=FIELD``: the incident field each column of a CSV or Parquet table holds.

Shared by ``svduty classify`` and ``svduty explain``; imports nothing heavy (the incident
fields are read when a value is parsed).

Example:
    >>> _mapping(["Age=victim_age"])
    {'Age': 'victim_age'}
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

__all__ = ["MapOption"]


def _column_field(text: str) -> str:
    """A ``--map`` value: a column, ``=`` and a field (else a usage error, exit status 2).

    The last ``=`` ends the column (no field has one): ``a=b=id`` maps the column ``a=b``.

    Example:
        >>> _column_field("Age=victim_age")
        'Age=victim_age'
        >>> _column_field("victim_age")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected COLUMN=FIELD: a column of the file, '=' and an incident field
    """  # noqa: E501
    column, sep, field = text.rpartition("=")
    if not (sep and column and field):
        raise argparse.ArgumentTypeError(
            "expected COLUMN=FIELD: a column of the file, '=' and an incident field"
        )
    return text


class MapOption(argparse.Action):
    """``--map COLUMN=FIELD``, repeatable: a usage error (exit status 2) if the maps disagree.

    Each value is a column, ``=`` and an incident field (:func:`_column_field`); a field
    svduty does not know, a field given two columns or a column given two fields is the
    command line's fault, whatever the file holds, and no value is shown. A column that
    is not in the file is the file's (exit status 1, when it is read).

    Example:
        >>> p = argparse.ArgumentParser(prog="svduty classify", exit_on_error=False)
        >>> _ = p.add_argument("--map", action=MapOption, default=[], type=_column_field)
        >>> p.parse_args(["--map", "Age=victim_age", "--map", "Ref=id"]).map
        ['Age=victim_age', 'Ref=id']
        >>> p.parse_args(["--map", "Age=victim_age", "--map", "Years=victim_age"])
        Traceback (most recent call last):
        ...
        argparse.ArgumentError: argument --map: expected one column for each incident field (a field named twice)
    """  # noqa: E501

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Add one ``COLUMN=FIELD``, checked against the field names and the maps before it."""
        from svduty.io._incident_fields import _KIND  # the incident fields

        column, _, field = str(values).rpartition("=")
        if field not in _KIND:
            raise argparse.ArgumentError(
                self,
                "expected COLUMN=FIELD with FIELD an incident field (" + ", ".join(_KIND) + ")",
            )
        before = list(getattr(namespace, self.dest, None) or [])
        pairs = [item.rpartition("=")[::2] for item in before]
        if any(f == field for _, f in pairs):
            raise argparse.ArgumentError(
                self, "expected one column for each incident field (a field named twice)"
            )
        if any(c == column for c, _ in pairs):
            raise argparse.ArgumentError(
                self, "expected one incident field for each column (a column named twice)"
            )
        setattr(namespace, self.dest, [*before, str(values)])


def _mapping(items: Sequence[str]) -> dict[str, str]:
    """The ``--map`` values as ``{column: field}`` (checked by :class:`MapOption`).

    Example:
        >>> _mapping(["Age=victim_age", "Ref=No=id"])
        {'Age': 'victim_age', 'Ref=No': 'id'}
    """
    return {column: field for column, _, field in (item.rpartition("=") for item in items)}
