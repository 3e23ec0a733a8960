"""One fire and rescue authority for an area: two recorded for the same day contradict.

The Fire and Rescue Services Act 2004 s.1(1): "The fire and rescue authority for an area is
the authority determined under this section" (one, by s.1(2)-(3), or by a scheme or order
that s.1(4)-(5) names). Two fire and rescue authority records whose areas both give a local
government area (s.11(6)), each holding on the day asked and neither in doubt on it, say
two bodies were that area's fire and rescue authority at once: one of the records is
wrong. The answer names the conflict among its missing facts (``undetermined``), never a
``yes`` listing both; asked of no day, it names the days the records meet, undoubted
(:func:`contradicting_days`, for chief officers of police too: law51). ``svduty
validate`` reports the records (``BUNDLE-FIRE-AUTHORITIES``,
:func:`two_fire_authorities_finding`). Records in doubt on the day (an order read two
ways, e.g. SI 2023/1432 from 20 December 2023 to 6 May 2024) are already undetermined and
are not a contradiction; a bundle that settles the doubt by ending one record where the
other starts has none.

Example:
    >>> from svduty.authorities import Authority, AuthorityCategory
    >>> from svduty.periods import Period
    >>> from svduty.sources import cite
    >>> f = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
    >>> a = Authority("a", "A", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
    >>> b = Authority("b", "B", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"),
    ...               valid=Period("2024-01-01"))
    >>> reasons, missing = fire_authorities_contradict([a, b], "E07000901", "2024-02-01")
    >>> reasons[0].citation.provision, missing[0][:40]
    ('s.1(1)', 'which of A and B was the fire and rescue')
    >>> fire_authorities_contradict([a, b], "E07000901", "2023-06-01")
    ([], [])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping, Sequence

import pendulum

from svduty.answers import Reason
from svduty.authorities._answering import IN_FORCE
from svduty.authorities._authority import Authority, one_body
from svduty.authorities._categories import AuthorityCategory
from svduty.findings import Finding, Severity
from svduty.periods import Period, date
from svduty.sources import Citation, cite

__all__ = [
    "CONTRADICT",
    "FIRE_RULE",
    "POLICE_CONTRADICT",
    "POLICE_RULE",
    "contradicting_days",
    "fire_authorities_contradict",
    "one_area_pair",
    "police_areas_contradicting",
    "police_forces_contradict",
    "two_fire_authorities_finding",
    "two_police_forces_finding",
    "undoubted_fire_authorities",
]

_S1_1 = cite("frsa-2004", "s.1(1)")
_PA_S2 = cite("police-act-1996", "s.2(1)")
_S1_1_WORDS = (
    "'The fire and rescue authority for an area is the authority determined under this section'"
)

CONTRADICT = "(Fire and Rescue Services Act 2004 s.1(1)): the records contradict"
"""How the missing fact of :func:`fire_authorities_contradict` ends."""

FIRE_RULE = "BUNDLE-FIRE-AUTHORITIES"
"""The rule id of :func:`two_fire_authorities_finding`."""

POLICE_CONTRADICT = "(Police Act 1996 s.2(1)): the records contradict"
"""How each missing fact of :func:`police_forces_contradict` ends."""

POLICE_RULE = "BUNDLE-POLICE-FORCES"
"""The rule id of :func:`two_police_forces_finding`."""

_PA_S2_WORDS = "'A police force shall be maintained for every police area'"


def undoubted_fire_authorities(found: Iterable[Authority], day: _dt.date) -> list[Authority]:
    """The fire and rescue authorities among ``found`` that hold on ``day``, not in doubt on it.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.sources import cite
        >>> f = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
        >>> a = Authority("a", "A", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> [x.id for x in undoubted_fire_authorities([a], date("2024-01-01"))]
        ['a']
    """
    return _undoubted(found, day, AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY)


def _undoubted(
    found: Iterable[Authority], day: _dt.date, category: AuthorityCategory
) -> list[Authority]:
    return [
        a
        for a in found
        if a.category is category
        and day in a.valid
        and (a.in_doubt is None or day not in a.in_doubt.valid)
    ]


def fire_authorities_contradict(
    found: Iterable[Authority], lga_code: str, on: _dt.date | str | None
) -> tuple[list[Reason], list[str]]:
    """(reasons, missing) when two or more fire and rescue authorities hold, undoubted, on ``on``.

    Asked of no day, each run of days since the Chapter came into force on which two or
    more hold, undoubted (:func:`contradicting_days`): records that meet on no day do not
    contradict; records that meet do, on those days, and the answer names them (law51).
    """
    found = list(found)
    reasons: list[Reason] = []
    missing: list[str] = []
    for _, sure, when in contradicting_days(found, on, lambda day: _fire_on(found, lga_code, day)):
        names = ", ".join(a.name for a in sure[:-1]) + f" and {sure[-1].name}"
        says = (
            f"{names} are each recorded as the fire and rescue authority for an area that "
            f"gives {lga_code} {when}, none in doubt then: an area has one fire and rescue "
            f"authority ({_S1_1_WORDS}): the records contradict"
        )
        reasons.append(Reason("s.11(6)", says, _S1_1))
        missing.append(
            f"which of {names} was the fire and rescue authority for {lga_code} {when} "
            + CONTRADICT
        )
    return reasons, missing


def _fire_on(
    found: Iterable[Authority], lga_code: str, day: _dt.date
) -> list[tuple[str, list[Authority]]]:
    """The area's fire and rescue authority records that contradict on ``day``, if any.

    Records of one legal body (:func:`~svduty.authorities._authority.one_body`: a county
    council recorded twice as its county's fire and rescue authority, s.1(2)(a)) are that
    one authority, no contradiction of s.1(1) (law52), as a chief officer's are.
    """
    sure = undoubted_fire_authorities(found, day)
    bodies = [a for i, a in enumerate(sure) if not any(one_body(a, b) for b in sure[:i])]
    return [(lga_code, sure)] if len(bodies) >= 2 else []


def contradicting_days(
    found: Sequence[Authority],
    on: _dt.date | str | None,
    groups_on: Callable[[_dt.date], list[tuple[str, list[Authority]]]],
) -> list[tuple[str, list[Authority], str]]:
    """Each (area, records, when) that ``groups_on`` finds contradicting: on ``on``, or on any day.

    One mechanism for both rules of one authority for an area (FRSA 2004 s.1(1); Police
    Act 1996 s.2(1)). Asked of a day, the records that contradict on it, ``when`` "on"
    that day. Asked of no day (svduty assumes no today), every day since the Chapter came
    into force (31 January 2023, SI 2022/1227 reg 4) is looked at: records whose periods
    meet on no day (one ending where the other starts) do not contradict, and the day is
    missing only as the records' own ends make it (:func:`~._answering.held`); records
    that meet, undoubted, contradict on those days, which ``when`` names ("on 2024-01-01
    onwards"): a ``yes`` listing both would be an answer no day gives (law51). The state
    changes only on a day a record, or its doubt, starts or ends: those days are looked at.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> f, c = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY, cite("pcsc-act-2022", "Sch 1")
        >>> a = Authority("a", "A", f, ("E31000099",), c, valid=Period("2020-01-01", "2024-06-01"))
        >>> b = Authority("b", "B", f, ("E31000099",), c, valid=Period("2024-01-01"))
        >>> [(x, [r.id for r in rs], when) for x, rs, when in contradicting_days(
        ...     [a, b], None, lambda day: _fire_on([a, b], "E07000901", day))]
        [('E07000901', ['a', 'b'], 'on 2024-01-01 to 2024-05-31')]
        >>> contradicting_days([a, b], "2023-06-01", lambda day: _fire_on([a, b], "x", day))
        []
    """
    if on is not None:
        day = date(on)
        return [(area, same, f"on {day}") for area, same in groups_on(day)]
    edges = {IN_FORCE}
    for a in found:
        spans = [a.valid] + ([a.in_doubt.valid] if a.in_doubt is not None else [])
        edges.update(d for p in spans for d in (p.start, p.end) if d is not None and d > IN_FORCE)
    days = sorted(edges)
    runs: list[tuple[str, list[Authority], pendulum.Date, pendulum.Date | None]] = []
    for i, day in enumerate(days):  # the same on every day until the next edge
        end = days[i + 1] if i + 1 < len(days) else None
        for area, same in groups_on(day):
            ids = [a.id for a in same]
            at = next(
                (
                    j
                    for j in reversed(range(len(runs)))
                    if runs[j][0] == area and [a.id for a in runs[j][1]] == ids
                ),
                None,
            )
            if at is not None and runs[at][3] == day:  # the run goes on
                runs[at] = (area, same, runs[at][2], end)
            else:
                runs.append((area, same, day, end))
    return [(area, same, f"on {Period(start, end)}") for area, same, start, end in runs]


def two_fire_authorities_finding(
    found: Iterable[Authority],
    at: Mapping[str, int],
    lgas: Sequence[tuple[str, str, _dt.date]],
) -> Finding | None:
    """``svduty validate``'s error for two fire and rescue authority records of one area.

    ``found``: records the bundle gives each local government area of ``lgas`` (its code,
    its name, the first day the records contradict there); ``at``: each record's place in
    ``authorities.toml``. ``None`` when fewer than two hold, undoubted, on the first day.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.sources import cite
        >>> f = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
        >>> a = Authority("a", "A", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> b = Authority("b", "B", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> found = two_fire_authorities_finding(
        ...     [a, b], {"a": 0, "b": 3}, [("E07000901", "Nowhere", date("2024-01-01"))])
        >>> found.where, found.subjects, str(found.citations[0])
        ('authorities.toml: authorities[0] and authorities[3]', ('a', 'b', 'E07000901'), 'Fire and Rescue Services Act 2004, s.1(1)')
        >>> print(found.message[:95])
        a (A) and b (B) are each recorded as the fire and rescue authority for E07000901 (Nowhere) from
    """  # noqa: E501
    if not lgas:
        return None
    sure = undoubted_fire_authorities(found, min(day for _, _, day in lgas))
    return _two_records(
        FIRE_RULE,
        sure,
        at,
        lgas,
        role="the fire and rescue authority for",
        law="an area has one fire and rescue authority (Fire and Rescue Services Act 2004 "
        f"s.1(1): {_S1_1_WORDS})",
        citation=_S1_1,
    )


def two_police_forces_finding(
    found: Iterable[Authority],
    at: Mapping[str, int],
    lgas: Sequence[tuple[str, str, _dt.date]],
) -> Finding | None:
    """``svduty validate``'s error for two chief officer of police records of one police area.

    As :func:`two_fire_authorities_finding`, for records that
    :func:`police_areas_contradicting` finds on the first day of ``lgas`` (the first police
    area's). Two for different police areas are no error (s.11(6)).

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = AuthorityCategory.CHIEF_OFFICER_OF_POLICE
        >>> a = Authority("a", "A", c, ("E23000901",), cite("pcsc-act-2022", "Sch 1"))
        >>> b = Authority("b", "B", c, ("E23000901",), cite("pcsc-act-2022", "Sch 1"))
        >>> found = two_police_forces_finding(
        ...     [a, b], {"a": 0, "b": 3}, [("E07000901", "Nowhere", date("2024-01-01"))])
        >>> found.rule, found.where, str(found.citations[0])
        ('BUNDLE-POLICE-FORCES', 'authorities.toml: authorities[0] and authorities[3]', 'Police Act 1996, s.2(1)')
    """  # noqa: E501
    if not lgas:
        return None
    groups = police_areas_contradicting(found, min(day for _, _, day in lgas))
    if not groups:
        return None
    area, sure = groups[0]
    return _two_records(
        POLICE_RULE,
        sure,
        at,
        lgas,
        role=f"the chief officer of police for the police area {area}, which gives",
        law=f"a police area has one force (Police Act 1996 s.2(1): {_PA_S2_WORDS})",
        citation=_PA_S2,
    )


def _two_records(
    rule: str,
    sure: list[Authority],
    at: Mapping[str, int],
    lgas: Sequence[tuple[str, str, _dt.date]],
    *,
    role: str,
    law: str,
    citation: Citation,
) -> Finding | None:
    """The error naming the records ``sure`` (two or more) as ``role`` each area of ``lgas``."""
    if len(sure) < 2:
        return None
    sure = sorted(sure, key=lambda a: at.get(a.id, -1))
    named = [f"{a.id} ({a.name})" for a in sure]
    both = ", ".join(named[:-1]) + f" and {named[-1]}"
    areas = [f"{code} ({name}) from {day.isoformat()}" for code, name, day in lgas]
    places = [f"authorities[{at[a.id]}]" for a in sure if a.id in at]
    return Finding(
        rule,
        Severity.ERROR,
        f"{both} are each recorded as {role} {', '.join(areas)}, none in doubt on those days: "
        f"{law}; end one record where the other starts, or record the days the law leaves "
        "in doubt (in_doubt)",
        (citation,),
        subjects=(*(a.id for a in sure), *(code for code, _, _ in lgas)),
        where="authorities.toml: " + " and ".join(places or ["authorities"]),
    )


def police_forces_contradict(
    found: Iterable[Authority], lga_code: str, on: _dt.date | str | None
) -> tuple[list[Reason], list[str]]:
    """(reasons, missing) when two chief officers of police hold, undoubted, for one police area.

    The Police Act 1996 s.2(1): "A police force shall be maintained for every police area",
    one force and its chief officer for each police area (law50). Two records for the same
    police area on the day asked, neither in doubt and not one legal body, contradict; two
    for different police areas do not: each is a specified authority for a local government
    area lying in both (s.11(6)), as every board is for an area lying in two boards' areas.
    Asked of no day, the days they meet, as :func:`contradicting_days` finds them (law51).

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = AuthorityCategory.CHIEF_OFFICER_OF_POLICE
        >>> a = Authority("a", "A", c, ("E23000901",), cite("pcsc-act-2022", "Sch 1"))
        >>> b = Authority("b", "B", c, ("E23000902",), cite("pcsc-act-2022", "Sch 1"))
        >>> police_forces_contradict([a, b], "E07000901", "2024-02-01")
        ([], [])
        >>> import attrs
        >>> _, missing = police_forces_contradict([a, attrs.evolve(b, areas=a.areas)],
        ...                                       "E07000901", "2024-02-01")
        >>> missing[0][:44]
        'which of A and B was the chief officer of po'
    """
    found = list(found)
    reasons: list[Reason] = []
    missing: list[str] = []
    for area, same, when in contradicting_days(
        found, on, lambda day: police_areas_contradicting(found, day)
    ):
        names = ", ".join(a.name for a in same[:-1]) + f" and {same[-1].name}"
        reasons.append(
            Reason(
                "s.11(6)",
                f"{names} are each recorded as the chief officer of police for the police area "
                f"{area}, which gives {lga_code}, {when}, none in doubt then: a police "
                f"area has one force ({_PA_S2_WORDS}): the records contradict",
                _PA_S2,
            )
        )
        missing.append(
            f"which of {names} was the chief officer of police for the police area {area} "
            f"{when} {POLICE_CONTRADICT}"
        )
    return reasons, missing


def police_areas_contradicting(
    found: Iterable[Authority], day: _dt.date
) -> list[tuple[str, list[Authority]]]:
    """Each police area with two or more undoubted chief officer records on ``day``: its records.

    Records of one legal body (:func:`~svduty.authorities._authority.one_body`) are one.

    Example:
        >>> from svduty.authorities import Authority, AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = AuthorityCategory.CHIEF_OFFICER_OF_POLICE
        >>> a = Authority("a", "A", c, ("E23000901",), cite("pcsc-act-2022", "Sch 1"))
        >>> b = Authority("b", "B", c, ("E23000901", "E23000902"), cite("pcsc-act-2022", "Sch 1"))
        >>> [(area, [x.id for x in same])
        ...  for area, same in police_areas_contradicting([a, b], date("2024-01-01"))]
        [('E23000901', ['a', 'b'])]
    """
    sure = _undoubted(found, day, AuthorityCategory.CHIEF_OFFICER_OF_POLICE)
    out = []
    for area in sorted({x for a in sure for x in a.areas}):
        same = [a for a in sure if area in a.areas]
        if len(same) >= 2 and not all(one_body(same[0], b) for b in same[1:]):
            out.append((area, same))
    return out


def one_area_pair(a: Authority, b: Authority, on: _dt.date | str | None) -> Reason | None:
    """The s.16(1) doubt when two records not joined are one area's one authority at once.

    Two fire and rescue authority records for one area (FRSA 2004 s.1(1)), or two chief
    officer records for one police area (Police Act 1996 s.2(1)), undoubted on a day asked
    (or, asked of no day, on a day since the Chapter came into force): the law allows one, so
    they are one body recorded twice without ``same_body_as`` or the records contradict.
    Whether one may disclose to "another person" (PCSC Act 2022 s.16(1)) is then not known
    (law52); ``None`` otherwise.

    Example:
        >>> import attrs
        >>> from svduty.sources import cite
        >>> f = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
        >>> a = Authority("a", "A", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> b = Authority("b", "B", f, ("E31000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> one_area_pair(a, b, "2024-01-01").citation.provision
        's.1(1)'
        >>> one_area_pair(a, attrs.evolve(b, areas=("E31000098",)), "2024-01-01") is None
        True
    """
    fire = AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY
    if a.category is fire and b.category is fire and set(a.areas) & set(b.areas):
        runs = contradicting_days([a, b], on, lambda day: _fire_on([a, b], "", day))
        role, citation = "the fire and rescue authority for one area", _S1_1
    elif a.category is AuthorityCategory.CHIEF_OFFICER_OF_POLICE:
        runs = contradicting_days([a, b], on, lambda day: police_areas_contradicting([a, b], day))
        role, citation = "the chief officer of police for one police area", _PA_S2
    else:
        return None
    if not runs:
        return None
    says = (
        f"not known: whether {a.name} and {b.name}, each recorded as {role} {runs[0][2]}, are "
        "one body recorded twice (same_body_as) or the records contradict: the law allows one "
        "(s.16(1): disclosure is to another person)"
    )
    return Reason("s.16(1)", says, citation)
