"""Offence code 4.7 (DVCVA 2004 s.5) beside the facts of a domestic homicide review (owhr44).

s.5(4)(a) gives "member" of a household a wider meaning "for the purposes of this
section" only; s.9(1)(b), which s.26(1)(b) of the 2022 Act reads, has no such extension.
So the code adds a stated reason (``DVCVA-S5-4``) and never unsettles or flips an answer
the facts without it decided (both engines alike).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given

from svduty.definitions import Incident, classify

from .test_offence_code_monotone import _around, _check


@given(_around())
def test_code_4_7_never_unsettles_an_answer(bare: dict[str, Any]) -> None:
    _check(bare, "4.7")


def test_the_reading_is_stated_with_its_doubt() -> None:
    incident = Incident.from_json(
        {
            "offence_code": "4.7",
            "died": True,
            "target": "person",
            "behaviours": ["physical"],
            "weapon": "knife",
            "intentional": True,
            "intended_for_injury": True,
            "relationship": "none",
            "same_household": False,
            "victim_age": 30,
        }
    )
    reasons = {r.rule: r for r in classify(incident).reasons}
    citation = reasons["DVCVA-S5-4"].citation
    assert citation is not None
    assert citation.confidence.value == "unconfirmed"
    assert citation.doubt is not None
    assert "for the purposes of this section" in citation.doubt
