"""A bundle's record that settles a doubt the law leaves open: said, not silent.

Where the law read two ways does not settle which body held a role on some days, ``svduty
init`` writes the records of both bodies over those days, each in doubt
(:class:`~svduty.authorities.InDoubt`), and answers about those days are
``undetermined``. The one such doubt svduty knows is North Yorkshire's fire and rescue
authority from 20 December 2023 to 6 May 2024 (SI 2023/1432 art 1(2)-(3), art 41: see
:mod:`svduty.io._north_yorkshire_fire`). A partnership may take one reading: its choice
lives in its bundle, and its answers follow it. But a record of one of those bodies that
holds on days of the doubt without marking them in doubt settles the doubt silently: the
answer's reasons cite the Act, not the choice. ``svduty validate`` and ``svduty info`` now
say so (``BUNDLE-SETTLES-DOUBT``, a warning): the record, the days it settles, the
national doubt's citation and the record's own.

Example:
    >>> import svduty
    >>> settled_doubt_findings(svduty.warwickshire())
    []
"""

from __future__ import annotations

import functools

from svduty.authorities import AuthorityCategory, InDoubt
from svduty.authorities._authority import Authority
from svduty.findings import Finding, Severity
from svduty.io._north_yorkshire_fire import AREAS, DOUBT_FROM, PROVISION, TRANSFERRED, WORDS
from svduty.partnership import Partnership
from svduty.periods import Period
from svduty.sources import cite

__all__ = ["SETTLES_RULE", "national_doubts", "settled_doubt_findings"]

_OPEN = WORDS.rpartition(": ")[2]  # which body ... is not settled by the text

SETTLES_RULE = "BUNDLE-SETTLES-DOUBT"
"""The rule id of :func:`settled_doubt_findings`."""


@functools.cache
def national_doubts() -> tuple[tuple[AuthorityCategory, frozenset[str], InDoubt], ...]:
    """The doubts national law leaves: a category, the areas it holds for, the days, cited.

    Example:
        >>> ((category, areas, doubt),) = national_doubts()
        >>> category.value, sorted(areas)[0], str(doubt.valid), doubt.citation.source.id
        ('fire_and_rescue_authority', 'E06000014', '2023-12-20 to 2024-05-06', 'si-2023-1432')
    """
    fire = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
    doubt = InDoubt(Period(DOUBT_FROM, TRANSFERRED), cite("si-2023-1432", PROVISION, doubt=WORDS))
    return ((fire, frozenset(AREAS), doubt),)


def _marked(record: Authority, days: Period) -> bool:
    """Whether the record's own doubt covers every one of ``days``."""
    return record.in_doubt is not None and days.intersection(record.in_doubt.valid) == days


def settled_doubt_findings(partnership: Partnership) -> list[Finding]:
    """A warning for each record that holds, not in doubt, on days national law leaves so.

    Example:
        >>> import svduty
        >>> from svduty.sources import cite
        >>> a = Authority("cfa", "Combined Authority", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...               ("E31000027",), cite("pcsc-act-2022", "Sch 1"), Period("2023-12-20"))
        >>> class P:  # a partnership's authorities and geography are all it reads
        ...     authorities = [a]
        ...     geography = svduty.warwickshire().geography
        >>> (f,) = settled_doubt_findings(P())
        >>> f.rule, f.severity.value, f.where, [c.source.id for c in f.citations]
        ('BUNDLE-SETTLES-DOUBT', 'warning', 'authorities.toml: authorities[0]', ['si-2023-1432', 'pcsc-act-2022'])
        >>> print(f.message[:93])
        cfa (Combined Authority) is recorded as the fire and rescue authority for E31000027 from 2023
    """  # noqa: E501
    out = []
    for i, record in enumerate(partnership.authorities):
        for category, areas, doubt in national_doubts():
            if record.category is not category:
                continue
            within = {d for code in record.areas for d in _within(partnership, code)}
            gives = sorted(areas.intersection(record.areas) | (areas & within))
            days = record.valid.intersection(doubt.valid) if gives else None
            if days is None or _marked(record, days):
                continue
            role = category.value.replace("_", " ")
            out.append(
                Finding(
                    SETTLES_RULE,
                    Severity.WARNING,
                    f"{record.id} ({record.name}) is recorded as the {role}"
                    f" for {', '.join(record.areas)} from {days}, not in doubt: the bundle "
                    f"settles a doubt national law leaves (SI 2023/1432 {PROVISION}: {_OPEN}), "
                    f"by its own record (cited: {record.citation}). A partnership may take a "
                    "reading; say why in the record's citation, or mark the days in doubt "
                    "(in_doubt) as svduty init writes them",
                    (doubt.citation, record.citation),
                    subjects=(record.id, *gives),
                    where=f"authorities.toml: authorities[{i}]",
                    data=(("days", str(days)),),
                )
            )
    return out


def _within(partnership: Partnership, code: str) -> tuple[str, ...]:
    """The local government areas the bundle's geography places within ``code``."""
    try:
        return partnership.geography.district_codes_within(code)
    except LookupError:  # an area of no record: the completeness checks name it
        return ()
