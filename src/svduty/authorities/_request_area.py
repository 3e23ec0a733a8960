"""Section 17(2): whether the authority asked is one for an area of the request.

:func:`recipient_area` reads s.17(1)-(2) with s.14(1) and each area's own record
(s.11(4)). A local policing body may request information "to exercise its functions under
section 14 in relation to an area" from "a specified authority for that area" (or an
educational, prison or youth custody authority for it); its s.14 functions are exercised
in relation to a local government area within its police area (s.14(1)(a)) or to "a
relevant area which, or any part of which, coincides with or falls within the police
area" (s.14(1)(b)). An authority for any local government area of such a relevant area,
inside the police area or not, is an authority "for that area", as s.9(4)(a) ("every
other specified authority for the area") and
:func:`~svduty.authorities.must_consult_s9` read the words. An
area asked about on a day its record does not hold was no local government area that day.

Example:
    >>> from svduty.authorities._categories import AuthorityCategory
    >>> from svduty.sources import cite
    >>> c = cite("pcsc-act-2022", "Sch 1")
    >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",), c)
    >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c)
    >>> fake = {"E23000099": ["E07000901"]}
    >>> reasons, missing, failed = recipient_area(pcc, d, lambda c: fake.get(c, [c]), None)
    >>> reasons[0].says, missing, failed
    ("D is an authority for E07000901, within PCC's police area", [], False)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

import attrs

from svduty.answers import Reason
from svduty.authorities._answering import for_area, reason
from svduty.authorities._authority import Authority, DistrictsWithin, local_government_areas
from svduty.authorities._categories import Role
from svduty.authorities._specified import area_held
from svduty.periods import Period, date

__all__ = ["recipient_area"]

Parts = tuple[list[Reason], list[str], bool]


def _by_record(
    periods_of: Callable[[str], Iterable[Period] | None] | None,
    codes: Iterable[str],
    on: _dt.date | str | None,
) -> tuple[list[str], list[str], list[Reason], list[str]]:
    """(held, gone, why gone, missing): the areas by what their own records say of ``on``."""
    kept: list[str] = []
    gone: list[str] = []
    why: list[Reason] = []
    missing: list[str] = []
    for code in codes:
        reasons, unknown, failed = area_held(periods_of, [code], on)
        if failed:
            gone.append(code)
            why.extend(reasons)
        else:
            kept.append(code)
            missing.extend(unknown)
    return kept, gone, why, missing


def recipient_area(
    body: Authority,
    recipient: Authority,
    districts_within: DistrictsWithin,
    relevant_area: Iterable[str] | None,
    *,
    area_periods: Callable[[str], Iterable[Period] | None] | None = None,
    on: _dt.date | str | None = None,
) -> Parts:
    """Whether the recipient is an authority for the area of the request (s.17(2), s.14(1)).

    (reasons, missing, failed). The areas the two share are the local government areas
    within the police area the recipient is an authority for; with ``area_periods``, an
    area whose own record does not hold on ``on`` is none that day (s.11(4)), and one
    with no record leaves it missing. A recipient joined to the police area only through
    areas that were none that day (Allerdale's council, which ``svduty init`` files under
    Cumberland's code until 1 April 2023) is not shown to be an authority for a local
    government area within it: ``undetermined``, naming the area to record, never a
    ``yes`` for an area that did not exist nor a ``no`` for a body that may have been one.

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",),
        ...                 c)
        >>> d = Authority("d", "D", AuthorityCategory.DISTRICT_COUNCIL, ("E06000063",), c)
        >>> join = {"E23000099": ["E06000063"]}
        >>> later = {"E06000063": [Period("2023-04-01")]}.get
        >>> reasons, missing, failed = recipient_area(
        ...     pcc, d, lambda c: join.get(c, [c]), None, area_periods=later, on="2023-02-15")
        >>> failed, reasons[0].rule, missing[0][:58]
        (False, 's.11(4)', "the local government area within PCC's police area for whi")
    """
    own = set(local_government_areas(body, districts_within))
    theirs = set(local_government_areas(recipient, districts_within))
    joined = sorted(own & theirs)
    shared, gone, why, unknown = _by_record(area_periods, joined, on)
    if shared:
        known = [x for x in shared if not area_held(area_periods, [x], on)[1]]
        areas = known or shared
        says = f"{recipient.name} is an authority for {', '.join(areas)}, within "
        return (
            [reason("s.17(2)", says + f"{body.name}'s police area"), _row(recipient, areas)],
            [] if known else unknown,
            False,
        )
    if gone:  # joined only through areas that were no local government area that day
        return (
            why,
            [
                f"the local government area within {body.name}'s police area for which "
                f"{recipient.name} was an authority on {date(on) if on else 'the day'} "
                f"(s.17(2)): the area it is recorded for, {', '.join(gone)}, was not one "
                "that day (s.11(4))"
            ],
            False,
        )
    return _relevant_area(
        body, recipient, own, theirs, relevant_area=relevant_area, area_periods=area_periods, on=on
    )


def _row(recipient: Authority, areas: list[str]) -> Reason:
    """Why the recipient is an authority for ``areas``: its row as read (s.11(6), s.12(2))."""
    rule = "s.12(2)" if recipient.role is Role.RELEVANT_AUTHORITY else "s.11(6)"
    return for_area(recipient, ", ".join(areas), rule)


def _outside(recipient: Authority, theirs: set[str]) -> Reason:
    """Why the recipient is no authority for the police area: its row's second column.

    A ``no`` that rests on where the recipient stands rests on that column (s.11(6),
    s.12(2)) and carries its doubt where it is not read (a fire and rescue authority, a
    Local Health Board, a prison): not on the first column, for a body that is no
    authority at all is none for the area either.

    Example:
        >>> from svduty.authorities._categories import AuthorityCategory
        >>> from svduty.sources import cite
        >>> f = Authority("f", "F", AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ...               ("W06000099",), cite("pcsc-act-2022", "Sch 1"))
        >>> r = _outside(f, {"W06000099"})
        >>> r.citation.provision, r.citation.confidence.value
        ('s.17(2), s.11(6), Sch 1', 'unconfirmed')
    """
    info = recipient.info
    join = info.join_citation
    areas = ", ".join(sorted(theirs)) or "no local government area"
    says = (
        f"{recipient.name} is not an authority for the police area: it is one for {areas} "
        f"({info.lga_wording})"
    )
    return Reason("s.17(2)", says, attrs.evolve(join, provision=f"s.17(2), {join.provision}"))


def _relevant_area(
    body: Authority,
    recipient: Authority,
    own: set[str],
    theirs: set[str],
    *,
    relevant_area: Iterable[str] | None,
    area_periods: Callable[[str], Iterable[Period] | None] | None,
    on: _dt.date | str | None,
) -> Parts:
    """s.14(1)(b): a recipient outside the police area, reached through a relevant area."""
    outside = _outside(recipient, theirs)
    if relevant_area is None:
        return (
            [outside],
            [
                "relevant_area: whether the request serves s.9 functions for a relevant area "
                f"any part of which falls within {body.name}'s police area and which "
                f"{recipient.name} is an authority for (s.14(1)(b), s.17(2))"
            ],
            False,
        )
    area = list(dict.fromkeys(relevant_area))
    if not area:
        return [outside, reason("s.14(1)", "the request serves no s.9 relevant area")], [], True
    _, gone, why, unknown = _by_record(area_periods, area, on)
    if gone:  # a relevant area is made up of local government areas (s.9(13))
        return [outside, *why], [], True
    inside = sorted(set(area) & own)
    if not inside:
        return (
            [
                outside,
                reason("s.14(1)(b)", "no part of the relevant area falls within the police area"),
            ],
            [],
            True,
        )
    reached = sorted(set(area) & theirs)
    if not reached:
        return (
            [
                outside,
                reason(
                    "s.17(2)",
                    f"{recipient.name} is not an authority for any part of the relevant area",
                ),
            ],
            [],
            True,
        )
    return (
        [
            outside,
            reason(
                "s.14(1)(b)",
                f"the relevant area straddles the police area: {', '.join(inside)} falls "
                "within it, so the request may serve s.9 functions for the whole area",
            ),
            reason(
                "s.17(2)",
                f"{recipient.name} is an authority for {', '.join(reached)}, part of the "
                "relevant area outside the police area: a specified or relevant authority "
                "'for that area', the area in relation to which the s.14 functions are "
                "exercised (s.17(1)), as s.9(4)(a) uses the words",
                "s.17(1)-(2), s.14(1)(b), s.9(4)(a)",
            ),
            _row(recipient, reached),
        ],
        unknown,
        False,
    )
