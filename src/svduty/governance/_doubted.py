"""Governance findings about an authority whose record is in doubt on the day checked.

A finding names the authorities it is about (``subjects``). On a day the law leaves a
record in doubt (:class:`~svduty.authorities.InDoubt`: North Yorkshire's fire and rescue
authority from 20 December 2023 to 6 May 2024, SI 2023/1432 read two ways) whether the
body held its role is undetermined, so whether the governance breaks the rule for it is
too: the finding says so, cites the provisions read two ways, and is a warning, not an
error (``strict`` keeps every finding an error).

Example:
    >>> import svduty
    >>> from svduty.findings import Findings
    >>> p = svduty.warwickshire()
    >>> with_doubts(Findings(()), p.authorities, None, strict=False)
    Findings(findings=(), skipped=(), checked=())
"""

from __future__ import annotations

import datetime as _dt

import attrs

from svduty.authorities import Authorities, in_doubt_on
from svduty.authorities._in_doubt import doubt_words
from svduty.findings import Findings, Severity

__all__ = ["with_doubts"]


def with_doubts(
    found: Findings, authorities: Authorities, on: _dt.date | None, *, strict: bool
) -> Findings:
    """``found`` with each finding about a record in doubt on ``on`` saying so (see above).

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory, InDoubt
        >>> from svduty.findings import Finding
        >>> from svduty.periods import Period, date
        >>> from svduty.sources import cite
        >>> d = InDoubt(Period("2023-12-20", "2024-05-07"), cite("si-2023-1432", "art 41"))
        >>> a = Authority("f", "F", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, ("E06000014",),
        ...               cite("pcsc-act-2022", "Sch 1"), in_doubt=d)
        >>> f = Finding("GOV-SPECIFIED", Severity.ERROR, "f is a member of none", (), ("f",))
        >>> out = with_doubts(Findings((f,)), Authorities((a,)), date("2024-01-01"), strict=False)
        >>> out.findings[0].severity.value, out.findings[0].message
        ('warning', 'f is a member of none; whether F held its role on 2024-01-01 is undetermined: its record is in doubt 2023-12-20 to 2024-05-06 (si-2023-1432 art 41)')
    """  # noqa: E501
    if on is None:
        return found
    records = {a.id: a for a in authorities.items}
    out = []
    for f in found.findings:
        doubts = [
            (records[s], d)
            for s in f.subjects
            if s in records and (d := in_doubt_on(records[s], on)) is not None
        ]
        if not doubts:
            out.append(f)
            continue
        said = "; ".join(
            f"whether {a.name} held its role on {on.isoformat()} is undetermined: its record "
            f"is {doubt_words(d)}"
            for a, d in doubts
        )
        severity = f.severity if strict or f.severity is not Severity.ERROR else Severity.WARNING
        cited = tuple(d.citation for _, d in doubts if d.citation not in f.citations)
        citations = f.citations + tuple(dict.fromkeys(cited))
        out.append(
            attrs.evolve(f, severity=severity, message=f"{f.message}; {said}", citations=citations)
        )
    return attrs.evolve(found, findings=tuple(out))
