"""The incident and classification JSON Schemas agree with what svduty reads and writes."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import (
    Behaviour,
    Incident,
    Weapon,
    classify,
    classify_table,
)
from svduty.errors import ConflictError, DataError
from svduty.io import classification_schema, incident_schema
from tests.cli_run import run
from tests.definitions.helpers import to_table
from tests.definitions.strategies import incident_json, odd_incident_json

_FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER
INCIDENT = jsonschema.Draft202012Validator(incident_schema(), format_checker=_FORMATS)
CLASSIFICATION = jsonschema.Draft202012Validator(classification_schema(), format_checker=_FORMATS)


def _read(data: dict[str, Any]) -> Incident | None:
    """The incident, or ``None`` if its facts contradict each other (no schema can say)."""
    try:
        return Incident.from_json(data)
    except ConflictError:
        return None


def test_the_schemas_are_valid_json_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(incident_schema())
    jsonschema.Draft202012Validator.check_schema(classification_schema())


def test_each_call_gives_a_copy_to_change() -> None:
    incident_schema()["properties"].clear()
    assert "weapon" in incident_schema()["properties"]


def test_the_incident_schema_names_every_field_and_word() -> None:
    props = incident_schema()["properties"]
    assert list(props) == [n for n in Incident.__slots__ if not n.startswith("__")]
    assert props["weapon"]["anyOf"][0]["enum"] == [w.value for w in Weapon]
    assert props["behaviours"]["anyOf"][0]["items"]["enum"] == [b.value for b in Behaviour]


@settings(max_examples=300)
@given(incident_json())
def test_an_incident_svduty_reads_is_one_the_schema_accepts(data: dict[str, Any]) -> None:
    assert not list(INCIDENT.iter_errors(data))
    incident = _read(data)
    if incident is not None:
        assert not list(INCIDENT.iter_errors(incident.to_json()))
        out = classify(incident).to_json()
        assert not list(CLASSIFICATION.iter_errors(json.loads(json.dumps(out))))


@settings(max_examples=400)
@given(odd_incident_json())
def test_what_the_schema_accepts_svduty_reads(data: dict[str, Any]) -> None:
    """Never stricter in svduty: a document the schema accepts is read (or in conflict)."""
    if list(INCIDENT.iter_errors(data)):
        return  # svduty may read more spellings than the schema lists
    try:
        _read(data)
    except DataError as exc:  # pragma: no cover - the failure this test looks for
        pytest.fail(f"the schema accepts what svduty refuses: {exc}")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weapon", "spoon"),
        ("victim_age", 131),
        ("victim_age", -1),
        ("victim_age", 12.5),
        ("victim_age", "12"),
        ("died", "yes"),
        ("date", "2023-02-30"),
        ("date", "2023-13"),
        ("date", "0000-01"),
        ("date", "12/03/1985"),
        ("location", "E0103101"),
        ("location", "Jane Citizen"),
        ("offence_code", "8-N"),
        ("behaviours", "physical"),
        ("behaviours", ["physical", "kicking"]),
        ("police_uk_category", "Nonsense"),
        ("victims_age", 12),
    ],
)
def test_what_svduty_refuses_the_schema_refuses(field: str, value: object) -> None:
    data = {field: value}
    with pytest.raises(DataError):
        Incident.from_json(data)
    assert list(INCIDENT.iter_errors(data))


def test_null_is_not_known_in_both() -> None:
    data = {"weapon": None, "victim_age": None, "behaviours": None}
    assert Incident.from_json(data) == Incident()
    assert not list(INCIDENT.iter_errors(data))


def test_the_classification_schema_holds_the_explain_command_lines(tmp_path: Any) -> None:
    lines = [
        {"id": "a", "offence_code": "8N", "victim_age": 15, "date": "2024-05-01"},
        {"id": 7, "behaviours": ["sexual"], "location": "E01031180"},
        {"died": True, "weapon": "knife", "date_of_death": "2023-06", "location": "E08000025"},
        {},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    code, stdout, stderr = run("explain", src, "--format", "json")
    assert code == 0, stderr
    out = [json.loads(line) for line in stdout.splitlines()]
    assert [o["row"] for o in out] == [1, 2, 3, 4]
    for o in out:
        assert not list(CLASSIFICATION.iter_errors(o)), o


def test_the_classification_schema_refuses_a_wrong_answer() -> None:
    good = classify(Incident(offence_code="8N")).to_json()
    assert not list(CLASSIFICATION.iter_errors(good))
    for key, value in (("violence", "maybe"), ("basis", "guess"), ("missing", ["x"])):
        assert list(CLASSIFICATION.iter_errors({**good, key: value})), key
    assert list(CLASSIFICATION.iter_errors({k: v for k, v in good.items() if k != "reasons"}))
    assert list(CLASSIFICATION.iter_errors({**good, "extra": 1}))


@settings(max_examples=50)
@given(st.lists(incident_json(), min_size=1, max_size=5))
def test_the_columnar_answers_are_the_schemas_words(rows: list[dict[str, Any]]) -> None:
    """The answer columns of classify_table hold only the words the schema lists."""
    readable = [r for r in rows if _read(r) is not None]
    if not readable:
        return
    out = classify_table(to_table(readable))
    props = classification_schema()["properties"]
    for answer in ("violence", "in_scope", "domestic_abuse", "qualifying_homicide"):
        assert set(out.column(answer).to_pylist()) <= set(props[answer]["enum"])
    assert set(out.column("homicide_review").to_pylist()) <= set(props["homicide_review"]["enum"])
    assert set(out.column("basis").to_pylist()) <= set(props["basis"]["enum"])


def test_the_packaged_sample_incidents_are_documents_the_schema_accepts() -> None:
    """user45: a developer validating svduty's own sample file against the schema saw
    ``'violent-crime' is not one of [...]``: the police.uk API slug, which svduty reads
    (and the sample uses), was not in the schema."""
    from svduty import sample_path

    for line in sample_path("incidents").read_text(encoding="utf-8").splitlines():
        assert not list(INCIDENT.iter_errors(json.loads(line)))
    slugs = incident_schema()["properties"]["police_uk_category"]["anyOf"][0]["enum"]
    assert {"violent-crime", "Violence and sexual offences", "public-order"} <= set(slugs)
    for slug in slugs:
        assert Incident.from_json({"police_uk_category": slug}).police_uk_category
