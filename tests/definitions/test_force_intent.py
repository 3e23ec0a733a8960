"""Physical abuse and violent behaviour are not done by accident (DA Act 2021 s.1(3)(a)-(b)).

An independent legal review: ``behaviours=["physical"]``, ``intentional=False`` between
partners was answered domestic abuse ``yes`` (DA-S1-3A and DA-S1-3B from the force
alone). A second: s.1(3) states no mental element, and force used recklessly may be abuse,
so force not used intentionally leaves the limbs open (``undetermined``), never ``no``.
Where nothing says whether it was intended (no offence code or category either), the
definitions presume it was (``force-intentional``, switchable, stated).
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


@pytest.mark.parametrize(
    ("intentional", "answer"), [(False, "undetermined"), (True, "yes"), (None, "yes")]
)
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
    for intentional, answer in ((True, "yes"), (False, "undetermined")):
        told = classify(Incident.from_json({**PARTNERS, "intentional": intentional}), open_)
        assert told.domestic_abuse.value == answer


def test_an_offence_that_says_the_force_was_intended_needs_no_presumption() -> None:
    c = classify(
        # threats to kill (3B) require the intent; 8N no longer says it (recklessness, law61)
        Incident(offence_code="3B", relationship="married", victim_age=30, perpetrator_age=31)
    )
    assert c.domestic_abuse.value == "yes"
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons]


@pytest.mark.parametrize("code", ["4.4", "4.8", "37.1"])
def test_nothing_is_presumed_of_an_offence_of_driving(code: str) -> None:
    """A second review: causing death by careless driving between partners was domestic
    abuse by the presumption: where an offence code (or category) is given, it is not made."""
    c = classify(Incident.from_json({**PARTNERS, "offence_code": code, "died": True}))
    assert c.domestic_abuse.value == "undetermined"
    assert "intentional" in c.missing_for("domestic_abuse")
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons]


@pytest.mark.parametrize(
    "data",
    [
        {"target": "self", "behaviours": ["physical"], "victim_age": 30},
        {**PARTNERS, "relationship": "none"},
        {**PARTNERS, "victim_age": 12},
        {**PARTNERS, "behaviours": ["violent_or_threatening"]},
    ],
    ids=["self", "not connected", "a child", "violent said"],
)
def test_the_presumption_is_stated_only_where_it_may_bear(data: dict[str, object]) -> None:
    c = classify(Incident.from_json(data))
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons], c.explain()


@pytest.mark.parametrize("code", ["10D", "10C", "90", "62A"])
def test_a_code_that_says_nothing_of_the_force_leaves_the_presumption(code: str) -> None:
    """law50: possession of a blade, another weapon, a knife sold, violent disorder (whose
    violence must be intended or foreseen, POA 1986 s.6(2)): none may be committed by force
    used by accident, so none is knowledge that the recorded force was not intended; the
    answer is the one without the code, in both engines (before: undetermined)."""
    data = {**PARTNERS, "offence_code": code}
    c = classify(Incident.from_json(data))
    assert c.domestic_abuse.value == "yes", c.explain()
    assert "INTENT-NOT-GIVEN" in [r.rule for r in c.reasons]
    row = classify_table(to_table([data]), STATUTE).to_pylist()[0]
    assert row["domestic_abuse"] == "yes"
    assert row["reasons"] == [r.rule for r in c.reasons]


@pytest.mark.parametrize("code", ["1/4.1/4.10/4.2", "4.1", "4.10", "802", "99"])
def test_a_code_whose_offence_may_be_unintended_withdraws_it(code: str) -> None:
    """The homicide group and manslaughter (by gross negligence), corporate manslaughter,
    dangerous driving, and a residual code whose offences are not listed: the presumption is
    withdrawn (its offence table value may_be_unintended is not "no")."""
    data = {**PARTNERS, "offence_code": code, "died": True}
    if code == "802":
        data.pop("died")
    c = classify(Incident.from_json(data))
    assert c.domestic_abuse.value == "undetermined", c.explain()
    assert "intentional" in c.missing_for("domestic_abuse")
    assert "INTENT-NOT-GIVEN" not in [r.rule for r in c.reasons]
    row = classify_table(to_table([data]), STATUTE).to_pylist()[0]
    assert row["domestic_abuse"] == "undetermined"
