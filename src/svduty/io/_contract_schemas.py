"""The JSON Schemas of the incident contract: an incident in, its classification out.

A council system that sends svduty incidents, or reads its answers, in a language other
than Python checks its documents against these (JSON Schema draft 2020-12). Both are
built from the code that reads and writes the documents, so they cannot drift from it:
the incident's fields, words and ranges from :class:`~svduty.definitions.Incident` and its
vocabularies; the classification's answers, kinds, rule ids and citations from
:class:`~svduty.definitions.Classification`, the rules and the source catalogue.

The incident schema describes the form svduty writes (``Incident.to_json``) and
documents: words in lower case as listed, police.uk crime types as police.uk spells them
in its files or, as its API does, as slugs (``"violent-crime"``, read as the crime type).
svduty also reads a word in any case and spacing, a whole-number ``id`` or age written
``12.0``, and an offence code such as ``008N``; the schema does not list those spellings.
An ``id`` given as a number is within ``-(2**53 - 1)`` to ``2**53 - 1`` (RFC 8259 s.6: the
integers every JSON reader holds exactly); a larger one is sent as text. svduty refuses one
written with a fraction or an exponent beyond (``9007199254740993.0`` is held as 2**53 by a
float) and reads one written with digits only exactly, which the schema does not promise.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from svduty._checked import checked

__all__ = ["classification_schema", "incident_schema"]

_BASE = "https://svduty.readthedocs.io/schema/"
_VERSIONS = {"incident": 3, "classification": 2}
"""The version of each document of the contract, named by its schema's ``$id``
(``.../schema/incident/1.json``): a change that removes or renames a key, narrows what a
key takes, or changes what a value means makes it the next (listed in the CHANGELOG); a
key added that a reader may leave out keeps it. Classification 2: a decided answer needs a
reason of its own rules (contract44). Incident 2: an integer ``id`` within the range RFC 8259
s.6 calls exact everywhere, ``-(2**53 - 1)`` to ``2**53 - 1``; beyond it, the id is text
(mend48). Incident 3: ``review_information`` means one of the four conditions SI 2022/1261
reg 4(2) specifies for s.24(1)(c) (reg 4(2)(c), (3)), where it meant the whole condition;
``body_located``, ``identity_recorded`` and ``dsi_matter`` state the other three
(owhr49b)."""
_DAY_OR_MONTH = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        {"type": "string", "pattern": r"^(?!0000)\d{4}-(0[1-9]|1[0-2])$"},
    ]
}
_GSS = r"^[EWSN]\d{8}$"
_AGES = {"minimum": 0, "maximum": 130}
_NULL = {"type": "null"}


@checked
def incident_schema() -> dict[str, Any]:
    """The JSON Schema of one incident (a line of an incident JSON Lines file).

    Every field is optional and may be ``null`` (not known); a field no incident has is
    refused, as :meth:`~svduty.definitions.Incident.from_json` refuses it.

    Example:
        >>> s = incident_schema()
        >>> s["properties"]["weapon"]["anyOf"][0]["enum"]
        ['none', 'knife', 'firearm', 'corrosive', 'other']
        >>> s["properties"]["victim_age"]["anyOf"][0]
        {'type': 'integer', 'minimum': 0, 'maximum': 130}
        >>> s["additionalProperties"], s["required"]
        (False, [])
        >>> [w for w in s["properties"]["police_uk_category"]["anyOf"][0]["enum"]
        ...  if "iolen" in w]  # a crime type as police.uk's files and its API spell it
        ['Violence and sexual offences', 'violent-crime']
        >>> s["properties"]["id"]["anyOf"][0]  # a number beyond: not the same to every reader
        {'type': ['string', 'integer'], 'minimum': -9007199254740991, 'maximum': 9007199254740991}
        >>> s["$id"]  # the contract's version: 3 (reg 4(2)'s four conditions, owhr49b)
        'https://svduty.readthedocs.io/schema/incident/3.json'
    """
    return copy.deepcopy(_incident())  # the caller's to change; the cached one stays


@checked
def classification_schema() -> dict[str, Any]:
    """The JSON Schema of one classification: a line ``svduty explain --format json`` writes.

    :meth:`~svduty.definitions.Classification.to_json` gives the same object without the
    command's ``row`` (the input line, from 1) and ``partnership``.

    Example:
        >>> s = classification_schema()
        >>> s["properties"]["homicide_review"]["enum"]
        ['required', 'not_required', 'undetermined']
        >>> s["properties"]["basis"]["enum"]
        ['facts', 'offence_code', 'category', 'none']
        >>> "S13" in s["$defs"]["Reason"]["properties"]["rule"]["examples"]
        True
        >>> s["$id"]  # the contract's version: 2 (a decided answer needs its reason)
        'https://svduty.readthedocs.io/schema/classification/2.json'
    """
    return copy.deepcopy(_classification())


@functools.cache
def _incident() -> dict[str, Any]:
    from svduty.definitions import POLICE_UK_CATEGORIES, Incident
    from svduty.definitions._offences import _CODE as OFFENCE_CODE
    from svduty.definitions._spelling import EXACT_ID
    from svduty.io._schema import JSON_SCHEMA, schema_of

    generated = schema_of(Incident)["$defs"]["Incident"]
    names = [c.name for c in POLICE_UK_CATEGORIES]
    names += [c.slug for c in POLICE_UK_CATEGORIES if c.slug not in names]  # the API's
    refined: dict[str, dict[str, Any]] = {
        "id": {"type": ["string", "integer"], "minimum": -EXACT_ID, "maximum": EXACT_ID},
        "date": _DAY_OR_MONTH,
        "date_of_death": _DAY_OR_MONTH,
        "offence_code": {"type": "string", "pattern": OFFENCE_CODE.pattern},
        "police_uk_category": {"type": "string", "enum": names},
        "location": {"type": "string", "pattern": _GSS},
        "place_of_death": {"type": "string", "pattern": _GSS},
    }
    properties: dict[str, Any] = {}
    for name, walked in generated["properties"].items():
        description = walked.pop("description", None)
        schema = refined.get(name, walked)
        if schema.get("type") == "integer":
            schema = {**schema, **_AGES}
        elif schema.get("type") == "array":
            schema = {**schema, "uniqueItems": True}
        properties[name] = {"anyOf": [schema, _NULL]}
        if description:
            properties[name]["description"] = description
    return {
        "$schema": JSON_SCHEMA,
        "$id": f"{_BASE}incident/{_VERSIONS['incident']}.json",
        "title": "svduty incident",
        "description": generated["description"],
        "type": "object",
        "properties": properties,
        "required": [],
        "additionalProperties": False,
    }


@functools.cache
def _classification() -> dict[str, Any]:
    import attrs

    from svduty.answers import Verdict
    from svduty.definitions import KINDS, Incident
    from svduty.definitions._classification import ANSWERS
    from svduty.definitions._owhr import RULES
    from svduty.definitions._vocab import Review
    from svduty.io._schema import JSON_SCHEMA
    from svduty.sources import Confidence

    names = [f.name for f in attrs.fields(Incident)]
    fields = {"type": "array", "items": {"type": "string", "enum": names}}
    verdict = {"type": "string", "enum": [v.value for v in Verdict]}
    answers: dict[str, Any] = {a: verdict for a in ANSWERS if a != "homicide_review"}
    answers["homicide_review"] = {"type": "string", "enum": [r.value for r in Review]}
    text_or_null = {"type": ["string", "null"]}
    citation = {
        "type": "object",
        "description": "Where the rule comes from.",
        "properties": {
            "source": {"type": "string", "description": "The source's id."},
            "document": {"type": "string", "description": "The source's title."},
            "provision": {"type": "string", "description": "Where in it (may be empty)."},
            "url": {**text_or_null, "description": "Where it can be read."},
            "as_at": {
                "anyOf": [{"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, _NULL],
                "description": "The day the text was read, where it matters.",
            },
            "confidence": {
                "type": "string",
                "enum": [c.value for c in Confidence],
                "description": "confirmed: read in the primary text (or two sources agree); "
                "secondary: an official source not checked against it; unconfirmed: one "
                "weak source, or derived (doubt says why).",
            },
            "doubt": {**text_or_null, "description": "What is unconfirmed."},
        },
        "required": ["source", "document", "provision", "url", "as_at", "confidence", "doubt"],
        "additionalProperties": False,
    }
    reason = {
        "type": "object",
        "description": "A rule that holds for the incident, what it says, and its citation.",
        "properties": {
            "rule": {
                "type": "string",
                "description": "The rule's id: a rule of the law's model, or DEF-<id> for "
                "a definition's own decision.",
                "examples": sorted(RULES),
            },
            "says": {"type": "string"},
            "citation": {"$ref": "#/$defs/Citation"},
        },
        "required": ["rule", "says", "citation"],
        "additionalProperties": False,
    }
    properties: dict[str, Any] = {
        "id": {**text_or_null, "description": "The incident's id (a number as its digits)."},
        **answers,
        "kinds": {
            "type": "array",
            "items": {"type": "string", "examples": sorted(KINDS)},
            "description": "The kinds of violence the incident is of (a definition may "
            "name its own).",
        },
        "missing": {**fields, "description": "Every fact that would settle an answer."},
        "missing_by_answer": {
            "type": "object",
            "propertyNames": {"enum": list(ANSWERS)},
            "additionalProperties": fields,
            "description": "The undetermined answers, each with the facts that would settle it.",
        },
        "reasons": {
            "type": "array",
            "items": {"$ref": "#/$defs/Reason"},
            "description": "The rules that hold, in svduty's order. Each decided answer "
            "(not undetermined) has at least one of its own rules; the list is empty only "
            "when every answer is undetermined.",
        },
        "basis": {"type": "string", "enum": ["facts", "offence_code", "category", "none"]},
        "definition": {"type": "string", "description": "The definition's id (in_scope)."},
        "row": {"type": "integer", "minimum": 1, "description": "The input line (explain)."},
        "partnership": {"type": "string", "description": "The partnership (explain)."},
        "within_area": {
            "type": "string",
            "enum": ["inside", "outside", "no_location"],
            "description": "Where the incident is, as classify places it (explain).",
        },
        "district_code": {**text_or_null, "description": "Its district (explain)."},
        "district_name": {**text_or_null, "description": "Its district's name (explain)."},
    }
    explain_only = ("row", "partnership", "within_area", "district_code", "district_name")
    required = [k for k in properties if k not in explain_only]
    return {
        "$schema": JSON_SCHEMA,
        "$id": f"{_BASE}classification/{_VERSIONS['classification']}.json",
        "title": "svduty classification",
        "description": "The answers for one incident under one definition, with reasons.",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "allOf": _decided_reasons(),
        "$defs": {"Reason": reason, "Citation": citation},
    }


def _decided_reasons() -> list[dict[str, Any]]:
    """Each decided answer has a reason of its own rules (``in_scope``: any ``DEF-``).

    What :meth:`~svduty.definitions.Classification.from_json` requires (it also knows the
    definition's id, which a schema cannot compare a rule's id with).
    """
    from svduty.definitions._classification_contract import FAMILIES

    own = {"in_scope": ("DEF-",), **FAMILIES}
    return [
        {
            "if": {
                "properties": {answer: {"not": {"const": "undetermined"}}},
                "required": [answer],
            },
            "then": {
                "properties": {
                    "reasons": {
                        "contains": {
                            "properties": {
                                "rule": {
                                    "pattern": "^(" + "|".join(re.escape(p) for p in prefixes) + ")"
                                }
                            },
                            "required": ["rule"],
                        }
                    }
                }
            },
        }
        for answer, prefixes in own.items()
    ]
