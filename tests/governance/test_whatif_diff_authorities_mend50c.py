"""``print(w.diff)`` shows the authorities' changes beside the graph's (mend50c).

Before mend50c a what-if that changed both the governance graph and the authorities
(``lgr-two-unitaries``: new boards and coverage, two unitary councils created, the six
councils abolished, the districts' functions transferred) printed the graph's changes
alone; the authorities were in ``w.authorities_text()`` and ``print(w)`` only. Now the
diff's text and HTML end with them: authorities created and abolished, functions
transferred, areas created, each by name with its id. The JSON and ``empty`` stay the
graph's.
"""

from __future__ import annotations

import svduty
from svduty.governance import TransferFunctions


def _titles(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(" ")]


def test_a_what_if_changing_graph_and_authorities_shows_both() -> None:
    p = svduty.warwickshire()
    w = p.what_if("lgr-two-unitaries")
    text = str(w.diff)
    assert not w.diff.empty
    assert _titles(text)[-5:] == [
        "districts covered:",
        "authorities created:",
        "authorities abolished:",
        "functions transferred:",
        "areas created:",
    ]
    after = text[text.index("authorities created:") :]
    for ident in w.authorities["created"] + w.authorities["abolished"]:
        assert f"({ident})" in after, ident
    assert "  North Warwickshire Unitary Council (north-warwickshire-unitary-council)\n" in after
    moves = [c for c in w.scenario.changes if isinstance(c, TransferFunctions)]
    assert len(moves) == 5
    for c in moves:
        line = next(x for x in after.splitlines() if x.startswith("  ") and f"({c.source}) to" in x)
        assert line.endswith(f"({c.target})"), line
    assert "South Warwickshire Unitary (south-warwickshire-unitary)" in after
    assert "authorities created" in w.diff.to_html()
    assert not {"authorities", "areas"} & set(w.as_dict()["diff"])  # the JSON: the graph's


def test_a_what_if_changing_the_graph_alone_adds_no_section() -> None:
    p = svduty.warwickshire()
    w = p.what_if("jag-to-sv-strategic-board")
    assert w.authorities == {"created": [], "abolished": []}
    titles = _titles(str(w.diff))
    assert not any(t.startswith(("authorities", "functions", "areas")) for t in titles)
