"""The JSON Schemas of the command line's documents and of the rows ``classify`` writes.

Every JSON document a command writes starts with ``svduty_schema`` (``"summary/1"``...),
its kind and version; :func:`document_schema` gives the JSON Schema (draft 2020-12) of
the version this svduty writes, with that version in its ``$id``
(``.../schema/summary/1.json``). Each says which keys a document always has, which may
be ``null``, which words a value takes, and refuses a key it does not list
(``additionalProperties: false``). The JSON Lines rows of ``svduty classify`` (``-o
rows.jsonl``, and the incident rows written to standard output) have schemas too:
``row`` (police.uk input, :data:`~svduty.io.OUTPUT_SCHEMA`'s columns) and
``incident_row`` (:data:`~svduty.io.INCIDENT_OUTPUT_SCHEMA`'s), which carry no version key
of their own: their version is their schema's ``$id``.

What a schema leaves open a client must not rely on: where it says only ``"type":
"object"`` or ``"string"`` (the governance graph's bodies and relations, the ``info``
document's areas and authorities, a funding split, the words of a message or a
``problem``), the content may change within a version. Messages are for people.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, get_args

from svduty._checked import checked

__all__ = ["DOCUMENT_VERSIONS", "DocumentKind", "document_schema"]

DocumentKind = Literal[
    "comparison", "funding", "governance", "incident_row", "info", "row", "summary", "validate"
]
"""The kinds of document :func:`document_schema` describes."""

_ROWS = {"row": 1, "incident_row": 1}
"""The versions of the rows ``classify`` writes (no ``svduty_schema`` key: the ``$id``)."""


def _versions() -> Mapping[str, int]:
    from svduty._commands._json import SCHEMAS

    return MappingProxyType(dict(sorted({**SCHEMAS, **_ROWS}.items())))


DOCUMENT_VERSIONS: Mapping[str, int] = _versions()
"""Each document's kind -> the version this svduty writes (read-only): what a client
compares a document's ``svduty_schema`` (``"summary/1"``) with before it reads the rest."""

_BASE = "https://svduty.readthedocs.io/schema/"


@checked
def document_schema(kind: DocumentKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one of the command line's JSON documents.

    Args:
        kind: The document's kind, as its ``svduty_schema`` names it before the ``/``
            (``"summary"``, ``"validate"``, ``"governance"``, ``"funding"``, ``"info"``,
            ``"comparison"``), or ``"row"`` / ``"incident_row"`` for a JSON Lines row of
            ``svduty classify``. ``svduty explain --format json`` writes classifications:
            :func:`~svduty.io.classification_schema`.

    Returns:
        A new dict (the caller's to change), its version in ``$id``.

    Raises:
        ArgumentError: ``kind`` names no document.

    Example:
        >>> s = document_schema("summary")
        >>> s["$id"], DOCUMENT_VERSIONS["summary"]
        ('https://svduty.readthedocs.io/schema/summary/1.json', 1)
        >>> s["properties"]["svduty_schema"]["const"]
        'summary/1'
        >>> s["properties"]["verdicts"]["properties"]["in_scope"]["propertyNames"]
        {'enum': ['yes', 'no', 'undetermined']}
        >>> row = document_schema("validate")["$defs"]["Problem"]["properties"]["row"]
        >>> row["anyOf"]
        [{'type': 'integer', 'minimum': 1}, {'type': 'null'}]
        >>> row["description"]
        'The row of a table file (from 1); null: not a row.'
        >>> document_schema("row")["properties"]["within_area"]["enum"]
        ['inside', 'outside', 'no_location']
    """
    if kind not in get_args(DocumentKind):
        from svduty.errors import ArgumentError, Problem

        expected = "one of " + ", ".join(get_args(DocumentKind))
        raise ArgumentError(Problem(field="document_schema(kind)", expected=expected))
    return copy.deepcopy(_schema(kind))


@functools.cache
def _schema(kind: str) -> dict[str, Any]:
    from svduty.io._document_parts import build

    version = DOCUMENT_VERSIONS[kind]
    body, defs = build(kind)
    if kind not in _ROWS:
        tag = {"const": f"{kind}/{version}", "description": "The document's kind and version."}
        body["properties"] = {"svduty_schema": tag, **body["properties"]}
        body["required"] = ["svduty_schema", *body["required"]]
    from svduty.io._document_words import described
    from svduty.io._schema import JSON_SCHEMA

    schema = {
        "$schema": JSON_SCHEMA,
        "$id": f"{_BASE}{kind}/{version}.json",
        "title": f"svduty {kind}",
        **body,
        **({"$defs": defs} if defs else {}),
    }
    # what each field holds, where its part says only its type; on a copy with no dict
    # twice (deepcopy keeps sharing): the parts share small schemas ({"type": "integer"})
    # between fields and between documents
    import json

    return described(kind, json.loads(json.dumps(schema)))
