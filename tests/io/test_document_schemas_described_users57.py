"""The governance and comparison schemas say what each field means (users57).

A developer of another council system reading ``document_schema("governance")`` found the
keys and their types but not what ``diff``, ``log``, ``authorities`` or a finding's
``subjects`` hold: 50 properties of the two documents had no ``description``. Every
property of these two documents' schemas (their ``$defs`` too) now has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from svduty.findings import Severity
from svduty.io import document_schema


def _undescribed(schema: Any, path: str) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, sub in schema.get("properties", {}).items():
            if not sub.get("description"):
                yield f"{path}.{key}"
        for key, sub in schema.items():
            yield from _undescribed(sub, f"{path}/{key}")
    elif isinstance(schema, list):
        for i, sub in enumerate(schema):
            yield from _undescribed(sub, f"{path}[{i}]")


@pytest.mark.parametrize("kind", ["governance", "comparison"])
def test_every_property_is_described(kind: str) -> None:
    assert list(_undescribed(document_schema(kind), kind)) == []


def test_a_description_changes_no_type() -> None:
    """The descriptions sit beside the types: the finding's severity still takes its words."""
    finding = document_schema("governance")["$defs"]["Finding"]["properties"]["severity"]
    assert finding["enum"] == [s.value for s in Severity]
    assert "error" in finding["description"]
