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

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from svduty.authorities._authority import Absence, Authority, DistrictsWithin
from svduty.errors import named

if TYPE_CHECKING:
    from svduty.authorities._model import Authorities
    from svduty.findings import Finding

__all__ = ["ABSENCE_RULE", "absence_findings", "against", "contradicting"]

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


def against(
    authorities: Authorities,
    absence: Absence,
    *,
    on: _dt.date | str | None = None,
    districts_within: DistrictsWithin | None = None,
) -> tuple[tuple[Authority, ...], tuple[str, ...]]:
    """What contradicts an absence anywhere it speaks: (authorities, ids it lists in vain).

    The authorities of its category named for any area it covers that it does not list
    (a county's absence is wrong for every district if it is wrong for one), and the ids
    it lists that are no authority of its category in the bundle (a record to find: the
    list it closes is not known until it is there).
    """
    found: dict[str, Authority] = {}
    for d in sorted(authorities.covered_by(absence, districts_within=districts_within)):
        for a in contradicting(
            absence, authorities.relevant_for(d, on=on, districts_within=districts_within)
        ):
            found.setdefault(a.id, a)
    ours = {a.id for a in authorities.items if a.category is absence.category}
    return tuple(found.values()), tuple(b for b in absence.beside if b not in ours)


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
    areas = set(districts)
    for i, x in enumerate(authorities.absences):
        if not authorities.covered_by(x) & areas:
            continue
        named_against, unknown = against(authorities, x)
        if not named_against and not unknown:
            continue
        words = x.category.value.replace("_", " ")
        listed = (
            ", ".join(named(b, "an id") for b in x.beside)
            if len(x.beside) <= 5
            else f"the {len(x.beside)} authorities it lists"
        )
        says = f"no {words} other than {listed}" if x.beside else f"no {words}"
        parts = []
        if named_against:
            ids = ", ".join(named(a.id, "an id") for a in named_against)
            parts.append(f"the bundle names {ids} for them, which it does not list")
        if unknown:
            ids = ", ".join(named(b, "an id") for b in unknown)
            parts.append(f"it lists {ids}, which the bundle does not name as {x.category.a}")
        out.append(
            Finding(
                ABSENCE_RULE,
                Severity.ERROR,
                f"absences[{i}] says {says} is for its areas, but "
                + "; and ".join(parts)
                + ": list in beside the authorities named, or correct the record that is wrong",
                (x.citation, cite("pcsc-act-2022", "s.8(4)")),
                subjects=(*(a.id for a in named_against), *unknown),
                where=f"authorities.toml: absences[{i}].beside",
            )
        )
    return tuple(out)
