"""A scenario's new area named by an id gets the checks of a GSS code of its kind.

The Schedule 1 join (``GOV-SCHEDULE-1``) and the checks of a ``create_authority`` naming
it (``BUNDLE-NATION``, ``BUNDLE-CATEGORY-AREA``) read an id as an area of its kind: the
one kind of the areas it replaces where a merger keeps it (unitary areas, metropolitan
districts, London boroughs, Welsh principal areas), else the kind its change gives
(districts of a two-tier county may become a unitary area or one district still: East
Suffolk, 2019, has an E07 code). The packaged reorganisations say ``kind = "unitary"``.
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
from svduty.errors import AreaError, DataError, ScenarioError
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
    ("code", "replaces", "given", "kind"),
    [
        ("north", ("E07000218",), None, None),  # a unitary area, or one district still
        ("north", ("E07000218",), "unitary", AreaKind.UNITARY),
        ("north", ("E07000218", "E07000219"), "district", AreaKind.DISTRICT),
        ("north", ("E06000059", "E06000058"), None, AreaKind.UNITARY),
        ("north", ("E06000058", "E07000048"), None, AreaKind.UNITARY),  # as BCP, 2019
        ("north", ("E08000025", "E08000029"), None, None),  # or a unitary county
        ("north", ("E08000025", "E08000029"), "unitary", AreaKind.UNITARY),
        ("north", ("E08000025",), "metropolitan_district", AreaKind.METROPOLITAN_DISTRICT),
        ("north", ("E09000012", "E09000030"), None, AreaKind.LONDON_BOROUGH),
        ("E06000901", ("E07000218",), None, AreaKind.UNITARY),
        ("E06000901", ("E07000218",), "unitary", AreaKind.UNITARY),
        ("E07000901", ("E07000218",), None, AreaKind.DISTRICT),  # districts merged in a county
        ("cymru-newydd", ("W06000001", "W06000002"), None, AreaKind.WELSH_PRINCIPAL_AREA),
        ("W06000901", ("W06000001",), None, AreaKind.WELSH_PRINCIPAL_AREA),
        ("north", ("north-district",), None, None),  # no GSS code to say the kind
        ("north", ("E09000001", "E09000033"), None, None),  # the City is no London borough
        ("north", ("E10000031",), None, None),  # a county is no local government area
    ],
)
def test_the_kind_of_a_created_area(
    code: str, replaces: tuple[str, ...], given: str | None, kind: AreaKind | None
):
    assert CreateArea(code, "N", replaces, kind=given).kind is kind  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "replaces", "given", "said"),
    [
        ("E06000901", ("E07000218",), "district", "expected the kind its code gives (unitary)"),
        ("north", ("E07000218",), "county", "expected a kind of local government area: "),
        ("north", ("E07000218",), "welsh_principal_area", "is in Wales, where the districts"),
        ("north", ("E07000218",), "ZZSECRET", "(got a string of 8 characters, not shown)"),
        ("north", ("E07000218",), "police_force_area", "(got 'police_force_area')"),
        # what the areas replaced cannot make (London Government Act 1963 s.1; Local
        # Government and Public Involvement in Health Act 2007 ss.1, 8(4))
        ("north", ("E09000012", "E09000030"), "district", "can make a london borough only"),
        ("north", ("E07000218",), "london_borough", "can make a district or a unitary only"),
        ("north", ("E06000058", "E06000059"), "district", "(unitary) can make a unitary only"),
        ("E07000999", ("E09000012",), None, "code: the areas it replaces (london borough)"),
        ("north", ("E09000012", "E07000218"), None, "replaces: areas of Greater London or"),
        ("north", ("E09000001", "E07000218"), "district", "replaces: areas of Greater London"),
        ("E07000999", ("E09000001", "E08000001"), None, "replaces: areas of Greater London"),
    ],
)
def test_a_kind_given_that_cannot_be_is_refused(
    code: str, replaces: tuple[str, ...], given: str, said: str
):
    with pytest.raises(AreaError) as caught:
        CreateArea(code, "N", replaces, kind=given)  # type: ignore[arg-type]
    assert said in str(caught.value)
    assert "ZZSECRET" not in str(caught.value)
    assert len(caught.value.problems) == 1


def test_reorganised_keeps_the_kind_of_each_new_area():
    s = Scenario("s", "S", [CreateArea("north", "North", ("E07000218",), kind="unitary")])
    after = reorganise(P.authorities, P.local_area.districts, s)
    assert after.kinds == {"north": AreaKind.UNITARY}
    s = Scenario("s", "S", [CreateArea("north", "North", ("E07000218",))])
    assert reorganise(P.authorities, P.local_area.districts, s).kinds == {}
    assert reorganise(P.authorities, P.local_area.districts, None).kinds == {}


def test_the_kind_round_trips_through_a_scenario_file():
    from svduty.io import dump_scenario

    document = packaged("lgr-two-unitaries")
    s = load_scenario(document, sources=P.sources)
    areas = [c for c in s.changes if isinstance(c, CreateArea)]
    assert [c.kind for c in areas] == [AreaKind.UNITARY, AreaKind.UNITARY]
    dumped = dump_scenario(s, converter=svduty.io.make_converter(P.sources))
    assert [c["kind"] for c in dumped["changes"] if c["op"] == "create_area"] == ["unitary"] * 2
    assert load_scenario(dumped, sources=P.sources) == s


@pytest.mark.parametrize(
    ("kind", "got"),
    [
        ("unitry", "(got a string of 6 characters, not shown)"),
        ("county", "(got 'county')"),
        (5, "(got a number of 1 digit, not shown)"),
    ],
)
def test_a_scenario_files_kind_is_refused_naming_the_five_kinds(kind: object, got: str):
    document = packaged("lgr-two-unitaries")
    for change in document["changes"]:
        if change["op"] == "create_area":
            change["kind"] = kind
    with pytest.raises(ScenarioError) as caught:
        load_scenario(document, sources=P.sources)
    expected = "district, unitary, london_borough, metropolitan_district, welsh_principal_area"
    said = [p.what() for p in caught.value.problems]
    assert len(said) == 2
    assert all(f"expected a kind of local government area: {expected} {got}" in w for w in said)
    assert not any("police_force_area" in w for w in said)  # not every kind svduty knows


def test_a_set_of_replaced_areas_is_in_one_order():
    areas = {f"E0700021{i}" for i in range(8, 10)} | {"E07000220"}
    made = CreateArea("north", "North", areas)  # type: ignore[arg-type]
    assert made.replaces == ("E07000218", "E07000219", "E07000220")


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
    # a GSS code says its own kind: a kind given with it must be the same
    rugby = specified_authorities_for(P.authorities, "E07000220", kind=AreaKind.DISTRICT)
    assert rugby == specified_authorities_for(P.authorities, "E07000220")
    with pytest.raises(DataError, match=r"expected the kind its code gives, 'district' \(got"):
        specified_authorities_for(P.authorities, "E07000220", kind="unitary")


def test_specified_authorities_for_refuses_a_kind_that_is_no_local_government_area():
    with pytest.raises(DataError, match=r"specified_authorities_for\(kind\): expected the kind"):
        specified_authorities_for(P.authorities, "north", kind=AreaKind.COUNTY)


def _merger(
    area: str, districts: list[str], councils: list[str], category: str, kind: str | None = None
) -> dict[str, Any]:
    """A scenario merging ``districts`` into ``area`` with one new council of ``category``."""
    cite = {"source": "pcsc-act-2022"}
    new = {"id": "new-council", "name": "New", "category": category, "areas": [area]}
    made = {"op": "create_area", "code": area, "name": "Merged", "replaces": districts}
    return {
        "name": "merger",
        "title": "Merger",
        "changes": [
            made if kind is None else {**made, "kind": kind},
            {"op": "create_authority", "authority": {**new, "citation": cite}},
            *({"op": "transfer_functions", "source": c, "target": "new-council"} for c in councils),
            *({"op": "abolish_authority", "authority": c} for c in councils),
        ],
    }


@pytest.mark.parametrize(
    ("districts", "councils", "code", "kind"),
    [
        (
            ["E09000012", "E09000030"],
            ["hackney-council", "tower-hamlets-council"],
            "E09000099",
            None,  # London boroughs make a London borough: no need to say it
        ),
        (
            ["E08000025", "E08000029"],
            ["birmingham-council", "solihull-council"],
            "E08000099",
            "metropolitan_district",  # or a unitary county: said
        ),
    ],
    ids=["london-boroughs", "metropolitan-districts"],
)
@pytest.mark.parametrize(
    "category", ["london_borough_council", "district_council", "county_council_no_districts"]
)
def test_boroughs_or_metropolitan_districts_merged_under_an_id_are_of_their_kind(
    tmp_path,
    districts: list[str],
    councils: list[str],
    code: str,
    *,
    kind: str | None,
    category: str,
):
    """An id made of London boroughs was checked as a unitary area: a London borough
    council for it was refused, a county council for a metropolitan district accepted,
    where the E09 or E08 code gives the opposite (a review of the session's change)."""
    from svduty.io import new_bundle

    p = svduty.load_partnership(new_bundle(tmp_path / "b", districts))
    assert {c for c in councils if c in {a.id for a in p.authorities}} == set(councils)
    by_id = outcome(p, _merger("merged", districts, councils, category, kind), {})
    by_code = outcome(p, _merger(code, districts, councils, category), {"merged": code})
    assert by_id == by_code
    assert by_id[:1] != ["refused"] or "BUNDLE-CATEGORY-AREA" in str(by_id)  # a what-if ran


def test_a_kind_not_known_is_warned_naming_what_the_law_allows():
    s = Scenario("s", "S", [CreateArea("north", "North", ("E07000218", "E07000219"))])
    after = reorganise(P.authorities, P.local_area.districts, s)
    (warned,) = [f for f in schedule_1_findings(P.authorities, after) if "kind" in f.message]
    assert warned.message.startswith(
        "not known: what kind of local government area north is (it replaces E07000218, "
        "E07000219; by law 'district' or 'unitary')"
    )
    assert warned.message.endswith("give its create_area change its kind ('district' or 'unitary')")
    s = Scenario("s", "S", [CreateArea("city", "City", ("E09000001", "E09000033"))])
    (warned,) = [
        f
        for f in schedule_1_findings(
            P.authorities, reorganise(P.authorities, ("E09000001", "E09000033"), s)
        )
        if "kind" in f.message
    ]
    assert "(it replaces E09000001, E09000033; what they make is not known)" in warned.message
    assert warned.message.endswith("give its create_area change its kind")


WELSH_COUNCIL = {
    "id": "cyngor",
    "name": "Cyngor",
    "category": "welsh_county_council",
    "areas": ["north"],
    "citation": {"source": "pcsc-act-2022"},
}
ENGLISH_COUNCILS = [
    "north-warwickshire-borough-council",
    "nuneaton-and-bedworth-borough-council",
    "warwickshire-county-council",
]


def test_a_council_of_the_other_nation_is_refused_for_an_id_of_unknown_kind():
    """A Welsh council for an id of English districts, its kind not said, met the English
    'Local government' row and hid its breach (the session's legal review)."""
    document = {
        "name": "s",
        "title": "S",
        "changes": [
            {
                "op": "create_area",
                "code": "north",
                "name": "N",
                "replaces": ["E07000218", "E07000219"],
            },
            {"op": "create_authority", "authority": WELSH_COUNCIL},
            *({"op": "abolish_authority", "authority": c} for c in ENGLISH_COUNCILS),
        ],
    }
    with pytest.raises(ScenarioError) as caught:
        P.what_if(load_scenario(document, sources=P.sources))
    said = [p.message for p in caught.value.problems if "BUNDLE-NATION" in p.message]
    assert said == [
        "cyngor is recorded in Wales but its area north is in England (as the areas it "
        "replaces, codes starting E) (BUNDLE-NATION)"
    ]
    # the join itself, made without the scenario's checks, does not count it either
    s = load_scenario({**document, "changes": document["changes"][:1]}, sources=P.sources)
    from svduty.authorities import Authority
    from svduty.governance import AbolishAuthority, CreateAuthority

    council = svduty.io.make_converter(P.sources).structure(WELSH_COUNCIL, Authority)
    changes = [*s.changes, CreateAuthority(council), *map(AbolishAuthority, ENGLISH_COUNCILS)]
    after = reorganise(P.authorities, P.local_area.districts, Scenario("s", "S", changes))
    tables = {
        f.get("table")
        for f in schedule_1_findings(P.authorities, after)
        if "north" in f.subjects[:1]
    }
    assert "'Local government' table" in tables


@pytest.mark.parametrize("new_id", ["north_warwickshire_unitary", "north-unitary-2.0"])
def test_an_id_with_an_underscore_or_a_dotted_number_is_asked_about(new_id: str) -> None:
    """An id the scenario contract takes (words joined by hyphens or underscores, a dot
    between two digits) is an area's id to the Schedule 1 join too (diff42: the join's
    new check of the code asked about refused it, and the what-if ended in a DataError
    naming ``lga_code`` and no scenario field). Its messages may not show it (``named``
    shows ids of words joined by hyphens), so the findings are compared by their rules,
    severities and subjects."""
    codes = {"north-warwickshire-unitary": new_id}
    scenario = load_scenario(coded(packaged("lgr-two-unitaries"), codes), sources=P.sources)
    found = P.what_if(scenario).findings
    was = P.what_if("lgr-two-unitaries").findings
    by = [(f.rule, f.severity, [codes.get(s, s) for s in f.subjects]) for f in was]
    assert [(f.rule, f.severity, list(f.subjects)) for f in found] == by
    assert specified_authorities_for(P.authorities, new_id).verdict.value == "undetermined"
