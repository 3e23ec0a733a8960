"""A what-if cannot take a responsible authority out of a community safety partnership.

Crime and Disorder Act 1998 s.5(1), as amended (legalize-dev/legalize-uk,
``uk/ukpga-1998-37.md``, the revised text last updated 5 February 2025): the functions
of s.6 "shall be exercisable in relation to each local government area by the
responsible authorities, that is to say" (a) the council for the area and, for a
district of a two-tier county, the county council, (aa) "every provider of probation
services operating within the area in pursuance of arrangements under section 3 of the
Offender Management Act 2007 which provide for it to be a responsible authority under
this section", (b) "every chief officer of police any part of whose police area lies
within the area", (d) "every fire and rescue authority any part of whose area so lies",
(e) "if the local government area is in England, every integrated care board the whole or
any part of whose area so lies". SI 2007/1830 reg 3(2) (England): the strategy group
"shall consist of one or more persons appointed from each responsible authority".

Before GOV-CSP-RESPONSIBLE a ``change_body`` taking the ICB, the police, the fire
and rescue authority or probation off a CSP board gave no finding at all (the practice
rule GOV-SPECIFIED warned for a borough council only, as a specified authority with no
firm seat elsewhere).
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.findings import Finding, Severity
from svduty.governance import GOVERNANCE_RULES, ChangeBody, Merge, Scenario
from svduty.partnership import Partnership

from ..cli_run import run as run_cli

P = svduty.warwickshire()
RULE = "GOV-CSP-RESPONSIBLE"
CSPS = (
    "north-warwickshire-csp-board",
    "nuneaton-and-bedworth-csp-board",
    "rugby-csp-board",
    "south-warwickshire-csp-board",
)
ICB = "coventry-and-warwickshire-icb"
PROBATION = "warwickshire-probation-delivery-unit"
COUNTY, FIRE = "warwickshire-county-council", "warwickshire-fire-and-rescue-authority"


def found(*changes: ChangeBody | Merge, p: Partnership = P) -> list[Finding]:
    w = p.what_if(Scenario("s", "S", list(changes)))
    return [f for f in w.findings if f.rule == RULE]


def test_the_rule_is_national_law_citing_s5_1() -> None:
    rule = GOVERNANCE_RULES[RULE]
    assert (rule.citation.source.id, rule.citation.provision) == ("cda-1998", "s.5(1)")
    assert RULE in P.validate_governance().checked  # reported as run, never silently


@pytest.mark.parametrize(
    ("member", "provision"),
    [
        (ICB, "s.5(1)(e)"),
        ("warwickshire-police", "s.5(1)(b)"),
        ("rugby-borough-council", "s.5(1)(a)"),
    ],
)
def test_taking_a_responsible_authority_off_a_csp_is_an_error(member: str, provision: str) -> None:
    [f] = found(ChangeBody("rugby-csp-board", remove_members=[member]))
    assert f.severity is Severity.ERROR
    assert f.subjects == ("rugby-csp-board", member, "E07000220")
    assert f.get("provision") == provision
    provisions = [(c.source.id, c.provision) for c in f.citations]
    law = [("cda-1998", "s.5(1)"), ("cda-1998", provision), ("cdsr-2007", "reg 3(2)")]
    assert provisions == law
    assert "no change to a board can make it stop being one" in f.message
    assert "changes[0] (change_body)" in f.message


def test_the_icb_off_the_south_board_names_both_of_its_districts() -> None:
    [f] = found(ChangeBody("south-warwickshire-csp-board", remove_members=[ICB]))
    assert f.subjects == ("south-warwickshire-csp-board", ICB, "E07000221", "E07000222")


def test_probation_is_a_warning_the_arrangements_decide() -> None:
    # s.5(1)(aa): a responsible authority only where the 2007 Act arrangements so provide
    [f] = found(ChangeBody("rugby-csp-board", remove_members=[PROBATION]))
    assert f.severity is Severity.WARNING
    assert f.message.startswith("not known: whether warwickshire-probation-delivery-unit")
    assert "s.5(2)(ba)" in f.message
    strict = P.what_if(
        Scenario("s", "S", [ChangeBody("rugby-csp-board", remove_members=[PROBATION])]),
        strict=True,
    )
    assert [f.severity for f in strict.findings if f.rule == RULE] == [Severity.ERROR]


def test_membership_cited_to_the_partnership_is_attendance_a_warning() -> None:
    bodies = [
        attrs.evolve(
            b,
            members_citation=P.sources.cite(
                "warwickshire-partnership-agreement", "Governance Structure"
            ),
        )
        if b.id == "rugby-csp-board"
        else b
        for b in P.governance.bodies
    ]
    p = attrs.evolve(P, governance=P.governance.with_changes(bodies, P.governance.relations))
    [f] = found(ChangeBody("rugby-csp-board", remove_members=[ICB]), p=p)
    assert f.severity is Severity.WARNING
    assert "remains a responsible authority for E07000220" in f.message
    assert "not known: whether rugby-csp-board is the area's strategy group" in f.message


def test_one_legal_body_seated_in_another_capacity_is_not_lost() -> None:
    # the county council is the fire and rescue authority: one of its records seated keeps it
    assert found(ChangeBody("rugby-csp-board", remove_members=[FIRE])) == []
    assert found(ChangeBody("rugby-csp-board", remove_members=[COUNTY])) == []
    both = found(ChangeBody("rugby-csp-board", remove_members=[COUNTY, FIRE]))
    assert sorted(f.subjects[1] for f in both) == [COUNTY, FIRE]
    assert {f.severity for f in both} == {Severity.ERROR}


def test_merged_partnerships_keep_every_member() -> None:
    assert found(Merge("north-warwickshire-csp-board", "rugby-csp-board")) == []


def test_shipped_scenarios_take_no_responsible_authority_away() -> None:
    for name in P.scenarios:
        assert [f for f in P.what_if(name).findings if f.rule == RULE] == [], name


def test_cli_validate_reports_it_and_exits_1(tmp_path: Path) -> None:
    f = tmp_path / "no-icb.toml"
    f.write_text(
        'name = "no-icb"\ntitle = "The ICB leaves Rugby\'s board"\n[[changes]]\n'
        'op = "change_body"\nbody = "rugby-csp-board"\n'
        'remove_members = ["coventry-and-warwickshire-icb"]\n'
    )
    code, out, err = run_cli("governance", "--scenario", str(f), "--validate")
    assert code == 1
    [line] = [x for x in out.splitlines() if x.startswith(f"  error {RULE}")]
    assert "coventry-and-warwickshire-icb is a responsible authority for E07000220" in line
    assert err.startswith("svduty governance: error: 1 governance error(s)")
    code, out, _ = run_cli("governance", "--scenario", str(f), "--validate", "--format", "json")
    data = json.loads(out)["validation"]
    assert [x["rule"] for x in data["findings"] if x["severity"] == "error"] == [RULE]


MEMBERS = sorted({(b, m) for b in CSPS for m in P.governance.get(b).members})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=6, unique=True))
def test_removing_then_restoring_members_leaves_no_finding(pairs: list[tuple[str, str]]) -> None:
    by_body: dict[str, list[str]] = {}
    for body, member in pairs:
        by_body.setdefault(body, []).append(member)
    out = [ChangeBody(b, remove_members=ms) for b, ms in by_body.items()]
    back = [ChangeBody(b, add_members=ms) for b, ms in by_body.items()]
    assert found(*out, *back) == []
    # and removed alone: each finding names a pair removed; every removed legal body
    # with no record left on its board is reported
    reported = {(f.subjects[0], f.subjects[1]) for f in found(*out)}
    assert reported <= set(pairs)
    for body, member in pairs:
        other = {COUNTY: FIRE, FIRE: COUNTY}.get(member)
        if other is None or (body, other) in pairs:
            assert (body, member) in reported, (body, member)
