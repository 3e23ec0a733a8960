"""``print(w.diff)`` says why nothing changed, or what did beside the graph (mend50).

users49b made a what-if's diff say the authorities it created and abolished when the graph
did not change. Two cases were left saying "no differences" alone on a bundle with no
governance.toml (every ``svduty init`` bundle): a scenario that changes the authorities'
functions or creates an area but creates and abolishes no authority. The diff now says
why nothing differs (no graph to change) and names the areas a scenario creates.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import svduty
from svduty.governance import CreateArea, Scenario, TransferFunctions
from svduty.sources import cite


@functools.cache
def _gwynedd() -> svduty.Partnership:
    folder = Path(tempfile.mkdtemp(prefix="svduty-mend50-")) / "gwynedd"
    svduty.new_bundle(folder, ["W06000002"])
    return svduty.load_partnership(folder)


def test_no_governance_and_no_authority_changed_says_why_nothing_differs() -> None:
    p = _gwynedd()
    move = TransferFunctions("north-wales-local-policing-body", "north-wales-police")
    w = p.what_if(Scenario("s", "S", (move,)))
    assert w.diff.empty
    assert str(w.diff) == (
        "no differences: the partnership has no governance graph (no governance.toml) for "
        "the scenario to change, and it creates and abolishes no authority"
    )
    assert "no governance graph" in w.diff.to_html()


def test_an_area_created_is_said() -> None:
    p = _gwynedd()
    area = CreateArea("gw-new", "Gwynedd New", ("W06000002",), cite("pcsc-act-2022", "s.11"))
    w = p.what_if(Scenario("s", "S", (area,)))
    assert str(w.diff) == (
        "no differences in the governance graph (the partnership has none); "
        "the areas changed: created Gwynedd New (gw-new)"  # named (users54)
    )


def test_a_graph_that_did_not_change_still_says_no_differences() -> None:
    """Guard: a partnership with governance, a scenario that changes nothing."""
    w = svduty.warwickshire().what_if(Scenario("none", "Nothing", ()))
    assert str(w.diff) == "no differences"
