"""The incident and classification contracts say their version (contract43).

Every JSON document of the command line starts with ``svduty_schema`` (``info/3``...), but
the documents of the Python contract, one incident in and its classification out
(``Incident.to_json``/``from_json``, ``Classification.to_json``/``from_json`` and their
JSON Schemas), had no version anywhere: a council system pinning a schema could not tell
which version it held. Each schema's ``$id`` now names it, and the reference says how it
changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from svduty.io import classification_schema, incident_schema

DOCS = Path(__file__).parents[2] / "docs" / "reference" / "io.rst"


@pytest.mark.parametrize(
    ("kind", "schema"), [("incident", incident_schema), ("classification", classification_schema)]
)
def test_each_schema_names_its_version_and_the_reference_says_the_same(kind, schema) -> None:
    found = re.fullmatch(
        rf"https://svduty\.readthedocs\.io/schema/{kind}/(\d+)\.json", schema()["$id"]
    )
    assert found, schema()["$id"]
    assert f"``.../schema/{kind}/{found[1]}.json``" in DOCS.read_text(encoding="utf-8")
