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
    assert "source for the districts it covers: (the body's own source) -> " in text
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


def test_a_source_kept_in_doubt_says_what_changed_not_the_source_twice():
    """A policy review (forty-fourth session): a new chair with no source printed "source
    for its chair: <the strategy's foreword, its whole doubt> -> <the same, its whole
    doubt; its chair changed by a what-if that cites no source ...>", two near-identical
    paragraphs with the change at the end of the second. The text says the source once,
    "as before", and what is new: its doubt (and "now unconfirmed" where it was not)."""
    from svduty.governance import ChangeBody

    board = "safer-warwickshire-partnership-board"
    csp, yjs = "rugby-csp-board", "warwickshire-youth-justice-service"
    changes = [
        ChangeBody(board, chair="warwickshire-police"),
        ChangeBody(csp, add_members=[yjs]),
    ]
    lines = P.what_if(Scenario("s", "S", changes)).diff.to_text().splitlines()
    chair = next(line for line in lines if "source for its chair" in line)
    assert "The foreword is signed" not in chair  # the old doubt, not said twice
    assert chair.endswith(
        "Foreword, as before; its doubt now adds: its chair changed by a what-if that cites "
        "no source: warwickshire-sv-strategy, Foreword states the record as it was"
    )
    members = next(line for line in lines if "source for its members" in line)
    assert members == (
        "  Rugby Community Safety Partnership Board (rugby-csp-board): source for its members: "
        "Crime and Disorder Act 1998, s.5(1), as before; now unconfirmed: its members changed "
        "by a what-if that cites no source: cda-1998, s.5(1) states the record as it was"
    )
    # the JSON keeps the whole citations, by field name, as before
    changed = P.what_if(Scenario("s", "S", changes)).as_dict()["diff"]["bodies_changed"]
    said = next(c for c in changed if ".chair_citation" in c)
    assert said.count("The foreword is signed") == 2
