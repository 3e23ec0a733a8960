"""Checks of ``strategies.toml`` across items: a list's item given twice, editions that tie.

A strategy's ``areas`` (or ``under``) listing one item twice, and two editions under s.8
for a common area whose periods start on one day, are refused naming the field: the
first made a strategy under s.8 alone "for several areas" no more than for one, and the
second left which edition revises which (s.8(11)) to the order of the file (hostile43b).

Example:
    >>> [str(p) for p in given_twice(("E07000218", "E07000218"), "areas")]
    ['areas[1]: given twice: first at areas[0]']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from svduty.errors import Problem

__all__ = ["given_twice", "same_start"]


def given_twice(values: Sequence[str], field: str) -> list[Problem]:
    """A problem for each item of a list given again (``areas[1]``), naming the first.

    Example:
        >>> given_twice(("s.8", "s.9"), "under")
        []
    """
    first: dict[str, int] = {}
    out: list[Problem] = []
    for n, value in enumerate(values):
        if value in first:
            said = f"given twice: first at {field}[{first[value]}]"
            out.append(Problem(field=f"{field}[{n}]", message=said))
        else:
            first[value] = n
    return out


def same_start(
    editions: Iterable[tuple[Sequence[str], Sequence[str], _dt.date]],
) -> list[Problem]:
    """A problem for each edition under s.8 starting the day an earlier one does, for an area.

    Each edition is given as its ``areas``, ``under`` and period's start.

    :func:`~svduty.funding.strategy_meets_s8` asks about the newest edition in force known
    adopted by the day, newest by its period's start; two starting together made the one
    listed first the "revised strategy" (s.8(11)) of the other.

    Example:
        >>> day = _dt.date(2024, 4, 1)
        >>> print(same_start([(["E07000218"], ["s.8"], day), (["E07000218"], ["s.8"], day)])[0])
        editions[1].period.start: expected a day other than the start of editions[0], a strategy under s.8 for an area of this one: which revises which is not known (s.8(11))
    """  # noqa: E501
    out: list[Problem] = []
    seen: dict[tuple[str, _dt.date], int] = {}
    for n, (areas, under, start) in enumerate(editions):
        if "s.8" not in under:
            continue
        keys = [(a, start) for a in areas]
        clash = next((seen[k] for k in keys if k in seen), None)
        if clash is not None:
            out.append(
                Problem(
                    field=f"editions[{n}].period.start",
                    expected=f"a day other than the start of editions[{clash}], a strategy "
                    "under s.8 for an area of this one: which revises which is not known "
                    "(s.8(11))",
                )
            )
        for k in keys:
            seen.setdefault(k, n)
    return out
