"""A body's cadence carries its own source (law58a; law57's open item).

The Tactical Group's fortnightly meetings come from the strategy's "Warwickshire Serious
Violence Tactical Group", taken to be the agreement's SOC Tactical Group; the agreement
gives no cadence. Before law58a the model had no field for the cadence's source, so the
fact was held on a body cited to the agreement alone, with no doubt of its own.
"""

from __future__ import annotations

import svduty
from svduty.governance import Cadence, ChangeCadence, Scenario
from svduty.sources import Confidence, cite

P = svduty.warwickshire()
TACTICAL = "soc-tactical-group"


def test_the_tactical_groups_cadence_cites_the_strategy_in_doubt() -> None:
    body = P.governance.get(TACTICAL)  # type: ignore[union-attr]
    assert body.cadence is Cadence.FORTNIGHTLY
    cited = body.cadence_citation
    assert cited is not None
    assert cited.source.id == "warwickshire-sv-strategy"
    assert cited.source.id != body.citation.source.id  # not the agreement, which is silent
    assert cited.confidence is Confidence.UNCONFIRMED
    assert cited.doubt is not None
    assert "fortnightly" in cited.doubt


def _changed(to: Cadence, *, cited: bool) -> object:
    scenario = Scenario(
        "s",
        "s",
        [ChangeCadence(TACTICAL, to)],
        citation=cite("svd-guidance") if cited else None,
    )
    return P.what_if(scenario).governance.get(TACTICAL).cadence_citation


def test_a_new_cadence_is_the_scenarios_or_unsourced() -> None:
    assert _changed(Cadence.MONTHLY, cited=True) == cite("svd-guidance")
    unsourced = _changed(Cadence.MONTHLY, cited=False)
    assert unsourced.confidence is Confidence.UNCONFIRMED  # type: ignore[attr-defined]
    assert "its cadence changed by a what-if" in unsourced.doubt  # type: ignore[attr-defined]


def test_the_same_cadence_keeps_its_source() -> None:
    before = P.governance.get(TACTICAL).cadence_citation  # type: ignore[union-attr]
    assert _changed(Cadence.FORTNIGHTLY, cited=True) == before
