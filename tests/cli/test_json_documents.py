"""docs/reference/json-documents.rst lists the keys of every JSON document the commands
write: read its tables, run the commands, compare (a developer's review: the keys were
documented nowhere)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

import svduty
from svduty._commands._json import SCHEMAS
from svduty.cli import main

PAGE = Path(__file__).parents[2] / "docs" / "reference" / "json-documents.rst"


def _documented() -> dict[str, set[str]]:
    """Kind -> the keys its table lists."""
    out: dict[str, set[str]] = {}
    kind = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^``([a-z]+)/(\d+)``: ", line):
            kind = m.group(1)
            assert SCHEMAS[kind] == int(m.group(2)), f"{kind}: the page describes another version"
            out[kind] = set()
        elif kind and (m := re.match(r"^   \* - ``([a-z_]+)``$", line)):
            out[kind].add(m.group(1))
    return out


def _written(*argv: str) -> dict[str, object]:
    out = io.StringIO()
    assert main(list(argv), stdout=out, stderr=io.StringIO()) in (0, 1)
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def _keys(kind: str, folder: Path) -> set[str]:
    split = folder / "split.toml"
    split.write_text('year = "2024/25"\nmethod = "equal"\n', encoding="utf-8")
    incidents = str(svduty.sample_path("incidents"))
    runs = {
        "info": [("info", "--format", "json")],
        "validate": [
            ("validate", str(svduty.sample_path("warwickshire-bundle")), "--format", "json")
        ],
        "funding": [
            ("funding", "--format", "json"),
            ("funding", "--split", str(split), "--format", "json"),
        ],
        "governance": [
            ("governance", "--format", "json"),
            ("governance", "--on", "2025-01-01", "--format", "json"),
            ("governance", "--scenario", "lgr-two-unitaries", "--validate", "--format", "json"),
        ],
        "summary": [("classify", str(svduty.sample_path("policeuk-month")), "--summary", "json")],
        "comparison": [
            ("explain", incidents, "--compare-definition", "who-2002", "--format", "json")
        ],
    }[kind]
    found: set[str] = set()
    for argv in runs:
        doc = _written(*argv)
        assert doc["svduty_schema"] == f"{kind}/{SCHEMAS[kind]}"
        found |= set(doc)
    return found


def test_the_page_describes_every_document():
    assert set(_documented()) == set(SCHEMAS)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_page_lists_each_documents_keys(kind: str, tmp_path: Path):
    # every key written is listed, and every key listed is written by some run (the
    # funding document's split key, written only with --split, was not listed)
    assert _documented()[kind] == _keys(kind, tmp_path)
