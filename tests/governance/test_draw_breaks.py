"""A what-if's drawing shows what the scenario breaks, not only what it changed (policy42b)."""

from __future__ import annotations

import pytest

import svduty

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402


def _drawn(name: str) -> tuple[svduty.governance.WhatIf, object]:
    w = svduty.warwickshire().what_if(name)
    return w, w.draw(ax=Figure(figsize=(16, 10)).subplots())


def test_each_body_an_error_names_is_ringed_and_no_other() -> None:
    w, ax = _drawn("lgr-two-unitaries")
    ringed = {
        c.get_gid()[len("error:") :]
        for c in ax.collections
        if (c.get_gid() or "").startswith("error:")
    }
    bodies = {b.id for b in w.governance.bodies}
    named = {s for f in w.findings.errors for s in f.subjects if s in bodies}
    assert named
    assert ringed == named
    assert "wcc-community-safety-team" in ringed  # hosted by the abolished county council
    assert "an error" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_the_errors_that_name_no_body_drawn_are_listed_under_it() -> None:
    _, ax = _drawn("lgr-two-unitaries")
    below = [t.get_text() for t in ax.texts if "errors about no body drawn" in t.get_text()]
    assert len(below) == 1
    said = "GOV-SCHEDULE-1: North Warwickshire Unitary (north-warwickshire-unitary)"  # users54
    assert said in below[0].replace("\n", " ")


def test_a_what_if_that_breaks_nothing_rings_nothing() -> None:
    w, ax = _drawn("jag-to-sv-strategic-board")
    assert w.findings.ok
    assert not [c for c in ax.collections if (c.get_gid() or "").startswith("error:")]
    assert not [t for t in ax.texts if "errors about" in t.get_text()]
    assert "an error" not in [t.get_text() for t in ax.get_legend().get_texts()]


def test_a_path_that_is_no_path_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    w = svduty.warwickshire().what_if("jag-to-sv-strategic-board")
    with pytest.raises(svduty.errors.ArgumentError, match=r"draw\(path\)"):
        w.draw(path=5)
    assert list(tmp_path.iterdir()) == []


def test_a_what_if_of_a_bundle_with_no_governance_draws_a_note_not_a_blank_page(
    tmp_path,
) -> None:
    """users49: a researcher's init bundle has no governance.toml; its what-if drew an
    empty canvas with one red line in a corner, saying nothing of why."""
    folder = tmp_path / "gwynedd"
    svduty.new_bundle(folder, ["W06000002"])
    p = svduty.load_partnership(folder)
    scenario = svduty.governance.Scenario(
        "merge",
        "Merge",
        (svduty.governance.AbolishAuthority("gwynedd-council"),),
    )
    ax = p.what_if(scenario).draw(ax=Figure(figsize=(16, 10)).subplots())
    said = [t.get_text() for t in ax.texts if t.get_gid() == "empty"]
    assert said == [
        "no governance body to draw: the graph is empty (a bundle with no governance.toml has none)"
    ]
    below = [t.get_text() for t in ax.texts if "errors about no body drawn" in t.get_text()]
    assert "gwynedd-council" in below[0]
