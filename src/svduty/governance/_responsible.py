"""Crime and Disorder Act 1998 s.5(1): a what-if keeps the responsible authorities (GOV-CSP-RESPONSIBLE).

The functions of s.6 (the partnership's strategies, the serious violence strategy among
them, s.6(1)(d)) "shall be exercisable in relation to each local government area by the
responsible authorities, that is to say" the council (and, for a district of a two-tier
county, the county council), "every provider of probation services operating within the
area in pursuance of arrangements under section 3 of the Offender Management Act 2007
which provide for it to be a responsible authority under this section", "every chief
officer of police any part of whose police area lies within the area", "every fire and
rescue authority any part of whose area so lies", in England "every integrated care
board the whole or any part of whose area so lies" and in Wales "every Local Health
Board ..." (s.5(1)(a)-(f), as amended: integrated care boards in place of clinical
commissioning groups from 1 July 2022). Statute makes each one; a change to a board
cannot make it stop being one. In England the strategy group that prepares the
strategic assessment and partnership plan "shall consist of one or more persons
appointed from each responsible authority" (SI 2007/1830 reg 3(2)).

So :func:`responsible_lost` reports each responsible authority for a community safety
partnership's areas that a scenario takes off its membership (``change_body``'s
``remove_members``): an error where the partnership's membership record cites the law
(``cda-1998``, s.5(1): the record says its members are the responsible authorities); a
warning where it cites the partnership's documents (who sits on the board: attendance,
which the Act does not fix; whether the board is the reg 3 strategy group is not known);
and a warning for a provider of probation services, which s.5(1)(aa) makes one only where
the arrangements under the 2007 Act provide for it (else it co-operates, s.5(2)(ba)).
A removal a later change undoes, an authority abolished or whose functions a
``transfer_functions`` passes on, and a record of a legal body still seated in another
capacity (a county council that is the fire and rescue authority) are not lost.

Example:
    >>> import svduty
    >>> from svduty.governance import ChangeBody, Scenario
    >>> p = svduty.warwickshire()
    >>> s = Scenario("s", "S", [ChangeBody("rugby-csp-board",
    ...                                    remove_members=["coventry-and-warwickshire-icb"])])
    >>> [(f.severity.value, f.get("provision")) for f in p.what_if(s).findings
    ...  if f.rule == "GOV-CSP-RESPONSIBLE"]
    [('error', 's.5(1)(e)')]
"""  # noqa: E501

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from svduty.authorities import AuthorityCategory, specified_authorities_for
from svduty.errors import named
from svduty.findings import Finding, Severity
from svduty.governance._changes import Change, Merge
from svduty.governance._model import Body, BodyKind
from svduty.governance._reorganise import Reorganised, TransferFunctions
from svduty.governance._rules import GOVERNANCE_RULES
from svduty.sources import Citation, SourceKind, cite

if TYPE_CHECKING:
    from svduty.authorities import Authorities
    from svduty.governance._graph import GovernanceGraph

__all__ = ["RESPONSIBLE_AUTHORITY", "responsible_lost"]

_C = AuthorityCategory
_COUNCIL = "s.5(1)(a)"
RESPONSIBLE_AUTHORITY: dict[AuthorityCategory, tuple[str, str]] = {
    _C.DISTRICT_COUNCIL: (_COUNCIL, "the council for the area"),
    _C.COUNTY_COUNCIL_NO_DISTRICTS: (_COUNCIL, "the council for the area"),
    _C.COUNTY_COUNCIL: (
        _COUNCIL,
        "where the area is a district and the council is not a unitary authority, the "
        "council for the county which includes the district",
    ),
    _C.LONDON_BOROUGH_COUNCIL: (_COUNCIL, "the council for the area"),
    _C.COMMON_COUNCIL: (_COUNCIL, "the council for the area"),
    _C.COUNCIL_OF_THE_ISLES_OF_SCILLY: (_COUNCIL, "the council for the area"),
    _C.WELSH_COUNTY_COUNCIL: (_COUNCIL, "the council for the area"),
    _C.WELSH_COUNTY_BOROUGH_COUNCIL: (_COUNCIL, "the council for the area"),
    _C.PROVIDER_OF_PROBATION_SERVICES: (
        "s.5(1)(aa)",
        "every provider of probation services operating within the area in pursuance of "
        "arrangements under section 3 of the Offender Management Act 2007 which provide "
        "for it to be a responsible authority under this section",
    ),
    _C.CHIEF_OFFICER_OF_POLICE: (
        "s.5(1)(b)",
        "every chief officer of police any part of whose police area lies within the area",
    ),
    _C.FIRE_AND_RESCUE_AUTHORITY: (
        "s.5(1)(d)",
        "every fire and rescue authority any part of whose area so lies",
    ),
    _C.INTEGRATED_CARE_BOARD: (
        "s.5(1)(e)",
        "if the local government area is in England, every integrated care board the whole "
        "or any part of whose area so lies",
    ),
    _C.LOCAL_HEALTH_BOARD: (
        "s.5(1)(f)",
        "if the local government area is in Wales, every Local Health Board the whole or "
        "any part of whose area so lies",
    ),
}
"""The categories of authority the Crime and Disorder Act 1998 s.5(1) makes responsible
authorities: each with its paragraph and words. A youth offending team, a local policing
body and a relevant authority of Schedule 2 are none (a specified authority under the
2022 Act need not be a responsible authority).

Example:
    >>> RESPONSIBLE_AUTHORITY[AuthorityCategory.INTEGRATED_CARE_BOARD][0]
    's.5(1)(e)'
    >>> AuthorityCategory.YOUTH_OFFENDING_TEAM in RESPONSIBLE_AUTHORITY
    False
"""

_REG_3_2 = cite("cdsr-2007", "reg 3(2)")
_CONDITIONAL = frozenset({_C.PROVIDER_OF_PROBATION_SERVICES})
_LAW = frozenset({SourceKind.LEGISLATION, SourceKind.STATUTORY_INSTRUMENT})


def _root(authorities: Authorities, ids: set[str], record: str) -> str:
    """The legal body a record is of: its ``same_body_as`` followed to the end."""
    seen = {record}
    while record in ids:
        same = authorities.get(record).same_body_as
        if same is None or same in seen:
            break
        seen.add(same)
        record = same
    return record


def _kept(changes: Iterable[Change]) -> dict[str, str]:
    """Each body merged into another, with the body it joined (the last, if merged again)."""
    joined = {c.absorb: c.keep for c in changes if isinstance(c, Merge)}
    out = {}
    for absorbed in joined:
        kept, seen = absorbed, {absorbed}
        while kept in joined and joined[kept] not in seen:
            kept = joined[kept]
            seen.add(kept)
        out[absorbed] = kept
    return out


def _english(lga: str, after: Reorganised) -> bool:
    """Whether an area is in England (its code's letter; an id, its districts')."""
    if lga[:1] in ("E", "W") and lga[1:].isdigit():
        return lga[0] == "E"
    return any(d.startswith("E") for d, new in after.replaced.items() if new == lga)


def responsible_lost(
    before: GovernanceGraph,
    graph: GovernanceGraph,
    after: Reorganised,
    changes: Sequence[Change] = (),
    *,
    on: _dt.date | str | None = None,
) -> tuple[Finding, ...]:
    """Each responsible authority a scenario takes off a community safety partnership.

    A member of a community safety partnership before the scenario that is not after it
    (nor, by ``same_body_as``, the legal body it is a record of), still an authority
    after it (not abolished, its functions not passed on by ``transfer_functions``), of
    a category of s.5(1) and joined to one of the areas the partnership covers after it
    (:func:`~svduty.authorities.specified_authorities_for`: the same words, "any part of
    whose ... area lies within the area"). A partnership merged into another is read as
    the one it joined. See the module's text for the severity.

    Example:
        >>> import svduty
        >>> from svduty.governance import reorganise
        >>> p = svduty.warwickshire()
        >>> same = reorganise(p.authorities, p.local_area.districts, None)
        >>> responsible_lost(p.governance, p.governance, same)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-CSP-RESPONSIBLE"]
    auths = after.authorities
    ids = {a.id for a in auths}
    passed = {c.source for c in changes if isinstance(c, TransferFunctions)}
    merged = _kept(changes)
    out: list[Finding] = []
    for was in before.bodies:
        if was.kind is not BodyKind.COMMUNITY_SAFETY_PARTNERSHIP:
            continue
        now_id = merged.get(was.id, was.id)
        if now_id not in graph:
            continue  # removed: GOV-CSP-COVERAGE reports the districts left without one
        now = graph.get(now_id)
        seated = {_root(auths, ids, m) for m in now.members if m in ids}
        lgas = tuple(dict.fromkeys(after.replaced.get(d, d) for d in now.districts))
        joined = {lga: set(_joined(auths, lga, on, after)) for lga in lgas}
        for m in was.members:
            if m in now.members or m not in ids or m in passed:
                continue
            category = auths.get(m).category
            if category not in RESPONSIBLE_AUTHORITY or _root(auths, ids, m) in seated:
                continue
            areas = tuple(lga for lga in lgas if m in joined[lga])
            if areas:
                english = any(_english(a, after) for a in areas)
                out.append(
                    _finding(
                        rule.citation, was, now, m, areas=areas, english=english, category=category
                    )
                )
    return tuple(out)


def _joined(
    authorities: Authorities, lga: str, on: _dt.date | str | None, after: Reorganised
) -> tuple[str, ...]:
    """The recorded authorities joined to an area (the s.11(6) join: s.5(1)'s words)."""
    return specified_authorities_for(authorities, lga, on=on, kind=after.kinds.get(lga)).subjects


def _finding(
    rule: Citation,
    was: Body,
    now: Body,
    member: str,
    *,
    areas: tuple[str, ...],
    english: bool,
    category: AuthorityCategory,
) -> Finding:
    """The finding for one responsible authority a partnership loses."""
    provision, words = RESPONSIBLE_AUTHORITY[category]
    who, csp = named(member, "an id"), named(now.id, "an id")
    where = ", ".join(named(a, "an id") for a in areas)
    cites: list[Citation] = [rule, cite("cda-1998", provision)]
    reg = ""
    if english:
        cites.append(_REG_3_2)
        reg = (
            "; in England the area's strategy group consists of one or more persons "
            "appointed from each responsible authority (SI 2007/1830 reg 3(2))"
        )
    cited = was.members_citation or was.citation  # the record as it was before the change
    law = cited.source.kind in _LAW
    statute = f"s.5(1) of the Crime and Disorder Act 1998 ({provision}: {words!r})"
    if category in _CONDITIONAL:
        severity = Severity.WARNING
        message = (
            f"not known: whether {who}, which {csp} no longer lists after the scenario, is a "
            f"responsible authority for {where}: {statute} makes a provider one only where "
            "the arrangements under the Offender Management Act 2007 s.3 so provide (else it "
            "co-operates, s.5(2)(ba)); if they do, no change to a board can make it stop "
            f"being one{reg}"
        )
    elif law:
        severity = Severity.ERROR
        message = (
            f"{who} is a responsible authority for {where} by {statute}, and no change to a "
            f"board can make it stop being one: {csp}, whose members the record cites to "
            f"{cited.source.id} {cited.provision}, no longer lists it after the scenario{reg}; "
            "if the scenario means only that it stops attending the board's meetings, "
            "record the board's membership from the partnership's documents"
        )
    else:
        severity = Severity.WARNING
        message = (
            f"{who} remains a responsible authority for {where} by {statute} though {csp} "
            "no longer lists it after the scenario: its members are cited to the "
            "partnership's documents, so this may be the board's attendance only"
            + (
                f"; not known: whether {csp} is the area's strategy group, which consists of "
                "one or more persons appointed from each responsible authority (SI "
                "2007/1830 reg 3(2))"
                if english
                else ""
            )
        )
    return Finding(
        "GOV-CSP-RESPONSIBLE",
        severity,
        message,
        tuple(dict.fromkeys(cites)),
        (now.id, member, *areas),
        data=(("provision", provision), ("areas", ", ".join(areas))),
    )
