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
any part of whose area so lies". SI 2007/1830 reg 3(2) (England), as substituted by SI
2011/1230 reg 3: the strategy group "shall consist of two or more persons appointed by one
or more of the responsible authorities in the area" (as made: "one or more persons
appointed from each responsible authority"); Wales: test_csp_responsible_wales44.py.

Before GOV-CSP-RESPONSIBLE a ``change_body`` taking the ICB, the police, the fire
and rescue authority or probation off a CSP board gave no finding at all (the practice
rule GOV-SPECIFIED warned for a borough council only, as a specified authority with no
firm seat elsewhere).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.areas import Geography
from svduty.authorities import Authorities, Authority, AuthorityCategory
from svduty.findings import Finding, Severity
from svduty.governance import GOVERNANCE_RULES, ChangeBody, CreateAuthority, Merge, Scenario
from svduty.partnership import Partnership
from svduty.periods import Period

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
    # s.5(2)(ba) binds a provider whose arrangements "provide for it to co-operate": not
    # every provider that is not a responsible authority (csp-recheck44)
    assert "they may instead have it co-operate, s.5(2)(ba)" in f.message
    assert "else it co-operates" not in f.message
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
    # one legal body, one finding: as the council (s.5(1)(a)), not as a fire and rescue
    # authority, which s.5(5) defines as a combined, s.4A or metropolitan authority or the
    # London Fire Commissioner, not a county council that is one (FRSA 2004 s.1(2)(a))
    assert [(f.subjects[1], f.get("provision")) for f in both] == [(COUNTY, "s.5(1)(a)")]
    assert {f.severity for f in both} == {Severity.ERROR}


def with_board(p: Partnership = P, **fields: Any) -> Partnership:
    """P with the Rugby board's record changed."""
    bodies = [
        attrs.evolve(b, **fields) if b.id == "rugby-csp-board" else b for b in p.governance.bodies
    ]
    return attrs.evolve(p, governance=p.governance.with_changes(bodies, p.governance.relations))


def test_a_county_council_seated_only_as_fire_authority_is_lost_as_the_council() -> None:
    members = tuple(m for m in P.governance.get("rugby-csp-board").members if m != COUNTY)
    p = with_board(members=members)
    assert [f for f in p.validate_governance().findings if f.rule == RULE] == []
    [f] = found(ChangeBody("rugby-csp-board", remove_members=[FIRE]), p=p)
    assert (f.subjects, f.get("provision")) == (("rugby-csp-board", FIRE, "E07000220"), "s.5(1)(a)")
    assert f"{FIRE} (a record of {COUNTY}, the council)" in f.message


def test_the_day_of_a_scenario_before_schedule_1_still_has_s5() -> None:
    # s.5(1) has applied since 1998; Schedule 1 only from 31 January 2023: a what-if dated
    # 2022 finds the police leaving a board as one dated 2024 does
    early = Authorities(
        tuple(attrs.evolve(a, valid=Period("2020-01-01", a.valid.end)) for a in P.authorities)
    )
    p = attrs.evolve(P, authorities=early.with_districts_within(P.authorities.districts_within))
    change = ChangeBody("rugby-csp-board", remove_members=["warwickshire-police"])
    for day in ("2022-12-01", "2024-06-01"):
        w = p.what_if(Scenario("s", "S", [change], effective=day))
        said = [(f.severity, f.subjects[1]) for f in w.findings if f.rule == RULE]
        assert said == [(Severity.ERROR, "warwickshire-police")], day


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
    # and removed alone: one finding for each legal body left with no record on its
    # board; a county council that is the fire and rescue authority is one as the council
    # (s.5(5)), named by its own record
    said = [(f.subjects[0], f.subjects[1]) for f in found(*out)]
    assert len(said) == len(set(said))
    left = {b: set(P.governance.get(b).members) - set(ms) for b, ms in by_body.items()}
    expected = {(b, m) for b, m in pairs if m != FIRE and not (m == COUNTY and FIRE in left[b])}
    assert set(said) == expected
    # the same bodies, standing in the graph with no scenario, give the same pairs
    bodies = [
        attrs.evolve(b, members=tuple(m for m in b.members if m in left[b.id]))
        if b.id in left
        else b
        for b in P.governance.bodies
    ]
    p = attrs.evolve(P, governance=P.governance.with_changes(bodies, P.governance.relations))
    standing = [
        (f.subjects[0], f.subjects[1]) for f in p.validate_governance().findings if f.rule == RULE
    ]
    assert sorted(standing) == sorted(expected)


# --- a partnership standing in the graph (csp-recheck44) ---------------------------------
# A CSP whose membership record cites s.5(1) says its members are the responsible
# authorities: one recorded for its areas that it does not list is a conflict between the
# record and the statute it cites. Before, only a what-if's removal was reported.


def test_a_csp_cited_to_s5_that_does_not_list_the_icb_is_an_error() -> None:
    members = tuple(m for m in P.governance.get("rugby-csp-board").members if m != ICB)
    v = with_board(members=members).validate_governance()
    [f] = [f for f in v.findings if f.rule == RULE]
    assert (f.severity, f.subjects, f.get("provision")) == (
        Severity.ERROR,
        ("rugby-csp-board", ICB, "E07000220"),
        "s.5(1)(e)",
    )
    assert f"{ICB} is a responsible authority for E07000220" in f.message
    assert "cites to cda-1998 s.5(1), do not list it" in f.message
    assert "add it to the members" in f.message
    law = [(c.source.id, c.provision) for c in f.citations]
    assert law == [("cda-1998", "s.5(1)"), ("cda-1998", "s.5(1)(e)"), ("cdsr-2007", "reg 3(2)")]
    assert not v.ok


def test_probation_not_listed_is_a_warning_and_attendance_is_not_reported() -> None:
    members = tuple(m for m in P.governance.get("rugby-csp-board").members if m != PROBATION)
    [f] = [f for f in with_board(members=members).validate_governance().findings if f.rule == RULE]
    assert f.severity is Severity.WARNING
    assert f.message.startswith(f"not known: whether {PROBATION}")
    # cited to the partnership's documents, a board's members are who attends: not the Act's
    attendance = P.sources.cite("warwickshire-partnership-agreement", "Governance Structure")
    p = with_board(members=members, members_citation=attendance)
    assert [f for f in p.validate_governance().findings if f.rule == RULE] == []


def test_a_reorganisation_creating_an_authority_no_board_cited_to_s5_lists() -> None:
    # lgr-two-unitaries with a combined fire authority for both new areas (FRSA 2004 s.2):
    # the South board, cited to s.5(1), does not list it; the North board's members are
    # cited to the proposal, so nothing is said of it
    fire = Authority(
        "warwickshire-combined-fire-authority",
        "Warwickshire Combined Fire Authority",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        ("north-warwickshire-unitary", "south-warwickshire-unitary"),
        P.sources.cite("warwickshire-lgr-proposals", "Proposal 1: two unitary councils"),
    )
    base = P.scenarios["lgr-two-unitaries"]
    s = attrs.evolve(base, changes=(*base.changes, CreateAuthority(fire)))
    said = [(f.severity, f.subjects) for f in P.what_if(s).findings if f.rule == RULE]
    assert said == [
        (
            Severity.ERROR,
            (
                "south-warwickshire-csp-board",
                "warwickshire-combined-fire-authority",
                "south-warwickshire-unitary",
            ),
        )
    ]


def test_a_district_partly_in_two_icbs_has_both_as_responsible_authorities() -> None:
    # s.5(1)(e) "every integrated care board the whole or any part of whose area so lies":
    # the national join counts a district any of whose 2021 LSOAs an ICB's area holds (ONS
    # LSOA21 to ICB24). Hart lies partly in Frimley's and partly in Hampshire and Isle of
    # Wight's; police force and fire and rescue areas split no district (LAD24 lookups).
    geo = Geography.england_and_wales()
    frimley, hiow = "E54000034", "E54000042"
    assert "E07000089" in geo.district_codes_within(frimley)
    assert "E07000089" in geo.district_codes_within(hiow)
