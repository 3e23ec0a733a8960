"""A drawn what-if's error with no subjects is said by its words, not ``-`` (users59).

``GOV-CSP-COVERAGE``'s district covered by no community safety partnership names no
body or authority (its subjects are empty): the drawing's note said ``GOV-CSP-COVERAGE:
-``, which a policy officer could not read.
"""

from __future__ import annotations

import pytest

import svduty
from svduty.governance import RemoveBody, Scenario

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402


def test_an_error_without_subjects_is_said_by_its_words() -> None:
    w = svduty.warwickshire().what_if(Scenario("s", "S", [RemoveBody("rugby-csp-board")]))
    coverage = [f for f in w.findings.errors if f.rule == "GOV-CSP-COVERAGE"]
    assert coverage
    assert coverage[0].subjects == ()
    ax = w.draw(ax=Figure(figsize=(16, 10)).subplots())
    below = [t.get_text() for t in ax.texts if "errors about no body drawn" in t.get_text()]
    assert len(below) == 1
    said = " ".join(below[0].split())
    assert "GOV-CSP-COVERAGE: district Rugby (E07000220) is covered by no community" in said
    assert "GOV-CSP-COVERAGE: -" not in said
    assert "; see changes[" not in said


def test_one_body_and_one_relation_are_said_so() -> None:
    p = svduty.warwickshire()
    assert p.governance is not None
    keep = {"rugby-csp-board", "rugby-ciog"}
    g = p.governance
    one = p.governance.with_changes(
        [b for b in g.bodies if b.id in keep],
        [r for r in g.relations if {r.source, r.target} <= keep][:1],
    )
    assert len(one.relations) == 1
    assert one.to_text().splitlines()[0] == "Governance: 2 bodies, 1 relation"
