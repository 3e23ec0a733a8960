"""A what-if's diff in a policy officer's words, its JSON by id as before (policy42b).

The diff said ``nbbc-scrutiny-panel.coverage_citation: (none) -> ...`` and
``south-warwickshire-csp-board.area: E22000359 -> south-warwickshire-unitary``, and the log
of the two-unitary proposal's change [5] said the districts went from
``['E07000221', 'E07000222']`` to the same.
"""

from __future__ import annotations

import svduty
from svduty.governance import ChangeDistricts, Scenario

P = svduty.warwickshire()
W = P.what_if("lgr-two-unitaries")


def test_the_text_names_bodies_authorities_and_areas_beside_their_ids_and_codes():
    text = W.diff.to_text()
    assert (
        "South Warwickshire Unitary Community Safety Partnership Board "
        "(south-warwickshire-csp-board): area: South Warwickshire (E22000359) -> "
        "South Warwickshire Unitary (south-warwickshire-unitary)"
    ) in text
    assert (
        "host: Nuneaton and Bedworth Borough Council (nuneaton-and-bedworth-borough-council)"
        in text
    )
    assert "now also covers North Warwickshire (E07000218), Rugby (E07000220)" in text
    assert "source for the districts it covers: (none) -> " in text
    for developer in ("coverage_citation", ".area:", ".members:", "reports_to", "+E07"):
        assert developer not in text
    assert "source for the districts it covers" in W.diff.to_html()


def test_the_json_keeps_its_lines_by_id():
    d = W.as_dict()["diff"]
    assert list(d) == [
        "bodies_added",
        "bodies_removed",
        "bodies_renamed",
        "bodies_changed",
        "relations_added",
        "relations_removed",
        "relations_changed",
        "coverage",
    ]
    assert (
        "south-warwickshire-csp-board.area: E22000359 -> south-warwickshire-unitary"
        in d["bodies_changed"]
    )
    assert d["coverage"] == ["nbbc-scrutiny-panel: +E07000218 +E07000220"]


def test_the_log_says_what_a_change_of_districts_changed_and_no_more():
    assert W.log.entries[5].message == (
        "area of south-warwickshire-csp-board: E22000359 -> south-warwickshire-unitary"
    )
    assert "-> ['E07000221', 'E07000222']" not in str(W.log)
    same = ChangeDistricts("rugby-csp-board", ("E07000220",))
    _, log = P.governance.apply(Scenario("same", "Same", [same]))
    assert log.entries[0].message == "rugby-csp-board: no change (the same districts and area)"
