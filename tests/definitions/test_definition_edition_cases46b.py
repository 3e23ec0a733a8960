"""Warwickshire's definition names the doubt over which strategy's definition is in force.

The domain notes (warwickshire.md section 5) tag the local definition of serious violence
[U]; the seed gives the text of the Safer Warwickshire Serious Violence Prevention Strategy
2022-2027, and the partnership has since endorsed and launched a 2024-30 strategy whose
definition is not known. The packaged definition cited the 2022-2027 text as confirmed and
said nothing of the later strategy or of incident dates: an analyst classifying 2025
incidents was not told the definition may have been replaced (cases46b).
"""

from __future__ import annotations

import svduty
from svduty.definitions import Incident, classify
from svduty.sources import Confidence


def _definition() -> svduty.definitions.Definition:
    return svduty.warwickshire().require_definition()


def test_the_definitions_citation_is_unconfirmed_and_names_the_2024_30_strategy() -> None:
    citation = _definition().citation
    assert citation.confidence is Confidence.UNCONFIRMED
    assert citation.doubt is not None
    assert "2024-30" in citation.doubt
    assert "2022-2027" in citation.doubt


def test_the_doubt_says_the_incident_date_does_not_choose_the_definition() -> None:
    doubt = _definition().citation.doubt or ""
    assert "any date" in doubt


def test_every_in_scope_answer_carries_the_doubt() -> None:
    dated = {"offence_code": "1", "date": "2028-01-01"}
    known_not = {"offence_code": "46", "behaviours": [], "context": []}
    for facts in (dated, known_not):
        result = classify(Incident(**facts), _definition())
        decided = [r for r in result.reasons if r.rule.startswith("DEF-warwickshire")]
        assert decided, result.explain()
        assert all("2024-30" in (r.citation.doubt or "") for r in decided), result.explain()


def test_explain_shows_the_doubt() -> None:
    text = classify(Incident(offence_code="3B"), _definition()).explain()
    line = next(s for s in text.splitlines() if "DEF-warwickshire:" in s)
    assert "unconfirmed" in line
    assert "2024-30" in line
