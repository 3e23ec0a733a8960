"""users49: ``print(w.diff)`` of a what-if that abolishes a council of a bundle with no
governance.toml said "no differences", while the what-if had changed the authorities
(the policy notebook prints ``w.diff``). The diff's text now says that the graph did not
change but the authorities did; its JSON and ``empty`` stay the graph's alone."""

from __future__ import annotations

import svduty
from svduty.governance import AbolishAuthority, Scenario


def test_a_diff_with_no_graph_change_says_the_authorities_changed(tmp_path) -> None:
    folder = tmp_path / "gwynedd"
    svduty.new_bundle(folder, ["W06000002"])
    p = svduty.load_partnership(folder)
    w = p.what_if(Scenario("merge", "Merge", (AbolishAuthority("gwynedd-council"),)))
    assert w.diff.empty
    changed = w.authorities_text().removeprefix("authorities: ")  # and its youth justice team
    assert changed.startswith("abolished Gwynedd council (county) (gwynedd-council)")
    said = "no differences in the governance graph (the partnership has none); the authorities changed: "  # noqa: E501 (mend50: says why)
    assert str(w.diff) == said + changed
    assert (
        "the authorities changed: abolished Gwynedd council (county) (gwynedd-council)"
        in w.diff.to_html()
    )
    assert w.diff.to_json() == svduty.governance.Diff().to_json()  # the graph's alone


def test_a_what_if_that_changes_nothing_beside_the_graph_says_no_differences() -> None:
    p = svduty.warwickshire()
    w = p.what_if(Scenario("none", "Nothing", ()))
    assert str(w.diff) == "no differences"
