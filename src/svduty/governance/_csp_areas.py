"""A local government area a what-if makes of districts, left split between partnerships.

The Crime and Disorder Act 1998 s.5(1) makes the functions of s.6 "exercisable in relation
to each local government area by the responsible authorities": one community safety
partnership acts for the whole of an area (a combination agreement, s.5(1A)-(1BA), joins
areas; nothing divides one). ``GOV-CSP-COVERAGE`` reads a partnership that goes on naming
the districts a new area replaces as covering them, so a what-if that merges districts
and keeps their partnerships apart found each district covered by one: no finding. Here
it is an error.

Example:
    >>> import svduty
    >>> from svduty.governance import CreateArea, Scenario
    >>> p = svduty.warwickshire()
    >>> new = CreateArea("rugby-and-nuneaton", "R and N", ("E07000219", "E07000220"))
    >>> (f,) = split_areas(p.governance, {"E07000219": new.code, "E07000220": new.code})
    >>> f.rule, f.subjects[1:]
    ('GOV-CSP-COVERAGE', ('nuneaton-and-bedworth-csp-board', 'rugby-csp-board'))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pendulum

from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._model import BodyKind
from svduty.governance._rules import GOVERNANCE_RULES

__all__ = ["district_named", "split_areas"]


def district_named(code: str) -> str:
    """A district as a finding names it: its ONS name and code, or the code alone.

    The national table's name is public (``validate``'s funding check names a district
    the same way); a code it does not hold (an area a what-if creates) is named as an id,
    not shown when it could be personal data.

    Example:
        >>> district_named("E07000220"), district_named("rugby-and-nuneaton")
        ('Rugby (E07000220)', 'rugby-and-nuneaton')
    """
    from svduty.areas import Geography  # the national table: only for a finding

    national = Geography.england_and_wales()
    return f"{national.get(code).name} ({code})" if code in national else named(code, "an id")


def split_areas(
    graph: Any,
    replaced: Mapping[str, str],
    day: pendulum.Date | None = None,
    *,
    strict: bool = False,
) -> tuple[Finding, ...]:
    """An error for each new area whose districts different partnerships cover in part.

    Args:
        graph: The governance graph after the changes.
        replaced: Each district a ``create_area`` replaces, and the new area's code.
        day: The scenario's effective day: a partnership whose record does not hold
            then is not counted (as ``GOV-CSP-COVERAGE`` reads the records of the day;
            a split only a lapsed record gives is a ``not known: ...`` warning, never
            a breach).
        strict: Report ``not known`` as an error, as the other checks do.

    Returns:
        A ``GOV-CSP-COVERAGE`` error for each new area covered by two or more community
        safety partnerships, not all of them for the whole area (two for the whole area
        are already "district ... covered by 2"), naming the part each covers.

    Example:
        >>> import svduty
        >>> split_areas(svduty.warwickshire().governance, {})
        ()
    """
    olds: dict[str, list[str]] = {}
    for old, new in replaced.items():
        olds.setdefault(new, []).append(old)
    every = [b for b in graph.bodies if b.kind is BodyKind.COMMUNITY_SAFETY_PARTNERSHIP]
    held = [b for b in every if day is None or b.valid is None or day in b.valid]
    out = _splits(olds, held, Severity.ERROR, "")
    seen = {f.subjects[0] for f in out}
    if len(held) < len(every):  # a split only a record lapsed by the day gives: not known
        note = f" (a partnership's record does not hold on {day}; a renewal may not be recorded)"
        severity = Severity.ERROR if strict else Severity.WARNING
        out += [f for f in _splits(olds, every, severity, note) if f.subjects[0] not in seen]
    return tuple(out)


def _splits(
    olds: Mapping[str, list[str]], csps: list[Any], severity: Severity, note: str
) -> list[Finding]:
    rule = GOVERNANCE_RULES["GOV-CSP-COVERAGE"]
    out: list[Finding] = []
    for new, districts in sorted(olds.items()):
        parts = {
            b.id: list(districts) if new in b.districts else [d for d in districts if b.covers(d)]
            for b in csps
        }
        parts = {b: p for b, p in sorted(parts.items()) if p}
        if len(parts) < 2 or all(len(p) == len(districts) for p in parts.values()):
            continue
        each = "; ".join(f"{named(b, 'an id')} ({', '.join(p)})" for b, p in parts.items())
        out.append(
            Finding(
                rule.id,
                severity,
                ("not known: " if note else "")
                + f"{named(new, 'an id')}, the local government area the changes make of "
                f"{', '.join(map(district_named, districts))}, is split between {len(parts)} "
                f"community safety partnerships: {each}; the responsible authorities act for "
                "the whole of each local government area (merge them, or give one the whole "
                f"area with change_districts){note}",
                (rule.citation,),
                (new, *parts),
                data=(("partnerships", ", ".join(parts)),),
            )
        )
    return out
