"""A what-if's finding names the change that makes it appear, found cheaply (users60).

``see changes[...]`` named every change whose ids the finding's words share: closing
Rugby's CSP board after renaming it pointed at the rename as well as the removal, and the
two-unitaries reform's missing fire and rescue authority at the new areas before the
county council's abolition. users59 applied every change one by one (a validation a
change; reverted for its cost). Now only the changes that name the finding are asked
about, from the last back: the scenario's first changes up to one of them are applied and
validated (each prefix once for all the findings), and the change before which the
finding is absent and after which it is present is named; when that cannot be told, the
changes that name it are said together.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import svduty
from svduty.errors import ScenarioError
from svduty.findings import Finding, Findings, Severity
from svduty.governance import ChangeDistricts, Merge, RemoveBody, Rename, Scenario
from svduty.governance._reorganise import reorganise
from svduty.governance._whatif_findings import named_by_changes

P = svduty.warwickshire()
assert P.governance is not None
BODIES = sorted(b.id for b in P.governance.bodies if b.districts)
DISTRICTS = sorted(P.local_area.districts)
ONE = re.compile(r"; see changes\[(\d+)\] \([a-z_]+\)$")
ANY = re.compile(r"; see (the changes together: )?changes\[\d+\] \([a-z_]+\)(, changes\[.*)?$")
Key = tuple[str, tuple[str, ...], str]


def _said(findings: Findings) -> set[Key]:
    """Each finding as (rule, ids, words), the pointer a what-if adds taken off."""
    return {(f.rule, f.subjects, ANY.sub("", f.message)) for f in findings.findings}


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


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_change_named_is_absent_before_it_and_present_after_it(changes):
    try:
        w = P.what_if(Scenario("s", "S", changes))
    except ScenarioError:
        assume(False)
    seen = {0: _said(P.validate_governance()), len(changes): _said(w.findings)}

    def after(k: int) -> set[Key]:  # the first k changes alone, as a user would apply them
        if k not in seen:
            seen[k] = _said(P.what_if(Scenario("s", "S", changes[:k])).findings)
        return seen[k]

    for f in w.findings.findings:
        if (m := ONE.search(f.message)) is not None:
            k, key = int(m.group(1)), (f.rule, f.subjects, ONE.sub("", f.message))
            assert key not in after(k), (k, f.message)
            assert key in after(k + 1), (k, f.message)


def test_when_it_cannot_be_told_the_changes_are_said_together():
    found = Finding("GOV-PATH", Severity.ERROR, "rugby-ciog has no path", (), ("rugby-ciog",))
    changes = [Rename("rugby-csp-board", "R"), RemoveBody("rugby-ciog"), Rename("rugby-vpog", "V")]
    same = reorganise(P.authorities, P.local_area.districts, None)
    assert P.governance is not None
    asked: list[int] = []

    def told(at) -> str:
        new, none = Findings((found,), (), ()), Findings((), (), ())
        return named_by_changes(new, none, changes, same, P.governance, at=at).findings[0].message

    def cannot(k: int) -> None:  # the first k changes cannot be applied alone
        asked.append(k)

    assert told(cannot) == (
        "rugby-ciog has no path; see the changes together: changes[0] (rename), "
        "changes[1] (remove_body)"
    )
    assert asked == [1]  # the prefix before the last change that names it, and no other
    # there before the first change that names it: a change that does not name it made it
    assert (
        named_by_changes(
            Findings((found,), (), ()),
            Findings((), (), ()),
            [changes[2], changes[1]],  # rugby-ciog's removal after a change that does not name it
            same,
            P.governance,
            at=lambda k: Findings((found,), (), ()),
        )
        .findings[0]
        .message
        == "rugby-ciog has no path; see the changes together: changes[1] (remove_body)"
    )
    # absent before changes[1], present after it: changes[1]
    assert told(lambda k: Findings((found,) if k >= 2 else (), (), ())) == (
        "rugby-ciog has no path; see changes[1] (remove_body)"
    )
    # without a way to apply the first changes: where to look, as before
    plain = (
        named_by_changes(
            Findings((found,), (), ()), Findings((), (), ()), changes, same, P.governance
        )
        .findings[0]
        .message
    )
    assert plain == "rugby-ciog has no path; see changes[0] (rename), changes[1] (remove_body)"
