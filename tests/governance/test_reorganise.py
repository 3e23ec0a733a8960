"""Scenarios that change authorities and areas; the Schedule 1 re-check; assembly; rules."""

from __future__ import annotations

import attrs
import pytest

import svduty
from svduty.authorities import Absence, Authorities, Authority, AuthorityCategory, must_consult_s8
from svduty.errors import FundingError, GovernanceError, ScenarioError
from svduty.findings import Severity
from svduty.governance import (
    GOVERNANCE_RULES,
    PRACTICE_CHECKS,
    AbolishAuthority,
    ChangeDistricts,
    CreateArea,
    CreateAuthority,
    GovernanceGraph,
    GovernanceRule,
    Relation,
    RelationKind,
    Scenario,
    TransferFunctions,
    WhatIf,
    findings_html,
    reorganise,
    schedule_1_findings,
)
from svduty.io import load_scenario
from svduty.io._governance import load_governance_rules
from svduty.partnership import Partnership
from svduty.periods import Period
from svduty.sources import Confidence, cite

C = cite("pcsc-act-2022", "Sch 1")
P = svduty.warwickshire()
RULE = next(r for r in P.governance_rules if r.id == "GOV-PATH").citation  # the agreement
DISTRICTS = P.local_area.districts


def scenario(*changes: object, effective: str | None = None) -> Scenario:
    return Scenario("s", "S", changes, effective=effective)  # type: ignore[arg-type]


def unitary(id_: str, area: str) -> Authority:
    return Authority(id_, id_.title(), AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS, (area,), C)


# --- reorganise: authorities and areas ---------------------------------------------------


def test_no_scenario_changes_nothing():
    same = reorganise(P.authorities, DISTRICTS, None)
    assert same.areas == DISTRICTS
    assert [a.id for a in same.authorities] == [a.id for a in P.authorities]
    assert schedule_1_findings(P.authorities, same) == ()


def test_abolition_takes_the_other_capacities_and_the_yot_it_alone_established():
    after = reorganise(
        P.authorities,
        DISTRICTS,
        scenario(AbolishAuthority("warwickshire-county-council"), effective="2028-04-01"),
    )
    gone = {"warwickshire-county-council", "warwickshire-fire-and-rescue-authority"}
    gone.add("warwickshire-youth-justice-service")
    assert not gone & {a.id for a in after.authorities}
    assert "planned 2028-04-01" in after.messages[0]  # the abolition planned in authorities.toml
    # the districts keep their GSS codes, so every Schedule 1 table is checked for each
    gaps = schedule_1_findings(P.authorities, after)
    assert {f.subjects[0] for f in gaps} == set(DISTRICTS)
    by_area = [f.message for f in gaps if f.subjects[0] == "E07000220"]
    assert any("'Fire and rescue' table" in m for m in by_area)
    assert any("(youth offending team)" in m for m in by_area)
    assert any("county council" in m for m in by_area)  # s.11(6): E07 needs a county council
    assert all(f.severity is Severity.ERROR for f in gaps)
    assert all(f.citations[0] == GOVERNANCE_RULES["GOV-SCHEDULE-1"].citation for f in gaps)


def test_transfer_moves_the_capacities_before_an_abolition():
    s = scenario(
        CreateArea("whole", "Whole county", DISTRICTS, kind="unitary"),
        CreateAuthority(unitary("u", "whole")),
        TransferFunctions("warwickshire-county-council", "u"),
        AbolishAuthority("warwickshire-county-council"),
    )
    after = reorganise(P.authorities, DISTRICTS, s)
    fire = after.authorities.get("warwickshire-fire-and-rescue-authority")
    assert fire.same_body_as == "u"
    assert after.authorities.get("warwickshire-youth-justice-service").established_by == ("u",)
    assert after.areas == ("whole",)
    assert after.replaced == dict.fromkeys(DISTRICTS, "whole")
    assert after.authorities.local_government_areas("warwickshire-police") == ("whole",)
    # the district councils are not abolished here: they still join to the new area, and
    # no Schedule 1 table is left without an authority, but an area with no district
    # councils (u's) cannot have five: warned
    (left,) = schedule_1_findings(P.authorities, after)
    assert left.severity is Severity.WARNING
    councils = set(left.get("councils").split(", "))
    assert councils == {"u", *(a.id for a in P.authorities.items if a.id.endswith("-council"))} - {
        "warwickshire-county-council"
    }


def test_a_new_area_without_an_authority_of_a_table_is_reported():
    s = scenario(
        CreateArea("north", "North", ("E07000218", "E07000219"), kind="unitary"),
        AbolishAuthority("north-warwickshire-borough-council"),
        AbolishAuthority("nuneaton-and-bedworth-borough-council"),
        AbolishAuthority("warwickshire-county-council"),
    )
    after = reorganise(P.authorities, DISTRICTS, s)
    assert after.areas == ("north", "E07000220", "E07000221", "E07000222")
    north = [f for f in schedule_1_findings(P.authorities, after) if f.subjects[0] == "north"]
    assert sorted(f.get("table") for f in north) == [
        "'Criminal justice' table (youth offending team)",
        "'Fire and rescue' table",
        "'Local government' table",
    ]
    lg = next(f for f in north if f.get("table") == "'Local government' table")
    assert set(lg.subjects[1:]) == {
        "warwickshire-county-council",
        "north-warwickshire-borough-council",
        "nuneaton-and-bedworth-borough-council",
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (AbolishAuthority("nobody"), "changes[0].authority"),
        (CreateAuthority(unitary("warwickshire-police", "x")), "changes[0].authority.id"),
        (TransferFunctions("nobody", "warwickshire-police"), "changes[0].source"),
        (TransferFunctions("warwickshire-police", "nobody"), "changes[0].target"),
        (CreateArea("x", "X", ("E07000999",)), "changes[0].replaces"),
        # a hostile review: an area "created" with a code the area already has (Rugby
        # again, or a district replacing itself), and an area replacing nothing
        (CreateArea("E07000221", "Rugby again", ("E07000220",)), "changes[0].code"),
        (CreateArea("E07000220", "Rugby", ("E07000220",)), "changes[0].code"),
        (CreateArea("x", "From nowhere", ()), "changes[0].replaces"),
    ],
)
def test_bad_authority_and_area_changes_name_the_change(change, field):
    with pytest.raises(ScenarioError, match=field.replace("[", r"\[").replace("]", r"\]")):
        reorganise(P.authorities, DISTRICTS, scenario(change))


@pytest.mark.parametrize(
    ("category", "area", "rules"),
    [
        # a policy review: a what-if made an English-only body for a Welsh area, which
        # the bundle's validation refuses (s.11(4), Sch 1): a scenario is refused too
        (AuthorityCategory.DISTRICT_COUNCIL, "W06000015", {"CATEGORY-AREA", "NATION"}),
        (AuthorityCategory.INTEGRATED_CARE_BOARD, "W06000015", {"CATEGORY-AREA", "NATION"}),
        (AuthorityCategory.LONDON_BOROUGH_COUNCIL, "E07000220", {"CATEGORY-AREA"}),
    ],
)
def test_a_created_authority_gets_the_bundles_area_checks(category, area, rules):
    made = Authority("new-body", "New body", category, (area,), C)
    with pytest.raises(ScenarioError) as caught:
        P.what_if(scenario(CreateAuthority(made)))
    found = {p.message.rsplit("(BUNDLE-", 1)[1].rstrip(")") for p in caught.value.problems}
    assert found == rules
    assert {p.field for p in caught.value.problems} == {"changes[0].authority.areas[0]"}


@pytest.mark.parametrize(
    ("areas", "field", "says"),
    [  # a hostile review: all were accepted, and counted as the partnership's authorities
        (("S12000033",), "areas[0]", "not an area of the partnership or of England and Wales"),
        (("E07000001",), "areas[0]", "not an area of the partnership or of England and Wales"),
        ((), "areas", "at least one area"),
        (("E07000220", "E07000220"), "areas[1]", "listed twice"),
    ],
)
def test_a_created_authority_s_areas_are_areas_of_england_and_wales(areas, field, says):
    made = Authority("new-body", "New body", AuthorityCategory.DISTRICT_COUNCIL, areas, C)
    with pytest.raises(ScenarioError) as caught:
        P.what_if(scenario(CreateAuthority(made)))
    (problem,) = caught.value.problems
    assert problem.field == f"changes[0].authority.{field}"
    assert says in str(problem)


def test_a_created_unitary_council_of_a_new_area_is_not_refused():
    made = unitary("new-unitary", "E06000999")  # an area the scenario creates: not judged
    s = scenario(CreateArea("E06000999", "New", ("E07000218",)), CreateAuthority(made))
    assert isinstance(P.what_if(s), WhatIf)


def test_an_area_is_created_once():
    s = scenario(CreateArea("a", "A", ("E07000218",)), CreateArea("a", "A", ("E07000219",)))
    with pytest.raises(ScenarioError, match=r"changes\[1\]\.code: 'a' is already an area's code"):
        reorganise(P.authorities, DISTRICTS, s)


def test_a_district_is_replaced_once():
    s = scenario(CreateArea("a", "A", ("E07000218",)), CreateArea("b", "B", ("E07000218",)))
    with pytest.raises(ScenarioError, match=r"changes\[1\]\.replaces"):
        reorganise(P.authorities, DISTRICTS, s)


def test_authority_changes_round_trip_through_scenario_data():
    data = {
        "name": "s",
        "title": "S",
        "changes": [
            {"op": "abolish_authority", "authority": "a"},
            {"op": "transfer_functions", "source": "a", "target": "b"},
            {"op": "create_area", "code": "n", "name": "N", "replaces": ["E07000218"]},
            {
                "op": "create_authority",
                "authority": {
                    "id": "u",
                    "name": "U",
                    "category": "county_council_no_districts",
                    "areas": ["n"],
                    "citation": {"source": "pcsc-act-2022"},
                },
            },
        ],
    }
    s = load_scenario(data)
    assert [c.op for c in s.changes] == [
        "abolish_authority",
        "transfer_functions",
        "create_area",
        "create_authority",
    ]
    assert s.changes[2].replaces == ("E07000218",)


# --- what-if and the one validation --------------------------------------------------------


def test_what_if_by_name_and_its_views():
    w = P.what_if("lgr-two-unitaries")
    assert isinstance(w, WhatIf)
    assert w.reorganised.areas == ("north-warwickshire-unitary", "south-warwickshire-unitary")
    assert w.findings == P.validate_governance(scenario=P.scenarios["lgr-two-unitaries"])
    page = w._repr_html_()
    assert "<table>" in page
    assert "GOV-SCHEDULE-1" in page
    assert "create_area" in page
    assert str(w) == w.to_text()
    assert "after the scenario: North Warwickshire Unitary (north-warwickshire-unitary)" in str(w)
    assert w.as_dict()["validation"] == w.findings.as_dict()
    log = w.log.as_dict()
    assert log[0]["op"] == "add_body"
    assert "<td>transfer_functions</td>" in w.log._repr_html_()
    # an abolition logs what it did to the authorities and to the bodies
    county = next(e for e in log if "abolished warwickshire-county-council" in e["message"])
    assert "governance:" in county["message"]


def test_strict_what_if_counts_warnings_as_errors():
    w = P.what_if("jag-to-sv-strategic-board", strict=True)
    assert not w.findings.warnings
    assert not w.findings.ok


def test_validation_needs_a_graph_and_one_target():
    with pytest.raises(GovernanceError, match="one of jag-to-sv-strategic-board"):
        P.what_if("no-such-scenario")
    with pytest.raises(GovernanceError, match="not both"):
        P.validate_governance(P.governance, scenario="lgr-two-unitaries")
    bare = attrs.evolve(P, governance=None)
    with pytest.raises(GovernanceError, match="the bundle has none"):
        bare.validate_governance()


def test_findings_html_lists_findings_citations_and_skipped_rules():
    res = GovernanceGraph.of([], []).validate(districts=("E07000218",))
    page = findings_html(res)
    assert "<td>error</td>" in page
    assert "Crime and Disorder Act 1998" in page
    assert "not checked:" in page
    assert "GOV-PATH" in page
    assert "checked: GOV-CSP-COVERAGE" in page
    assert "<table>" not in findings_html(GovernanceGraph.of([], []).validate())


# --- rules: national in code, practice in the bundle ---------------------------------------


def test_national_rules_cite_national_law_and_practice_rules_come_from_the_bundle():
    national = {r.citation.source.id for r in GOVERNANCE_RULES.values()}
    assert national <= {"cda-1998", "pcsc-act-2022"}
    assert {r.id for r in P.governance_rules} == set(PRACTICE_CHECKS)
    assert not set(GOVERNANCE_RULES) & set(PRACTICE_CHECKS)
    path = next(r for r in P.governance_rules if r.id == "GOV-PATH")
    assert path.citation.source.id == "warwickshire-partnership-agreement"


def test_undeclared_practice_rules_are_skipped_with_the_reason():
    res = P.governance.validate()
    assert res.checked == ("GOV-CSP-COVERAGE",)
    assert dict(res.skipped)["GOV-PATH"].startswith("not a declared rule")
    one = P.governance.validate(rules=[GovernanceRule("GOV-ISOLATED", "x", RULE)])
    assert one.checked == ("GOV-CSP-COVERAGE", "GOV-ISOLATED")
    assert [f.citations for f in one.warnings] == [(RULE,)]


def test_a_rule_svduty_cannot_check_is_an_error():
    with pytest.raises(GovernanceError, match=r"rules\[0\]\.id"):
        P.governance.validate(rules=[GovernanceRule("GOV-MAGIC", "x", RULE)])
    with pytest.raises(GovernanceError, match=r"g\.toml: rules\[0\]\.id"):
        load_governance_rules(
            {"rules": [{"id": "GOV-X", "requires": "x", "citation": {"source": "cda-1998"}}]},
            file="g.toml",
        )
    assert load_governance_rules({}) == ()


@pytest.mark.parametrize("law", [C, cite("si-2023-227")])
def test_a_practice_rule_citing_legislation_is_refused(law):
    # national law is svduty's GOVERNANCE_RULES; a partnership's rule cites its own documents
    with pytest.raises(GovernanceError, match=r"rules\[0\]\.citation: .*cannot cite legislation"):
        P.governance.validate(rules=[GovernanceRule("GOV-ISOLATED", "x", law)])
    row = {"id": "GOV-PATH", "requires": "x", "citation": {"source": law.source.id}}
    with pytest.raises(GovernanceError, match=r"g\.toml: rules\[0\]\.citation: .*legislation"):
        load_governance_rules({"rules": [row]}, file="g.toml")
    guidance = {"id": "GOV-PATH", "requires": "x", "citation": {"source": "svd-guidance"}}
    assert load_governance_rules({"rules": [guidance]})[0].citation.source.id == "svd-guidance"


# --- assembly in one place -------------------------------------------------------------------


def parts(**kw: object) -> dict[str, object]:
    out: dict[str, object] = {
        "local_area": P.local_area,
        "geography": P.geography,
        "authorities": Authorities(P.authorities.items),
        "sources": P.sources,
    }
    out.update(kw)
    return out


def test_of_joins_the_grant_flow_and_binds_the_join():
    bare = P.governance.with_changes(
        P.governance.bodies,
        [r for r in P.governance.relations if r.kind is not RelationKind.GRANT_RECIPIENT_FOR],
    )
    built = Partnership.of("x", "X", **parts(funding=P.funding, governance=bare))  # type: ignore[arg-type]
    assert built.governance == P.governance
    assert built.authorities.districts_within is not None
    assert built.specified_authority_ids() == P.specified_authority_ids()
    # already joined: nothing added, the same graph comes back
    again = Partnership.of("x", "X", **parts(funding=P.funding, governance=P.governance))  # type: ignore[arg-type]
    assert again.governance is P.governance
    # no funding or no governance: nothing to join
    assert Partnership.of("x", "X", **parts(governance=bare)).governance is bare  # type: ignore[arg-type]


def test_of_reports_grant_flow_edges_that_do_not_join():
    flow = P.funding.grant_flow
    uncited = attrs.evolve(flow, edges=(attrs.evolve(flow.edges[0], citation=None),))
    funding = attrs.evolve(P.funding, grant_flow=uncited)
    with pytest.raises(FundingError, match=r"grant_flow.edges\[0\].citation"):
        Partnership.of("x", "X", **parts(funding=funding, governance=P.governance))  # type: ignore[arg-type]
    lonely = GovernanceGraph.of([P.governance.get("home-office")], [])
    with pytest.raises(GovernanceError) as exc:
        Partnership.of("x", "X", **parts(funding=P.funding, governance=lonely))  # type: ignore[arg-type]
    assert str(exc.value) == (
        "funding.toml: grant_flow.edges[0].target: no body of governance.toml with this id "
        "(got 'warwickshire-opcc')"
    )
    edge = flow.edges[0]
    loop = attrs.evolve(flow, edges=(attrs.evolve(edge, target=edge.source),))
    with pytest.raises(GovernanceError, match=r"funding\.toml grant flow: a relation from a body"):
        Partnership.of(
            "x",
            "X",
            **parts(funding=attrs.evolve(P.funding, grant_flow=loop), governance=P.governance),
        )  # type: ignore[arg-type]


def test_relation_from_the_grant_flow_keeps_its_citation():
    r = P.governance.relation("warwickshire-opcc", "home-office", "grant_recipient_for")
    assert isinstance(r, Relation)
    assert r.citation is not None


def test_abolishing_what_an_earlier_abolition_took_is_logged_not_refused():
    s = scenario(
        AbolishAuthority("warwickshire-county-council"),
        AbolishAuthority("warwickshire-fire-and-rescue-authority"),
    )
    after = reorganise(P.authorities, DISTRICTS, s)
    assert after.messages[1] == (
        "warwickshire-fire-and-rescue-authority was already abolished (changes[0])"
    )


def test_a_yot_goes_with_the_last_of_the_authorities_that_established_it():
    yot = Authority(
        "joint-yot",
        "Joint YOT",
        AuthorityCategory.YOUTH_OFFENDING_TEAM,
        ("E10000031",),
        C,
        established_by=("rugby-borough-council", "warwick-district-council"),
    )
    auths = Authorities(
        (*P.authorities.items, yot), districts_within=P.authorities.districts_within
    )
    one = reorganise(auths, DISTRICTS, scenario(AbolishAuthority("rugby-borough-council")))
    assert "joint-yot" in one.authorities
    both = reorganise(
        auths,
        DISTRICTS,
        scenario(
            AbolishAuthority("rugby-borough-council"), AbolishAuthority("warwick-district-council")
        ),
    )
    assert "joint-yot" not in both.authorities
    assert "joint-yot" in both.messages[1]


def test_a_what_ifs_new_coverage_cites_the_scenario():
    """After the two-unitary what-if, the scrutiny panel's new coverage (three districts)
    still cited the 2023 cabinet report, confirmed (a policy review); a merged board's
    coverage cites the scenario too."""
    import svduty

    p = svduty.warwickshire()
    lgr = p.scenarios["lgr-two-unitaries"]
    w = p.what_if(lgr)
    panel = w.governance.get("nbbc-scrutiny-panel")
    assert panel.coverage_citation == lgr.citation
    assert panel.coverage_citation.confidence.value == "unconfirmed"
    merged = w.governance.get("north-unitary-csp-board")
    assert merged.coverage_citation == lgr.citation
    untouched = w.governance.get("safer-warwickshire-partnership-board")
    assert untouched == p.governance.get("safer-warwickshire-partnership-board")


def test_a_what_ifs_reorganisation_cannot_be_changed_in_place():
    """``WhatIf`` is frozen, but its ``reorganised`` held plain dicts: one caller could add
    to ``abolished`` and change what another read (a developer's review)."""
    import svduty

    r = svduty.warwickshire().what_if("lgr-two-unitaries").reorganised
    for mapping in (r.abolished, r.replaced, r.messages):
        with pytest.raises(TypeError):
            mapping[99] = ("x",)  # type: ignore[index]
    assert r.replaced["E07000220"] == "north-warwickshire-unitary"


@pytest.mark.parametrize("named", ["new", "old"])
def test_a_csp_covers_a_new_area_by_its_code_or_by_the_districts_it_replaces(named):
    """``change_districts`` to a code ``create_area`` made was accepted, then GOV-CSP-COVERAGE
    said the old district was covered by none and the new code lay outside the area."""
    p = svduty.warwickshire()
    changes = [CreateArea("rugby-unitary", "Rugby Unitary", ("E07000220",))]
    if named == "new":
        changes.append(ChangeDistricts("rugby-csp-board", ("rugby-unitary",)))
    w = p.what_if(Scenario("x", "x", changes))
    assert [f for f in w.findings.errors if f.rule == "GOV-CSP-COVERAGE"] == []
    gone = p.what_if(Scenario("y", "y", [*changes, ChangeDistricts("rugby-csp-board", ())]))
    assert any("E07000220" in f.message for f in gone.findings.errors)


@pytest.mark.parametrize("effective", [None, "2027-04-01", "2028-04-01"])
def test_an_abolition_quotes_only_the_changes_planned_for_its_day(effective):
    """A chief constable reported to leave (2026) is no reason for an abolition, nor is a
    reorganisation of 2028 for a scenario of 2027 (a policy review)."""
    police = reorganise(
        P.authorities,
        DISTRICTS,
        scenario(AbolishAuthority("warwickshire-police"), effective=effective),
    )
    assert "reported to leave" not in police.messages[0]
    council = reorganise(
        P.authorities,
        DISTRICTS,
        scenario(AbolishAuthority("rugby-borough-council"), effective=effective),
    )
    assert ("planned 2028-04-01" in council.messages[0]) is (effective == "2028-04-01")


def test_an_absence_for_part_of_a_new_area_does_not_cover_it():
    """An absence recorded for Rugby alone said nothing of Nuneaton and Bedworth's schools,
    yet read as covering a new area made of both (the fortieth session's re-check review);
    one that covered every district replaced covers the new area."""
    p = svduty.warwickshire()
    sch2 = cite("pcsc-act-2022", "Sch 2")
    cats = ("educational_authority", "prison_authority", "youth_custody_authority")
    rugby = tuple(Absence(AuthorityCategory(c), ("E07000220",), sch2) for c in cats)
    both = tuple(Absence(AuthorityCategory(c), ("E07000219", "E07000220"), sch2) for c in cats)
    merger = Scenario("s", "S", [CreateArea("north", "N", ("E07000219", "E07000220"))])
    for absences, whole in ((rugby, False), (both, True)):
        auths = Authorities(
            p.authorities.items, absences, districts_within=p.authorities.districts_within
        )
        after = reorganise(auths, p.local_area.districts, merger).authorities
        assert must_consult_s8(after, "north").yes is whole
        assert must_consult_s8(after, "E07000221").undetermined  # Stratford: nothing recorded
    # an absence no replaced district is in is kept as it was
    stratford = Absence(AuthorityCategory.PRISON_AUTHORITY, ("E07000221",), sch2)
    auths = Authorities(
        p.authorities.items, (stratford,), districts_within=p.authorities.districts_within
    )
    assert reorganise(auths, p.local_area.districts, merger).authorities.absences == (stratford,)


def test_an_authority_abolished_leaves_the_absence_that_listed_it():
    """An absence listing a school a scenario abolishes would name a record no longer
    there (not known until it is): the school leaves the list (fortieth session)."""
    p = svduty.warwickshire()
    sch2 = cite("pcsc-act-2022", "Sch 2")
    school = Authority(
        "st-x", "St X", AuthorityCategory.EDUCATIONAL_AUTHORITY, ("E07000221",), sch2
    )
    cats = ("educational_authority", "prison_authority", "youth_custody_authority")
    absences = tuple(
        Absence(
            AuthorityCategory(c), ("E07000221",), sch2, beside=("st-x",) if c == cats[0] else ()
        )
        for c in cats
    )
    join = p.authorities.districts_within
    auths = Authorities((*p.authorities.items, school), absences, districts_within=join)
    assert must_consult_s8(auths, "E07000221").yes
    closed = Scenario("s", "S", [AbolishAuthority("st-x")])
    after = reorganise(auths, p.local_area.districts, closed).authorities
    assert after.absences[0].beside == ()
    assert must_consult_s8(after, "E07000221").yes  # no educational authority left


def test_absences_of_each_district_replaced_make_one_for_the_new_area():
    """'No prison in Nuneaton' and 'no prison in Rugby' say there is none in an area made
    of both; reorganising dropped them, leaving it not known (the final re-check of the
    fortieth session). The lists of schools they stand beside are joined."""
    p = svduty.warwickshire()
    sch2 = cite("pcsc-act-2022", "Sch 2")
    doubt = cite("pcsc-act-2022", "Sch 2", confidence=Confidence.UNCONFIRMED, doubt="check it")
    ea = AuthorityCategory.EDUCATIONAL_AUTHORITY
    s1 = Authority("s1", "S1", ea, ("E07000219",), sch2)
    s2 = Authority("s2", "S2", ea, ("E07000220",), sch2)
    absences = []
    for d, school in (("E07000219", "s1"), ("E07000220", "s2")):
        absences.append(Absence(ea, (d,), sch2, beside=(school,)))
        for c in ("prison_authority", "youth_custody_authority"):
            absences.append(Absence(AuthorityCategory(c), (d,), sch2))
    join = p.authorities.districts_within
    auths = Authorities((*p.authorities.items, s1, s2), tuple(absences), districts_within=join)
    merger = Scenario("s", "S", [CreateArea("north", "N", ("E07000219", "E07000220"))])
    after = reorganise(auths, p.local_area.districts, merger).authorities
    ans = must_consult_s8(after, "north")
    assert ans.yes, ans.missing
    assert set(ans.subjects) == {"s1", "s2"}
    # an unconfirmed one carries its doubt; one that ends makes none; a district without
    # one leaves the new area not known
    for changed, verdict in (
        (attrs.evolve(absences[1], citation=doubt), "undetermined"),
        (attrs.evolve(absences[1], valid=Period("2023-01-31", "2030-01-01")), "undetermined"),
    ):
        varied = Authorities(
            (*p.authorities.items, s1, s2),
            (absences[0], changed, *absences[2:]),
            districts_within=join,
        )
        ans = must_consult_s8(
            reorganise(varied, p.local_area.districts, merger).authorities, "north"
        )
        assert ans.verdict.value == verdict
    fewer = Authorities((*p.authorities.items, s1, s2), tuple(absences[:3]), districts_within=join)
    assert must_consult_s8(
        reorganise(fewer, p.local_area.districts, merger).authorities, "north"
    ).undetermined
