"""Sections 8, 9 and 14: who must be consulted on a strategy, and who may assist.

:func:`must_consult_s8` (s.8(4)) and :func:`must_consult_s9` (s.9(4)) name the
authorities to consult on a strategy for a local government area or a relevant area;
:func:`may_assist` answers whether a local policing body may assist with and monitor the
specified authorities' functions (s.14).

Example:
    >>> a = must_consult_s8(Authorities(), "E07000901", districts_within=lambda c: (c,))
    >>> a.verdict.value
    'undetermined'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping

import attrs

from svduty._arguments import texts_argument
from svduty._checked import checked
from svduty.answers import Answer, Reason
from svduty.areas import AreaKind
from svduty.authorities._absences import against
from svduty.authorities._answering import (
    ACT,
    IN_FORCE,
    answer,
    for_area,
    held,
    in_force,
    plural,
    reason,
)
from svduty.authorities._authority import (
    Absence,
    Authority,
    DistrictsWithin,
    local_government_areas,
    one_body,
)
from svduty.authorities._categories import AuthorityCategory, Role
from svduty.authorities._extent import first_outside_extent, outside_extent, outside_extent_reason
from svduty.authorities._model import Authorities, check_area_code
from svduty.authorities._one_provider import both_secretary_of_state, one_provider_citation
from svduty.authorities._specified import (
    area_held,
    in_force_for,
    not_a_local_government_area,
    specified_authorities_for,
)
from svduty.errors import DataError, named
from svduty.periods import Period
from svduty.sources import Confidence, cite

__all__ = ["may_assist", "must_consult_s8", "must_consult_s9"]

_SCHEDULE_2 = (
    AuthorityCategory.EDUCATIONAL_AUTHORITY,
    AuthorityCategory.PRISON_AUTHORITY,
    AuthorityCategory.YOUTH_CUSTODY_AUTHORITY,
)


def _relevant(
    authorities: Authorities,
    lga_codes: Iterable[str],
    rule: str,
    on: _dt.date | str | None,
    districts_within: DistrictsWithin | None,
) -> tuple[list[str], list[Reason], list[str]]:
    subjects: list[str] = []
    reasons: list[Reason] = []
    missing: list[str] = []
    seen: dict[Absence, tuple[tuple[Authority, ...], tuple[str, ...]]] = {}
    reasons.append(reason(rule, "each relevant authority for the area must be consulted"))
    for lga in lga_codes:
        found = authorities.relevant_for(lga, on=on, districts_within=districts_within)
        for a in found:
            if a.id not in subjects:
                subjects.append(a.id)
        for cat in _SCHEDULE_2:
            of_cat = [a for a in found if a.category is cat]
            absences = authorities.absences_for(lga, cat, on=on, districts_within=districts_within)
            words = cat.value.replace("_", " ")
            if of_cat:
                reasons.append(
                    reason(
                        rule,
                        f"consult each {words} for {lga}: " + ", ".join(a.name for a in of_cat),
                    )
                )
                reasons += [for_area(a, lga, "s.12(2)") for a in of_cat]  # each row, as read
            closing = []
            for x in absences:
                if x not in seen:  # an absence's contradictions do not depend on the area
                    seen[x] = against(authorities, x, on=on, districts_within=districts_within)
                named_against, unknown = seen[x]
                if not named_against and not unknown:
                    closing.append(x)
                    continue
                reasons.append(Reason(rule, f"a recorded absence of {words} for {lga}", x.citation))
                if named_against:
                    missing.append(
                        f"which records are right: {', '.join(a.name for a in named_against)} "
                        f"{'is' if len(named_against) == 1 else 'are'} named for its areas, but a "
                        f"recorded absence for {lga} says no {words} it does not list is for "
                        "them (BUNDLE-ABSENCE)"
                    )
                missing += [
                    f"the record of {named(b, 'an id')}, which a recorded absence for {lga} lists "
                    f"as {cat.a}: until a record of it as one is there the list is not known "
                    "(BUNDLE-ABSENCE)"
                    for b in unknown
                ]
            in_doubt, not_known, _ = held(of_cat, on, rule)  # no day asked; a record in doubt
            reasons += in_doubt
            missing += not_known
            if not of_cat and not absences:
                missing.append(f"the {plural(cat)} for {lga} (Sch 2)")
            elif not absences:  # "each" (s.8(4), s.9(4)): one recorded is not all of them
                missing.append(
                    f"whether every {words} for {lga} is recorded (each must be consulted; "
                    "an absence listing them beside would say there is no other)"
                )
            other = " other" if of_cat else ""
            confirmed = any(x.citation.confidence is not Confidence.UNCONFIRMED for x in closing)
            for x in closing:
                reasons.append(
                    Reason(rule, f"no{other} {words} is for {lga} (a recorded absence)", x.citation)
                )
                if x.citation.confidence is Confidence.UNCONFIRMED and not confirmed:
                    missing.append(
                        f"confirmation that no{other} {words} is for {lga}: {x.citation.doubt}"
                    )
            gap = _first_day_not_held(closing) if on is None else None
            if gap is not None:  # as held(): no today is assumed
                missing.append(
                    f"on (the day asked: no record that no{other} {words} is for {lga} "
                    f"holds on {gap})"
                )
    return subjects, reasons, missing


def _first_day_not_held(closing: list[Absence]) -> _dt.date | None:
    """The first day from 31 January 2023 on which none of ``closing`` holds, if any.

    Asked of no day, a list is known whole only if absences close it on every day the
    duty is in force: an absence that ends, or starts later, leaves the day to be given,
    and one more absence that fills the gap never turns a yes into "undetermined".

    Example:
        >>> from svduty.periods import Period
        >>> from svduty.sources import cite
        >>> x = Absence(AuthorityCategory.PRISON_AUTHORITY, ("E07000901",), cite(ACT, "Sch 2"))
        >>> _first_day_not_held([x]) is None
        True
        >>> _first_day_not_held([attrs.evolve(x, valid=Period("2023-01-31", "2024-01-01"))])
        Date(2024, 1, 1)
    """
    day = IN_FORCE
    for x in sorted(closing, key=lambda x: x.valid.start):
        if x.valid.start > day:
            return day
        if x.valid.end is None:
            return None
        day = max(day, x.valid.end)
    return day if closing else None


@checked
def must_consult_s8(
    authorities: Authorities,
    lga_code: str,
    *,
    on: _dt.date | str | None = None,
    districts_within: DistrictsWithin | None = None,
) -> Answer:
    """Who the specified authorities must consult on a s.8 strategy (s.8(4)).

    Each relevant authority (educational, prison, youth custody) for the local government
    area. ``subjects`` are the recorded ones; the answer is ``yes`` when every Schedule 2
    table is known whole: a confirmed :class:`~svduty.authorities.Absence` of the category
    (none, or none beside those it lists; one school named is not *each* educational
    authority). Otherwise it is ``undetermined``, naming what to find out; ``no`` on a day
    before s.8 came into force (31 January 2023; SI 2022/1227 reg 4), or on a day the
    area's own record does not hold (s.11(4): not a local government area that day, as
    :func:`specified_authorities_for` says), or for an area outside England and Wales, on
    any day (s.11(4), s.207(1): an area of Scotland, Northern Ireland, the Channel Islands
    or the Isle of Man; law57).

    Example:
        >>> a = must_consult_s8(Authorities(), "E07000901", districts_within=lambda c: (c,))
        >>> a.verdict.value, len(a.missing)
        ('undetermined', 3)
    """
    _local_government_areas("lga_code", [lga_code])
    question = f"Who must be consulted on the strategy for {lga_code} (s.8(4))?"
    if outside_extent(lga_code):  # no local government area: s.11(4), s.207(1) (law57)
        return answer(question, [outside_extent_reason(lga_code)], [], failed=True)
    stop, commenced, area_day = in_force_for("s.8", authorities.area_periods, [lga_code], on)
    if stop:  # before commencement, or not a local government area that day (s.11(4))
        return answer(question, stop, [], failed=True)
    subjects, reasons, missing = _relevant(authorities, [lga_code], "s.8(4)", on, districts_within)
    return answer(
        question,
        [*reasons, *([commenced] if commenced else [])],
        area_day + missing,
        failed=False,
        subjects=subjects,
    )


@checked
def must_consult_s9(
    authorities: Authorities,
    relevant_area: Iterable[str],
    collaborators: Iterable[str],
    *,
    on: _dt.date | str | None = None,
    districts_within: DistrictsWithin | None = None,
    kinds: Mapping[str, AreaKind | str] | None = None,
) -> Answer:
    """Who must be consulted on a s.9 strategy for a relevant area (s.9(4)).

    (a) every other specified authority for the area (any of its local government areas)
    that is not among the collaborating authorities, and (b)-(d) each relevant authority
    for the area; ``no`` on a day before s.9 came into force (31 January 2023), on a
    day one of its areas' own records does not hold (s.11(4)), or where one of its areas
    is outside England and Wales (s.11(4), s.207(1); law57). The answer
    is ``undetermined`` while a Schedule 1 table of one of its areas has nobody recorded
    (as :func:`specified_authorities_for` says) or a Schedule 2 table is not known whole
    (as :func:`must_consult_s8` says).

    Args:
        authorities: The named authorities.
        relevant_area: The local government areas of the relevant area (s.9(13)).
        collaborators: The ids of the specified authorities preparing the strategy.
        on: A day to look at (default: every record).
        districts_within: The join callable, if not stored.
        kinds: The kind of each area named by an id, not a GSS code (a scenario's new
            area: :attr:`svduty.governance.Reorganised.kinds`), whose Schedule 1 tables
            are then known (as ``specified_authorities_for(kind=)``).

    Raises:
        DataError: if the relevant area has fewer than two local government areas
            (s.9(13)(b): "one or more other local government areas"; one alone is a s.8
            strategy's area), or a code of another kind of area of England and Wales
            (s.11(4): a county, a police force area); or if the
            collaborators are not two or more specified authorities for parts of it, and
            only those (s.9(1): "two or more specified authorities"; s.9(13)(a)).

    Example:
        >>> from svduty.sources import cite
        >>> c = cite("pcsc-act-2022", "Sch 1")
        >>> auths = Authorities((
        ...     Authority("d1", "D1", AuthorityCategory.DISTRICT_COUNCIL, ("E07000901",), c),
        ...     Authority("d2", "D2", AuthorityCategory.DISTRICT_COUNCIL, ("E07000902",), c),
        ...     Authority("cc", "CC", AuthorityCategory.COUNTY_COUNCIL, ("E07000901",), c),
        ... ))
        >>> must_consult_s9(auths, ["E07000901", "E07000902"], ["d1", "d2"],
        ...                 districts_within=lambda c: (c,)).subjects
        ('cc',)
    """
    areas = texts_argument(relevant_area, "must_consult_s9(relevant_area)", "a GSS code (str)")
    lgas = list(dict.fromkeys(areas))
    question = "Who must be consulted on the strategy for the relevant area (s.9(4))"
    if len(lgas) < 2:
        raise DataError.single(
            None,
            "relevant_area",
            expected="two or more local government areas: a relevant area is made up of "
            f"parts of several (s.9(13)); got {len(lgas)} (for one, see must_consult_s8)",
        )
    _local_government_areas("relevant_area", lgas)
    abroad = first_outside_extent(lgas)
    if abroad is not None:  # s.9(13): made up of local government areas; s.207(1) (law57)
        return answer(f"{question}?", [outside_extent_reason(abroad)], [], failed=True)
    stop, commenced, _ = in_force_for("s.9", authorities.area_periods, lgas, on)  # day: s.11(6)'s
    if stop:  # before commencement, or one was not a local government area that day
        return answer(f"{question}?", stop, [], failed=True)
    specified = {
        a.id: a
        for lga in lgas
        for a in authorities.specified_for(lga, on=on, districts_within=districts_within)
    }
    team = set(texts_argument(collaborators, "must_consult_s9(collaborators)", "an id"))
    members = [specified[i] for i in sorted(team & set(specified))]
    bodies = [a for i, a in enumerate(members) if not any(one_body(a, b) for b in members[:i])]
    if len(bodies) < 2 or team - set(specified):
        raise DataError.single(
            None,
            "collaborators",
            expected="two or more specified authorities for parts of the relevant area, and "
            "only those: the authorities preparing the strategy (s.9(1), s.9(13)(a)); one "
            "body in two capacities (same_body_as), or two providers of probation services "
            "that are both the Secretary of State (OMA 2007 s.3(6)(b)), is one authority",
        )
    subjects: list[str] = []
    reasons: list[Reason] = []
    unsure: list[str] = []  # a provider that may be the Secretary of State preparing it
    maybe = [  # records that may be the Secretary of State with another collaborator
        b for b in bodies if any(both_secretary_of_state(b, o) is None for o in bodies if o != b)
    ]
    if maybe and len(bodies) - len(maybe) + 1 < 2:  # s.9(1): perhaps one authority (recheck51b)
        says = (
            f"not known: whether {maybe[0].name} and {maybe[1].name} are both the Secretary "
            "of State, one provider of probation services and so one authority, not the "
            "'two or more specified authorities' preparing the strategy"
        )
        reasons.append(Reason("s.9(1)", says, one_provider_citation()))
        unsure.append(
            f"provider_is_secretary_of_state: whether {maybe[0].name} and {maybe[1].name} are "
            "both the Secretary of State, one of the 'two or more specified authorities' "
            "(s.9(1); OMA 2007 s.3(6))"
        )
    for lga in lgas:
        for a in authorities.specified_for(lga, on=on, districts_within=districts_within):
            if not any(one_body(a, m) for m in members) and a.id not in subjects:
                subjects.append(a.id)
                reasons.append(
                    reason("s.9(4)(a)", f"consult {a.name}, a specified authority for {lga}")
                )
                reasons.append(for_area(a, lga, "s.11(6)"))  # its row, as read
                same = [m.name for m in members if both_secretary_of_state(a, m) is None]
                if same:  # OMA 2007 s.3(6)(b): the Secretary of State is one provider
                    unsure.append(
                        f"provider_is_secretary_of_state: whether {a.name} and {same[0]} are "
                        "both the Secretary of State, one provider of probation services "
                        "(s.9(4)(a) 'every other'; OMA 2007 s.3(6))"
                    )
    if not subjects:  # (a) named no one: say so, as for (b)-(d)
        says = "no other specified authority for the area is recorded: each is preparing it"
        reasons.append(reason("s.9(4)(a)", says))
    relevant = "s.9(4)(b)-(d)"
    rel_subjects, rel_reasons, missing = _relevant(
        authorities, lgas, relevant, on, districts_within
    )
    # (a) "every other specified authority": a Schedule 1 table nobody is recorded for
    # leaves who they are not known; a record in doubt, or two that contradict, leave
    # which they are not known, and the reasons citing why come with them (recheck49b)
    of_area = [
        specified_authorities_for(
            authorities, lga, on=on, districts_within=districts_within, kind=(kinds or {}).get(lga)
        )
        for lga in lgas
    ]
    missing[:0] = [*unsure, *(m for a in of_area for m in a.missing)]
    for r in (r for a in of_area for r in a.reasons):
        if r.rule == "s.11(6)" and r.citation.source.id != ACT and r not in reasons:
            reasons.append(r)
    for s in rel_subjects:
        if s not in subjects:
            subjects.append(s)
    own = [r.citation.source.id == ACT and r.citation.provision == relevant for r in rel_reasons]
    reasons.extend(  # s.8(4)'s words re-cited to s.9(4); a row's or an absence's kept
        attrs.evolve(r, citation=cite(ACT, "s.9(4)")) if mine else r
        for r, mine in zip(rel_reasons, own, strict=True)
    )
    return answer(
        f"{question}?",
        [*reasons, *([commenced] if commenced else [])],
        missing,
        failed=False,
        subjects=subjects,
    )


@checked
def may_assist(
    body: Authority,
    area: Iterable[str],
    *,
    section: str = "s.8",
    districts_within: DistrictsWithin,
    on: _dt.date | str | None = None,
    area_periods: Callable[[str], Iterable[Period] | None] | None = None,
) -> Answer:
    """Whether a local policing body may assist with and monitor functions for an area (s.14).

    s.14(1)(a): s.8 functions for a local government area that coincides with or falls
    within its police area; s.14(1)(b): s.9 functions for a relevant area any part of
    which does; s.14(2)-(3): it may monitor the same functions and report to the Secretary
    of State. Only a local policing body has these powers.

    Args:
        body: The would-be local policing body.
        area: The local government area (``section="s.8"``: exactly one) or the relevant
            area's local government areas (``section="s.9"``).
        section: ``"s.8"`` or ``"s.9"``.
        districts_within: The join callable.
        on: The day asked about: before 31 January 2023 s.14 was not in force (``no``);
            nor has a body whose record does not hold on it (``no``; with no day, a
            record that has ended leaves the answer ``undetermined``).
        area_periods: The periods of the areas' own records (a partnership's
            ``authorities.area_periods``): on a day none of an area's holds, it was not a
            local government area (``no``, s.11(4)), as :func:`must_consult_s8` says.

    Raises:
        DataError: for another section, several areas for s.8, or fewer than two for s.9
            (s.9(13): a relevant area is made up of all or part of one local government
            area and all or part of one or more others), or a code of an area that is not
            a local government area (s.11(4): a county, a police force area, a CSP), as
            :func:`must_consult_s8` refuses it. An area outside England and Wales is
            answered ``no`` (s.11(4), s.207(1); law57).

    Example:
        >>> from svduty.sources import cite
        >>> pcc = Authority("pcc", "PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("E23000099",),
        ...                 cite("pcsc-act-2022", "s.14"))
        >>> fake = {"E23000099": ["E07000901"]}
        >>> may_assist(pcc, ["E07000901"], districts_within=lambda c: fake.get(c, [c])).yes
        True
    """
    lgas = list(dict.fromkeys(area))
    if section not in {"s.8", "s.9"} or (len(lgas) == 1) is not (section == "s.8"):
        raise DataError.single(
            None,
            "section",
            expected="'s.8' (with one local government area) or 's.9' (with two or more: a "
            "relevant area is made up of parts of several, s.9(13))",
        )
    _local_government_areas("area", lgas)  # a county's s.8 functions are its districts'
    question = f"May {body.name} assist with and monitor the {section} functions for " + (
        ", ".join(lgas) + "?"
    )
    abroad = first_outside_extent(lgas)
    if abroad is not None:  # no s.8 or s.9 functions there: s.11(4), s.207(1) (law57)
        return answer(question, [outside_extent_reason(abroad)], [], failed=True)
    commenced, not_in_force = in_force("s.14", on)
    if commenced is not None and not_in_force:
        return answer(question, [commenced], [], failed=True)
    gone, unknown_day, ended = held([body], on, "s.14(1)")
    if ended:
        return answer(question, gone, [], failed=True)
    not_then, area_day, failed = area_held(area_periods, lgas, on)
    if failed:  # not a local government area that day (s.11(4))
        return answer(question, not_then, [], failed=True)
    unknown_day = unknown_day + area_day
    if body.role is not Role.LOCAL_POLICING_BODY:
        return answer(
            question,
            [reason("s.14(1)", f"{body.name} is not a local policing body", "s.14(1)")],
            [],
            failed=True,
        )
    own = set(local_government_areas(body, districts_within))
    inside = [x for x in lgas if x in own]
    rule = "s.14(1)(a)" if section == "s.8" else "s.14(1)(b)"
    if inside:
        reasons = [
            reason(rule, f"{', '.join(inside)} falls within {body.name}'s police area"),
            reason(
                "s.14(2)", "it may monitor those functions and report to the Secretary of State"
            ),
            reason("s.14(6)", "the specified authorities must co-operate with it when it acts"),
        ]
        reasons += gone  # its record in doubt that day (held)
        if commenced is not None:
            reasons.append(commenced)
        return answer(question, reasons, unknown_day, failed=False)
    return answer(
        question,
        [reason(rule, f"no part of the area falls within {body.name}'s police area")],
        [],
        failed=True,
    )


def _local_government_areas(field: str, codes: Iterable[str]) -> None:
    """Refuse a code of an area that is not a local government area (s.11(4)).

    Example:
        >>> _local_government_areas("lga_code", ["E10000031"])
        Traceback (most recent call last):
        ...
        svduty.errors.DataError: lga_code: expected a local government area's code (s.11(4): a county's districts are, the county is not; not a police force area or a CSP either)
    """  # noqa: E501
    for code in codes:
        check_area_code(field, code)
    # an area outside England and Wales is answered ``no`` by the rule (s.207(1), law57)
    if any(not_a_local_government_area(c) and not outside_extent(c) for c in codes):
        raise DataError.single(
            None,
            field,
            expected="a local government area's code (s.11(4): a county's districts are, the "
            "county is not; not a police force area or a CSP either)",
        )
