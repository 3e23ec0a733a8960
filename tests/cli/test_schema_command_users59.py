"""``svduty schema``: the contract found from the command line (users59).

``svduty info`` and ``--help`` did not say where the JSON Schemas of the documents the
commands write were: a developer had to know :func:`svduty.io.document_schema`. ``svduty
schema`` lists every document (its version, what writes it) and ``svduty schema NAME``
prints its schema, the same as the API's.
"""

from __future__ import annotations

import json
import shlex
from typing import get_args

import pytest

from svduty._commands.schema import DOCUMENTS
from svduty.io import (
    DOCUMENT_VERSIONS,
    DocumentKind,
    classification_schema,
    document_schema,
    incident_schema,
)

from ..cli_run import run, run_once


def _api(name: str) -> dict[str, object]:
    if name == "classification":
        return classification_schema()
    if name == "incident":
        return incident_schema()
    return document_schema(name)  # type: ignore[arg-type]


def test_every_document_is_listed():
    assert set(DOCUMENTS) == {*get_args(DocumentKind), "classification", "incident"}
    code, out, err = run("schema")
    assert (code, err) == (0, "")
    listed = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:]}
    assert set(listed) == set(DOCUMENTS)
    for kind, version in DOCUMENT_VERSIONS.items():
        assert listed[kind] == f"v{version}"
    assert listed["classification"] == "v" + classification_schema()["$id"].split("/")[-1][:-5]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_named_schema_is_the_apis(name):
    code, out, err = run("schema", name)
    assert (code, err) == (0, "")
    assert json.loads(out) == _api(name)


@pytest.mark.parametrize("name", ["comparison", "funding", "governance", "info", "validate"])
def test_the_command_listed_writes_that_document(name, tmp_path):
    argv = shlex.split(DOCUMENTS[name].split(" (")[0].replace("ID", "pcsc-s13"))[1:]
    if name == "comparison":
        (tmp_path / "i.jsonl").write_text('{"offence_code": "8N"}\n', encoding="utf-8")
        argv.insert(1, str(tmp_path / "i.jsonl"))
    if name == "validate":
        argv.insert(1, "warwickshire")
    code, out, _ = run_once(*argv)
    first = json.loads(out.splitlines()[0]) if name == "comparison" else json.loads(out)
    assert first["svduty_schema"] == f"{name}/{DOCUMENT_VERSIONS[name]}", code


def test_an_unknown_name_is_a_command_line_error():
    code, out, err = run("schema", "summery")
    assert code == 2
    assert out == ""
    assert "invalid choice" in err
    assert "summary" in err
