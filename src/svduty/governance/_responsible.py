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
cannot make it stop being one. The strategy group that prepares the strategic
assessment and partnership plan on their behalf need not seat each: it "shall consist
of two or more persons appointed by one or more of the responsible authorities in the
area" (reg 3(2) as substituted in 2011: in England SI 2007/1830, by SI 2011/1230 reg 3;
in Wales SI 2007/3076, by SI 2011/2702 reg 3; as made, each had "one or more persons
appointed from each responsible authority"). A finding cites the regulations of the
nation its areas are in, and none where that is not known.

So :func:`responsible_lost` reports each responsible authority for a community safety
partnership's areas that a scenario takes off its membership (``change_body``'s
``remove_members``): an error where the partnership's membership record cites the law
(``cda-1998``, s.5(1): the record says its members are the responsible authorities); a
warning where it cites the partnership's documents (who sits on the board: attendance,
which the Act does not fix; whether the board is the reg 3 strategy group is not known);
and a warning for a provider of probation services, which s.5(1)(aa) makes one only where
the arrangements under the 2007 Act provide for it (arrangements may instead have it
co-operate, s.5(2)(ba)).
A removal a later change undoes, an authority abolished or whose functions a
``transfer_functions`` passes on, and a record of a legal body still seated in another
capacity (a county council that is the fire and rescue authority) are not lost. A county
council that is the fire and rescue authority is a responsible authority as the council
(s.5(1)(a)), not under s.5(1)(d), whose "fire and rescue authority" s.5(5) defines as a
combined (FRSA 2004 s.2 or s.4), s.4A or metropolitan authority or the London Fire
Commissioner; a combined authority made the fire and rescue authority by an order under
LDEDCA 2009 Part 6 is one as each such order modifies s.5(5) for it (SI 2017/469 Sch 2 para
4(2), SI 2023/1432 Sch 7 para 4(2)), which the finding cites (``_responsible_parts``).

And :func:`responsible_missing` reports, whether or not a scenario ran, each recorded
responsible authority for its areas that a partnership whose members are cited to the law
does not list (the record contradicts the statute it cites): an error, a warning for
probation. A partnership whose members are cited to its own documents records attendance:
nothing is said of what it does not list.

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
from svduty.governance._responsible_parts import as_modified, found, modified_by, need_not_seat
from svduty.governance._rules import GOVERNANCE_RULES
from svduty.periods import date
from svduty.sources import Citation, SourceKind, cite

if TYPE_CHECKING:
    from svduty.authorities import Authorities
    from svduty.governance._graph import GovernanceGraph

__all__ = ["RESPONSIBLE_AUTHORITY", "responsible_lost", "responsible_missing"]

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

_REG_3_2 = {"E": cite("cdsr-2007", "reg 3(2)"), "W": cite("cdsr-wales-2007", "reg 3(2)")}
_REG_NAME = {
    "E": "SI 2007/1830 reg 3(2), as substituted by SI 2011/1230 reg 3",
    "W": "in Wales, SI 2007/3076 reg 3(2), as substituted by SI 2011/2702 reg 3",
}
_REG_WORDS = (
    "two or more persons appointed by one or more of the responsible authorities in the area"
)


def _source(cited: Citation) -> str:
    """A record's source and provision as a finding names them (the source alone if none).

    Example:
        >>> _source(cite("cda-1998", "s.5(1)")), _source(cite("cda-1998"))
        ('cda-1998 s.5(1)', 'cda-1998')
    """
    return f"{cited.source.id} {cited.provision}".rstrip()


def _cda(provision: str, order: tuple[Citation, str] | None) -> list[Citation]:
    """The s.5(1) paragraph cited, and the order's modification of s.5(5) where one names it."""
    return [cite("cda-1998", provision), *([order[0]] if order else [])]


_CONDITIONAL = frozenset({_C.PROVIDER_OF_PROBATION_SERVICES})
_COUNCILS = frozenset(
    c for c, (provision, _) in RESPONSIBLE_AUTHORITY.items() if provision == _COUNCIL
)
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


def _as_responsible(authorities: Authorities, ids: set[str], record: str) -> tuple[str, _C]:
    """The legal body a record is of, and the category s.5(1) makes it responsible as.

    A council that is itself the fire and rescue authority (a non-metropolitan county
    council, FRSA 2004 s.1(2)(a)) is none under s.5(1)(d): s.5(5) defines a "fire and
    rescue authority" as one constituted by a scheme under s.2 or s.4 of that Act, created
    by an order under its s.4A, a metropolitan county fire and civil defence authority or
    the London Fire Commissioner. It is one as the council, under s.5(1)(a).
    """
    body = _root(authorities, ids, record)
    category = authorities.get(record).category
    if category is _C.FIRE_AND_RESCUE_AUTHORITY and body != record and body in ids:
        council = authorities.get(body).category
        if council in _COUNCILS:
            return body, council
    return body, category


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


def _nations(areas: Iterable[str], after: Reorganised) -> tuple[str, ...]:
    """The nations ("E", "W") areas are in: a code's letter; an id, its districts'.

    An id that replaces no recorded district is in no nation known here.
    """
    found: set[str] = set()
    for lga in areas:
        if lga[:1] in ("E", "W") and lga[1:].isdigit():
            found.add(lga[0])
        else:
            replaced = (d for d, new in after.replaced.items() if new == lga)
            found.update(d[0] for d in replaced if d[:1] in ("E", "W"))
    return tuple(n for n in ("E", "W") if n in found)


def _strategy_group(nations: Sequence[str]) -> tuple[list[Citation], str]:
    """The strategy group regulations of the nations, and what they say of its members.

    Reg 3(2), as substituted in 2011 in both nations, asks two or more persons appointed
    by one or more of the responsible authorities: not one from each (as made, it did).
    """
    if not nations:
        return [], ""
    where = "; ".join(_REG_NAME[n] for n in nations)
    return [_REG_3_2[n] for n in nations], f"{_REG_WORDS!r} ({where})"


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
            body, category = _as_responsible(auths, ids, m)
            if category not in RESPONSIBLE_AUTHORITY or body in seated:
                continue
            if body != m and category in _COUNCILS and body in was.members:
                continue  # the council's own record is the one reported (s.5(5))
            areas = tuple(lga for lga in lgas if m in joined[lga] or body in joined[lga])
            if areas:
                out.append(
                    _finding(
                        rule.citation,
                        was,
                        now,
                        m,
                        areas=areas,
                        nations=_nations(areas, after),
                        category=category,
                        body=body,
                        order=modified_by(auths.get(m)),
                    )
                )
    return tuple(out)


def responsible_missing(
    graph: GovernanceGraph,
    after: Reorganised,
    *,
    on: _dt.date | str | None = None,
    reported: Iterable[Finding] = (),
) -> tuple[Finding, ...]:
    """Each responsible authority a community safety partnership cited to the law lacks.

    A partnership whose membership record cites legislation (``cda-1998`` s.5(1): the
    record says its members are the responsible authorities) must list every recorded
    authority s.5(1) makes one for the areas it covers (after the scenario, if any): one
    it lacks is a conflict between the record and the statute it cites, an error (a
    provider of probation services, which s.5(1)(aa) makes one only where the Offender
    Management Act 2007 s.3 arrangements so provide, a warning). A partnership whose
    members are cited to its own documents records who attends, which the Act does not
    fix: nothing is said of it here. Asked of no day, a record with an end (an abolished
    council, a lapsed record) is not asked about: on which day is not known. ``reported``:
    the findings :func:`responsible_lost` gave, whose pairs are not reported twice.

    Example:
        >>> import svduty
        >>> from svduty.governance import reorganise
        >>> p = svduty.warwickshire()
        >>> same = reorganise(p.authorities, p.local_area.districts, None)
        >>> responsible_missing(p.governance, same)
        ()
    """
    rule = GOVERNANCE_RULES["GOV-CSP-RESPONSIBLE"]
    auths = after.authorities
    ids = {a.id for a in auths}
    done = {(f.subjects[0], _root(auths, ids, f.subjects[1])) for f in reported}
    out: list[Finding] = []
    for board in graph.bodies:
        cited = board.members_citation or board.citation
        if board.kind is not BodyKind.COMMUNITY_SAFETY_PARTNERSHIP or cited.source.kind not in _LAW:
            continue
        seated = {_root(auths, ids, m) for m in board.members if m in ids}
        lacking: dict[str, tuple[_C, tuple[Citation, str] | None, list[str]]] = {}
        for lga in dict.fromkeys(after.replaced.get(d, d) for d in board.districts):
            for record in _joined(auths, lga, on, after):
                body, category = _as_responsible(auths, ids, record)
                if category not in RESPONSIBLE_AUTHORITY or body in seated:
                    continue
                if on is None and auths.get(record).valid.end is not None:
                    continue  # its record ends: whether it still is one is not known
                if (board.id, body) not in done:
                    order = modified_by(auths.get(record))
                    lacking.setdefault(body, (category, order, []))[2].append(lga)
        for body, (category, order, areas) in lacking.items():
            lgas = tuple(dict.fromkeys(areas))
            nations = _nations(lgas, after)
            out.append(
                _standing(
                    rule.citation,
                    board,
                    body,
                    areas=lgas,
                    nations=nations,
                    category=category,
                    order=order,
                )
            )
    return tuple(out)


def _standing(
    rule: Citation,
    board: Body,
    body: str,
    *,
    areas: tuple[str, ...],
    nations: Sequence[str],
    category: AuthorityCategory,
    order: tuple[Citation, str] | None = None,
) -> Finding:
    """The finding for a responsible authority a partnership cited to the law does not list.

    ``order``: the order's modification of s.5(5) that names it, cited (a combined authority
    as fire and rescue authority, :func:`~svduty.governance._responsible_parts.modified_by`).
    """
    provision, words = RESPONSIBLE_AUTHORITY[category]
    who, csp = named(body, "an id"), named(board.id, "an id")
    where = ", ".join(named(a, "an id") for a in areas)
    cited = board.members_citation or board.citation
    regs, group = _strategy_group(nations)
    cites: list[Citation] = [rule, *_cda(provision, order), cited, *regs]
    reg = need_not_seat(group)
    modified = as_modified(order[1] if order else None)
    statute = f"s.5(1) of the Crime and Disorder Act 1998 ({provision}: {words!r}{modified})"
    record = f"{csp}'s members, which the record cites to {_source(cited)},"
    if category in _CONDITIONAL:
        severity = Severity.WARNING
        message = (
            f"not known: whether {who}, recorded as a provider of probation services for "
            f"{where}, is a responsible authority there: {statute} makes a provider one only "
            "where the arrangements under the Offender Management Act 2007 s.3 so provide "
            f"(they may instead have it co-operate, s.5(2)(ba)); {record} do not list it{reg}; "
            "if the arrangements so provide, add it to the members"
        )
    else:
        severity = Severity.ERROR
        message = (
            f"{who} is a responsible authority for {where} by {statute}, but {record} do not "
            f"list it{reg}; add it to the members, or, if the record lists only who attends "
            "the board's meetings, cite the membership to the partnership's documents"
        )
    return found(severity, message, cites, (board.id, body), provision=provision, areas=areas)


def _joined(
    authorities: Authorities, lga: str, on: _dt.date | str | None, after: Reorganised
) -> tuple[str, ...]:
    """The recorded authorities joined to an area on a day (s.5(1)'s "any part ... lies").

    The s.11(6) join gives the same areas, but is asked of no day: Schedule 1 was in force
    only to make regulations before 31 January 2023, and s.5(1) long before. A record
    that does not hold on the day is left out.
    """
    found = specified_authorities_for(authorities, lga, kind=after.kinds.get(lga)).subjects
    if on is None:
        return found
    day = date(on)
    return tuple(a for a in found if day in authorities.get(a).valid)


def _finding(
    rule: Citation,
    was: Body,
    now: Body,
    member: str,
    *,
    areas: tuple[str, ...],
    nations: Sequence[str],
    category: AuthorityCategory,
    body: str,
    order: tuple[Citation, str] | None = None,
) -> Finding:
    """The finding for one responsible authority a partnership loses.

    ``order``: the order's modification of s.5(5) that names it, cited (a combined authority
    as fire and rescue authority, :func:`~svduty.governance._responsible_parts.modified_by`).
    """
    provision, words = RESPONSIBLE_AUTHORITY[category]
    who, csp = named(member, "an id"), named(now.id, "an id")
    if body != member:  # a council's record as the fire and rescue authority (s.5(5))
        who = f"{who} (a record of {named(body, 'an id')}, the council)"
    where = ", ".join(named(a, "an id") for a in areas)
    regs, group = _strategy_group(nations)
    cites: list[Citation] = [rule, *_cda(provision, order), *regs]
    reg = need_not_seat(group)
    cited = was.members_citation or was.citation  # the record as it was before the change
    law = cited.source.kind in _LAW
    modified = as_modified(order[1] if order else None)
    statute = f"s.5(1) of the Crime and Disorder Act 1998 ({provision}: {words!r}{modified})"
    if category in _CONDITIONAL:
        severity = Severity.WARNING
        message = (
            f"not known: whether {who}, which {csp} no longer lists after the scenario, is a "
            f"responsible authority for {where}: {statute} makes a provider one only where "
            "the arrangements under the Offender Management Act 2007 s.3 so provide (they may "
            "instead have it co-operate, s.5(2)(ba)); if they do, no change to a board can make "
            f"it stop being one{reg}"
        )
    elif law:
        severity = Severity.ERROR
        message = (
            f"{who} is a responsible authority for {where} by {statute}, and no change to a "
            f"board can make it stop being one: {csp}, whose members the record cites to "
            f"{_source(cited)}, no longer lists it after the scenario{reg}; "
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
                f"; not known: whether {csp} is the area's strategy group, which need consist "
                f"only of {group}"
                if group
                else ""
            )
        )
    return found(severity, message, cites, (now.id, member), provision=provision, areas=areas)
