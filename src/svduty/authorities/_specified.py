"""Sections 11-12: the role of an authority and the specified authorities for an area.

:func:`role_of` places an authority in Schedule 1 (a specified authority, s.11(1)),
Schedule 2 (a relevant authority, s.12(1)), among the local policing bodies (s.14) or
nowhere; :func:`specified_authorities_for` joins the recorded authorities to a local
government area (s.11(6)) and names each Schedule 1 table left without one.

Example:
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    >>> role_of(d).value
    'specified_authority'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable

from svduty._arguments import choice_argument
from svduty._checked import checked
from svduty.answers import Answer, Reason
from svduty.areas import GSS_PREFIXES, LOCAL_GOVERNMENT_AREA_PREFIXES, AreaKind, kinds_of_code
from svduty.areas._earlier import EarlierArea
from svduty.authorities._answering import DAY_ASKED, answer, held, in_force, label, reason
from svduty.authorities._area_record import abolished, gone_by
from svduty.authorities._area_record import periods_of_area as _periods
from svduty.authorities._areas_served import local_councils, not_given
from svduty.authorities._authority import Authority, DistrictsWithin, other_nation
from svduty.authorities._categories import CATEGORIES, AuthorityCategory, Role
from svduty.authorities._extent import outside_extent, outside_extent_reason
from svduty.authorities._model import Authorities, check_area_code
from svduty.authorities._one_fire_authority import (
    fire_authorities_contradict,
    police_forces_contradict,
)
from svduty.authorities._yot_councils import SCILLY_IN_CORNWALL, not_established
from svduty.errors import DataError, Problem, shown
from svduty.periods import Period, date
from svduty.sources import Confidence, cite

__all__ = [
    "area_held",
    "in_force_for",
    "not_a_local_government_area",
    "role_of",
    "specified_authorities_for",
]


@checked
def role_of(authority: Authority) -> Answer:
    """The role of an authority under the Act (specified, relevant, LPB, other).

    The answer's ``value`` is the :class:`~svduty.authorities.Role`; the reasons cite the
    Schedule row (s.11(1), s.12(1)) or s.14 and, for a local policing body, say that it
    is not a specified authority.

    Example:
        >>> from svduty.sources import cite
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",),
        ...                 cite("pcsc-act-2022", "s.14"))
        >>> a = role_of(pcc)
        >>> a.value, [r.rule for r in a.reasons]
        ('local_policing_body', ['s.14', 's.11(1)'])
    """
    info = authority.info
    question = f"What is the role of {authority.name} under the Act?"
    reasons = []
    if info.role is Role.SPECIFIED_AUTHORITY:
        reasons.append(
            Reason(
                "s.11(1)",
                f"{info.description} is in the Schedule 1 table '{info.table}': a specified "
                "authority",
                info.citation,
            )
        )
    elif info.role is Role.RELEVANT_AUTHORITY:
        reasons.append(
            Reason(
                "s.12(1)",
                f"{info.description} is in {info.table}: a relevant authority (an educational, "
                "prison or youth custody authority, the term of s.15(1))",
                info.citation,
            )
        )
    elif info.role is Role.LOCAL_POLICING_BODY:
        reasons.append(
            reason(
                "s.14",
                "a local policing body may assist with and monitor the specified "
                "authorities' functions for its police area",
            )
        )
        reasons.append(
            reason(
                "s.11(1)",
                "local policing bodies are not in Schedule 1: not a specified authority",
                "s.11(1), Sch 1",
            )
        )
    else:
        reasons.append(
            Reason(
                "s.11(1)",
                "in neither Schedule 1 nor Schedule 2, nor a local policing body: neither a "
                "specified nor a relevant authority",
                info.citation,
            )
        )
        reasons.append(Reason("s.10", _S10_SAYS, _S10))
    return answer(question, reasons, [], failed=False, value=info.role.value)


_S10_SAYS = (
    "no power or duty of its own under Part 2 Chapter 1 unless regulations under s.10 "
    "prescribe it: they may give it and a specified authority powers to collaborate "
    "(s.10(1)) and authorise disclosures between it and the authorities of s.10(3) "
    "(s.10(2)), and may prescribe a person invited under s.8(6) or s.9(6) (s.10(9)); a "
    "person so prescribed must have regard to the Secretary of State's guidance "
    "(s.19(2)(b)). Prescribed or not, the specified authorities may invite its participation "
    "in preparing a strategy if it is of a description prescribed under s.5(3) of the Crime "
    "and Disorder Act 1998 (s.8(6), s.9(6))"
)
_S10 = cite(
    "pcsc-act-2022",
    "s.8(6), s.9(6), s.10(1), (2), (9), s.19(2)(b)",
    confidence=Confidence.UNCONFIRMED,
    doubt="no regulations under s.10 are recorded or known to svduty; whether any have been "
    "made, and prescribe this partner, is not recorded",
)


_WELSH_LGA_PREFIXES = GSS_PREFIXES[AreaKind.WELSH_PRINCIPAL_AREA]
_ENGLISH_LGA_PREFIXES = tuple(
    p for p in LOCAL_GOVERNMENT_AREA_PREFIXES if p not in _WELSH_LGA_PREFIXES
)
_TWO_TIER_DISTRICT_PREFIXES = GSS_PREFIXES[AreaKind.DISTRICT]
_GSS = re.compile(r"[EWSNKLM][0-9]{8}", re.ASCII)  # the country letters check_gss takes


def not_a_local_government_area(code: str) -> bool:
    """Whether ``code`` is a GSS code, but of an area that is not a local government area.

    s.11(4): in England a district, a London borough, the City of London or the Isles of
    Scilly; in Wales a county or county borough. A county (``E10``), a police force area
    (``E23``), a CSP (``E22``) is not one; a bundle's own id (an area with no code) may be.

    Example:
        >>> [not_a_local_government_area(c) for c in ("E10000031", "E07000222", "north-unitary")]
        [True, False, False]
    """
    return _GSS.fullmatch(code) is not None and not code.startswith(LOCAL_GOVERNMENT_AREA_PREFIXES)


_BOTH_NATIONS = (
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    AuthorityCategory.PROVIDER_OF_PROBATION_SERVICES,
    AuthorityCategory.YOUTH_OFFENDING_TEAM,
)


def _expected_categories(lga_code: str) -> tuple[tuple[AuthorityCategory, ...], ...] | None:
    """Groups of categories of which at least one must be for the LGA (by its GSS code)."""
    if lga_code.startswith(_ENGLISH_LGA_PREFIXES):
        groups: list[tuple[AuthorityCategory, ...]] = [local_councils(lga_code)]
        if lga_code.startswith(_TWO_TIER_DISTRICT_PREFIXES):
            groups.append((AuthorityCategory.COUNTY_COUNCIL,))
        groups.extend((c,) for c in _BOTH_NATIONS)
        groups.append((AuthorityCategory.INTEGRATED_CARE_BOARD,))
        return tuple(groups)
    if lga_code.startswith(_WELSH_LGA_PREFIXES):
        return (
            local_councils(lga_code),
            *((c,) for c in _BOTH_NATIONS),
            (AuthorityCategory.LOCAL_HEALTH_BOARD,),
        )
    return None


def _not_a_local_government_area(code: str) -> str:
    """Why a GSS code is not a local government area (s.11(4)), in words.

    An area outside England and Wales: :func:`outside_extent_reason` (s.207(1), law57).

    Example:
        >>> _not_a_local_government_area("E10000031")[:40]
        'E10000031 is a county, not a local gover'
    """
    if code[:1] == "K":
        return (
            f"{code} is the code of an area of several countries (K), not a local government "
            "area: s.11(4) lists districts, London boroughs, the City, Scilly and Welsh "
            "counties and county boroughs"
        )
    if code.startswith("E10"):
        return (
            f"{code} is a county, not a local government area: each of its districts is "
            "one (s.11(4)(a)), with its own specified authorities"
        )
    return f"{code} is the code of an area that is not a local government area"


def _by_kind(lga_code: str, kind: AreaKind | str | None) -> str:
    """The code whose prefix the area's tables are read by: its own, or its kind's.

    Example:
        >>> _by_kind("E07000220", "district"), _by_kind("north", "unitary")
        ('E07000220', 'E06')
        >>> _by_kind("north", "county")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: specified_authorities_for(kind): expected the kind of a local government area: one of 'district', 'unitary', 'london_borough', 'metropolitan_district', 'welsh_principal_area' (got 'county')
        >>> _by_kind("E07000220", "unitary")
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: specified_authorities_for(kind): expected the kind its code gives, 'district' (got 'unitary')
    """  # noqa: E501
    if kind is None:
        return lga_code
    where = "specified_authorities_for(kind)"
    chosen = choice_argument(kind, AreaKind, where)
    if not chosen.is_local_government_area:
        lgas = ", ".join(repr(k.value) for k in AreaKind if k.is_local_government_area)
        expected = f"the kind of a local government area: one of {lgas}"
        raise DataError(Problem(field=where, expected=expected, got=shown(chosen.value)))
    if _GSS.fullmatch(lga_code):
        own = next(iter(kinds_of_code(lga_code)), None)
        if own is not chosen:
            said = f"the kind its code gives, {own.value!r}" if own else "no kind for its code"
            raise DataError(Problem(field=where, expected=said, got=shown(chosen.value)))
        return lga_code
    return GSS_PREFIXES[chosen][0]


def area_held(
    periods_of: Callable[[str], Iterable[Period] | None] | None,
    lgas: Iterable[str],
    on: _dt.date | str | None,
) -> tuple[list[Reason], list[str], bool]:
    """Whether each local government area's own record held on the day asked (s.11(4)).

    (reasons, missing, failed), as :func:`~svduty.authorities._answering.held` gives for
    bodies. An area asked about on a day none of its records holds (Cumberland, a
    unitary from 1 April 2023, asked about in February 2023, when its districts were the
    local government areas) was not a local government area that day: ``failed``. Asked
    of no day, an area whose records end leaves the day to be given. Asked of a day, an
    area with no recorded period (one the geography knows only from the undated national
    tables: the current areas) leaves its record among the missing facts: whether it was
    a local government area that day is not known, and a ``yes`` that needs it waits for
    it (a ``no`` for another reason stands). Without ``periods_of`` (a partnership's
    ``Authorities.area_periods``) the areas are taken as given; a code that is never one
    (a county, an area of Scotland: :func:`not_a_local_government_area`) is not asked
    about.

    Example:
        >>> from svduty.periods import Period
        >>> a = {"E06000063": [Period("2023-04-01")]}.get
        >>> reasons, missing, failed = area_held(a, ["E06000063"], "2023-02-15")
        >>> failed, reasons[0].says
        (True, 'E06000063 was not a local government area on 2023-02-15: its record holds 2023-04-01 onwards')
        >>> area_held(a, ["E06000063"], "2023-04-01"), area_held(a, ["E07000901"], None)
        (([], [], False), ([], [], False))
        >>> area_held(a, ["E07000901"], "2023-06-01")[1]
        ['the record of E07000901 as a local government area: whether it was one on 2023-06-01 (s.11(4))']
    """  # noqa: E501
    reasons: list[Reason] = []
    missing: list[str] = []
    failed = False
    if periods_of is None:
        return reasons, missing, failed
    for code in lgas:
        if not_a_local_government_area(code):  # a county on no day: s.11(4) by its code
            continue
        periods = sorted(_periods(periods_of, code), key=lambda p: p.start)
        known = abolished(code)  # a district abolished in 2019-2021: svduty's own record,
        # read when the bundle holds none, or ends it on the order's day (its words cited)
        gone = gone_by(code, on) if not periods or periods[-1].end == _ceased(known) else None
        if isinstance(gone, Reason):  # the order's words; the record's, if any, follow
            reasons.append(gone)
            failed = True
            if not periods:
                continue
        if isinstance(gone, str):
            missing.append(gone)
            continue
        if not periods:  # known only from the undated national tables (law42)
            if on is not None:
                missing.append(
                    f"the record of {code} as a local government area: whether it was one "
                    f"on {date(on)} (s.11(4))"
                )
            continue
        if on is None:
            if periods[-1].end is not None:
                missing.append(
                    f"{DAY_ASKED}: the record of {code} as a local government area ends on "
                    f"{periods[-1].end})"
                )
            continue
        day = date(on)
        if not any(day in p for p in periods):
            holds = ", ".join(str(p) for p in periods)
            says = f"{code} was not a local government area on {day}: its record holds {holds}"
            reasons.append(reason("s.11(4)", says))
            failed = True
    return reasons, missing, failed


def _ceased(area: EarlierArea | None) -> _dt.date | None:
    """The day an area svduty knows was abolished in 2019-2021 ceased (``None``: not one)."""
    return None if area is None else area.ceased


def in_force_for(
    section: str,
    periods_of: Callable[[str], Iterable[Period] | None] | None,
    lgas: Iterable[str],
    on: _dt.date | str | None,
) -> tuple[list[Reason] | None, Reason | None, list[str]]:
    """Whether ``section`` was in force, and each area a local government area, on ``on``.

    (stop, commenced, day): ``stop`` the reasons of a ``no`` (before commencement, SI
    2022/1227 reg 4; or an area whose own record does not hold, :func:`area_held`), else
    ``None``; ``commenced`` the commencement reason; ``day`` the missing fact of an area's
    record that ends, asked of no day.

    Example:
        >>> from svduty.periods import Period
        >>> periods = {"E06000063": [Period("2023-04-01")]}.get
        >>> stop, _, _ = in_force_for("s.8", periods, ["E06000063"], "2023-02-15")
        >>> stop[0].rule
        's.11(4)'
        >>> in_force_for("s.8", periods, ["E06000063"], "2023-01-30")[0][0].rule
        'commencement'
    """
    commenced, not_in_force = in_force(section, on)
    if commenced is not None and not_in_force:
        return [commenced], commenced, []
    not_then, day, failed = area_held(periods_of, lgas, on)
    return (not_then if failed else None), commenced, day


@checked
def specified_authorities_for(
    authorities: Authorities,
    lga_code: str,
    *,
    on: _dt.date | str | None = None,
    districts_within: DistrictsWithin | None = None,
    kind: AreaKind | str | None = None,
) -> Answer:
    """The specified authorities for a local government area (s.11(6), Sch 1).

    ``subjects`` lists the recorded authorities whose join (s.11(6)) gives the area. The
    answer is ``yes`` when every Schedule 1 table that applies to the area (by its GSS
    code: England ``E06``-``E09``, Wales ``W06``; s.11(4)) has an authority recorded,
    ``undetermined`` naming the missing tables otherwise. Asked of a day before 31 January
    2023, it is ``no``: s.11 and Schedule 1 were in force only to make regulations
    (s.208(4)(b); SI 2022/1227 reg 4). Asked of a day the area's own record does not
    hold (``Authorities.area_periods``), it is ``no``: it was not a local government
    area that day (s.11(4)). Asked of no day, an authority whose record ends
    (a council abolished, a commissioner whose functions passed to a mayor) leaves the
    answer ``undetermined`` until the day is given, as every rule of the Chapter does
    (svduty assumes no today): ``on`` is then among the missing facts.

    ``kind`` is the kind of an area named by an id, not a GSS code (an area a scenario
    creates before the ONS issues its code, :attr:`svduty.governance.CreateArea.kind`):
    its tables, and the nation an authority must be of, are those of a code of that
    kind (``AreaKind.UNITARY``, or ``"unitary"``: as ``E06``). A GSS code says its own
    kind: a ``kind`` given with one must be the same. Without it, an id's tables are not
    known (``undetermined``: whether it is a local government area).

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> auths = Authorities((Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL,
        ...                                ("E07000901",), c),))
        >>> a = specified_authorities_for(auths, "E07000901", districts_within=lambda c: (c,))
        >>> a.subjects, a.verdict.value, len(a.missing)
        (('d',), 'undetermined', 6)
        >>> u = Authorities((Authority("u", "U", AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS,
        ...                                ("north",), c),))
        >>> specified_authorities_for(u, "north", districts_within=lambda c: (c,)).missing
        ('whether north is a local government area (s.11(4))',)
        >>> new = specified_authorities_for(u, "north", districts_within=lambda c: (c,),
        ...                                 kind="unitary")
        >>> new.subjects, len(new.missing), new.missing[0][:50]
        (('u',), 5, "a specified authority of the 'Police' table (chief")
    """
    check_area_code("lga_code", lga_code)
    question = f"Which are the specified authorities for {lga_code}?"
    by_kind = _by_kind(lga_code, kind)
    if outside_extent(lga_code):  # never a local government area, on any day (law57)
        return answer(question, [outside_extent_reason(lga_code)], [], failed=True)
    # in force only to make regulations before 31 January 2023; the area, one that day
    stop, commenced, area_day = in_force_for(
        "s.11 and Schedule 1", authorities.area_periods, [lga_code], on
    )
    if stop:
        return answer(question, stop, [], failed=True)
    joined = authorities._joined(lga_code, Role.SPECIFIED_AUTHORITY, on, districts_within)
    ours = [a for a in joined if other_nation(a, by_kind) is None]
    unset = {a.id: why for a in ours if (why := not_established(a, authorities.items, on))}
    found = [a for a in ours if not_given(a, by_kind) is None and a.id not in unset]
    reasons = [
        Reason(
            "s.11(6)",
            f"{a.name} ({a.info.description}) is an authority for {lga_code}: {a.info.lga_wording}",
            a.info.join_citation,
        )
        for a in found
    ]
    reasons += [  # recorded as reaching the area, but of the other nation: never for it
        Reason(
            "s.11(6)",
            f"{a.name} ({a.info.description}) is of {nation.value.title()} (Sch 1): not a "
            f"specified authority for {lga_code}, an area of the other nation",
            a.info.citation,
        )
        for a in joined
        if (nation := other_nation(a, by_kind)) is not None
    ]
    reasons += [  # a council recorded against an area its Sch 1 row does not give
        Reason("s.11(6)", f"{why}: not a specified authority for {lga_code}", a.info.citation)
        for a in ours
        if (why := not_given(a, by_kind)) is not None
    ]
    reasons += [  # a team no CDA 1998 local authority established (s.39, s.42(1))
        Reason(
            "s.11(6)",
            f"{why}: not a specified authority for {lga_code}",
            cite("cda-1998", _yot_provision(why)),
        )
        for a in ours
        if (why := unset.get(a.id)) is not None
    ]
    missing: list[str] = []
    groups = _expected_categories(by_kind)
    if not_a_local_government_area(lga_code):  # its districts are, and have their own
        reasons.append(reason("s.11(4)", _not_a_local_government_area(lga_code)))
        return answer(question, reasons, [], failed=True, subjects=[a.id for a in found])
    if groups is None:
        reasons.append(
            reason("s.11(4)", f"{lga_code} is not a local government area code of England or Wales")
        )
        missing.append(f"whether {lga_code} is a local government area (s.11(4))")
    else:
        by = (
            f"by its code ({lga_code[:3]})"
            if by_kind == lga_code
            else f"by its kind (as a code {by_kind} is)"
        )
        reasons.append(
            reason(
                "s.11(4)",
                f"{lga_code} is, {by}, a local government area in "
                f"{'England' if by_kind.startswith('E') else 'Wales'}",
            )
        )
        have = {a.category for a in found}
        for group in groups:
            if not have.intersection(group):
                table = CATEGORIES[group[0]].table
                missing.append(
                    f"a specified authority of the '{table}' table "
                    f"({' or '.join(label(c) for c in group)}) for {lga_code} (Sch 1)"
                )
    # asked of no day, a record that ends; of a day a record is in doubt, the doubt
    in_doubt, not_known, _ = held(found, on, "s.11(6)")
    two_fire, which_fire = fire_authorities_contradict(found, lga_code, on)  # FRSA s.1(1)
    two_forces, which_force = police_forces_contradict(found, lga_code, on)  # PA 1996 s.2(1)
    missing += area_day + not_known + which_fire + which_force
    reasons.extend(in_doubt + two_fire + two_forces)
    reasons.extend([commenced] if commenced is not None else [])
    return answer(question, reasons, missing, failed=False, subjects=[a.id for a in found])


def _yot_provision(why: str) -> str:
    """The CDA 1998 provision a reason leaving a youth offending team out cites."""
    if why.endswith("that day"):  # its councils' records hold other days
        return "s.39(1), s.42(1)"
    return "s.42(1), (2)" if SCILLY_IN_CORNWALL in why else "s.42(1)"
