"""An independent re-check of SI 2022/1261 reg 7 with parts found in several areas (recheck53).

Reg 7(1): "This regulation applies where one person dies, the location or likely location
of the death is not known and either— (a) the body of the person who died was recorded to
be found in a pilot area, (b) part of the body of the person who died was recorded to be
found in a pilot area, or (c) part of the body was recorded as found first in a pilot area,
where parts were found in more than one area." Reg 8(1) reads the body (or part) found
first where "more than one person dies in the same incident"; reg 10(1) lets the Secretary
of State direct "If regulations 6 to 9 do not apply".

Under the reading ``any_part`` (reg 7(1)(b) by its words, law53) a part found in a pilot
area brings reg 7 in whichever area a part was found in first: then no direction may be
given, and whether more than one person died (reg 8, the first alone) could change the
answer. Both readings must be monotone in knowledge, and an ``undetermined`` answer must
name every fact that could change it: checked here over every combination of a small
set of facts, each refined one fact at a time.
"""

from __future__ import annotations

import itertools

import pytest

from svduty.answers import Answer
from svduty.authorities import DeathPlaceFacts, Reg7Reading, relevant_review_partners
from svduty.errors import ConflictError

RUGBY, COVENTRY, BIRMINGHAM = "E07000220", "E08000026", "E08000025"

FACTS: dict[str, list[object]] = {
    "death_area": [RUGBY, COVENTRY],
    "death_place_known": [True, False],
    "body_found_area": [RUGBY, COVENTRY, BIRMINGHAM],
    "direction": [True, False],
    "several_locations": [True, False],
    "other_parts_areas": [(), (COVENTRY,), (RUGBY,), (BIRMINGHAM,), (RUGBY, COVENTRY)],
}
FIELDS = list(FACTS)


def _said(given: tuple[object, ...], reading: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    kw = {f: v for f, v in zip(FIELDS, given, strict=True) if v is not None}
    try:
        a: Answer = relevant_review_partners(DeathPlaceFacts(**kw), reading=reading)  # type: ignore[arg-type]
    except ConflictError:
        return ("conflict", (), ())
    return (a.verdict.value, a.subjects, a.missing)


@pytest.mark.parametrize("reading", [r.value for r in Reg7Reading])
def test_monotone_and_every_fact_that_could_change_it_named(reading: str) -> None:
    """Each known fact added: a yes or no stays (or is a conflict); a change was named."""
    said: dict[tuple[object, ...], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    faults = []
    for given in itertools.product(*[[None, *FACTS[f]] for f in FIELDS]):
        said[given] = _said(given, reading)
    for given, before in said.items():
        if before[0] == "conflict":
            continue
        named = {m.split(" ")[0] for m in before[2]}
        for i, field in enumerate(FIELDS):
            if given[i] is not None:
                continue
            for value in FACTS[field]:
                after = said[(*given[:i], value, *given[i + 1 :])]
                if after[0] == "conflict" or after[:2] == before[:2]:
                    continue
                if before[0] != "undetermined" or field not in named:
                    faults.append((dict(zip(FIELDS, given, strict=True)), field, value))
    assert not faults, faults[:3]


def test_any_part_a_part_in_a_pilot_area_leaves_no_room_for_a_direction() -> None:
    """A part found in Coventry, the first part's area not known: reg 7 applies (any_part)."""
    told = DeathPlaceFacts(death_place_known=False, other_parts_areas=(COVENTRY,))
    a = relevant_review_partners(told, reading="any_part")
    assert a.verdict.value == "undetermined"
    assert "direction (reg 10(1))" not in a.missing  # regs 6 to 9 apply: none may be given
    assert "body_found_area (reg 7(1), 8(1))" in a.missing
    with pytest.raises(ConflictError, match="direction"):
        relevant_review_partners(
            DeathPlaceFacts(death_place_known=False, other_parts_areas=(COVENTRY,), direction=True),
            reading="any_part",
        )
    # first_part: the first part may have been found outside the pilot areas (reg 10)
    first = relevant_review_partners(told)
    assert "direction (reg 10(1))" in first.missing


def test_any_part_several_deaths_could_change_it() -> None:
    """Not known whether other parts were found, nor whether more than one person died."""
    told = DeathPlaceFacts(death_place_known=False, body_found_area=RUGBY, direction=False)
    a = relevant_review_partners(told, reading="any_part")
    assert a.verdict.value == "undetermined"
    assert "several_locations (reg 8(1))" in a.missing
    several = DeathPlaceFacts(
        death_place_known=False, body_found_area=RUGBY, direction=False, several_locations=True
    )
    assert relevant_review_partners(several, reading="any_part").verdict.value == "no"
