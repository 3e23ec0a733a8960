"""A what-if's drawing says which authorities it created and abolished (users50).

A policy officer's what-if merging Rugby Borough Council and North Warwickshire Borough
Council into one district council (``create_area``, ``create_authority``, two
``transfer_functions``, two ``abolish_authority``, and a ``merge`` of their CSP boards) drew
the boards' merge, and nothing of the councils: authorities are not bodies of the graph,
and the figure, saved or shown in a notebook on its own, did not say that two councils
go and one comes. ``print(w)`` and ``w.authorities`` said so; the drawing now does too,
under the graph, as ``w.authorities_text()`` says it.
"""

from __future__ import annotations

from typing import Any

import pytest

import svduty
from svduty.governance import (
    AbolishAuthority,
    CreateArea,
    CreateAuthority,
    Merge,
    Scenario,
    TransferFunctions,
)

pytest.importorskip("matplotlib")


def _texts(ax: Any) -> str:  # as read: the lines under the drawing are wrapped
    return " ".join(" ".join(t.get_text().split()) for t in ax.texts)


def _merge_two_councils(p: svduty.Partnership) -> Scenario:
    cite = p.sources.cite("warwickshire-lgr-proposals", "Proposal 1", confidence="unconfirmed")
    council = svduty.Authority(
        id="rugby-and-north-warwickshire-council",
        name="Rugby and North Warwickshire District Council",
        category="district_council",
        areas=["rugby-and-north-warwickshire"],
        valid=svduty.Period("2028-04-01"),
        citation=cite,
    )
    return Scenario(
        "merge-rugby-north",
        "Rugby and North Warwickshire merge",
        [
            CreateArea("rugby-and-north-warwickshire", "Rugby and North Warwickshire",
                       ["E07000218", "E07000220"], kind="district", citation=cite),
            CreateAuthority(council),
            TransferFunctions("rugby-borough-council", council.id),
            TransferFunctions("north-warwickshire-borough-council", council.id),
            AbolishAuthority("rugby-borough-council"),
            AbolishAuthority("north-warwickshire-borough-council"),
            Merge("rugby-csp-board", "north-warwickshire-csp-board"),
        ],
        effective="2028-04-01",
    )  # fmt: skip


def test_the_drawing_of_a_merger_of_two_councils_names_them() -> None:
    from matplotlib.figure import Figure

    p = svduty.warwickshire()
    w = p.what_if(_merge_two_councils(p))
    assert w.authorities["abolished"] == ["rugby-borough-council",
                                          "north-warwickshire-borough-council"]  # fmt: skip
    text = _texts(w.draw(ax=Figure().subplots()))
    assert w.authorities_text() in text
    assert (  # by name with id (users54)
        "abolished Rugby Borough Council (rugby-borough-council), North Warwickshire Borough "
        "Council (north-warwickshire-borough-council)"
    ) in text
    made = "Rugby and North Warwickshire District Council (rugby-and-north-warwickshire-council)"
    assert f"created {made}" in text


def test_a_what_if_that_changes_no_authority_draws_no_such_line() -> None:
    from matplotlib.figure import Figure

    w = svduty.warwickshire().what_if("jag-to-sv-strategic-board")
    assert "authorities:" not in _texts(w.draw(ax=Figure().subplots()))
