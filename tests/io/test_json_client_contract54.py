"""The JSON client of ``tests/typing/json_client.py`` runs (contract54).

It is another council system's code, written from the docs: ``mypy --strict`` checks it
(``make typecheck``) and this test runs it, so a public name it uses that goes private, a
type it annotates with that changes, or a document that stops matching its published
schema fails here and there.
"""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

from tests.test_readme import TYPING, load


def test_the_client_reads_every_document_by_its_schema(tmp_path: Path) -> None:
    read = load("json_client").main(tmp_path)
    answers = read["answers"]
    assert isinstance(answers, dict)
    assert len(answers) == 10
    assert {a for a, _ in answers.values()} <= {"yes", "no", "undetermined"}
    assert read["table"][0] in ("yes", "undetermined")
    assert read["funding"] > Decimal(0)
    assert read["rows"] == sum(read["in_scope"].values())
    assert len(read["incident_rows"]) == read["explained"] == 10
    assert read["governance_errors"] > 0
    assert read["validate_ok"] is True
    assert read["problems"]
    assert all(f is None or isinstance(f, str) for f, _, _ in read["problems"])
    assert read["error"][0] == 1
    assert read["error"][1] == ""
    assert read["error"][2]


def test_the_client_imports_nothing_private() -> None:
    tree = ast.parse((TYPING / "json_client.py").read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)] + [
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    ]
    private = [
        m for m in imported if m != "__future__" and any(p.startswith("_") for p in m.split("."))
    ]
    assert private == []
    assert "svduty.io" in imported
    assert "Any" not in (TYPING / "json_client.py").read_text(encoding="utf-8")
