"""Which review partners are the relevant review partners for a death: PCSC Act 2022 s.25.

s.25(1) leaves it to regulations: the Police, Crime, Sentencing and Courts Act 2022
(Offensive Weapons Homicide Reviews) Regulations 2022 (SI 2022/1261, in force 21 December
2022; read as made in the legalize-dev/legalize-uk mirror, ``uk/uksi-2022-1261.md``). Their
Part 3 (regs 5 to 10) applies only to the pilot partners (reg 3(3)) and names partners only
for a "pilot area" (reg 2): the police area of South Wales, the London boroughs of Barnet,
Brent, Harrow, Lambeth and Southwark, Birmingham and Coventry. Where the location or likely
location of the death is known and is in a pilot area, the relevant review partners are
"the review partners listed in regulation 9 in whose area the death occurred or is likely
to have occurred" (reg 6); where it is not known, those where the body, or part of it, was
recorded to be found (first, where parts were found in more than one area: reg 7), if that
is in a pilot area. Where "more than one person dies in the same incident, the location
of the deaths is not known, or there is more than one location", reg 8 names, "in respect
of all the deaths" (reg 5), the review partners "in whose area a body of a person who died,
or a part of a body of a person who died, was recorded as found first", if that is in a
pilot area: a death at a known place in a pilot area is then not read by reg 6 alone
(``several_locations``). Reg 9 lists "the chief officer of police for a
police area", "the local authority" and "the integrated care board or, in Wales, the local
health board". Elsewhere regs 6 to 9 do not apply and "the Secretary of State may give a
direction specifying which review partners are the relevant review partners" (reg 10(1)):
:func:`relevant_review_partners` answers ``undetermined`` until ``direction`` is given,
``no`` when none was. Before owhr49 it named the partners of every council area of England
and Wales (two-tier counties included) from the minister's description of the draft.

Example:
    >>> facts = DeathPlaceFacts(death_area="W06000015", several_locations=False)
    >>> a = relevant_review_partners(facts)
    >>> a.verdict.value, a.subjects[0]
    ('yes', 'chief officer of police for the police area of South Wales (W15000003)')
"""

from __future__ import annotations

import attrs

from svduty._arguments import as_tuple, choice_argument
from svduty._checked import checked, checked_fields
from svduty.answers import Answer, Reason
from svduty.areas import Area
from svduty.authorities._answering import answer
from svduty.authorities._owhr_parts import Reg7Reading, reg7_part_in_pilot, reg7_parts
from svduty.authorities._owhr_places import _area, _health, _in_pilot_area, _partners, _reg
from svduty.errors import ConflictError

__all__ = ["DeathPlaceFacts", "relevant_review_partners"]


def _codes(value: object) -> object:
    return None if value is None else as_tuple(value)  # type: ignore[arg-type]


_REG_8_OVER_6 = (
    "reg 8 names the case of more than one death in the same incident at 'more than one "
    "location' and gives the partners 'in respect of all the deaths' (reg 5); reg 6's words "
    "also fit each of those deaths whose location is known and in a pilot area. svduty reads "
    "reg 8, the regulation for that case, as naming the partners for every death of the "
    "incident; the regulations do not say which of the two governs"
)
_REG_6_AFTER_8 = (
    "reg 8 does not apply (no body or part of a body of the incident was recorded as found "
    "first in a pilot area); reg 6 applies by its words to a death whose location is known "
    "and in a pilot area, though reg 5 speaks of partners 'in respect of all the deaths' of "
    "an incident: svduty reads reg 6 for this death"
)


@checked_fields
@attrs.frozen(slots=True)
class DeathPlaceFacts:
    """Where a death occurred, or the body was found (``None``: not known).

    Areas are GSS codes of local government areas (a district, unitary, metropolitan
    district, London borough or Welsh principal area), as in :mod:`svduty.areas`.

    Attributes:
        death_area: The local government area where the death occurred or is likely to
            have occurred (its location or likely location known: SI 2022/1261 reg 6(1)).
        death_place_known: Whether the location or likely location of the death is known
            (``False``: reg 7(1) "the location or likely location of the death is not
            known").
        body_found_area: The local government area where the body of the person who died,
            or part of it, was recorded to be found (reg 7): where parts were found in more
            than one area, where a part was recorded as found first; where more than one
            person died in the same incident, where a body or part of a body of one of them
            was recorded as found first (reg 8). "Recorded": by or on behalf of a chief
            officer of police on its official computer system (reg 2).
        health_area: The integrated care board (E54) or local health board (W11) area
            where the place lies; needed only where the local government area lies in
            more than one. The place is the one whose partners are named (the death's,
            reg 6, or where a body was found first, reg 8): one holding either place given
            is accepted, one holding none of them is a conflict.
        direction: The Secretary of State has given a direction, not withdrawn, specifying
            which review partners are the relevant review partners in respect of the death
            (reg 10); it may be given only where regs 6 to 9 do not apply, so ``True``
            only for a place outside the pilot areas (``False``, none given, fits any place).
        several_locations: More than one person died in the same incident and there is
            more than one location (reg 8(1)): the partners are then those where a body or
            part of a body of the incident was recorded as found first
            (``body_found_area``), if that is in a pilot area. ``False``: one death, or
            several at one location. Not given, a death at a known place is answered only
            where both readings agree (the body found first outside the pilot areas, or in
            the area of the death). ``True`` with a body found first in a pilot area: reg 8
            names the partners whether the death's place is given or not.
        other_parts_areas: One person died and parts of the body were recorded to be
            found in more than one area: the other areas where parts were found, besides
            ``body_found_area`` (the first). ``()``: every part found there (or more than
            one person died: reg 8 reads the first alone). Read only where reg 7 applies
            and only under the reading ``any_part`` (reg 7(1)(b); law53): see
            :class:`~svduty.authorities.Reg7Reading`.

    Raises:
        ConflictError: for a ``death_area`` given with ``death_place_known`` false, or
            ``other_parts_areas`` (one death) with ``several_locations`` true.

    Example:
        >>> DeathPlaceFacts(death_place_known=False).body_found_area is None
        True
    """

    death_area: str | None = None
    death_place_known: bool | None = None
    body_found_area: str | None = None
    health_area: str | None = None
    direction: bool | None = None
    several_locations: bool | None = None
    other_parts_areas: tuple[str, ...] | None = attrs.field(default=None, converter=_codes)

    def __attrs_post_init__(self) -> None:
        if self.other_parts_areas and self.several_locations:
            raise ConflictError.single(
                None,
                "other_parts_areas",
                message="the facts give the areas where parts of one person's body were "
                "found but say more than one person died in the incident",
            )
        if self.death_area is not None and self.death_place_known is False:
            raise ConflictError.single(
                None,
                "death_area",
                message="the facts give the area where the death occurred but say its "
                "location is not known",
            )


def _health_of(place: Area, facts: DeathPlaceFacts) -> str | None:
    """``facts.health_area`` for ``place``, or None when it is another given place's.

    Which place's health area it is depends on which regulation names the partners (reg 6:
    the death's; reg 8: where a body was found first), so a health area given for the
    death's place is not a conflict when reg 8 names the place where the body was found
    (review50): only one that holds none of the places given is (:func:`_health`).
    """
    given = facts.health_area
    if given is None or given in {h.id for h in _health(place, None)}:
        return given
    others = (facts.death_area, facts.body_found_area)
    for code in (c for c in others if c is not None and c != place.id):
        if given in {h.id for h in _health(_area(code, "health_area"), None)}:
            return None
    _health(place, given)  # (raises: it holds none of them)
    return None


def _directed(place: Area, where: str, direction: bool | None) -> tuple[list[Reason], bool]:
    """Outside the pilot areas: regs 6 to 9 do not apply; reg 10. (reasons, failed)."""
    outside = Reason(
        "reg 6(1), 7(1), 8(1)",
        f"{where} in {place.name} ({place.id}), which is not in a pilot area (reg 2: the "
        "police area of South Wales, the area of the London borough councils of Barnet, "
        "Brent, Harrow, Lambeth or Southwark, the area of Birmingham city council or "
        "Coventry city council): regulations 6 to 9 do not apply",
        _reg("reg 2, reg 6(1), 7(1), 8(1)"),
    )
    if direction is None:
        says = (
            "not known: whether the Secretary of State has given a direction specifying "
            "which review partners are the relevant review partners in respect of the death"
        )
    elif direction:
        says = (
            "the Secretary of State has given a direction specifying which review partners "
            "are the relevant review partners in respect of the death: they are those it names"
        )
    else:
        says = (
            "the Secretary of State has given no direction specifying the relevant review "
            "partners in respect of the death: no review partner is one of them"
        )
    return [outside, Reason("reg 10(1)", says, _reg("reg 10"))], direction is False


def _direction_refused(place: Area) -> None:
    """A direction given where regs 6 to 9 apply (reg 10(1)): a conflict."""
    raise ConflictError.single(
        None,
        "direction",
        message=f"{place.name} ({place.id}) is in a pilot area, where regulations 6 to 9 "
        "name the relevant review partners; a direction under regulation 10(1) may be "
        "given only where they do not apply",
    )


_DIRECTED = "the review partners the Secretary of State's direction specifies (reg 10(1))"
_DIRECTION = "direction (reg 10(1))"


def _direction_decides() -> Reason:
    """A direction given, the place not known: reg 10(1) settles it whatever the place.

    Reg 10(1): "If regulations 6 to 9 do not apply, the Secretary of State may give a
    direction specifying which review partners are the relevant review partners in respect
    of a person's death." A direction given says regs 6 to 9 do not apply: every place that
    fits it gives the direction's partners, and a place where one of them applies
    contradicts it (:func:`_direction_refused`), so the place is not a missing fact (law51).
    """
    return Reason(
        "reg 10(1)",
        "the Secretary of State has given a direction specifying which review partners are "
        "the relevant review partners in respect of the death: they are those it names. A "
        "direction may be given only 'If regulations 6 to 9 do not apply' (reg 10(1)), so "
        "wherever the death occurred or a body was found it settles the partners (a place "
        "where regulation 6, 7 or 8 applies would contradict it)",
        _reg("reg 10(1)"),
    )


def _direction_unknown() -> Reason:
    """The place not known and no word of a direction: a direction would settle it (law52).

    A direction given settles the partners whatever the place (:func:`_direction_decides`),
    so until the place is known an ``undetermined`` answer names ``direction`` beside it:
    either fact could change it.
    """
    return Reason(
        "reg 10(1)",
        "not known: whether the Secretary of State has given a direction specifying which "
        "review partners are the relevant review partners in respect of the death. Such a "
        "direction may be given only 'If regulations 6 to 9 do not apply' (reg 10(1)); given, "
        "it names the partners wherever the death occurred or a body was found",
        _reg("reg 10(1)"),
    )


def _several(facts: DeathPlaceFacts) -> tuple[Reason, str | None, list[str]] | None:
    """Reg 8 for a death at a known place: (reason, doubt, missing), or ``None``.

    ``None``: one death, or several at one location (reg 6 alone). The doubt is
    ``_REG_8_OVER_6`` where reg 8 names the partners; ``missing`` is not empty where it is
    not known whether reg 8 names others than reg 6.
    """
    several = facts.several_locations
    if several is False:
        return None
    body = (
        None if facts.body_found_area is None else _area(facts.body_found_area, "body_found_area")
    )
    first = "a body or part of a body of the incident was recorded as found first"
    if body is None:
        says = (
            f"more than one person died in the same incident, at more than one location: "
            f"not known where {first} (reg 8(1))"
            if several
            else "not known: whether more than one person died in the same incident at more "
            "than one location; if so, the relevant review partners for all the deaths are "
            f"those where {first}, if in a pilot area (reg 8), not those of this death's place"
        )
        missing = (
            ["body_found_area (reg 8(1))"]
            if several
            else ["several_locations (reg 8(1))", "body_found_area (reg 8(1))"]
        )
        return Reason("reg 8(1)", says, _reg("reg 5, reg 8(1)")), None, missing
    in_pilot = _in_pilot_area(body)
    if in_pilot and several:
        says = (
            f"more than one person died in the same incident, at more than one location, and "
            f"{first} in {body.name} ({body.id}), in a pilot area: reg 8 applies"
        )
        return (
            Reason("reg 8(1)", says, _reg("reg 5, reg 8(1)", doubt=_REG_8_OVER_6)),
            _REG_8_OVER_6,
            [],
        )
    if in_pilot and body.id != facts.death_area:
        says = (
            f"not known: whether more than one person died in the same incident at more than "
            f"one location; if so, {first} in {body.name} ({body.id}), in a pilot area, and "
            "reg 8 names the review partners there for all the deaths"
        )
        return (
            Reason("reg 8(1)", says, _reg("reg 5, reg 8(1)")),
            None,
            ["several_locations (reg 8(1))"],
        )
    if in_pilot:  # found first in the death's own area: reg 6 and reg 8 name the same
        says = (
            f"{first}, if the incident had more than one death at more than one location, in "
            f"{body.name} ({body.id}), where this death occurred: reg 8 would name the same "
            "partners as reg 6"
        )
        return Reason("reg 8(1)", says, _reg("reg 5, reg 8(1)")), None, []
    says = (
        f"{first} in {body.name} ({body.id}), not in a pilot area: reg 8 does not apply "
        "(reg 8(1)(a), (b)), whether or not the incident had more than one death at more than "
        "one location"
    )
    doubt = _REG_6_AFTER_8 if several else None
    cited = _reg("reg 8(1)", doubt=doubt) if doubt else _reg("reg 8(1)")
    return Reason("reg 8(1)", says, cited), doubt, []


@checked
def relevant_review_partners(
    facts: DeathPlaceFacts, *, reading: Reg7Reading | str = Reg7Reading.FIRST_PART
) -> Answer:
    """The relevant review partners for a death (s.25, SI 2022/1261 regs 5 to 10).

    ``yes`` with the partners as the answer's ``subjects`` where the death occurred (or,
    its location not known, the body or part of it was recorded to be found) in a pilot
    area: the chief officer of police, the local authority, the integrated care board or
    local health board (regs 6 to 9); or where, outside the pilot areas, the Secretary of
    State has directed which they are (reg 10: the subject says so, svduty not knowing
    whom; a direction given settles it, the place given or not, law51). Where more than
    one person died in the same incident at more than one location, the partners for all
    the deaths are those where a body or part of a body was recorded as found first, if in
    a pilot area (regs 5, 8), not those of each death's place (reg 6); not known whether
    that is so (``several_locations``), a death at a known place is answered only where
    both readings agree. ``no`` outside the
    pilot areas with no direction; ``undetermined`` naming every fact that could change it
    (the area of death, whether it is known, whether there were several deaths at several
    locations, the area where a body was found (first), a direction, or the health board
    area of a district lying in more than one): with the place not known, ``direction``
    too, since a direction given settles it wherever the place (reg 10(1); law52). A code
    svduty does not know is an error.

    Where one person died, its place not known, and parts of the body were found in more
    than one area, the text leaves a choice (:data:`~svduty.authorities.REG7_DOUBT`):
    ``reading`` names it (:class:`~svduty.authorities.Reg7Reading`; default
    ``first_part``, the area where a part was recorded as found first, reg 7(1)(c),
    (2)(c)), and the answer's reason cites the reading and the doubt (law53).

    Raises:
        UnknownAreaError: for an area code svduty's geography does not hold.
        AreaError: for a code that is not a local government area, or a ``death_area``
            outside England and Wales (s.24(1)(b), s.207(1); law57).
        ConflictError: for a ``health_area`` the place does not lie in, or a direction
            given (``direction`` true) for a place in a pilot area (reg 10(1): only where
            regs 6 to 9 do not apply); ``direction`` false there agrees with them.

    Example:
        >>> from svduty.authorities import DeathPlaceFacts, relevant_review_partners
        >>> one = DeathPlaceFacts(death_area="E08000026", several_locations=False)
        >>> a = relevant_review_partners(one)
        >>> a.verdict.value
        'yes'
        >>> for partner in a.subjects:  # Coventry: a pilot area (reg 2)
        ...     print(partner)
        chief officer of police for the police area of West Midlands (E23000014)
        local authority: the council for Coventry (E08000026)
        integrated care board: NHS Coventry and Warwickshire Integrated Care Board (E54000018)
        >>> relevant_review_partners(DeathPlaceFacts(death_area="E08000026")).missing
        ('several_locations (reg 8(1))', 'body_found_area (reg 8(1))')
        >>> several = DeathPlaceFacts(  # reg 8: the body found first in Birmingham
        ...     death_area="E08000026", several_locations=True, body_found_area="E08000025"
        ... )
        >>> relevant_review_partners(several).subjects[1]
        'local authority: the council for Birmingham (E08000025)'
        >>> rugby = DeathPlaceFacts(death_area="E07000220", several_locations=False)
        >>> relevant_review_partners(rugby).missing
        ('direction (reg 10(1))',)
        >>> a = relevant_review_partners(DeathPlaceFacts(death_place_known=False))
        >>> a.verdict.value, a.missing
        ('undetermined', ('body_found_area (reg 7(1), 8(1))', 'direction (reg 10(1))'))
    """
    question = "Which review partners are the relevant review partners for the death (s.25)?"
    chosen = choice_argument(reading, Reg7Reading, "relevant_review_partners(reading)")
    known = facts.death_place_known
    pre: list[Reason] = []
    doubt: str | None = None
    if facts.death_area is not None:
        field, code, where, rule = "death_area", facts.death_area, "the death occurred", "reg 6"
        several = _several(facts)
        if several is not None and several[2]:  # not known whether reg 8 names others
            why, _, missing = several
            death = _area(code, field)
            _health_of(death, facts)  # a health area given must hold one of the places
            if facts.direction and _in_pilot_area(death):  # reg 6 or reg 8 applies
                _direction_refused(death)
            if facts.direction:  # the direction settles it
                reasons = [why, *_directed(death, where, True)[0]]
                return answer(question, reasons, [], failed=False, subjects=[_DIRECTED])
            if not _in_pilot_area(death) and facts.direction is None:
                missing = [*missing, _DIRECTION]
            return answer(question, [why], missing, failed=False)
        if several is not None:
            pre, doubt = [several[0]], several[1]
            if doubt == _REG_8_OVER_6:
                field, code = "body_found_area", str(facts.body_found_area)
                where, rule = "a body of the incident was recorded as found first", "reg 8"
    elif known is False and facts.body_found_area is not None:
        field, code, where = "body_found_area", facts.body_found_area, "the body was found"
        rule = "reg 7, 8"
    elif (several := _several(facts)) is not None and several[1] == _REG_8_OVER_6:
        # reg 8 applies whatever the death's place (recheck50): several deaths at more than
        # one location, a body found first in a pilot area; the place cannot change it
        pre, doubt = [several[0]], several[1]
        field, code, rule = "body_found_area", str(facts.body_found_area), "reg 8"
        where = "a body of the incident was recorded as found first"
    else:
        if known is None:
            says = "not known: where the death occurred, or whether its location is known"
            missing = ["death_area (reg 6(1))", "death_place_known (reg 7(1))"]
            if facts.body_found_area is None:  # reg 7 names them where the body was found
                missing.append("body_found_area (reg 7(1), 8(1))")
        elif known:
            says = "not known: the area where the death occurred, whose location is known"
            missing = ["death_area (reg 6(1))"]
        else:
            says = (
                "the location of the death is not known: not known where the body, or part "
                "of it, was recorded to be found"
            )
            missing = ["body_found_area (reg 7(1), 8(1))"]
        told = [Reason("reg 6(1), 7(1), 8(1)", says, _reg("reg 6(1), 7(1), 8(1)"))]
        part, said = reg7_part_in_pilot(facts.other_parts_areas, chosen)
        if part is not None and known is False:  # any_part: reg 7 applies (recheck53)
            if facts.direction:
                _direction_refused(part)
            return answer(question, [*told, *said], missing, failed=False)
        if facts.direction:  # reg 10(1): given only where regs 6 to 9 do not apply (law51)
            return answer(
                question, [*told, _direction_decides()], [], failed=False, subjects=[_DIRECTED]
            )
        if known is not False and several is not None and several[2]:
            # reg 8 could name others than the death's place (reg 7 and reg 8 name the same
            # where the location is not known: the body found (first) decides both)
            named = {m.split(" ")[0] for m in missing}
            told.append(several[0])
            missing += [m for m in several[2] if m.split(" ")[0] not in named]
        if facts.direction is None:  # a direction would settle it, wherever the place (law52)
            told.append(_direction_unknown())
            missing.append(_DIRECTION)
        return answer(question, told, missing, failed=False)
    place = _area(code, field)
    added: list[Area] = []
    parts_missing: list[str] = []
    if rule == "reg 7, 8" and not facts.several_locations:  # reg 7: one death (law53)
        added, said, parts_missing = reg7_parts(
            place, facts.other_parts_areas, chosen, facts.several_locations
        )
        pre += said
        parts_missing = [] if facts.direction else parts_missing  # it settles (reg 10(1))
    if not _in_pilot_area(place) and not added:
        _health_of(place, facts)  # a health area given must hold one of the places
        reasons, failed = _directed(place, where, facts.direction)
        missing = [_DIRECTION] if facts.direction is None else []
        if parts_missing:  # any_part: a part found in a pilot area would bring reg 7 in
            missing, failed = [*parts_missing, *missing], False
        subjects = [_DIRECTED] if facts.direction and not missing else []
        return answer(question, pre + reasons, missing, failed=failed, subjects=subjects)
    if not _in_pilot_area(place):  # any_part: a part found later, in a pilot area
        place, added = added[0], added[1:]
        where = "a part of the body was recorded to be found"
    if facts.direction:  # False (no direction given) agrees with regs 6 to 9 applying
        _direction_refused(place)
    subjects, reasons, missing = _partners(place, _health_of(place, facts))
    for more in added:  # any_part: reg 7(2)(b) names each area where a part was found
        more_subjects, more_reasons, more_missing = _partners(more, None)
        subjects += more_subjects
        reasons += more_reasons
        missing += [m for m in more_missing if m not in missing]
    missing += parts_missing
    provision = {
        "reg 6": "reg 2, reg 6(1), (2)",
        "reg 8": "reg 2, reg 5, reg 8(1), (2)",
    }.get(rule, "reg 2, reg 7, reg 8")
    lists = {
        "reg 6": "in whose area the death occurred or is likely to have occurred",
        "reg 8": "in whose area a body of a person who died, or a part of one, was recorded "
        "as found first, in respect of all the deaths (reg 5)",
    }.get(rule, "in whose area the body, or a part of it, was recorded to be found (first)")
    if added or where.startswith("a part"):  # any_part: reg 7(2)(b), each area (law53)
        lists = "in whose area a part of the body was recorded to be found (reg 7(2)(b))"
    reasons.insert(
        0,
        Reason(
            rule,
            f"{where} in {place.name} ({place.id}), in a pilot area: the relevant review "
            f"partners are the review partners listed in regulation 9 {lists}",
            _reg(provision, doubt=doubt) if doubt else _reg(provision),
        ),
    )
    reasons[1:1] = pre
    return answer(
        question, reasons, missing, failed=False, subjects=subjects if not missing else ()
    )
