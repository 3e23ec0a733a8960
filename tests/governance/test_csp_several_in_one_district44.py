"""Several community safety partnerships in one district: GOV-CSP-COVERAGE says why and
what to record (realdata44).

The ONS CSP table (2024) gives several CSP areas in some reorganised districts (four in
Buckinghamshire, named after the districts the Buckinghamshire (Structural Changes) Order
2019 abolished "as local government areas", art 4(1)). A governance graph that records
them as four partnerships, each covering the district, is refused: the responsible
authorities act "in relation to each local government area" (Crime and Disorder Act 1998
s.5(1)), or for two or more taken together "as if they constituted only one area"
(s.5(1A)); nothing divides one area among several. The finding said only "covered by 4
community safety partnership(s)".
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from svduty.areas._national import district_partnerships
from svduty.governance import Body, BodyKind, GovernanceGraph, Level
from svduty.governance._validate import validate_graph
from svduty.io import load_partnership, new_bundle, validate_bundle
from svduty.sources import cite

BUCKS = "E06000060"


def _csp(code: str, name: str, districts: tuple[str, ...] = (BUCKS,)) -> Body:
    return Body(
        f"csp-{code.lower()}",
        name,
        BodyKind.COMMUNITY_SAFETY_PARTNERSHIP,
        Level.LOCAL,
        cite("cda-1998", "s.5(1)"),
        area=code,
        districts=districts,
    )


def test_the_onss_several_csps_in_one_district_are_refused_with_the_reason() -> None:
    csps = district_partnerships()[BUCKS][1]
    assert len(csps) == 4
    graph = GovernanceGraph.of([_csp(code, name) for code, name in csps], [])
    found = [f for f in validate_graph(graph, districts=(BUCKS,)) if f.rule == "GOV-CSP-COVERAGE"]
    assert len(found) == 1
    message = found[0].message
    named = f"district Buckinghamshire ({BUCKS})"
    assert message.startswith(f"{named} is covered by 4 community safety partnership(s)")
    assert "s.5(1), (1A)" in message
    assert "never for part of one" in message
    assert "the ONS CSP table gives 4 CSP areas in it (E22000303 Aylesbury Vale" in message
    assert "record one community safety partnership covering the district" in message
    assert found[0].severity.value == "error"


def test_one_csp_for_the_district_is_no_finding() -> None:
    graph = GovernanceGraph.of([_csp("E22000303", "Safer Buckinghamshire")], [])
    assert not [
        f for f in validate_graph(graph, districts=(BUCKS,)) if f.rule == "GOV-CSP-COVERAGE"
    ]


def test_two_csps_in_a_district_the_ons_gives_one_say_why_without_the_ons_list() -> None:
    rugby = "E07000220"
    graph = GovernanceGraph.of(
        [_csp("E22000321", "Rugby", (rugby,)), _csp("E22000359", "South", (rugby,))], []
    )
    (f,) = [f for f in validate_graph(graph, districts=(rugby,)) if f.rule == "GOV-CSP-COVERAGE"]
    assert "s.5(1), (1A)" in f.message
    assert "ONS CSP table" not in f.message


def test_no_csp_for_a_district_says_as_before() -> None:
    (f,) = validate_graph(GovernanceGraph.of([], []), districts=(BUCKS,))
    named = f"district Buckinghamshire ({BUCKS})"
    assert f.message == f"{named} is covered by no community safety partnership(s)"


def test_init_states_the_doubt_on_each_of_the_several_csp_areas(tmp_path: Path) -> None:
    path = new_bundle(tmp_path / "bucks", [BUCKS])
    assert validate_bundle(path) == []
    areas = tomllib.loads((path / "areas.toml").read_text("utf-8"))["areas"]
    csps = {a["code"]: a for a in areas if a["kind"] == "community_safety_partnership"}
    assert sorted(csps) == ["E22000303", "E22000306", "E22000311", "E22000318"]
    for record in csps.values():
        doubt = record["citation"]["doubt"]
        assert record["citation"]["confidence"] == "unconfirmed"
        assert "one of the 4 CSP areas the ONS table gives in Buckinghamshire" in doubt
        assert "s.5(1), (1A)" in doubt
        assert "valid from 31 January 2023" in doubt  # the doubt it had is kept
    p = load_partnership(path)
    assert all("s.5(1)" in (p.geography.get(c).citation.doubt or "") for c in csps)


def test_a_csp_alone_in_its_districts_has_no_such_doubt(tmp_path: Path) -> None:
    path = new_bundle(tmp_path / "south", ["E22000359"])
    areas = tomllib.loads((path / "areas.toml").read_text("utf-8"))["areas"]
    (csp,) = [a for a in areas if a["code"] == "E22000359"]
    assert "s.5(1)" not in csp["citation"]["doubt"]
