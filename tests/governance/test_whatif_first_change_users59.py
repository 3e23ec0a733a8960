"""A what-if's finding names the change that makes it appear (users59).

``see changes[...]`` named every change whose ids the finding's words shared: closing
Rugby's CSP board after renaming it pointed at the rename as well as the removal, and
the two-unitaries reform's missing fire and rescue authority at the new areas before the
county council's abolition. The changes are now applied one by one, and the change named
is the one before which the finding is not there and from which on it is.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import svduty
from svduty.errors import ScenarioError
from svduty.governance import ChangeDistricts, Merge, RemoveBody, Rename, Scenario

P = svduty.warwickshire()
assert P.governance is not None
BODIES = sorted(b.id for b in P.governance.bodies if b.districts)
DISTRICTS = sorted(P.local_area.districts)
POINTER = re.compile(r"; see changes\[(\d+)\] \([a-z_]+\)$")


def _said(findings: svduty.findings.Findings) -> set[tuple[str, tuple[str, ...], str]]:
    """Each finding as (rule, ids, words), the pointer a what-if adds taken off."""
    return {(f.rule, f.subjects, POINTER.sub("", f.message)) for f in findings.findings}


def _after(changes: list[object], k: int) -> set[tuple[str, tuple[str, ...], str]]:
    if k == 0:
        return _said(P.validate_governance())
    return _said(P.what_if(Scenario("s", "S", changes[:k])).findings)


def test_a_rename_before_the_removal_is_not_named():
    changes = [Rename("rugby-csp-board", "Rugby board"), RemoveBody("rugby-csp-board")]
    w = P.what_if(Scenario("s", "S", changes))
    coverage = [f.message for f in w.findings.errors if f.rule == "GOV-CSP-COVERAGE"]
    assert coverage == [
        "district Rugby (E07000220) is covered by no community safety partnership(s); "
        "see changes[1] (remove_body)"
    ]


def test_the_reform_names_the_abolition_not_the_new_areas():
    w = P.what_if("lgr-two-unitaries")
    fire = [f.message for f in w.findings.errors if "'Fire and rescue'" in f.message]
    assert fire
    assert all(m.endswith("; see changes[17] (abolish_authority)") for m in fire)
    assert w.scenario.changes[17].op == "abolish_authority"


@st.composite
def scenarios(draw: st.DrawFn) -> list[object]:
    bodies = draw(st.permutations(BODIES))
    out: list[object] = []
    for i in range(draw(st.integers(2, 4))):
        b = bodies[i]
        op = draw(st.sampled_from(["rename", "districts", "remove", "merge"]))
        if op == "rename":
            out.append(Rename(b, f"Renamed {i}"))
        elif op == "districts":
            ds = draw(st.lists(st.sampled_from(DISTRICTS), unique=True, max_size=3))
            out.append(ChangeDistricts(b, tuple(sorted(ds))))
        elif op == "remove":
            out.append(RemoveBody(b))
        else:
            out.append(Merge(bodies[-1 - i], b))
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_change_named_is_the_one_that_makes_it_appear(changes):
    try:
        w = P.what_if(Scenario("s", "S", changes))
    except ScenarioError:
        assume(False)
    n = len(changes)
    seen = {k: _after(changes, k) for k in range(n)}
    seen[n] = _said(w.findings)
    for f in w.findings.findings:
        m = POINTER.search(f.message)
        if m is None:
            continue
        k = int(m.group(1))
        key = (f.rule, f.subjects, POINTER.sub("", f.message))
        assert key not in seen[k], (k, f.message)
        assert all(key in seen[j] for j in range(k + 1, n + 1)), (k, f.message)


def test_when_the_first_changes_cannot_be_applied_alone_it_says_it_cannot_tell():
    from svduty.findings import Finding, Findings, Severity
    from svduty.governance._reorganise import reorganise
    from svduty.governance._whatif_findings import named_by_changes

    found = Finding("GOV-PATH", Severity.ERROR, "rugby-ciog has no path", (), ("rugby-ciog",))
    changes = [Rename("rugby-csp-board", "R"), RemoveBody("rugby-ciog"), Rename("rugby-vpog", "V")]
    same = reorganise(P.authorities, P.local_area.districts, None)
    assert P.governance is not None
    told = named_by_changes(
        Findings((found,), (), ()),
        Findings((), (), ()),
        changes,
        same,
        P.governance,
        at=lambda k: None,
    )
    assert told.findings[0].message == (
        "rugby-ciog has no path; see changes[0] (rename), changes[1] (remove_body): which of "
        "them makes it appear cannot be told: the first 2 changes alone cannot be applied"
    )
    # the changes until the last can be applied, and the finding is there from the first on
    seen = Findings((found,), (), ())
    told = named_by_changes(
        Findings((found,), (), ()),
        Findings((), (), ()),
        changes,
        same,
        P.governance,
        at=lambda k: seen,
    )
    assert told.findings[0].message == "rugby-ciog has no path; see changes[0] (rename)"
