"""Areas outside the Act's extent: Scotland, Northern Ireland, the Channel Islands, Man.

PCSC Act 2022 s.207(1): "This Act extends to England and Wales only, subject to the
following provisions of this section", and none of them reaches Part 2 Chapter 1. s.11(4)
defines a "local government area" in relation to England and to Wales alone. An area of
Scotland (``S``), Northern Ireland (``N``), the Channel Islands (``L``) or the Isle of Man
(``M``) is a real place about which the Chapter has an answer: it is no local government
area, so no strategy is prepared for it (s.8, s.9), nobody is consulted on one (s.8(4),
s.9(4)) and no local policing body has s.14 functions for it. Every rule that takes an
area answers ``no`` for it with :func:`outside_extent_reason`, citing both provisions
(law57). A code of England or Wales that is no local government area (a county, a police
force area) is another matter: those rules refuse it as a caller's mistake (ask of its
districts), and a code of several countries (``K``) is refused alike.

Example:
    >>> outside_extent("S12000049"), outside_extent("E07000222"), outside_extent("K04000001")
    (True, False, False)
    >>> outside_extent_reason("N09000003").citation.provision
    's.11(4), s.207(1)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from svduty.answers import Reason
from svduty.sources import cite

__all__ = ["first_outside_extent", "outside_extent", "outside_extent_reason"]

_OUTSIDE = re.compile(r"[SNLM][0-9]{8}", re.ASCII)
_ACT = "pcsc-act-2022"


def outside_extent(code: str) -> bool:
    """Whether ``code`` is the GSS code of an area outside England and Wales (s.207(1)).

    Example:
        >>> [outside_extent(c) for c in ("N09000001", "L00000001", "W06000015", "north")]
        [True, True, False, False]
    """
    return _OUTSIDE.fullmatch(code) is not None


def first_outside_extent(codes: Iterable[str]) -> str | None:
    """The first of ``codes`` outside England and Wales, if any.

    Example:
        >>> first_outside_extent(["E07000901", "S12000026"]), first_outside_extent([])
        ('S12000026', None)
    """
    return next((c for c in codes if outside_extent(c)), None)


def outside_extent_reason(code: str, rule: str = "s.11(4)") -> Reason:
    """Why an area outside England and Wales is no local government area (s.11(4), s.207(1)).

    Example:
        >>> r = outside_extent_reason("M83000003")
        >>> r.rule, r.says[:60]
        ('s.11(4)', 'M83000003 is an area of the Channel Islands or the Isle of M')
    """
    where = (
        "Scotland or Northern Ireland"
        if code[:1] in "SN"
        else "the Channel Islands or the Isle of Man"
    )
    says = (
        f"{code} is an area of {where}: the Chapter extends to England and Wales only "
        "(s.207(1)), whose local government areas s.11(4) lists"
    )
    return Reason(rule, says, cite(_ACT, "s.11(4), s.207(1)"))
