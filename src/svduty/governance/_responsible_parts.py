"""Parts of ``GOV-CSP-RESPONSIBLE``: the finding's form, and the fire authorities s.5(5) may miss.

The Crime and Disorder Act 1998 s.5(1)(d) makes "every fire and rescue authority any part
of whose area so lies" a responsible authority, and s.5(5) says what that is: "a fire and
rescue authority constituted by a scheme under section 2 of the Fire and Rescue Services
Act 2004 or a scheme to which section 4 of that Act applies; a fire and rescue authority
created by an order under section 4A of that Act; a metropolitan county fire and civil
defence authority; or the London Fire Commissioner" (the revised text). The three Welsh fire
and rescue authorities are within it: each is constituted by a 1995 combination scheme under
the Fire Services Act 1947 (the South Wales one, SI 1995/3230, made under its section 6;
the North Wales and Mid and West Wales ones seen by name only), schemes to which FRSA 2004
s.4 applies ("(3) The combined authority constituted by a scheme to which this section
applies is the fire and rescue authority for the area for which it is constituted").

A combined authority to which an order under Part 6 of the Local Democracy, Economic
Development and Construction Act 2009 transferred a fire and rescue authority's functions
(FRSA 2004 s.1(5)(a)) is none of the four by their words: the Greater Manchester Combined
Authority from 8 May 2017 (SI 2017/469 art 3, the functions of the metropolitan county
authority it replaced) and the York and North Yorkshire Combined Authority from 7 May 2024
(SI 2023/1432 art 41: "(1) The functions of the FRA that are exercisable in relation to the
Area are to be functions of the Combined Authority. (2) The Combined Authority is the fire
and rescue authority for the Area for the purposes of the 2004 Act."). Whether the transfer
of functions carries the former authority's place among the responsible authorities was not
settled (the orders were not read in full, nor whether they modify s.5): so
:func:`transferred_by` names the order, and the finding about such a body is ``not known``,
a warning with the doubt stated, not an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pendulum

from svduty.authorities import AuthorityCategory
from svduty.findings import Finding, Severity

if TYPE_CHECKING:
    from svduty.authorities import Authority
    from svduty.sources import Citation

__all__: list[str] = []

_TRANSFERRED: dict[str, tuple[pendulum.Date, str]] = {
    "E31000040": (
        pendulum.Date(2017, 5, 8),
        "SI 2017/469 art 3 (the Greater Manchester Combined Authority)",
    ),
    "E31000027": (
        pendulum.Date(2024, 5, 7),
        "SI 2023/1432 art 41 (the York and North Yorkshire Combined Authority)",
    ),
}
"""The fire and rescue areas (ONS codes) whose fire and rescue authority became a combined
authority by an order under LDEDCA 2009 Part 6: the day and the order."""


def transferred_by(authority: Authority) -> str | None:
    """The order that made a recorded fire and rescue authority a combined authority, if any.

    A record of the fire and rescue authority for one of those areas whose period begins on
    or after the day the combined authority took over (an earlier record is of the body it
    replaced, within s.5(5)).

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> gm = Authority("gm", "GMCA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                ("E31000040",), c, valid=Period("2023-01-31"))
        >>> transferred_by(gm)
        'SI 2017/469 art 3 (the Greater Manchester Combined Authority)'
        >>> pfcc = Authority("ny", "PFCC", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                  ("E31000027",), c, valid=Period("2023-01-31", "2024-05-07"))
        >>> transferred_by(pfcc) is None
        True
    """
    if authority.category is not AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY:
        return None
    for area in authority.areas:
        if area in _TRANSFERRED and authority.valid.start >= _TRANSFERRED[area][0]:
            return _TRANSFERRED[area][1]
    return None


def fire_doubt(order: str) -> str:
    """The doubt a finding about a combined authority as fire and rescue authority states.

    Example:
        >>> fire_doubt("SI 2017/469 art 3")[:40]
        'a combined authority that is the fire an'
    """
    return (
        "a combined authority that is the fire and rescue authority by an order under Part 6 "
        f"of the Local Democracy, Economic Development and Construction Act 2009 ({order}) is "
        "none of those s.5(5) names ('a fire and rescue authority constituted by a scheme "
        "under section 2 of the Fire and Rescue Services Act 2004 or a scheme to which "
        "section 4 of that Act applies; a fire and rescue authority created by an order under "
        "section 4A of that Act; a metropolitan county fire and civil defence authority; or "
        "the London Fire Commissioner'); whether the order's transfer of the former "
        "authority's functions makes it a responsible authority under s.5(1)(d) is not "
        "settled here (the order not read in full)"
    )


def found(
    severity: Severity,
    message: str,
    cites: Sequence[Citation],
    subjects: tuple[str, str],
    *,
    provision: str,
    areas: Sequence[str],
) -> Finding:
    """A ``GOV-CSP-RESPONSIBLE`` finding: the board and authority, then the areas.

    Example:
        >>> from svduty.sources import cite
        >>> f = found(Severity.WARNING, "m", [cite("cda-1998", "s.5(1)")], ("b", "a"),
        ...           provision="s.5(1)(d)", areas=["E07000218"])
        >>> f.subjects, f.get("provision")
        (('b', 'a', 'E07000218'), 's.5(1)(d)')
    """
    return Finding(
        "GOV-CSP-RESPONSIBLE",
        severity,
        message,
        tuple(dict.fromkeys(cites)),
        (*subjects, *areas),
        data=(("provision", provision), ("areas", ", ".join(areas))),
    )


def need_not_seat(group: str) -> str:
    """The clause saying the strategy group need not seat each authority: s.5(1) decides.

    Example:
        >>> need_not_seat("")
        ''
    """
    if not group:
        return ""
    return (
        f"; the area's strategy group need consist only of {group}: it is s.5(1), not the "
        "group's make-up, that makes each one"
    )
