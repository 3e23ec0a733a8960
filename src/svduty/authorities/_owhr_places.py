"""The pilot areas of the OWHR regulations and the review partners reg 9 lists for a place.

SI 2022/1261 reg 2: a "pilot area" is "the police area of South Wales; the area of the London
borough councils of Barnet, Brent, Harrow, Lambeth or Southwark; the area of Birmingham city
council or Coventry city council". Reg 9: "The review partners for the purposes of
regulations 6 to 8 are (a) the chief officer of police for a police area, (b) the local
authority, and (c) the integrated care board or, in Wales, the local health board". Which
place's partners they are (the death's, reg 6; where the body was found, reg 7; where a
body of the incident was found first, reg 8) is for :mod:`svduty.authorities._owhr_relevant`.

Example:
    >>> place = _area("E08000026", "death_area")
    >>> _in_pilot_area(place), _partners(place, None)[0][1]
    (True, 'local authority: the council for Coventry (E08000026)')
"""

from __future__ import annotations

import functools

from svduty.answers import Reason
from svduty.areas import Area, AreaKind, national_areas
from svduty.authorities._extent import outside_extent
from svduty.errors import AreaError, ConflictError, UnknownAreaError
from svduty.sources import Citation, cite

_SOUTH_WALES = "W15000003"
_PILOT_COUNCILS = {
    "E09000003": "Barnet",
    "E09000005": "Brent",
    "E09000015": "Harrow",
    "E09000022": "Lambeth",
    "E09000028": "Southwark",
    "E08000025": "Birmingham",
    "E08000026": "Coventry",
}


_OUTSIDE = (
    "{code} is outside England and Wales: a review partner's duty to arrange a review is "
    "for a death that 'occurred, or is likely to have occurred, in England or Wales' "
    "(PCSC Act 2022 s.24(1)(b)), the Act extends to England and Wales only (s.207(1)), and "
    "svduty answers for places there only (law57)"
)


def _reg(provision: str, **kw: object) -> Citation:
    return cite("si-2022-1261", provision, **kw)


def _in_pilot_area(place: Area) -> bool:
    """Whether a local government area lies in a pilot area (SI 2022/1261 reg 2)."""
    return place.id in _PILOT_COUNCILS or _SOUTH_WALES in place.parents


@functools.cache
def _areas() -> dict[str, Area]:
    return {a.id: a for a in national_areas()}


def _area(code: str, field: str) -> Area:
    """The local government area with this code, or an error naming the field."""
    found = _areas().get(code)
    # a death known to have occurred outside England and Wales (a body found there may
    # still be of a death in England: that stays an unknown place, reg 10 aside)
    if found is None and field == "death_area" and outside_extent(code):
        raise AreaError.single(None, field, message=_OUTSIDE.format(code=code))
    if found is None:
        raise UnknownAreaError(code, f"{field}: not an area of England and Wales svduty knows")
    if not found.kind.is_local_government_area:
        raise AreaError.single(
            None, field, message=f"expected a local government area, got a {found.kind.value}"
        )
    return found


def _health(place: Area, health_area: str | None) -> list[Area]:
    """The health boards of a place, narrowed to ``health_area`` (checked) when given."""
    areas = _areas()
    kinds = (AreaKind.INTEGRATED_CARE_BOARD, AreaKind.LOCAL_HEALTH_BOARD)
    health = [areas[p] for p in place.parents if p in areas and areas[p].kind in kinds]
    if health_area is None:
        return health
    if health_area not in {h.id for h in health}:
        raise ConflictError.single(
            None, "health_area", message=f"{place.name} ({place.id}) does not lie in it"
        )
    return [h for h in health if h.id == health_area]


def _partners(place: Area, health_area: str | None) -> tuple[list[str], list[Reason], list[str]]:
    """The partners reg 9 lists for a place in a pilot area: (subjects, reasons, missing)."""
    areas = _areas()
    forces = [areas[p] for p in place.parents if p in areas]
    subjects: list[str] = []
    reasons: list[Reason] = []
    for force in (p for p in forces if p.kind is AreaKind.POLICE_FORCE_AREA):
        subjects.append(f"chief officer of police for the police area of {force.name} ({force.id})")
        reasons.append(
            Reason(
                "reg 9(a)", f"{place.name} lies in the police area of {force.name}", force.citation
            )
        )
    subjects.append(f"local authority: the council for {place.name} ({place.id})")
    reasons.append(
        Reason("reg 9(b)", f"the local authority is the council for {place.name}", _reg("reg 9(b)"))
    )
    health = _health(place, health_area)
    missing: list[str] = []
    if len(health) == 1:
        h = health[0]
        kind = (
            "integrated care board"
            if h.kind is AreaKind.INTEGRATED_CARE_BOARD
            else "local health board"
        )
        subjects.append(f"{kind}: {h.name} ({h.id})")
        reasons.append(Reason("reg 9(c)", f"{place.name} lies in the area of {h.name}", h.citation))
    else:
        codes = ", ".join(h.id for h in health) or "none known"
        reasons.append(
            Reason(
                "reg 9(c)",
                f"not known: which integrated care board or local health board area the place "
                f"lies in ({place.name} lies in {len(health)}: {codes})",
                _reg("reg 9(c)"),
            )
        )
        missing.append("health_area (reg 9(c))")
    return subjects, reasons, missing
