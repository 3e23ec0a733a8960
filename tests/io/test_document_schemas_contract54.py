"""Every JSON document of the command line has a published, versioned JSON Schema (contract54).

The documents (``summary/1``, ``validate/1``, ``governance/1``, ``funding/1``, ``info/3``,
``comparison/1``) and the JSON Lines rows of ``classify`` were described by a table of their
top-level keys (``docs/reference/json-documents.rst``): which keys may be ``null``, which
words a value takes and what lies below the top level were said nowhere a program could
read, and a key's value could change type without a test noticing. Each now has a JSON
Schema (:func:`svduty.io.document_schema`, its version in ``$id`` and in
:data:`svduty.io.DOCUMENT_VERSIONS`); the commands' documents validate against it, here
and over generated incidents, and a change the schema does not allow fails.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty._commands._json import SCHEMAS
from svduty.cli import main
from svduty.errors import ArgumentError
from svduty.io import DOCUMENT_VERSIONS, classification_schema, document_schema
from tests.definitions.strategies import incident_json

PAGE = Path(__file__).parents[2] / "docs" / "reference" / "json-documents.rst"
ROWS = ("row", "incident_row")


@functools.cache
def _checker(kind: str) -> jsonschema.Draft202012Validator:
    """The kind's schema, itself checked, made into a validator once a process (ci57b: built
    and checked again for each document or row validated, ~40 ms each, 600 rows took 21 s)."""
    schema = classification_schema() if kind == "classification" else document_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(kind: str, doc: Any) -> list[str]:
    checker = _checker(kind)
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in checker.iter_errors(doc)]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Any]]:
    """Kind -> the documents (or rows) the commands write, on the samples and on bad input."""
    tmp = tmp_path_factory.mktemp("documents")
    month = str(svduty.sample_path("policeuk-month"))
    incidents = str(svduty.sample_path("incidents"))
    bad = tmp / "bad.jsonl"  # a rejected row, a duplicate id: rejections and warning_rows
    bad.write_text('{"id": "a"}\n{"victim_age": -4}\n{"id": "a"}\n', encoding="utf-8")
    broken = tmp / "bundle"  # a bundle with problems: validate's problem objects
    (broken / "x").mkdir(parents=True)
    (broken / "areas.toml").write_text("name = 3\n", encoding="utf-8")
    split = tmp / "split.toml"
    split.write_text('year = "2024/25"\nmethod = "equal"\n', encoding="utf-8")
    docs: dict[str, list[Any]] = {k: [] for k in [*SCHEMAS, *ROWS]}
    runs = [
        ("info", "--format", "json"),
        ("validate", str(svduty.sample_path("warwickshire-bundle")), "--format", "json"),
        ("validate", str(broken), "--format", "json"),
        ("funding", "--format", "json"),
        ("funding", "--split", str(split), "--format", "json"),
        ("governance", "--format", "json"),
        ("governance", "--on", "2025-01-01", "--format", "json"),
        ("governance", "--scenario", "lgr-two-unitaries", "--validate", "--format", "json"),
        ("classify", month, "--summary", "json"),
        ("explain", incidents, "--compare-definition", "who-2002", "--format", "json"),
    ]
    for argv in runs:
        code, out, _ = _run(*argv)
        assert code in (0, 1), argv
        doc = json.loads(out)
        docs[doc["svduty_schema"].split("/")[0]].append(doc)
    for source, kind in ((month, "row"), (incidents, "incident_row"), (str(bad), "incident_row")):
        target = tmp / f"{kind}-{Path(source).stem}.jsonl"
        extra = () if kind == "row" else ("--input-format", "incidents")
        code, out, _ = _run("classify", source, *extra, "-o", str(target), "--summary", "json")
        assert code == 0, source
        docs["summary"].append(json.loads(out))
        docs[kind] += _lines(target)[:600]
    return docs


@pytest.mark.parametrize("kind", sorted(DOCUMENT_VERSIONS))
def test_each_document_the_commands_write_validates_against_its_schema(kind, written) -> None:
    assert written[kind], f"no {kind} written"
    for doc in written[kind]:
        assert _errors(kind, doc) == []


def test_the_bad_inputs_exercise_the_error_objects(written) -> None:
    # the shapes the schemas promise for errors are checked on errors, not on empty lists
    assert any(d["rejections"] for d in written["summary"])
    assert any(d["warning_rows"] for d in written["summary"])
    assert any(d["problems"] for d in written["validate"])
    assert any(d["validation"]["findings"] for d in written["governance"] if "validation" in d)


@pytest.mark.parametrize("kind", sorted(DOCUMENT_VERSIONS))
def test_a_change_the_schema_does_not_allow_fails(kind, written) -> None:
    doc = written[kind][0]
    schema = document_schema(kind)
    for key in schema["required"]:  # a key removed
        changed = copy.deepcopy(doc)
        del changed[key]
        assert _errors(kind, changed), f"{kind}: {key} removed passed"
    assert _errors(kind, {**doc, "no_such_key": 1})  # a key added that the schema lacks
    for key, value in doc.items():  # a value of another type
        if value is not None and key != "svduty_schema":
            other: Any = [value] if not isinstance(value, list) else {"x": value}
            assert _errors(kind, {**doc, key: other}), f"{kind}: {key} of another type passed"
    if kind not in ROWS:
        name, version = doc["svduty_schema"].split("/")
        assert _errors(kind, {**doc, "svduty_schema": f"{name}/{int(version) + 1}"})


@pytest.mark.parametrize("kind", ROWS)
def test_a_row_says_which_columns_may_be_null_and_the_words_each_takes(kind, written) -> None:
    row = written[kind][0]
    for column in ("in_scope", "violence", "homicide_review", "within_area", "basis", "file"):
        assert _errors(kind, {**row, column: None}), column  # never null
        assert _errors(kind, {**row, column: "maybe"}) or column == "file", column  # an enum
    assert _errors(kind, {**row, "rejected": "a reason"})  # a classified row is not rejected
    nullable = [k for k, v in document_schema(kind)["properties"].items() if "anyOf" in v]
    assert "district_code" in nullable
    assert "id" in nullable


def test_a_summarys_nested_words_are_checked(written) -> None:
    summary = next(d for d in written["summary"] if d["bounded"] is not None)
    cases = [
        ("verdicts", {**summary["verdicts"], "in_scope": {"maybe": 1}}),
        ("verdicts", {**summary["verdicts"], "no_such_answer": {"yes": 1}}),
        ("warnings", {"NO-SUCH-WARNING": 1}),
        ("undetermined_missing_in_every_group", {"in_scope": ["no_such_fact"]}),
        ("rejections", [{"file": "a", "row": 0, "field": None, "reason": "x"}]),
        ("bounded", {**summary["bounded"], "verdict": "maybe"}),
    ]
    for key, value in cases:
        assert _errors("summary", {**summary, key: value}), (key, value)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(incident_json(), min_size=1, max_size=6))
def test_generated_incidents_give_rows_summaries_and_explanations_of_the_schema(
    tmp_path: Path, incidents: list[dict[str, Any]]
) -> None:
    source = tmp_path / "generated.jsonl"
    source.write_text("".join(json.dumps(i) + "\n" for i in incidents), encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    code, out, _ = _run(
        "classify", str(source), "--input-format", "incidents", "-o", str(rows), "--summary", "json"
    )
    assert code in (0, 1)  # 1: every row rejected (contradictory facts), said in the summary
    summary = json.loads(out)
    assert _errors("summary", summary) == []
    for row in _lines(rows):
        assert _errors("incident_row", row) == []
    code, out, _ = _run("explain", str(source), "--format", "json")
    assert code in (0, 1)
    explained = [json.loads(line) for line in out.splitlines()]
    assert len(explained) == summary["rows_out"]  # a rejected row is explained on stderr
    for line in explained:
        assert _errors("classification", line) == []


def test_the_versions_are_the_documents_and_the_page_names_each_schema() -> None:
    assert {k: v for k, v in DOCUMENT_VERSIONS.items() if k not in ROWS} == SCHEMAS
    page = PAGE.read_text(encoding="utf-8")
    for kind, version in DOCUMENT_VERSIONS.items():
        assert document_schema(kind)["$id"].endswith(f"/schema/{kind}/{version}.json")
        assert f"``.../schema/{kind}/{version}.json``" in page, kind
    assert re.search(r"document_schema", page)


def test_an_unknown_kind_is_an_argument_error_and_the_schema_is_the_callers() -> None:
    with pytest.raises(ArgumentError, match="one of comparison"):
        document_schema("report")  # type: ignore[arg-type]
    schema = document_schema("validate")
    schema["properties"].clear()
    assert document_schema("validate")["properties"]
    with pytest.raises(TypeError):
        DOCUMENT_VERSIONS["summary"] = 2  # type: ignore[index]
