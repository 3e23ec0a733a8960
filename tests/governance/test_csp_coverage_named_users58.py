"""GOV-CSP-COVERAGE names a district by its ONS name and its code (users58).

It named the district by its code alone ("district E07000220 is covered by no community
safety partnership(s)"), which a policy officer must look up; ``validate``'s funding
check names a district as "Rugby (E07000220)" (the national table's name, public). A
code the national table does not hold (an area a what-if creates, a slug) is named as
before, by itself or its size.
"""

from __future__ import annotations

import svduty
from svduty.governance import Body, BodyKind, GovernanceGraph, Level, RemoveBody, Scenario
from svduty.governance._csp_areas import district_named
from svduty.governance._validate import validate_graph
from svduty.sources import cite

RUGBY = "E07000220"


def _coverage(graph: GovernanceGraph, districts: tuple[str, ...]) -> list[str]:
    return [
        f.message
        for f in validate_graph(graph, districts=districts)
        if f.rule == "GOV-CSP-COVERAGE"
    ]


def test_a_district_covered_by_none_is_named_by_its_ons_name_and_code() -> None:
    (message,) = _coverage(GovernanceGraph.of([], []), (RUGBY,))
    assert message == f"district Rugby ({RUGBY}) is covered by no community safety partnership(s)"


def test_a_what_if_removing_a_csp_names_the_district_left_uncovered() -> None:
    p = svduty.warwickshire()
    scenario = Scenario("no-rugby-csp", "No Rugby CSP", (RemoveBody("rugby-csp-board"),))
    result = p.what_if(scenario)
    found = [f.message for f in result.findings if f.rule == "GOV-CSP-COVERAGE"]
    assert any(m.startswith(f"district Rugby ({RUGBY}) is covered by no") for m in found)


def test_a_csp_covering_districts_outside_the_area_names_them() -> None:
    csp = Body(
        "csp",
        "CSP",
        BodyKind.COMMUNITY_SAFETY_PARTNERSHIP,
        Level.LOCAL,
        cite("cda-1998", "s.5(1)"),
        districts=(RUGBY, "E07000219"),
    )
    messages = _coverage(GovernanceGraph.of([csp], []), (RUGBY,))
    assert "csp covers district(s) outside the area: Nuneaton and Bedworth (E07000219)" in messages


def test_a_code_the_national_table_does_not_hold_is_named_as_an_id() -> None:
    assert district_named("rugby-and-nuneaton") == "rugby-and-nuneaton"
    assert district_named("E07999999") == "E07999999"
    assert district_named("Jane Citizen") == "(an id of 12 characters, not shown)"
    assert district_named(RUGBY) == f"Rugby ({RUGBY})"
