"""The ids of a bundle have one shape, checked where they are defined and referred to.

Hostile review 6: a governance body renamed "Jane Smith 07700900123" validated "ok", and a
1,000,000-character authority id was accepted. Every id (:data:`svduty.io._ids.ID_FIELDS`)
must be a short slug; one that is not is reported by file and field path, never shown.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._ids import EXPECTED_AREA, EXPECTED_ID, ID_SHAPE, MAX_ID, is_area_id, is_id
from svduty.areas import AreaKind, Geography
from svduty.cli import main
from svduty.definitions import Definition
from svduty.errors import BundleError, DataError, Described, describe
from svduty.governance import Scenario
from svduty.io import PACKAGED, SECTIONS, load_governance, load_partnership, read_toml
from svduty.io._bundle_read import Manifest
from svduty.io._ids import ID_FIELDS, id_problems
from svduty.io._new_authorities import authorities
from tests import traced_examples

from .bundles import WARWICKSHIRE, mutate, report

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
DEFINITIONS = WARWICKSHIRE.parent / "definitions"
NAME = "Jane Smith 07700900123"


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change setting the value at a field path such as ``bodies[3].members[0]``."""
    steps: list[str | int] = [
        int(t) if t.isdigit() else t for t in re.split(r"[.\[\]]+", path) if t
    ]

    def change(data: dict[str, Any]) -> None:
        here: Any = data
        for step in steps[:-1]:
            here = here[step]
        here[steps[-1]] = value

    return change


def _line(file: str, field: str, value: str, expected: str = EXPECTED_ID) -> str:
    return f"{file}: {field}: expected {expected} (got {describe(value)})"


# (file, field path): a defining site and a referencing site of each kind of file
SITES = [
    ("bundle.toml", "sources[0].id", EXPECTED_ID),
    ("areas.toml", "areas[5].id", EXPECTED_AREA),  # warwickshire-police-north: no GSS code
    ("areas.toml", "areas[5].parents[0]", EXPECTED_AREA),
    ("areas.toml", "local_area.districts[0]", EXPECTED_AREA),
    ("authorities.toml", "authorities[1].id", EXPECTED_ID),
    ("authorities.toml", "authorities[7].same_body_as", EXPECTED_ID),
    ("authorities.toml", "authorities[1].areas[0]", EXPECTED_AREA),
    ("definition.toml", "id", EXPECTED_ID),
    ("definition.toml", "kinds[0].id", EXPECTED_ID),
    ("definition.toml", "include[0].kind", EXPECTED_ID),
    ("definition.toml", "switches[0].id", EXPECTED_ID),
    ("governance.toml", "bodies[3].id", EXPECTED_ID),
    ("governance.toml", "bodies[3].members[0]", EXPECTED_ID),
    ("governance.toml", "bodies[3].districts[0]", EXPECTED_AREA),
    ("governance.toml", "relations[0].source", EXPECTED_ID),
    ("timetable.toml", "milestones[0].id", EXPECTED_ID),
    ("timetable.toml", "reviews[0].body", EXPECTED_ID),
    ("funding.toml", "projects[0].id", EXPECTED_ID),
    ("funding.toml", "projects[0].delivered_by", EXPECTED_ID),
    ("funding.toml", "grant_flow.edges[0].target", EXPECTED_ID),
    ("strategy.toml", "actions[0].id", EXPECTED_ID),
    ("strategy.toml", "actions[0].stage", EXPECTED_ID),
    ("scenarios/lgr-two-unitaries.toml", "name", EXPECTED_ID),
    ("scenarios/lgr-two-unitaries.toml", "changes[0].body.id", EXPECTED_ID),
    ("scenarios/lgr-two-unitaries.toml", "changes[0].body.area", EXPECTED_AREA),
    ("scenarios/lgr-two-unitaries.toml", "changes[1].keep", EXPECTED_ID),
]


LONG = "x" * 1_000_000


@pytest.mark.parametrize(("file", "field", "expected"), SITES)
@pytest.mark.parametrize("value", [NAME, LONG])
def test_an_id_not_of_id_shape_is_reported_never_shown(bundle, file, field, expected, value):
    # Coverage traces the name at every site and the long value at two (ci61a: each site's
    # field walked as for the name; the length refused by the one shape check, ``is_id``;
    # a scenario's name read as text first): the other long values run untraced, ~2/3 of
    # this test's CPU with coverage.
    traced = value is NAME or field.endswith("name") or (file, field) == SITES[0][:2]
    traced_examples.call(traced, _reported_never_shown, bundle, file, field, expected, value)


def _reported_never_shown(bundle: Path, file: str, field: str, expected: str, value: str) -> None:
    mutate(bundle, file, _set(field, value))
    lines = report(bundle)
    if field.endswith("name") and len(value) > 500:  # a scenario's name is a line of text too
        expected = "one line of text, at most 500 characters"
    assert _line(file, field, value, expected) in lines
    assert not any(value in line for line in lines)
    with pytest.raises(BundleError):
        load_partnership(bundle)


def test_the_review_s_renamed_body_and_authority_fail_validate(bundle):
    """The review's two cases, made with sed as it made them: exit 1, nothing shown."""
    gov = bundle / "governance.toml"
    gov.write_text(gov.read_text().replace('"chief-officers-group"', f'"{NAME}"'))
    auth = bundle / "authorities.toml"
    text = auth.read_text()
    auth.write_text(text.replace('"north-warwickshire-borough-council"', f'"{NAME}"', 1))
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(bundle)], stdout=out, stderr=err) == 1
    assert NAME not in out.getvalue() + err.getvalue()
    lines = out.getvalue().splitlines()  # a bundle's findings are the command's output
    # each file named as it can be opened (users55)
    assert _line(str(auth), "authorities[1].id", NAME) in lines
    assert any(line.startswith(f"{gov}: bodies[") for line in lines)


def test_a_scenario_file_name_that_is_not_an_id(bundle):
    folder = bundle / "scenarios"
    (folder / "lgr-two-unitaries.toml").rename(folder / f"{NAME}.toml")
    assert report(bundle) == [
        f"scenarios: a scenario file whose name is not an id; expected a file named "
        f"{EXPECTED_ID}, and .toml (got {describe(NAME)})"
    ]


def test_a_value_of_another_type_is_the_model_s_to_report():
    data = {"bodies": [{"id": 5}], "relations": [{"source": ["a"]}]}
    from svduty.io._governance import GovernanceDocument

    assert id_problems(data, GovernanceDocument, "g.toml") == []


not_an_id = st.text(max_size=200).filter(lambda t: not ID_SHAPE.match(t))


@given(not_an_id)
def test_any_text_not_of_id_shape_is_refused_and_not_shown(text):
    data = {"bodies": [], "relations": [{"kind": "oversees", "source": text, "target": "b"}]}
    data["relations"][0]["citation"] = {"source": "pja-2006"}
    with pytest.raises(DataError) as caught:
        load_governance(data, file="g.toml")
    message = str(caught.value)
    # the whole message: the text itself appears only as its description (type and length)
    assert message == _line("g.toml", "relations[0].source", text)
    assert isinstance(describe(text), Described)
    assert str(describe(text)).endswith(", not shown") or text == ""
    assert not is_id(text)


slugs = st.from_regex(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", fullmatch=True)


@given(slugs)
def test_a_slug_is_an_id_when_short_and_without_a_long_number(text):
    short = len(text) <= MAX_ID and not re.search("[0-9]{9}", text)
    assert is_id(text) == short
    assert is_area_id(text) == short


@given(st.from_regex(r"[A-Z][0-9]{8}", fullmatch=True))
def test_a_gss_code_is_an_area_id_not_an_id(code):
    assert is_area_id(code)
    assert not is_id(code)


@pytest.mark.parametrize("name", PACKAGED)
def test_every_packaged_bundle_still_validates(name):
    assert report(name) == []


def test_the_example_bundle_still_validates():
    assert report(EXAMPLE) == []


@pytest.mark.parametrize(
    "path", sorted(p for p in DEFINITIONS.glob("*.toml") if p.name != "sources.toml")
)
def test_the_packaged_definitions_have_ids_of_id_shape(path):
    assert id_problems(read_toml(path), Definition, path.name) == []


def test_every_id_field_table_is_a_class_that_exists_and_every_file_has_one():
    for key in ID_FIELDS:
        module, _, name = key.partition(":")
        assert isinstance(getattr(importlib.import_module(module), name), type)
    classes = [spec.document for spec in SECTIONS.values()] + [Manifest, Scenario]
    for cls in classes:
        assert f"{cls.__module__}:{cls.__qualname__}" in ID_FIELDS, cls


def test_init_makes_only_ids_of_id_shape():
    """Every authority ``svduty init`` can write (all districts of England and Wales)."""
    geo = Geography.england_and_wales()
    kinds = {
        AreaKind.DISTRICT,
        AreaKind.UNITARY,
        AreaKind.LONDON_BOROUGH,
        AreaKind.METROPOLITAN_DISTRICT,
        AreaKind.WELSH_PRINCIPAL_AREA,
    }
    districts = [a for a in geo.areas if a.kind in kinds]
    assert len(districts) > 300
    records = authorities(geo, districts)
    assert [r["id"] for r in records if not is_id(r["id"])] == []
    areas = [a for r in records for a in r["areas"]]
    assert [a for a in areas if not is_area_id(a)] == []


def test_init_checks_the_bundle_it_wrote(tmp_path):
    out = io.StringIO()
    assert main(["init", str(tmp_path / "x"), "--area", "Caerphilly"], stdout=out) == 0
    assert report(tmp_path / "x") == []
