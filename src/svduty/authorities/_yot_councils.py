"""Who can establish a youth offending team: the "local authorities" of the 1998 Act.

Schedule 1's row is "A youth offending team established under section 39 of the Crime and
Disorder Act 1998". Section 39(1) puts the duty to establish one on "each local
authority" (two or more may act together, s.39(2)), and s.42(1) defines the words for
that Part: "in relation to England, a county council, a district council whose district
does not form part of an area that has a county council, a London borough council or the
Common Council of the City of London; in relation to Wales, a county council or a county
borough council". A district council of a two-tier county (a district coded ``E07``, which
has a county council) is not one, nor is a chief officer of police, an ICB or any other
body: a team recorded as established by one is not a team established under s.39, and the
join of Schedule 1 ("the area of each local authority that established the team") has no
local authority to follow. Nor is the Council of the Isles of Scilly: s.42(2), in force
(legalize-uk's revised text of 5 February 2025), "For the purposes of those provisions,
the Isles of Scilly form part of the county of Cornwall" (s.42(2A) excepts only s.39A), so
Cornwall Council's team is the islands' (its area, for Part III, takes them in).

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> rugby = Authority("rugby", "Rugby", AuthorityCategory.DISTRICT_COUNCIL, ("E07000220",), c)
    >>> yot = Authority("yot", "YOT", AuthorityCategory.YOUTH_OFFENDING_TEAM, ("E07000220",), c,
    ...                 established_by=("rugby",))
    >>> [f.rule for f in youth_offending_team_council_findings([rugby, yot])]
    ['BUNDLE-YOT-COUNCIL']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from svduty.authorities._authority import Authority
from svduty.authorities._categories import AuthorityCategory
from svduty.errors import named
from svduty.periods import date
from svduty.sources import cite

if TYPE_CHECKING:
    from svduty.findings import Finding

__all__ = [
    "SCILLY_IN_CORNWALL",
    "YOT_COUNCIL",
    "is_cda_local_authority",
    "not_established",
    "youth_offending_team_council_findings",
]

YOT_COUNCIL = "BUNDLE-YOT-COUNCIL"
"""The rule of a team established by a body that is no CDA s.42(1) local authority."""

_C = AuthorityCategory
_LOCAL_AUTHORITIES = frozenset(
    {
        _C.COUNTY_COUNCIL,
        _C.COUNTY_COUNCIL_NO_DISTRICTS,
        _C.LONDON_BOROUGH_COUNCIL,
        _C.COMMON_COUNCIL,
        _C.WELSH_COUNTY_COUNCIL,
        _C.WELSH_COUNTY_BOROUGH_COUNCIL,
    }
)
_TWO_TIER_DISTRICT = "E07"  # a non-metropolitan district of a county with a county council
SCILLY_IN_CORNWALL = "; s.42(2): the Isles of Scilly form part of the county of Cornwall"
"""The words a reason adds when the body named is the Council of the Isles of Scilly."""
_WHY = {
    _C.DISTRICT_COUNCIL: "a district council of a district in an area that has a county council",
    _C.COUNCIL_OF_THE_ISLES_OF_SCILLY: "the Council of the Isles of Scilly, whose islands form "
    "part of the county of Cornwall for these provisions (s.42(2)): Cornwall Council's team "
    "is theirs",
}
_PROVISION = {_C.COUNCIL_OF_THE_ISLES_OF_SCILLY: "s.42(1), (2)"}


def is_cda_local_authority(council: Authority, others: Iterable[Authority] = ()) -> bool:
    """Whether a record is a "local authority" of Crime and Disorder Act 1998 s.42(1).

    A district council only where its district is not in an area that has a county
    council: not one whose areas are ``E07`` districts, nor one that shares an area with
    a two-tier county council among ``others`` in days both hold (Carlisle's council
    and Cumbria County Council, which ``svduty init`` files under Cumberland's code for
    the days before 1 April 2023).

    Example:
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E08000026",), c)
        >>> is_cda_local_authority(d)
        True
        >>> old = Period("2023-01-31", "2023-04-01")
        >>> carlisle = Authority("carlisle", "C", AuthorityCategory.DISTRICT_COUNCIL,
        ...                      ("E06000063",), c, valid=old)
        >>> cumbria = Authority("cumbria", "CC", AuthorityCategory.COUNTY_COUNCIL,
        ...                     ("E06000063",), c, valid=old)
        >>> is_cda_local_authority(carlisle), is_cda_local_authority(carlisle, [cumbria])
        (True, False)
    """
    if council.category in _LOCAL_AUTHORITIES:
        return True
    if council.category is not _C.DISTRICT_COUNCIL:
        return False
    if any(code.upper().startswith(_TWO_TIER_DISTRICT) for code in council.areas):
        return False
    return not any(
        o.category is _C.COUNTY_COUNCIL
        and set(o.areas) & set(council.areas)
        and o.valid.overlaps(council.valid)
        for o in others
    )


def not_established(
    team: Authority, authorities: Iterable[Authority], on: _dt.date | str | None = None
) -> str | None:
    """Why a youth offending team is no team "established under section 39", if it is not.

    Only where every body its ``established_by`` names is among ``authorities`` and none
    is a CDA s.42(1) local authority: a team with no ``established_by``, or naming a body
    not recorded, is not known to be wrong (``None``), nor is one any of whose bodies is a
    local authority (a joint team, s.39(2)). Asked of a day (``on``), also where none of
    the local authorities it names was one that day (each record's ``valid``): Cumbria
    County Council after 1 April 2023, or a council before its vesting day; no local
    authority then had it as its team, and Schedule 1's join has no council's area.

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> rugby = Authority("rugby", "R", AuthorityCategory.DISTRICT_COUNCIL, ("E07000220",), c)
        >>> yot = Authority("yot", "Y", AuthorityCategory.YOUTH_OFFENDING_TEAM, ("E07000220",),
        ...                 c, established_by=("rugby",))
        >>> print(not_established(yot, [rugby, yot]))
        yot is recorded as established by rugby, no local authority of the Crime and Disorder Act 1998 (s.42(1)): not a team established under s.39
        >>> not_established(yot, [yot]) is None
        True
        >>> import attrs
        >>> from svduty.periods import Period
        >>> cc = Authority("cc", "C", AuthorityCategory.COUNTY_COUNCIL, ("E07000220",), c,
        ...                valid=Period("2023-01-31", "2023-04-01"))
        >>> print(not_established(attrs.evolve(yot, established_by=("cc",)), [cc], on="2024-01-01"))
        yot is recorded as established by cc, whose record holds 2023-01-31 to 2023-03-31, not on 2024-01-01: not a team established under s.39 that day
    """  # noqa: E501
    if team.category is not _C.YOUTH_OFFENDING_TEAM or not team.established_by:
        return None
    by_id = {a.id: a for a in authorities}
    bodies = [by_id.get(i) for i in team.established_by]
    if any(b is None for b in bodies):
        return None
    councils = [b for b in bodies if b is not None and is_cda_local_authority(b, by_id.values())]
    if councils:
        if on is None or any(on in b.valid for b in councils):
            return None
        return (
            f"{named(team.id, 'an id')} is recorded as established by "
            + ", ".join(f"{named(b.id, 'an id')}" for b in councils)
            + ", whose record holds "
            + "; ".join(str(b.valid) for b in councils)
            + f", not on {date(on).isoformat()}: not a team established under s.39 that day"
        )
    scilly = any(b.category is _C.COUNCIL_OF_THE_ISLES_OF_SCILLY for b in bodies if b)
    return (
        f"{named(team.id, 'an id')} is recorded as established by "
        f"{', '.join(named(i, 'an id') for i in team.established_by)}, no local authority of "
        "the Crime and Disorder Act 1998 (s.42(1)"
        + (SCILLY_IN_CORNWALL if scilly else "")
        + "): not a team established under s.39"
    )


def youth_offending_team_council_findings(authorities: Iterable[Authority]) -> tuple[Finding, ...]:
    """Youth offending teams whose ``established_by`` names no CDA s.42(1) local authority.

    One error finding (rule ``BUNDLE-YOT-COUNCIL``) per team and body named; ``where``
    numbers the team and the entry in the order given (a bundle's ``authorities.toml``
    order). An id naming no record is the loader's to report.

    Example:
        >>> youth_offending_team_council_findings([])
        ()
    """
    from svduty.findings import Finding, Severity  # not at start-up: only a check needs it

    every = list(authorities)
    by_id = {a.id: a for a in every}
    out: list[Finding] = []
    for i, team in enumerate(every):
        if team.category is not _C.YOUTH_OFFENDING_TEAM:
            continue
        if (outside := _outlives(team, by_id)) is not None:
            out.append(
                Finding(
                    YOT_COUNCIL,
                    Severity.ERROR,
                    f"youth offending team {named(team.id, 'an id')}: its record holds "
                    f"{team.valid}, but {outside}; a team is established under s.39 by a "
                    "local authority, and Schedule 1 joins it to that authority's area: "
                    "record the team of the council of those days (a successor's, from its "
                    "vesting day)",
                    (cite("cda-1998", "s.39(1)"), cite("pcsc-act-2022", "Sch 1")),
                    subjects=(team.id, *team.established_by),
                    where=f"authorities.toml: authorities[{i}].valid",
                )
            )
        for j, body_id in enumerate(team.established_by):
            body = by_id.get(body_id)
            if body is None or is_cda_local_authority(body, every):
                continue
            why = _WHY.get(body.category, f"{body.category.a}, not a council")
            out.append(
                Finding(
                    YOT_COUNCIL,
                    Severity.ERROR,
                    f"youth offending team {named(team.id, 'an id')}: established by "
                    f"{named(body.id, 'an id')}, {why}; only a local authority of the Crime and "
                    "Disorder Act 1998 (s.42(1): a county council, a district council whose "
                    "district is not in an area with a county council, a London borough "
                    "council, the Common Council; in Wales a county or county borough "
                    "council) establishes a team under s.39, the team Schedule 1 names",
                    (
                        cite("cda-1998", _PROVISION.get(body.category, "s.42(1)")),
                        cite("pcsc-act-2022", "Sch 1"),
                    ),
                    subjects=(team.id, body.id),
                    where=f"authorities.toml: authorities[{i}].established_by[{j}]",
                )
            )
    return tuple(out)


def _outlives(team: Authority, by_id: dict[str, Authority]) -> str | None:
    """Where a team's record holds on days none of its local authorities' records does.

    Only the first and last days are compared (a gap between joint councils' periods is
    not looked for); a body not recorded, or no local authority among them, is left to the
    other checks.
    """
    bodies = [by_id.get(i) for i in team.established_by]
    councils = [b for b in bodies if b is not None and is_cda_local_authority(b, by_id.values())]
    if not councils or len(councils) != len([b for b in bodies if b is not None]):
        return None
    names = ", ".join(named(b.id, "an id") for b in councils)
    first = min(b.valid.start for b in councils)
    ends = [b.valid.end for b in councils]
    if team.valid.start < first:
        return f"{names} (the council(s) it names) start on {first.isoformat()}"
    if None in ends:
        return None
    last = max(e for e in ends if e is not None)
    if team.valid.end is None or team.valid.end > last:
        return f"{names} (the council(s) it names) end on {last.subtract(days=1).isoformat()}"
    return None
