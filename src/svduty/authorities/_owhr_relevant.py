"""Which review partners are the relevant review partners for a death: PCSC Act 2022 s.25.

s.25(1) leaves it to regulations; s.25(3) lets them name, for a case of a described kind,
the chief officer of police for the police area, the local authority (both the district
and the county council in a two-tier area) and the integrated care board or local health
board "in whose area the death occurred or is likely to have occurred". The Offensive
Weapons Homicide Reviews Regulations 2022 were made under it, but their text was not
found (law48: not in the legalize-dev/legalize-uk mirror as searched, nor in any
legislation.gov.uk copy or the statutory guidance's stored pages). The minister
described them (HL Deb 8 November 2022): "the relevant review partners will be the local
authority, police, and integrated care boards in England, or local health boards in Wales,
from the area where the death occurs or, where the location of death is not known, where
the body of the person is found". :func:`relevant_review_partners` answers that, from the
local government area of the place and svduty's national geography (2024 tables), every
answer unconfirmed. What s.25(4) and (5) allow (residences, the investigating force,
agreement between partners, a Secretary of State direction) is not known to be used by the
regulations and is never guessed: such a partner answers for itself with
``ReviewFacts(relevant_review_partner=...)``.

Example:
    >>> a = relevant_review_partners(DeathPlaceFacts(death_area="W06000015"))
    >>> a.verdict.value, a.subjects[0]
    ('yes', 'chief officer of police for the police area of South Wales (W15000003)')
"""

from __future__ import annotations

import functools

import attrs

from svduty._checked import checked, checked_fields
from svduty.answers import Answer, Reason
from svduty.areas import Area, AreaKind, national_areas
from svduty.authorities._answering import answer
from svduty.errors import AreaError, ConflictError, UnknownAreaError
from svduty.sources import Citation, Confidence, cite

__all__ = ["DeathPlaceFacts", "relevant_review_partners"]

_DOUBT = (
    "the Offensive Weapons Homicide Reviews Regulations 2022 made under s.25 were not read "
    "(their SI number and text were not found); the minister described them (HL Deb "
    "8 November 2022): 'the relevant review partners will be the local authority, police, "
    "and integrated care boards in England, or local health boards in Wales, from the area "
    "where the death occurs or, where the location of death is not known, where the body "
    "of the person is found'. Whether they also use s.25(4) (residences, the investigating "
    "force) or s.25(5) (agreement, substitution, a direction) is not known; the areas are "
    "those of ONS's 2024 tables"
)


def _s25(provision: str) -> Citation:
    return cite("pcsc-act-2022", provision, confidence=Confidence.UNCONFIRMED, doubt=_DOUBT)


@checked_fields
@attrs.frozen(slots=True)
class DeathPlaceFacts:
    """Where a death occurred, or the body was found (``None``: not known).

    Areas are GSS codes of local government areas (a district, unitary, metropolitan
    district, London borough or Welsh principal area), as in :mod:`svduty.areas`.

    Attributes:
        death_area: The local government area where the death occurred or is likely to
            have occurred.
        death_place_known: Whether the location of the death is known (``False``: the
            minister's "where the location of death is not known").
        body_found_area: The local government area where the body was found.
        health_area: The integrated care board (E54) or local health board (W11) area
            where the place lies; needed only where the local government area lies in
            more than one.

    Raises:
        ConflictError: for a ``death_area`` given with ``death_place_known`` false.

    Example:
        >>> DeathPlaceFacts(death_place_known=False).body_found_area is None
        True
    """

    death_area: str | None = None
    death_place_known: bool | None = None
    body_found_area: str | None = None
    health_area: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.death_area is not None and self.death_place_known is False:
            raise ConflictError.single(
                None,
                "death_area",
                message="the facts give the area where the death occurred but say its "
                "location is not known",
            )


@functools.cache
def _areas() -> dict[str, Area]:
    return {a.id: a for a in national_areas()}


def _area(code: str, field: str) -> Area:
    """The local government area with this code, or an error naming the field."""
    found = _areas().get(code)
    if found is None:
        raise UnknownAreaError(code, f"{field}: not an area of England and Wales svduty knows")
    if not found.kind.is_local_government_area:
        raise AreaError.single(
            None, field, message=f"expected a local government area, got a {found.kind.value}"
        )
    return found


def _partners(place: Area, health_area: str | None) -> tuple[list[str], list[Reason], list[str]]:
    """The partners for an area: (subjects, reasons, missing)."""
    areas = _areas()
    parents = [areas[p] for p in place.parents if p in areas]
    subjects: list[str] = []
    reasons: list[Reason] = []
    for force in (p for p in parents if p.kind is AreaKind.POLICE_FORCE_AREA):
        subjects.append(f"chief officer of police for the police area of {force.name} ({force.id})")
        reasons.append(
            Reason(
                "s.25(3)(a)",
                f"{place.name} lies in the police area of {force.name}",
                force.citation,
            )
        )
    subjects.append(f"local authority: the council for {place.name} ({place.id})")
    for county in (p for p in parents if p.kind is AreaKind.COUNTY):
        subjects.append(f"local authority: the county council for {county.name} ({county.id})")
        reasons.append(
            Reason(
                "s.25(3)(b)",
                f"{place.name} is a district within the county of {county.name}: both councils",
                county.citation,
            )
        )
    health = [
        p
        for p in parents
        if p.kind in (AreaKind.INTEGRATED_CARE_BOARD, AreaKind.LOCAL_HEALTH_BOARD)
    ]
    if health_area is not None:
        if health_area not in {h.id for h in health}:
            raise ConflictError.single(
                None, "health_area", message=f"{place.name} ({place.id}) does not lie in it"
            )
        health = [h for h in health if h.id == health_area]
    missing: list[str] = []
    if len(health) == 1:
        h = health[0]
        kind = (
            "integrated care board"
            if h.kind is AreaKind.INTEGRATED_CARE_BOARD
            else ("local health board")
        )
        subjects.append(f"{kind}: {h.name} ({h.id})")
        reasons.append(
            Reason("s.25(3)(c)", f"{place.name} lies in the area of {h.name}", h.citation)
        )
    else:
        codes = ", ".join(h.id for h in health) or "none known"
        reasons.append(
            Reason(
                "s.25(3)(c)",
                f"not known: which integrated care board or local "
                f"health board area the place lies in ({place.name} lies in "
                f"{len(health)}: {codes})",
                _s25("s.25(3)(c)"),
            )
        )
        missing.append("health_area (s.25(3)(c))")
    return subjects, reasons, missing


@checked
def relevant_review_partners(facts: DeathPlaceFacts) -> Answer:
    """The relevant review partners for a death, by the place of death or the body (s.25).

    ``yes`` with the partners as the answer's ``subjects`` (the chief officer of police,
    the local authority or authorities, the integrated care board or local health board)
    when the place is known to svduty's geography; ``undetermined`` naming the fact that
    would settle it (the area of death, whether it is known, the area where the body was
    found, or the health board area of a district lying in more than one). Never ``no``:
    a place in England or Wales always has partners; a code svduty does not know is an
    error.

    Every answer is unconfirmed: s.25(1) leaves the partners to regulations, and the
    Offensive Weapons Homicide Reviews Regulations 2022 made under it were not found, so
    not read. svduty answers as the minister described them (HL Deb 8 November 2022): "the
    relevant review partners will be the local authority, police, and integrated care
    boards in England, or local health boards in Wales, from the area where the death
    occurs or, where the location of death is not known, where the body of the person is
    found" (s.25(3)); the ``s.25(3)`` reason's citation states that doubt. The areas are
    those of svduty's national geography (ONS 2024 tables). A partner the regulations may
    name otherwise (s.25(4): residences, the investigating force; s.25(5): agreement, a
    direction) is never guessed: it answers for itself with
    ``ReviewFacts(relevant_review_partner=...)``.

    Raises:
        UnknownAreaError: for an area code svduty's geography does not hold.
        AreaError: for a code that is not a local government area.
        ConflictError: for a ``health_area`` the place does not lie in.

    Example:
        >>> from svduty.authorities import DeathPlaceFacts, relevant_review_partners
        >>> a = relevant_review_partners(DeathPlaceFacts(death_area="E07000220"))
        >>> a.verdict.value, a.reasons[0].citation.confidence.value
        ('yes', 'unconfirmed')
        >>> for partner in a.subjects:  # Rugby: a district, so its county council too
        ...     print(partner)
        chief officer of police for the police area of Warwickshire (E23000017)
        local authority: the council for Rugby (E07000220)
        local authority: the county council for Warwickshire (E10000031)
        integrated care board: NHS Coventry and Warwickshire Integrated Care Board (E54000018)
        >>> a = relevant_review_partners(DeathPlaceFacts(death_place_known=False))
        >>> a.verdict.value, a.missing
        ('undetermined', ('body_found_area (s.25(3))',))
    """
    question = "Which review partners are the relevant review partners for the death (s.25)?"
    known = facts.death_place_known
    if facts.death_area is not None:
        field, code, where = "death_area", facts.death_area, "the death occurred"
    elif known is False and facts.body_found_area is not None:
        field, code, where = "body_found_area", facts.body_found_area, "the body was found"
    else:
        if known is None:
            says = "not known: where the death occurred, or whether that is known"
            missing = ["death_area (s.25(3))", "death_place_known (s.25(3))"]
        elif known:
            says = "not known: the area where the death occurred, which is known to others"
            missing = ["death_area (s.25(3))"]
        else:
            says = "the location of the death is not known: not known where the body was found"
            missing = ["body_found_area (s.25(3))"]
        return answer(question, [Reason("s.25(3)", says, _s25("s.25(3)"))], missing, failed=False)
    place = _area(code, field)
    subjects, reasons, missing = _partners(place, facts.health_area)
    reasons.insert(
        0,
        Reason(
            "s.25(3)",
            f"{where} in {place.name} ({place.id}): the relevant "
            "review partners are the police, local authority and integrated "
            "care board or local health board for that area (as the minister "
            "described the regulations)",
            _s25("s.25(3)"),
        ),
    )
    return answer(
        question, reasons, missing, failed=False, subjects=subjects if not missing else ()
    )
