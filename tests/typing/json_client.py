"""Another council system's client of svduty, written from the docs alone (contract54).

It loads a partnership, classifies incidents one at a time and as a table, reads the
verdicts, reasons and missing facts, runs a what-if, reads the funding, and reads every JSON
document of the command line as a program would: it checks each document's
``svduty_schema`` against :data:`svduty.io.DOCUMENT_VERSIONS`, validates it against its
published schema (:func:`svduty.io.document_schema`) and reads only what the schema
promises. Every name it uses is public; ``mypy --strict`` checks it (``make typecheck``) and
``tests/io/test_json_client_contract54.py`` runs :func:`main`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import jsonschema
import pyarrow as pa

import svduty
from svduty.answers import Reason, Verdict
from svduty.cli import main as svduty_main
from svduty.definitions import ResolveDistrict, classify_table
from svduty.governance import Merge, RemoveBody
from svduty.io import DOCUMENT_VERSIONS, DocumentKind, classification_schema, document_schema

JSON = dict[str, object]


def run(*argv: str) -> tuple[int, str, str]:
    """Run an svduty command in-process: exit status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    return svduty_main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def checked(kind: DocumentKind, text: str) -> JSON:
    """A document of the command line, read as its schema's version says, or an error."""
    doc = json.loads(text)
    if not isinstance(doc, dict):
        raise TypeError(f"{kind}: not an object")
    expected = f"{kind}/{DOCUMENT_VERSIONS[kind]}"
    if doc.get("svduty_schema") != expected:
        raise ValueError(f"{kind}: written as {doc.get('svduty_schema')!r}, read as {expected}")
    jsonschema.validate(doc, document_schema(kind), format_checker=jsonschema.FormatChecker())
    return doc


def rows(kind: DocumentKind, path: Path) -> Iterator[JSON]:
    """The JSON Lines rows of ``svduty classify``, each validated (no version key: the $id)."""
    validator = jsonschema.Draft202012Validator(document_schema(kind))  # built once
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            validator.validate(row)
            yield row


def counts(value: object) -> Mapping[str, int]:
    """A ``{word: count}`` object of a validated document."""
    assert isinstance(value, dict)
    return {str(k): int(v) for k, v in value.items()}


def one_at_a_time(partnership: svduty.Partnership) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each sample incident's id -> its in_scope answer and the facts that would settle it."""
    definition = partnership.require_definition()
    resolve: ResolveDistrict = partnership.geography.district_code_of
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    with svduty.sample_path("incidents").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            incident = svduty.Incident.from_json(json.loads(line), line=number, file="incidents")
            c = svduty.classify(incident, definition, resolve_district=resolve)
            reasons: tuple[Reason, ...] = c.reasons
            assert all(r.citation.source.id for r in reasons)
            if c.in_scope is Verdict.UNDETERMINED:
                assert c.missing_for("in_scope")  # what would settle it
            out[incident.id or str(number)] = (c.in_scope.value, c.missing_facts)
    return out


def as_a_table(partnership: svduty.Partnership, incidents: Sequence[JSON]) -> list[str]:
    """The in_scope answers of a table of incidents (an Arrow table, one row each)."""
    table = pa.Table.from_pylist([dict(i) for i in incidents])
    answered = classify_table(table, partnership.require_definition())
    assert isinstance(answered, pa.Table)
    return [str(v) for v in answered.column("in_scope").to_pylist()]


def what_if(partnership: svduty.Partnership) -> tuple[int, int]:
    """A what-if in Python and a packaged one: the errors each finds."""
    mine = svduty.Scenario(
        "merge-boards",
        "Two CSP boards merged, the county board gone",
        [
            Merge("rugby-csp-board", "north-warwickshire-csp-board"),
            RemoveBody("safer-warwickshire-partnership-board"),
        ],
    )
    packaged = partnership.what_if("lgr-two-unitaries")
    return len(partnership.what_if(mine).findings.errors), len(packaged.findings.errors)


def funding(partnership: svduty.Partnership) -> Decimal:
    """The 2024/25 grant, exact, from Python and from ``svduty funding --format json``."""
    model = partnership.funding
    assert model is not None
    total = model.allocation("2024/25").total
    code, out, _ = run("funding", "--format", "json")
    assert code == 0
    doc = checked("funding", out)
    allocations = doc["allocations"]
    assert isinstance(allocations, list)
    stated = {a["year"]: Decimal(a["total"]) for a in allocations}
    assert stated["2024/25"] == total.decimal  # money is text, exact to the penny
    return stated["2024/25"]


def documents(tmp: Path) -> dict[str, object]:
    """Every JSON document of the command line, read by its schema."""
    month = str(svduty.sample_path("policeuk-month"))
    incidents = svduty.sample_path("incidents")
    out: dict[str, object] = {}
    code, text, _ = run("classify", month, "-o", str(tmp / "rows.jsonl"), "--summary", "json")
    summary = checked("summary", text)
    rows_in, rows_out, rejected = (
        int(str(summary[k])) for k in ("rows_in", "rows_out", "rejected")
    )
    assert code == 0
    assert rows_in == rows_out + rejected
    verdicts = summary["verdicts"]
    assert isinstance(verdicts, dict)
    out["in_scope"] = counts(verdicts["in_scope"])
    out["rows"] = sum(1 for _ in rows("row", tmp / "rows.jsonl"))
    code, text, _ = run(
        "classify", str(incidents), "--input-format", "incidents", "-o", str(tmp / "i.jsonl")
    )
    out["incident_rows"] = [r["in_scope"] for r in rows("incident_row", tmp / "i.jsonl")]
    code, text, _ = run("explain", str(incidents), "--format", "json")
    validator = jsonschema.Draft202012Validator(classification_schema())
    explained = [json.loads(line) for line in text.splitlines()]
    for line in explained:
        validator.validate(line)
    out["explained"] = len(explained)
    code, text, _ = run(
        "governance", "--scenario", "lgr-two-unitaries", "--validate", "--format", "json"
    )
    governance = checked("governance", text)
    validation = governance["validation"]
    assert isinstance(validation, dict)
    assert code == 1
    assert validation["ok"] is False
    out["governance_errors"] = sum(1 for f in validation["findings"] if f["severity"] == "error")
    code, text, _ = run(
        "validate", str(svduty.sample_path("warwickshire-bundle")), "--format", "json"
    )
    out["validate_ok"] = checked("validate", text)["ok"]
    broken = tmp / "bundle"
    broken.mkdir()
    code, text, _ = run("validate", str(broken), "--format", "json")
    problems = checked("validate", text)["problems"]
    assert isinstance(problems, list)
    assert code == 1
    out["problems"] = [(p["file"], p["row"], p["field"]) for p in problems]
    code, text, _ = run("info", "--format", "json")
    out["info"] = checked("info", text)["name"]
    code, text, _ = run(
        "explain", str(incidents), "--compare-definition", "who-2002", "--format", "json"
    )
    out["agree"] = checked("comparison", text)["agree"]
    code, text, err = run("classify", str(tmp / "no-such.csv"), "--summary", "json")
    out["error"] = (code, text, err.startswith("svduty classify: error:"))
    return out


def main(tmp: Path) -> dict[str, object]:
    """Run the client in a scratch folder: what it read."""
    p = svduty.load_partnership("warwickshire")
    answers = one_at_a_time(p)
    table = as_a_table(
        p, [{"offence_code": "8N", "victim_age": 30}, {"police_uk_category": "Burglary"}]
    )
    return {
        "answers": answers,
        "table": table,
        "what_if": what_if(p),
        "funding": funding(p),
        **documents(tmp),
    }
