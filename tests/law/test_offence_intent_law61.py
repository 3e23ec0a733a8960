"""An offence code says the force was used intentionally only where its offence requires it (law61).

An assault or battery is committed intentionally or recklessly (R v Venna [1976] QB 421): common
assault and its aggravated forms, an assault on an emergency worker, ABH and s.20 wounding (8N,
8P, 8S); cruelty to children is "wilful", deliberately or recklessly (R v Sheppard). Their codes
leave ``intentional`` unknown; offences requiring the intent keep it. A reckless assault
(``intentional: false``) is accepted by both engines, which agree on it.
"""

from __future__ import annotations

import pytest

from svduty.definitions import OFFENCES, Incident, classify, classify_table
from tests.definitions.helpers import to_table

RECKLESS = ("104", "105A", "105B", "8N", "8P", "8S", "11A")
INTENDED = ("1", "2", "3B", "5D", "34A", "34B")


def test_an_offence_that_may_be_reckless_leaves_the_intent_unknown() -> None:
    for code in RECKLESS:
        facts = OFFENCES.get(code).facts
        assert facts["intentional"] is None, code
        assert facts["may_be_unintended"] is False, code  # not by accident: the presumption stands
    for code in INTENDED:
        assert OFFENCES.get(code).facts["intentional"] is True, code


@pytest.mark.parametrize("code", RECKLESS)
def test_a_reckless_assault_is_accepted_and_the_engines_agree(code: str) -> None:
    row = {"offence_code": code, "intentional": False, "target": "person"}
    scalar = classify(Incident.from_json(row))
    assert "WHO-2002-NOT-INTENTIONAL" in [r.rule for r in scalar.reasons]
    out = classify_table(to_table([row])).to_pylist()[0]  # a conflict would raise
    assert out["violence"] == scalar.violence.value
    assert out["reasons"] == [r.rule for r in scalar.reasons]
