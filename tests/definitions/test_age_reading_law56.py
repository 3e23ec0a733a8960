"""s.24(6)(a)'s age as a configuration reads it (law56): at death, at the fatal events, unsettled.

PCSC Act 2022 s.24(6): "the homicide of a person is a qualifying homicide if— (a) the person
was aged 18 or over, and (b) ...": (a) does not say when. svduty read the age at death as a
hard-coded choice; ``OwhrPilot.age_reading`` now chooses (the default unchanged).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import (
    OWHR_PILOT_AS_MADE,
    RULES,
    AgeReading,
    Incident,
    OwhrPilot,
    classify,
    classify_table,
)
from svduty.definitions._classify import ruleset
from svduty.definitions._definition import STATUTE
from svduty.errors import ConflictError, DataError

from .helpers import PILOT_KNIFE_HOMICIDE, to_table

# the pilot's knife homicide (helpers.PILOT_KNIFE_HOMICIDE), its age not given, its injury
# and death six months apart inside the pilot
FACTS: dict[str, Any] = {
    k: v for k, v in PILOT_KNIFE_HOMICIDE.items() if k not in ("location", "victim_age")
} | {"date": "2023-05-01", "date_of_death": "2023-11-01"}
PILOTS = {r: attrs.evolve(OWHR_PILOT_AS_MADE, age_reading=r) for r in AgeReading}
ORDER = {"no": 0, "undetermined": 1, "yes": 2}


def _qualifying(data: dict[str, Any], reading: AgeReading) -> str:
    return str(classify(Incident.from_json(data), pilot=PILOTS[reading]).qualifying_homicide.value)


def test_the_default_is_the_age_at_death_and_the_pilots_keep_it() -> None:
    assert OWHR_PILOT_AS_MADE.age_reading is AgeReading.AT_DEATH
    assert ruleset(STATUTE, OWHR_PILOT_AS_MADE).rules["OWHR-S24-6"].citation == (
        RULES["OWHR-S24-6"].citation
    )


def test_text_is_read_as_its_reading_and_other_text_refused_unechoed() -> None:
    pilot = attrs.evolve(OWHR_PILOT_AS_MADE, age_reading="at_fatal_events")
    assert pilot.age_reading is AgeReading.AT_FATAL_EVENTS
    with pytest.raises(DataError) as info:
        attrs.evolve(OWHR_PILOT_AS_MADE, age_reading="at_birth")
    assert "at_birth" not in str(info.value)


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        (AgeReading.AT_DEATH, "yes"),
        (AgeReading.AT_FATAL_EVENTS, "no"),
        (AgeReading.UNSETTLED, "undetermined"),
    ],
)
def test_seventeen_at_the_events_and_eighteen_at_death(reading: AgeReading, expected: str) -> None:
    data = {**FACTS, "victim_age": 17, "victim_age_at_death": 18, "other_reviews": []}
    result = classify(Incident.from_json(data), pilot=PILOTS[reading])
    assert result.qualifying_homicide.value == expected
    rules = {r.rule: r for r in result.reasons}
    # each reading cites its own doubt; unsettled says why and names no fact
    cited = (
        rules["OWHR-S24-6" if expected == "yes" else "OWHR-S24-6A-UNDER-18"]
        if (expected != "undetermined")
        else rules["OWHR-S24-6A-AGE-UNSETTLED"]
    )
    assert cited.citation is not None
    assert cited.citation.doubt is not None
    assert "s.24(6)(a)" in cited.citation.doubt
    if expected == "undetermined":
        assert result.missing_for("qualifying_homicide") == ()
    row = classify_table(to_table([data]), pilot=PILOTS[reading]).to_pylist()[0]
    assert row["qualifying_homicide"] == expected
    assert row["reasons"] == [r.rule for r in result.reasons]


def test_the_unsettled_reason_is_never_given_under_a_reading_that_decides() -> None:
    data = {**FACTS, "victim_age": 17, "victim_age_at_death": 18, "other_reviews": []}
    for reading in (AgeReading.AT_DEATH, AgeReading.AT_FATAL_EVENTS):
        rules = [r.rule for r in classify(Incident.from_json(data), pilot=PILOTS[reading]).reasons]
        assert "OWHR-S24-6A-AGE-UNSETTLED" not in rules


def test_a_classification_under_each_reading_reads_back() -> None:
    from svduty.definitions import Classification

    data = {**FACTS, "victim_age": 17, "victim_age_at_death": 18, "other_reviews": []}
    for pilot in PILOTS.values():
        c = classify(Incident.from_json(data), pilot=pilot)
        assert Classification.from_json(c.to_json()) == c


_ages = st.one_of(st.none(), st.integers(min_value=0, max_value=25))


@given(
    age=_ages,
    at_death=_ages,
    reading=st.sampled_from(list(AgeReading)),
    drop=st.sampled_from(["victim_age", "victim_age_at_death"]),
)
def test_monotone_and_the_engines_agree(
    age: int | None, at_death: int | None, reading: AgeReading, drop: str
) -> None:
    data = {**FACTS, "date_of_death": "2023-05-01"}  # died the day of the events
    data.update(
        {k: v for k, v in (("victim_age", age), ("victim_age_at_death", at_death)) if v is not None}
    )
    if age is not None and at_death is not None and at_death != age:
        return  # a conflict: the same day, one age
    pilot: OwhrPilot = PILOTS[reading]
    try:
        full = _qualifying(data, reading)
    except ConflictError:  # a conflict of the facts (a child's review omitted)
        return
    less = {k: v for k, v in data.items() if k != drop}
    fewer = _qualifying(less, reading)
    # knowing less never decides otherwise: the same answer, or undetermined
    assert fewer in (full, "undetermined")
    row = classify_table(to_table([data]), pilot=pilot).to_pylist()[0]
    assert row["qualifying_homicide"] == full
    # the two readings agree where the victim died the day of the events
    if full != "undetermined":
        assert _qualifying(data, AgeReading.AT_DEATH) == full
