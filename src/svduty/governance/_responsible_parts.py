"""Parts of ``GOV-CSP-RESPONSIBLE``: the finding's form, and the fire authorities s.5(5) names.

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

A combined authority made the fire and rescue authority by an order under Part 6 of the
Local Democracy, Economic Development and Construction Act 2009 is none of the four by their
words, but each such order modifies s.5(5) for it, in the same form: the Greater Manchester
Combined Authority from 8 May 2017 (SI 2017/469 art 3; art 14 and Sch 2 para 4(2): "In the
definition of "fire and rescue authority" in section 5(5) (authorities responsible for
strategies), the reference in paragraph (b) to a "metropolitan county fire and rescue
authority" is to apply as if it included a reference to "the GMCA as a fire and rescue
authority"") and the York and North Yorkshire Combined Authority from 7 May 2024, or from
20 December 2023 by the order's commencement article read literally (SI 2023/1432 art 1(2),
(3), art 41(1), (2); art 46(2) and Sch 7 para 4(2), the same words with "the Combined
Authority as a fire and rescue authority"; the doubt: ``svduty.io._north_yorkshire_fire``).
Each is a responsible authority under s.5(1)(d): :func:`modified_by` gives the modification
a finding about it cites (law45 had made these "not known"; recheck45b read the orders).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pendulum

from svduty.authorities import AuthorityCategory
from svduty.findings import Finding, Severity
from svduty.sources import cite

if TYPE_CHECKING:
    from svduty.authorities import Authority
    from svduty.sources import Citation

__all__: list[str] = []

_MODIFIED: dict[str, tuple[pendulum.Date, str, str, str]] = {
    "E31000040": (pendulum.Date(2017, 5, 8), "si-2017-469", "Sch 2 para 4(2)", "SI 2017/469"),
    # 20 December 2023: Sch 7 (art 46(2)) in force then (art 1(2)); whether the combined
    # authority was the fire and rescue authority before 7 May 2024 is in doubt (area49)
    "E31000027": (pendulum.Date(2023, 12, 20), "si-2023-1432", "Sch 7 para 4(2)", "SI 2023/1432"),
}
"""The fire and rescue areas (ONS codes) whose fire and rescue authority became a combined
authority by an order under LDEDCA 2009 Part 6: the day it took over, the order (a source
in the catalogue), its provision modifying CDA 1998 s.5(5), and the order as a finding
names it. For North Yorkshire, the first day the combined authority may have been it."""


def modified_by(authority: Authority) -> tuple[Citation, str] | None:
    """The modification of s.5(5) that names a recorded fire and rescue authority, if any.

    A record of the fire and rescue authority for one of those areas whose period begins on
    or after the day the combined authority took over (an earlier record is of the body it
    replaced, within s.5(5) by its words): the order's provision, cited, and how a finding
    names it.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> gm = Authority("gm", "GMCA", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                ("E31000040",), c, valid=Period("2023-01-31"))
        >>> order, named = modified_by(gm)
        >>> order.source.id, order.provision, named
        ('si-2017-469', 'Sch 2 para 4(2)', 'SI 2017/469 Sch 2 para 4(2)')
        >>> pfcc = Authority("ny", "PFCC", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...                  ("E31000027",), c, valid=Period("2023-01-31", "2024-05-07"))
        >>> modified_by(pfcc) is None
        True
    """
    if authority.category is not AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY:
        return None
    for area in authority.areas:
        if area in _MODIFIED and authority.valid.start >= _MODIFIED[area][0]:
            _, source, provision, order = _MODIFIED[area]
            return cite(source, provision), f"{order} {provision}"
    return None


def as_modified(order: str | None) -> str:
    """The clause a finding adds where s.5(5) names the body only as an order modifies it.

    Example:
        >>> as_modified("SI 2017/469 Sch 2 para 4(2)")[:52]
        ', s.5(5) as modified by SI 2017/469 Sch 2 para 4(2) '
        >>> as_modified(None)
        ''
    """
    if order is None:
        return ""
    return (
        f", s.5(5) as modified by {order} (its reference to a 'metropolitan county fire and "
        "rescue authority' 'is to apply as if it included' the combined authority as fire "
        "and rescue authority)"
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
