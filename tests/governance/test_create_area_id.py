"""A scenario's new area named by an id gets the checks of one named by an E06 code.

The area a reorganisation makes of districts is a unitary area in law, whatever it is
called before the ONS issues its code: the Schedule 1 join (``GOV-SCHEDULE-1``) and the
checks of a ``create_authority`` naming it (``BUNDLE-NATION``, ``BUNDLE-CATEGORY-AREA``)
read an id as a unitary area of the country of the districts it replaces.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from typing import Any

import attrs
import pytest

import svduty
from svduty.areas import AreaKind
from svduty.authorities import Authorities, specified_authorities_for
from svduty.errors import DataError, ScenarioError
from svduty.findings import Finding
from svduty.governance import CreateArea, Scenario, reorganise, schedule_1_findings
from svduty.io import load_scenario
from svduty.partnership import Partnership

P = svduty.warwickshire()
PROBATION = "warwickshire-probation-delivery-unit"
NO_PROBATION = attrs.evolve(  # a row no authority is recorded for: "not known" for an E06
    P,
    authorities=Authorities(
        tuple(a for a in P.authorities if a.id != PROBATION),
        P.authorities.absences,
        districts_within=P.authorities.districts_within,
    ),
)
IDS = {
    "lgr-single-unitary": {"warwickshire-unitary": "E06000903"},
    "lgr-two-unitaries": {
        "north-warwickshire-unitary": "E06000901",
        "south-warwickshire-unitary": "E06000902",
    },
}


def packaged(name: str) -> dict[str, Any]:
    """The packaged scenario's document (its areas named by ids)."""
    text = resources.files("svduty").joinpath(f"data/warwickshire/scenarios/{name}.toml")
    return json.loads(json.dumps(tomllib.loads(text.read_text(encoding="utf-8")), default=str))


def coded(document: dict[str, Any], codes: dict[str, str]) -> dict[str, Any]:
    """The document with each id of a new area replaced by a GSS code."""
    text = json.dumps(document)
    for id_, code in codes.items():
        text = text.replace(json.dumps(id_), json.dumps(code))
    return dict(json.loads(text))


def with_category(document: dict[str, Any], category: str) -> dict[str, Any]:
    """The document with each council it creates of another category."""
    out = json.loads(json.dumps(document))
    for change in out["changes"]:
        if change["op"] == "create_authority":
            change["authority"]["category"] = category
    return dict(out)


def shown(findings: tuple[Finding, ...], codes: dict[str, str]) -> list[tuple[str, ...]]:
    """Each finding's rule, severity, message and subjects, with the codes read as the ids."""

    def back(text: str) -> str:
        for id_, code in codes.items():
            text = text.replace(code, id_)
        return text

    return [
        (f.rule, f.severity.value, back(f.message), *(back(s) for s in f.subjects))
        for f in findings
    ]


def outcome(p: Partnership, document: dict[str, Any], codes: dict[str, str]) -> object:
    """The findings of the what-if, or the problems it is refused with, codes read as ids."""
    try:
        scenario = load_scenario(document, sources=p.sources)
        return shown(tuple(p.what_if(scenario).findings), codes)
    except ScenarioError as exc:
        refused = sorted((x.field or "", shown_text(x.message, codes)) for x in exc.problems)
        return ["refused", *refused]


def shown_text(text: str, codes: dict[str, str]) -> str:
    """The text with the codes read as the ids, and a code's nation said as an id's is."""
    for id_, code in codes.items():
        text = text.replace(code, id_)
    return text.replace("a GSS code starting E", "a unitary, as a code E06 is")


@pytest.mark.parametrize("partnership", [P, NO_PROBATION], ids=["recorded", "no-probation"])
@pytest.mark.parametrize("name", sorted(IDS))
@pytest.mark.parametrize(
    "category",
    [
        "county_council_no_districts",
        "district_council",  # a unitary council: a district council with both functions
        "county_council",  # a county council of a two-tier area: not for a unitary area
        "welsh_county_council",  # nor a council of the other nation
    ],
)
def test_an_id_and_an_e06_code_get_the_same_findings(
    partnership: Partnership, name: str, category: str
):
    document = with_category(packaged(name), category)
    by_id = outcome(partnership, document, {})
    by_code = outcome(partnership, coded(document, IDS[name]), IDS[name])
    assert by_id == by_code


def test_a_row_not_recorded_is_not_known_for_an_id_too():
    s = load_scenario(packaged("lgr-single-unitary"), sources=P.sources)
    after = reorganise(NO_PROBATION.authorities, P.local_area.districts, s)
    assert after.kinds == {"warwickshire-unitary": AreaKind.UNITARY}
    (gap,) = schedule_1_findings(NO_PROBATION.authorities, after)
    assert gap.message.startswith("not known: whether warwickshire-unitary has a specified ")
    assert gap.get("table") == "'Criminal justice' table (provider of probation services)"


def test_a_two_tier_county_council_for_an_id_area_is_refused_as_for_an_e06_code():
    document = with_category(packaged("lgr-single-unitary"), "county_council")
    with pytest.raises(ScenarioError) as caught:
        P.what_if(load_scenario(document, sources=P.sources))
    (problem,) = caught.value.problems
    assert problem.field == "changes[8].authority.areas[0]"
    assert problem.message == (
        "warwickshire-unitary-council is a county council but warwickshire-unitary is a "
        "unitary (expected county) (BUNDLE-CATEGORY-AREA)"
    )


def test_a_welsh_council_for_an_english_id_area_is_of_the_other_nation():
    document = with_category(packaged("lgr-single-unitary"), "welsh_county_council")
    with pytest.raises(ScenarioError) as caught:
        P.what_if(load_scenario(document, sources=P.sources))
    assert [p.message.rpartition("(")[2] for p in caught.value.problems] == [
        "BUNDLE-CATEGORY-AREA)",
        "BUNDLE-NATION)",
    ]
    assert "is in England (a unitary, as a code E06 is)" in caught.value.problems[1].message


@pytest.mark.parametrize(
    ("code", "replaces", "kind"),
    [
        ("north", ("E07000218",), AreaKind.UNITARY),
        ("E06000901", ("E07000218",), AreaKind.UNITARY),
        ("E07000901", ("E07000218",), AreaKind.DISTRICT),  # districts merged in a county
        ("cymru-newydd", ("W06000001", "W06000002"), AreaKind.WELSH_PRINCIPAL_AREA),
        ("W06000901", ("W06000001",), AreaKind.WELSH_PRINCIPAL_AREA),
        ("north", ("north-district",), None),  # no GSS code to say the country
    ],
)
def test_the_kind_of_a_created_area(code: str, replaces: tuple[str, ...], kind: AreaKind | None):
    assert CreateArea(code, "N", replaces).kind is kind


def test_reorganised_keeps_the_kind_of_each_new_area():
    s = Scenario("s", "S", [CreateArea("north", "North", ("E07000218",))])
    after = reorganise(P.authorities, P.local_area.districts, s)
    assert after.kinds == {"north": AreaKind.UNITARY}
    assert reorganise(P.authorities, P.local_area.districts, None).kinds == {}


def test_specified_authorities_for_reads_an_ids_tables_by_the_kind_given():
    after = reorganise(
        P.authorities,
        P.local_area.districts,
        Scenario("s", "S", [CreateArea("north", "North", ("E07000218", "E07000219"))]),
    )
    plain = specified_authorities_for(after.authorities, "north")
    assert plain.missing == ("whether north is a local government area (s.11(4))",)
    as_unitary = specified_authorities_for(after.authorities, "north", kind="unitary")
    assert [m[:54] for m in as_unitary.missing] == [  # the district councils keep their own
        "a specified authority of the 'Local government' table "
    ]
    assert "county council)" not in as_unitary.missing[0]  # no county council, as for E06
    says = [r.says for r in as_unitary.reasons if r.rule == "s.11(4)"]
    assert says == ["north is, by its kind (as a code E06 is), a local government area in England"]
    # a GSS code says its own kind: E07 still needs its county council
    rugby = specified_authorities_for(P.authorities, "E07000220", kind=AreaKind.UNITARY)
    assert rugby == specified_authorities_for(P.authorities, "E07000220")


def test_specified_authorities_for_refuses_a_kind_that_is_no_local_government_area():
    with pytest.raises(DataError, match=r"specified_authorities_for\(kind\): expected the kind"):
        specified_authorities_for(P.authorities, "north", kind=AreaKind.COUNTY)
