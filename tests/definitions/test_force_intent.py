"""Physical abuse and violent behaviour are not done by accident (DA Act 2021 s.1(3)(a)-(b)).

An independent legal review: ``behaviours=["physical"]``, ``intentional=False`` between
partners was answered domestic abuse ``yes`` (DA-S1-3A and DA-S1-3B from the force
alone). Force used without intent is neither limb; where nothing says whether it was
intended, the definitions presume it was (``force-intentional``, switchable, stated).
"""

from __future__ import annotations

import attrs
import pytest

from svduty.definitions import DEFINITIONS, STATUTE, Incident, classify, classify_table

from .helpers import to_table

PARTNERS = {
    "behaviours": ["physical"],
    "target": "person",
    "relationship": "married",
    "victim_age": 40,
    "perpetrator_age": 40,
}


@pytest.mark.parametrize(("intentional", "answer"), [(False, "no"), (True, "yes"), (None, "yes")])
def test_the_intent_of_force_between_partners(intentional: bool | None, answer: str) -> None:
    data = {**PARTNERS, "intentional": intentional}
    for definition in DEFINITIONS.values():
        c = classify(Incident.from_json(data), definition)
        assert c.domestic_abuse.value == answer, (definition.id, c.explain())
        row = classify_table(to_table([data]), definition).to_pylist()[0]
        assert row["domestic_abuse"] == answer
        assert row["reasons"] == [r.rule for r in c.reasons]


def test_without_the_presumption_the_intent_is_asked_for() -> None:
    open_ = attrs.evolve(
        STATUTE, presume=tuple(p for p in STATUTE.presume if p != "force-intentional")
    )
    c = classify(Incident.from_json(PARTNERS), open_)
    assert c.domestic_abuse.value == "undetermined"
    assert "intentional" in c.missing_for("domestic_abuse")
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons]
    # told, it is settled either way, as with the presumption
    for intentional, answer in ((True, "yes"), (False, "no")):
        told = classify(Incident.from_json({**PARTNERS, "intentional": intentional}), open_)
        assert told.domestic_abuse.value == answer


def test_an_offence_that_says_the_force_was_intended_needs_no_presumption() -> None:
    c = classify(
        Incident(offence_code="8N", relationship="married", victim_age=30, perpetrator_age=31)
    )
    assert c.domestic_abuse.value == "yes"
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons]
