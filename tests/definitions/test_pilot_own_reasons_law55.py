"""A pilot configuration's reasons are its own, not the pilot as made's (law55).

``ruleset`` put the national rules (which hold ``pilot_rules(OWHR_PILOT_AS_MADE)``) under the
chosen pilot's rules: a rule only the pilot as made has (``OWHR-PILOT-DATE-DOUBT``, its 9
months doubted against the 18 announced; ``OWHR-PILOT-AREA-DOUBT``, reg 3's reach doubted for
its police and ICB areas) stayed, and spoke where the chosen pilot decides. Under
``OWHR_PILOT_AS_ANNOUNCED`` a death on 30 September 2024, in its period ("the period of 18
months beginning with 1st April 2023" as announced; SI 2023/227 reg 1(2) as made says 9),
was ``required`` with a reason saying "whether it is a relevant death is undetermined". A
pilot that makes every district of the Metropolitan and West Midlands police areas a pilot
area (no reach in doubt) answered a death in Wolverhampton ``required`` with the reason
"whether the pilot reaches this death is not confirmed". Each reason now comes from the
pilot the answer was given under; the pilot as made's answers and reasons are unchanged.
"""

from __future__ import annotations

import attrs
import pytest

from svduty.definitions import (
    OWHR_PILOT_AS_ANNOUNCED,
    OWHR_PILOT_AS_MADE,
    Definition,
    Incident,
    OwhrPilot,
    classify,
    classify_table,
)
from svduty.definitions._classify import ruleset
from svduty.definitions._definition import STATUTE
from svduty.definitions._owhr import pilot_rules

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

# the pilot's knife homicide (helpers.PILOT_KNIFE_HOMICIDE) where and when each test says,
# with no place of the incident itself
FACTS = {k: v for k, v in PILOT_KNIFE_HOMICIDE.items() if k != "location"} | {"other_reviews": []}
# the packaged definition without the partners-by-place presumption (law51, law58b)
NOT_BY_PLACE = attrs.evolve(
    STATUTE, presume=tuple(p for p in STATUTE.presume if p != "partners-by-place")
)
# every district of the police areas the pilot as made doubts made a pilot area: no doubt
WIDE = attrs.evolve(
    OWHR_PILOT_AS_ANNOUNCED,
    partners=OWHR_PILOT_AS_MADE.partners | OWHR_PILOT_AS_MADE.possible,
    possible=frozenset(),
    possible_citation=None,
)


def _reasons(
    data: dict[str, object], pilot: OwhrPilot, definition: Definition = STATUTE
) -> tuple[str, list[str]]:
    result = classify(Incident.from_json(data), definition, pilot=pilot)
    rules = [r.rule for r in result.reasons]
    row = classify_table(to_table([data]), definition, pilot=pilot).to_pylist()[0]
    assert row["reasons"] == rules
    assert row["homicide_review"] == result.homicide_review.value
    return result.homicide_review.value, rules


@pytest.mark.parametrize("day", ["2024-01-01", "2024-06-15", "2024-09-30", "2024-09"])
def test_a_death_in_the_announced_period_is_not_doubted_under_it(day: str) -> None:
    data = {**FACTS, "place_of_death": "E08000025", "date": day, "date_of_death": day}
    answer, rules = _reasons(data, OWHR_PILOT_AS_ANNOUNCED)
    assert answer == "required"
    assert "OWHR-PILOT-DATE" in rules
    assert "OWHR-PILOT-DATE-DOUBT" not in rules
    # the pilot as made doubts the same death: undetermined, with its reason
    answer, rules = _reasons(data, OWHR_PILOT_AS_MADE)
    assert answer == "undetermined"
    assert "OWHR-PILOT-DATE-DOUBT" in rules


@pytest.mark.parametrize("place", ["E08000031", "E09000017", "E07000222"])
def test_a_pilot_without_doubt_on_its_reach_gives_no_reason_of_that_doubt(place: str) -> None:
    data = {**FACTS, "place_of_death": place, "date": "2023-06-01", "date_of_death": "2023-06-01"}
    answer, rules = _reasons(data, WIDE)
    assert answer == "required"
    assert "OWHR-PILOT-AREA" in rules
    assert "OWHR-PILOT-AREA-DOUBT" not in rules
    # the pilot as made: the place is no pilot area, so regs 6 to 8 name no relevant review
    # partner; partners-by-place (a default) reads no direction, as it does elsewhere (law58b)
    answer, rules = _reasons(data, OWHR_PILOT_AS_MADE)
    assert answer == "not_required"
    assert "OWHR-PILOT-PLACE-PRESUMED" in rules
    assert "OWHR-PILOT-AREA-DOUBT" not in rules
    # without that presumption a direction may name the place's partners: the reach doubted
    answer, rules = _reasons(data, OWHR_PILOT_AS_MADE, NOT_BY_PLACE)
    assert answer == "undetermined"
    assert "OWHR-PILOT-AREA-DOUBT" in rules


@pytest.mark.parametrize("pilot", [OWHR_PILOT_AS_MADE, OWHR_PILOT_AS_ANNOUNCED, WIDE])
def test_the_pilot_rules_of_a_rule_set_are_the_pilots_own(pilot: OwhrPilot) -> None:
    rules = ruleset(STATUTE, pilot).rules
    own = {r.id: r for r in pilot_rules(pilot)}
    made = {r.id for r in pilot_rules(OWHR_PILOT_AS_MADE)}
    assert {i for i in rules if i in made | own.keys()} == own.keys()
    assert all((rules[i].says, rules[i].citation) == (r.says, r.citation) for i, r in own.items())


def test_the_pilot_as_made_keeps_its_rules_in_their_order() -> None:
    # the as-made rule set is the national table in its order (the reasons' order)
    from svduty.definitions._owhr import RULES

    ids = list(ruleset(STATUTE, OWHR_PILOT_AS_MADE).rules)
    assert ids[: len(RULES)] == list(RULES)
