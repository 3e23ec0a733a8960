"""A comparison of incidents without ids validates against its schema (users57).

``svduty explain FILE --compare-definition ID --format json`` writes ``"incident": null``
for an incident that has no ``id`` (the comparison's ``DefinitionDifference.incident`` is
``str | None``), but ``comparison/1``'s schema said a string, so a developer validating the
document against :func:`svduty.io.document_schema` had it refused. The schema now says the
incident's id may be null; a document with an id still has a string there.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from svduty.cli import main
from svduty.io import document_schema

KNIFE = '"offence_code": "8N", "weapon": "knife", "intentional": true, "target": "person"'


def test_an_incident_without_id_is_a_valid_comparison(tmp_path: Path) -> None:
    incidents = tmp_path / "incidents.jsonl"
    incidents.write_text(
        f'{{{KNIFE}, "victim_age": 30}}\n{{"id": "b", {KNIFE}, "victim_age": 31}}\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    argv = [str(incidents), "--compare-definition", "avon-and-somerset", "--format", "json"]
    assert main(["explain", *argv], stdout=out, stderr=io.StringIO()) == 0
    doc = json.loads(out.getvalue())
    assert [d["incident"] for d in doc["differences"]] == [None, "b"]
    checker = jsonschema.Draft202012Validator(document_schema("comparison"))
    assert [e.message for e in checker.iter_errors(doc)] == []
