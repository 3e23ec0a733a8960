from __future__ import annotations

import decimal
import shutil
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import attrs
import pytest

import svduty
import svduty.io._sections  # monkeypatched by its dotted name below
from svduty.errors import BundleError
from svduty.io import (
    SECTIONS,
    AreasDocument,
    Manifest,
    bundle_schema,
    load_partnership,
    schema_errors,
    schema_of,
    validate_bundle,
)
from svduty.io._converter import make_converter
from svduty.io._sections import SectionSpec  # internal: no longer in svduty.io.__all__
from svduty.periods import FinancialYear
from svduty.sources import Confidence

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
WARWICKSHIRE = Path(str(resources.files("svduty").joinpath("data", "warwickshire")))


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    dest = tmp_path / "bundle"
    shutil.copytree(EXAMPLE, dest)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def problems(path: Path) -> list[str]:
    found = validate_bundle(path)
    with pytest.raises(BundleError) as info:
        load_partnership(path)
    assert [str(p) for p in info.value.problems] == [str(p) for p in found]
    return [str(p) for p in found]


# -- good bundles ----------------------------------------------------------------------


def test_warwickshire():
    p = svduty.warwickshire()
    assert p is svduty.warwickshire()  # loaded once
    assert p.name == "warwickshire"
    assert p.local_area.name == "County of Warwickshire, including the 5 District and Borough areas"
    assert p.local_area.districts == (
        "E07000218",
        "E07000219",
        "E07000220",
        "E07000221",
        "E07000222",
    )
    assert str(p.local_area.valid) == "2023-01-31 to 2025-03-31"
    assert p.local_area.citation.source.id == "warwickshire-partnership-agreement"
    assert p.bundle_path == WARWICKSHIRE
    assert load_partnership(WARWICKSHIRE) == p


def test_the_example_bundle_needs_no_warwickshire_code():
    p = load_partnership(EXAMPLE)
    assert p.name == "examplshire"
    assert p.local_area.areas() == ("Exton", "Sampleford-on-Sea")
    geo = p.geography
    assert geo.find("sampleford on sea").code == "E07000902"
    assert [a.code for a in geo.districts_within("E22000901")] == ["E07000901", "E07000902"]
    m = geo.resolve_lsoa("E01999999", "Exton 004C")
    assert (m.district_code, m.match, m.csp_code) == ("E07000901", "name", "E22000901")
    assert geo.all("lsoa2021") == ()
    assert "E07000220" not in geo
    assert p.local_area.within("E10000901")
    assert "examplshire-agreement" in p.sources
    assert "examplshire-agreement" not in svduty.warwickshire().sources


# -- bad bundles: each failure kind names file and field ---------------------------------


def test_wrong_type(bundle):
    edit(bundle / "areas.toml", 'name = "Exton"', "name = 7")
    assert problems(bundle) == ["areas.toml: areas[3].name: expected a string (text in quotes)"]


def test_unknown_kind_and_extra_key(bundle):
    edit(bundle / "areas.toml", 'kind = "county"', 'kind = "shire"\ncolour = "red"')
    found = problems(bundle)
    assert "areas.toml: areas[0].kind: expected one of 'country', " in found[0]
    assert found[1] == "areas.toml: areas[0]: unknown field(s) colour"


def test_malformed_gss_code(bundle):
    edit(bundle / "areas.toml", 'code = "E07000901"', 'code = "E0700090"')
    found = problems(bundle)
    assert found[0] == (
        "areas.toml: areas[3].code: expected a GSS code: a country letter and 8 digits such as "
        "E07000220 (got 'E0700090')"
    )


def test_code_of_the_wrong_kind(bundle):
    edit(bundle / "areas.toml", 'code = "E10000901"', 'code = "E07000999"')
    found = problems(bundle)
    assert (
        found[0]
        == "areas.toml: areas[0].code: expected a county code starting E10 (got 'E07000999')"
    )


def test_unknown_area_code(bundle):
    edit(
        bundle / "areas.toml",
        'parents = ["E10000901", "E22000901", "E23000901"]',
        'parents = ["E10000901", "E22000999", "E23000901"]',
    )
    assert problems(bundle) == [
        "areas.toml: areas[3].parents[1]: unknown area; expected the code or id of an area in "
        "the geography (got 'E22000999')"
    ]


def test_unknown_district_in_the_local_area(bundle):
    edit(
        bundle / "areas.toml",
        'districts = ["E07000901", "E07000902"]',
        'districts = ["E07000901", "E07000903"]',
    )
    assert problems(bundle) == [
        "areas.toml: local_area.districts[1]: unknown area; expected the code of a district in "
        "the geography (got 'E07000903')"
    ]


def test_a_district_in_two_counties(bundle):
    text = (bundle / "areas.toml").read_text()
    text += """
[[areas]]
code = "E10000902"
name = "Sampleford County"
kind = "county"
valid = { start = "2009-04-01" }
citation = { source = "examplshire-agreement" }
"""
    old = 'parents = ["E10000901", "E22000901", "E23000901"]'
    at = text.rindex(old)  # the second district, Sampleford-on-Sea
    text = text[:at] + old.replace("]", ', "E10000902"]') + text[at + len(old) :]
    (bundle / "areas.toml").write_text(text)
    # (was: two CSPs; CSPs are many-to-many since the national tables, see tests/areas)
    found = problems(bundle)
    assert found == [
        "areas.toml: areas[4].parents[3]: E07000902 is in two areas of kind "
        "county: E10000901 and E10000902; expected at most one county per area at a time "
        "(got 'E10000902')"
    ]


def test_overlapping_validity_periods(bundle):
    text = (bundle / "areas.toml").read_text()
    text += """
[[areas]]
code = "E07000901"
name = "Exton (renamed)"
kind = "district"
valid = { start = "2020-01-01" }
citation = { source = "examplshire-agreement" }
"""
    (bundle / "areas.toml").write_text(text)
    found = problems(bundle)
    assert len(found) == 1
    assert found[0].startswith(
        "areas.toml: areas[7].valid: period 2020-01-01 onwards overlaps period "
        "2009-04-01 onwards of areas[3]"
    )


def test_missing_citation(bundle):
    edit(
        bundle / "areas.toml",
        'citation = { source = "examplshire-agreement", provision = "para 3" }\n\n'
        '[[areas]]\ncode = "E22000901"',
        '\n[[areas]]\ncode = "E22000901"',
    )
    assert problems(bundle) == ["areas.toml: areas[1].citation: required field missing"]


def test_unknown_source_and_unconfirmed_without_doubt(bundle):
    edit(
        bundle / "areas.toml",
        'citation = { source = "examplshire-agreement", provision = "para 2" }',
        'citation = { source = "no-such-source" }',
    )
    edit(
        bundle / "areas.toml",
        'provision = "para 3" }',
        'provision = "para 3", confidence = "unconfirmed" }',
    )
    found = problems(bundle)
    assert found[0].startswith("areas.toml: local_area.citation: unknown source: no-such-source")
    assert (
        "areas.toml: areas[1].citation.doubt: expected a sentence saying what is unconfirmed"
        in found[1]
    )


def test_bad_manifest(bundle):
    edit(bundle / "bundle.toml", 'kind = "agreement"', 'kind = "treaty"')
    found = problems(bundle)
    assert found[0].startswith("bundle.toml: sources[0].kind: expected one of 'legislation'")


def test_invalid_toml_and_missing_files(bundle):
    (bundle / "areas.toml").write_text("name = \n")
    assert problems(bundle)[0].startswith("areas.toml: row 1: not valid TOML")
    (bundle / "areas.toml").unlink()
    assert problems(bundle) == ["areas.toml: required section file missing"]
    (bundle / "bundle.toml").unlink()
    assert problems(bundle) == ["bundle.toml: file not found"]


def test_duplicate_source_id(bundle):
    edit(bundle / "bundle.toml", 'id = "examplshire-agreement"', 'id = "pcsc-act-2022"')
    assert problems(bundle) == [
        "bundle.toml: sources[pcsc-act-2022]: two different sources share one id"
    ]


def test_several_problems_in_one_report(bundle):
    edit(bundle / "areas.toml", 'name = "Exton"', "name = 7")
    edit(bundle / "areas.toml", 'kind = "police_force_area"', 'kind = "force"')
    assert len(problems(bundle)) == 2


# the partnership fields that sections after areas load (each merged section adds one)
# the sections loaded before "extra": the required ones and those the example bundle has
LATER = [
    k
    for k, spec in SECTIONS.items()
    if k != "areas" and (spec.required or (EXAMPLE / spec.file).exists())
]


def bundle_files(root):
    return ["bundle.toml", *(s.file for s in SECTIONS.values() if (root / s.file).exists())]


def test_skipped_and_optional_sections(bundle, monkeypatch):
    calls = []

    def load_extra(data, ctx):
        calls.append((data, ctx.file, sorted(ctx.loaded)))
        return {}

    extra = dict(SECTIONS)
    extra["extra"] = SectionSpec(
        "extra.toml", load_extra, Manifest, required=False, needs=("geography",)
    )
    monkeypatch.setattr("svduty.io._sections.SECTIONS", extra)
    assert validate_bundle(bundle) == []
    assert calls == []  # optional and absent
    (bundle / "extra.toml").write_text('name = "x"\n')
    assert validate_bundle(bundle) == []
    assert calls == [({"name": "x"}, "extra.toml", sorted(["geography", "local_area", *LATER]))]
    edit(bundle / "areas.toml", 'name = "Exton"', "name = 7")
    assert len(validate_bundle(bundle)) == 1  # extra skipped: it needs the geography
    assert len(calls) == 1


# -- the schema ------------------------------------------------------------------------


def test_packaged_and_example_bundles_validate_against_the_schema():
    schema = bundle_schema()
    for root in (WARWICKSHIRE, EXAMPLE):
        doc = {f: tomllib.loads((root / f).read_text()) for f in bundle_files(root)}
        assert schema_errors(doc, schema) == []


def test_schema_catches_what_the_loader_catches(bundle):
    schema = bundle_schema()
    edit(bundle / "areas.toml", 'kind = "county"', 'kind = "shire"')
    edit(bundle / "areas.toml", 'name = "Exton"', "name = 7")
    doc = {f: tomllib.loads((bundle / f).read_text()) for f in ("bundle.toml", "areas.toml")}
    errors = schema_errors(doc, schema)
    assert errors[0].startswith("areas.toml.areas[0].kind: expected one of country")
    assert errors[1] == "areas.toml.areas[3].name: expected string"
    assert schema_errors({}, schema) == [
        "<root>: missing bundle.toml",
        *(f"<root>: missing {s.file}" for s in SECTIONS.values() if s.required),
    ]


def test_schema_shape():
    schema = bundle_schema()
    area = schema["$defs"]["Area"]
    assert area["required"] == ["kind", "name", "valid", "citation"]
    assert area["properties"]["parents"] == {
        "type": "array",
        "items": {"type": "string"},
        "description": area["properties"]["parents"]["description"],
    }
    assert area["additionalProperties"] is False
    assert schema["$defs"]["Citation"]["properties"]["confidence"]["enum"] == [
        c.value for c in Confidence
    ]
    assert "last_day" in schema["$defs"]["Period"]["properties"]
    assert set(schema["required"]) == {"bundle.toml"} | {
        s.file for s in SECTIONS.values() if s.required
    }


def test_schema_of_other_types():
    @attrs.frozen
    class Other:
        amount: decimal.Decimal
        year: FinancialYear
        ratio: float
        flag: bool
        count: int
        extra: Mapping[str, int]
        either: int | str
        items: list[int] = attrs.Factory(list)

    s = schema_of(Other)
    props = s["$defs"]["Other"]["properties"]
    assert props["amount"]["type"] == ["string", "integer"]
    assert props["either"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}
    assert props["extra"] == {"type": "object", "additionalProperties": {"type": "integer"}}
    good = {
        "amount": "1.50",
        "year": "2023/24",
        "ratio": 1.5,
        "flag": True,
        "count": 2,
        "extra": {"a": 1},
        "either": "x",
    }
    assert schema_errors(good, s) == []
    bad = {
        **good,
        "amount": "one",
        "count": True,
        "extra": {"a": "b"},
        "either": 1.5,
        "items": [1, "x"],
    }
    assert schema_errors(bad, s) == [
        "amount: does not match ^-?£?[0-9,]+(\\.[0-9]+)?$",
        "count: expected integer",
        "extra.a: expected integer",
        "either: expected integer",
        "items[1]: expected integer",
    ]

    @attrs.frozen
    class Bad:
        x: complex

    with pytest.raises(TypeError, match="no JSON Schema"):
        schema_of(Bad)


def test_the_structured_document_round_trips():
    conv = make_converter(svduty.warwickshire().sources)
    data = tomllib.loads((WARWICKSHIRE / "areas.toml").read_text())
    doc = conv.structure(data, AreasDocument)
    assert len(doc.areas) == 18
    assert len(doc.memberships) == 5
    assert {m.citation.confidence for m in doc.memberships} == {Confidence.UNCONFIRMED}


@pytest.mark.parametrize(
    "text",
    [
        '[w."Jane Smith 07700900123"]\n[w."Jane Smith 07700900123"]\n',
        'a = {"Jane Smith 07700900123" = 1, "Jane Smith 07700900123" = 2}\n',
        '"Jane Smith 07700900123".b = 1\n["Jane Smith 07700900123"]\nc = 1\n',
        '["Jane Smith 07700900123"]\nb = 1\n["Jane Smith 07700900123"]\n',
        'x = [{a = 1}]\n[[x]]\n["Jane Smith 07700900123".b]\n["Jane Smith 07700900123"]\n',
    ],
)
def test_a_toml_error_never_quotes_the_files_keys(tmp_path, text):
    """tomllib's words were passed on as they are, with the key declared twice (a hostile
    review: a funding split's weights named people)."""
    from svduty.io import read_toml

    f = tmp_path / "s.toml"
    f.write_text(text)
    with pytest.raises(BundleError) as info:
        read_toml(f)
    assert "not valid TOML" in str(info.value)
    assert "Jane" not in str(info.value)
