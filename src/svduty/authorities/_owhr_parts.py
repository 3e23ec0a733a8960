"""Reg 7 where parts of a body were found in more than one area: a choice the text leaves.

SI 2022/1261 reg 7(1): "This regulation applies where one person dies, the location or
likely location of the death is not known and either— (a) the body of the person who died
was recorded to be found in a pilot area, (b) part of the body of the person who died was
recorded to be found in a pilot area, or (c) part of the body was recorded as found first
in a pilot area, where parts were found in more than one area." Reg 7(2) names the
partners "in whose area either— (a) the body ... was recorded to be found, (b) a part of
the body ... was recorded to be found, or (c) part of the body was recorded as found
first, where parts were found in more than one area."

The text does not say whether (b) reaches a body whose parts were found in more than one
area. Read with (c) as the rule for that case (:attr:`Reg7Reading.FIRST_PART`, svduty's
reading since owhr49), the area where a part was recorded as found first decides, as
reg 8 says for several deaths: (c) then has work to do, and one set of partners is named.
Read by its words (:attr:`Reg7Reading.ANY_PART`), (b) is met by any part found in a pilot
area, found first or not, and reg 7(2)(b) names the partners of each area where a part
was found: (c) then adds nothing to reg 7(1). Neither is excluded by the words; a
partnership choosing the other passes it (``reading=``) and the answer cites it (law53).

Example:
    >>> Reg7Reading("any_part") is Reg7Reading.ANY_PART
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from svduty._words import Words
from svduty.answers import Reason
from svduty.areas import Area
from svduty.authorities._owhr_places import _area, _in_pilot_area, _reg

__all__ = ["REG7_DOUBT", "Reg7Reading", "reg7_part_in_pilot", "reg7_parts"]

REG7_DOUBT = (
    "reg 7(1)(b) ('part of the body of the person who died was recorded to be found in a "
    "pilot area') and (c) ('part of the body was recorded as found first in a pilot area, "
    "where parts were found in more than one area'): the regulations do not say whether "
    "(b) reaches parts found in more than one area. Read with (c) as the rule for that "
    "case, the area where a part was recorded as found first decides (reading first_part); "
    "read by its words, any part found in a pilot area brings reg 7 in, and reg 7(2)(b) "
    "names the partners of each area where a part was found (reading any_part)"
)
"""The doubt reg 7 leaves, cited on every answer it bears on."""


class Reg7Reading(Words):
    """How reg 7 is read where parts of one body were found in more than one area.

    ``FIRST_PART`` (the default): reg 7(1)(c) and 7(2)(c) decide that case: the partners
    are those of the area where a part was recorded as found first, if a pilot area.
    ``ANY_PART``: reg 7(1)(b) read by its words: a part found in a pilot area, first or
    not, brings reg 7 in, and reg 7(2)(b) names the partners of each pilot area where a
    part was found (the first's first). See
    :data:`~svduty.authorities.REG7_DOUBT`.

    Example:
        >>> Reg7Reading.FIRST_PART.value
        'first_part'
    """

    FIRST_PART = "first_part"
    ANY_PART = "any_part"


def _names(places: Iterable[Area]) -> str:
    return ", ".join(f"{p.name} ({p.id})" for p in places)


def reg7_parts(
    body: Area, others: tuple[str, ...] | None, reading: Reg7Reading, several: bool | None = False
) -> tuple[list[Area], list[Reason], list[str]]:
    """What the reading makes of parts found elsewhere: (pilot places added, reasons, missing).

    ``body``: where the body, or a part, was recorded to be found (first); ``others``:
    the other areas where parts were found (``()``: none; ``None``: not known). The places
    added are pilot areas whose partners reg 7(2)(b) names under ``ANY_PART`` besides
    ``body``'s; ``missing`` names ``other_parts_areas`` where, under ``ANY_PART``, it could
    change the answer, and beside it ``several_locations`` where ``several`` is not known
    (more than one person dead: reg 8 reads the first part alone; recheck53).

    Example:
        >>> rugby = _area("E07000220", "body_found_area")
        >>> added, _, missing = reg7_parts(rugby, ("E08000026",), Reg7Reading.ANY_PART)
        >>> [p.name for p in added], missing
        (['Coventry'], [])
        >>> reg7_parts(rugby, ("E08000026",), Reg7Reading.FIRST_PART)[0]
        []
        >>> reg7_parts(rugby, (), Reg7Reading.ANY_PART)
        ([], [], [])
    """
    if others == ():
        return [], [], []  # every part found in one area: (b) and (c) agree
    cited = _reg("reg 7(1)(b), (c), 7(2)(b), (c)", doubt=REG7_DOUBT)
    if others is None:
        if reading is Reg7Reading.FIRST_PART:
            says = (
                "not known whether parts of the body were recorded to be found in more than "
                f"one area; if so, svduty reads reg 7(1)(c), (2)(c) as deciding: the area where "
                f"a part was recorded as found first ({body.name}, {body.id}) (reading "
                "first_part); other areas where parts were found do not change the answer"
            )
            return [], [Reason("reg 7(1)", says, cited)], []
        says = (
            "not known whether parts of the body were also recorded to be found in other "
            "areas: read by its words (reading any_part), reg 7(1)(b) is met by a part found "
            "in any pilot area, and reg 7(2)(b) names the partners there too"
        )
        missing = ["other_parts_areas (reg 7(1)(b))"]
        if several is None:  # reg 8 (more than one death) reads the first alone (recheck53)
            missing.append("several_locations (reg 8(1))")
        return [], [Reason("reg 7(1)", says, cited)], missing
    places = [_area(code, f"other_parts_areas[{i}]") for i, code in enumerate(others)]
    pilot = [p for p in dict.fromkeys(places) if _in_pilot_area(p) and p.id != body.id]
    if reading is Reg7Reading.FIRST_PART:
        says = (
            f"parts of the body were also recorded to be found in {_names(places)}: svduty "
            "reads reg 7(1)(c), (2)(c) as deciding where parts were found in more than one "
            f"area: the area where a part was recorded as found first, {body.name} "
            f"({body.id}) (reading first_part)"
        )
        return [], [Reason("reg 7(1)", says, cited)], []
    says = (
        f"parts of the body were also recorded to be found in {_names(places)}: read by its "
        "words (reading any_part), reg 7(1)(b) is met by a part found in a pilot area, "
        "first or not, and reg 7(2)(b) names the partners of each area where a part was "
        + (f"found: {_names(pilot)}" if pilot else "found; none of them is in a pilot area")
    )
    return pilot, [Reason("reg 7(1)", says, cited)], []


def reg7_part_in_pilot(
    others: tuple[str, ...] | None, reading: Reg7Reading
) -> tuple[Area | None, list[Reason]]:
    """Under ``ANY_PART``, a pilot area where a part was found, the first part's not known.

    Reg 7(1)(b) read by its words is met by a part found in a pilot area, found first or
    not: reg 7 then names the partners, and no direction may be given (reg 10(1): "If
    regulations 6 to 9 do not apply"), wherever the first part was found (recheck53).

    Example:
        >>> place, _ = reg7_part_in_pilot(("E07000220", "E08000026"), Reg7Reading.ANY_PART)
        >>> place.name, reg7_part_in_pilot(("E08000026",), Reg7Reading.FIRST_PART)[0]
        ('Coventry', None)
    """
    if reading is not Reg7Reading.ANY_PART or not others:
        return None, []
    places = [_area(code, f"other_parts_areas[{i}]") for i, code in enumerate(others)]
    pilot = [p for p in places if _in_pilot_area(p)]
    if not pilot:
        return None, []
    says = (
        f"a part of the body was recorded to be found in {_names(pilot)}, in a pilot area: "
        "read by its words (reading any_part), reg 7(1)(b) applies whichever area a part was "
        "found in first, so regulations 6 to 9 name the partners and no direction may be "
        "given (reg 10(1))"
    )
    cited = _reg("reg 7(1)(b), (c), 7(2)(b), (c)", doubt=REG7_DOUBT)
    return pilot[0], [Reason("reg 7(1)", says, cited)]
