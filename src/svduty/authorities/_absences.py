"""Absences of a category: which close an area's list of its authorities, which contradict it.

An :class:`~svduty.authorities.Absence` lists (``beside``) the authorities of its
category the bundle names for its areas and says there is no other; with none listed,
there is none. An authority of the category named for one of its areas, whose record
holds on some day the absence's does, and that it does not list, contradicts it: one of
the two records is wrong. The consultation rules (s.8(4), s.9(4)) read a list as whole
only beside an absence it does not contradict, and name the conflict among the missing
facts; ``svduty validate`` reports it (``BUNDLE-ABSENCE``, :func:`absence_findings`).

Example:
    >>> from svduty.authorities import Absence, Authority, AuthorityCategory
    >>> from svduty.sources import cite
    >>> c, cat = cite("pcsc-act-2022", "Sch 2"), AuthorityCategory.EDUCATIONAL_AUTHORITY
    >>> s1 = Authority("s1", "S1", cat, ("E07000901",), c)
    >>> none = Absence(cat, ("E07000901",), c)
    >>> [a.id for a in contradicting(none, [s1])], contradicting(
    ...     Absence(cat, ("E07000901",), c, beside=["s1"]), [s1])
    (['s1'], ())
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from svduty.authorities._authority import Absence, Authority
from svduty.errors import named

if TYPE_CHECKING:
    from svduty.authorities._model import Authorities
    from svduty.findings import Finding

__all__ = ["ABSENCE_RULE", "absence_findings", "contradicting"]

ABSENCE_RULE = "BUNDLE-ABSENCE"
"""The rule id of :func:`absence_findings`."""


def contradicting(absence: Absence, recorded: Iterable[Authority]) -> tuple[Authority, ...]:
    """The authorities among ``recorded`` (for its areas) that contradict ``absence``.

    Those of its category, whose records hold on a day its record holds, that it does
    not list in ``beside``.
    """
    return tuple(
        a
        for a in recorded
        if a.category is absence.category
        and a.id not in absence.beside
        and a.valid.overlaps(absence.valid)
    )


def absence_findings(authorities: Authorities, districts: Iterable[str]) -> tuple[Finding, ...]:
    """One error for each absence an authority named for one of ``districts`` contradicts.

    ``where`` numbers the absence in the order given (``authorities.toml``'s order).

    Example:
        >>> import svduty
        >>> p = svduty.warwickshire()
        >>> absence_findings(p.authorities, p.local_area.districts)
        ()
    """
    from svduty.findings import Finding, Severity  # not at start-up: only a check needs it
    from svduty.sources import cite

    out: list[Finding] = []
    areas = list(districts)
    for i, x in enumerate(authorities.absences):
        against: dict[str, list[str]] = {}
        for d in areas:
            if x in authorities.absences_for(d, x.category):
                for a in contradicting(x, authorities.relevant_for(d)):
                    against.setdefault(a.id, []).append(d)
        if not against:
            continue
        words = x.category.value.replace("_", " ")
        listed = ", ".join(named(b, "an id") for b in x.beside)
        says = f"no {words} other than {listed}" if x.beside else f"no {words}"
        names = "; ".join(f"{named(k, 'an id')} for {', '.join(v)}" for k, v in against.items())
        out.append(
            Finding(
                ABSENCE_RULE,
                Severity.ERROR,
                f"absences[{i}] says {says} is for its areas, but the bundle names {names}: "
                "list it in beside if the list is whole, or correct the record that is wrong",
                (x.citation, cite("pcsc-act-2022", "s.8(4)")),
                subjects=tuple(against),
                where=f"authorities.toml: absences[{i}].beside",
            )
        )
    return tuple(out)
