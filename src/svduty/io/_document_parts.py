"""The parts the command line's JSON Schemas are built of (:mod:`svduty.io._document_schemas`).

Each builder gives a document's body (its ``properties``, ``required`` and
``additionalProperties``) and the ``$defs`` it refers to, from the code that writes the
documents where it can (the answers' words, the warning codes, the output columns), so a
word added there is a word the schema takes.

Example:
    >>> body, defs = build("validate")
    >>> body["required"], sorted(defs)
    (['bundle', 'ok', 'problems', 'warnings', 'to_fill_in'], ['Problem', 'ToFillIn'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["build"]

_NULL = {"type": "null"}
_STR = {"type": "string"}
_INT = {"type": "integer", "minimum": 0}
_LINE = {"type": "integer", "minimum": 1}
_BOOL = {"type": "boolean"}
_OBJ = {"type": "object"}
_WORDS = {"type": "array", "items": _STR}
_DAY = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$"}
_YEAR = {"type": "string", "pattern": r"^\d{4}/\d{2}$"}
_CITATION = {"$ref": "#/$defs/Citation"}
_FINDING = {"$ref": "#/$defs/Finding"}

Part = tuple[dict[str, Any], dict[str, Any]]


def _null(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {"anyOf": [dict(schema), _NULL]}


def _list(items: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": dict(items)}


def _counts(names: Mapping[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "additionalProperties": _INT}
    return {**out, "propertyNames": dict(names)} if names else out


def _record(
    required: Mapping[str, Any], optional: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """An object with these keys (``required`` always there), and no other."""
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
        "additionalProperties": False,
    }


def _about(schema: Mapping[str, Any], description: str) -> dict[str, Any]:
    """``schema`` with what the field means."""
    return {**schema, "description": description}


def _citation() -> dict[str, Any]:
    from svduty.io._contract_schemas import classification_schema

    cited: dict[str, Any] = classification_schema()["$defs"]["Citation"]
    return cited


def _finding() -> dict[str, Any]:
    from svduty.findings import Severity

    finding = _record(
        {
            "rule": _about(_STR, "The id of the rule (GOV-SCHEDULE-1...)."),
            "severity": _about(
                {"type": "string", "enum": [s.value for s in Severity]},
                "error breaks a rule, warning needs a decision, info is an observation.",
            ),
            "message": _about(_STR, "What was found, in words."),
            "subjects": _about(_WORDS, "The ids (bodies, authorities, areas) it is about."),
            "where": _about(_STR, "The file or record it is in (may be empty)."),
            "citations": _about(_list(_CITATION), "The provisions the rule comes from."),
        }
    )
    finding["additionalProperties"] = {"type": ["string", "null"]}  # the finding's data
    finding["description"] = "A finding of a check; its data's keys (year, difference...) "
    finding["description"] += "depend on the rule."
    return finding


def _answers() -> dict[str, list[str]]:
    """Each verdict column (and ``basis``) -> the words it takes."""
    from svduty.answers import Verdict
    from svduty.definitions._classification import ANSWERS
    from svduty.definitions._vocab import Review

    out = {a: [v.value for v in Verdict] for a in ANSWERS if a != "homicide_review"}
    out["homicide_review"] = [r.value for r in Review]
    out["basis"] = ["facts", "offence_code", "category", "none"]
    return out


def _within() -> list[str]:
    return ["inside", "outside", "no_location"]


def _summary() -> Part:
    import attrs

    from svduty.definitions import Incident
    from svduty.definitions._classification import ANSWERS
    from svduty.io._summary_warnings import WARNING_REASONS

    facts = {"type": "string", "enum": [f.name for f in attrs.fields(Incident)]}
    answer = {"enum": list(ANSWERS)}
    warning = {"enum": sorted(WARNING_REASONS)}
    where = {"file": _null(_STR), "row": _null(_LINE)}
    counted = dict.fromkeys(("certain", "possible", "yes", "undetermined", "no", "rows"), _INT)
    keys = {k: _null(_STR) for k in ("district_code", "district_name", "csp_code", "csp_name")}
    bound = _record(
        {"within_area": {"type": "string", "enum": _within()}, **counted},
        {"month": {"type": "string", "pattern": r"^\d{4}-\d{2}$"}, **keys},
    )
    row_of = {"$ref": "#/$defs/BoundedRow"}
    bounded = _record(
        {
            "verdict": {"type": "string", "enum": list(ANSWERS)},
            "totals": _list(row_of),
            "by": {"type": "object", "additionalProperties": _list(row_of)},
            "why_nothing_certain": {
                "type": "object",
                "propertyNames": {"enum": _within()},
                "additionalProperties": _STR,
            },
        }
    )
    verdicts = _record({}, {a: _counts({"enum": words}) for a, words in _answers().items()})
    body = _record(
        {
            "bounded": _null(bounded),
            "by_category": _counts(),
            "by_district": _counts(),
            "by_district_code": _counts(),
            "definition": _STR,
            "inside_area": _INT,
            "kinds": _counts(),
            "no_district": _INT,
            "other_force_files": _list(_record({"file": _STR, "force": _STR})),
            "outside_area": _INT,
            "partnership": _STR,
            "rejected": _INT,
            "rejections": _list(
                _record({**where, "field": _null(_STR), "reason": _STR}),
            ),
            "rows_in": _INT,
            "rows_out": _INT,
            "skipped": _WORDS,
            "undetermined_by_missing": {
                "type": "object",
                "propertyNames": answer,
                "additionalProperties": _counts(),
                "description": "Each undetermined answer's rows by the facts missing, "
                "their names joined by ', ' ('' : only the law's doubt).",
            },
            "undetermined_missing_in_every_group": {
                "type": "object",
                "propertyNames": answer,
                "additionalProperties": _list(facts),
            },
            "unlocated": _INT,
            "verdicts": verdicts,
            "warning_rows": {
                "type": "object",
                "propertyNames": warning,
                "additionalProperties": _list(_record(where)),
            },
            "warnings": _counts(warning),
        }
    )
    return body, {"BoundedRow": bound}


def _validate() -> Part:
    problem = _record(
        {"file": _null(_STR), "row": _null(_LINE), "field": _null(_STR), "problem": _STR}
    )
    problem["description"] = "Where a problem is (each null when it does not apply), and what."
    ref = {"$ref": "#/$defs/Problem"}
    left = _record({"file": _STR, "field": _STR, "doubt": _STR})
    left["description"] = "A field of a good bundle left to fill in or confirm, and why."
    listed = {"problems": _list(ref), "warnings": _list(ref)}
    fill = {"to_fill_in": _list({"$ref": "#/$defs/ToFillIn"})}
    body = _record({"bundle": _STR, "ok": _BOOL, **listed, **fill})
    return body, {"Problem": problem, "ToFillIn": left}


def _funding() -> Part:
    money = {"labour": _MONEY, "non_labour": _MONEY, "total": _MONEY}
    body = _record(
        {
            "partnership": _STR,
            "name": _STR,
            "allocations": _list(_record({"year": _YEAR, **money, "citation": _CITATION})),
            "totals": _list(
                _record(
                    {
                        "year": {"anyOf": [_YEAR, {"const": "all"}]},
                        **money,
                        "stated_total": _null(_MONEY),
                        "stated_by": _null(_STR),
                    }
                )
            ),
            "reconciliation": _list(_FINDING),
            "grant_flow": _record({"relations": _list(_OBJ), "in_arrears": _BOOL}),
        },
        {"split": _OBJ},
    )
    return body, {"Citation": _citation(), "Finding": _finding()}


def _governance() -> Part:
    d = _about
    validation = _record(
        {
            "ok": d(_BOOL, "True when no finding is an error (warnings do not fail it)."),
            "findings": d(_list(_FINDING), "Each error and warning of the checks run."),
            "checked": d(_WORDS, "The ids of the rules checked (GOV-SCHEDULE-1...)."),
            "skipped": d(
                _list(
                    _record(
                        {
                            "rule": d(_STR, "The id of a rule not checked."),
                            "reason": d(_STR, "Why it was not checked."),
                        }
                    )
                ),
                "The rules not checked, each with the reason.",
            ),
        }
    )
    entry = {
        "index": d(_INT, "The change's position in the scenario's changes (0-based)."),
        "op": d(_STR, "The change's op (merge, change_body, abolish_authority...)."),
        "message": d(_STR, "What applying it did, by id."),
    }
    graph = {
        "bodies": d(_list(_OBJ), "Each body as governance.toml has it (id, name, kind...)."),
        "relations": d(_list(_OBJ), "Each relation (kind, source, target, citation)."),
    }
    made = {
        "created": d(_WORDS, "The ids of the authorities the scenario creates."),
        "abolished": d(_WORDS, "The ids of the authorities it abolishes (with their records)."),
    }
    body = _record(
        {
            "partnership": d(_STR, "The partnership's name."),
            "governance": d(_record(graph), "The graph shown: after the scenario, if any."),
        },
        {
            "scenario": d(_STR, "The scenario applied (with --scenario)."),
            "log": d(_list(_record(entry)), "What each change of the scenario did, in order."),
            "diff": d(
                {"type": "object", "additionalProperties": _WORDS},
                "The graph before against after, by id: bodies_added, bodies_removed, "
                "bodies_renamed, bodies_changed, relations_added, relations_removed, "
                "relations_changed, coverage (each a list of lines).",
            ),
            "authorities": d(_record(made), "The scenario's changes to the authorities."),
            "areas": d(_WORDS, "The local government areas after the scenario."),
            "on": d(_DAY, "The day the records shown hold on (with --on)."),
            "validation": d(validation, "The checks' result (with --validate)."),
        },
    )
    return body, {"Citation": _citation(), "Finding": _finding()}


def _info() -> Part:
    areas = _list(_OBJ)
    body = _record(
        {
            "name": _STR,
            "title": _STR,
            "description": _STR,
            "definition": _STR,
            "local_area": _OBJ,
            "districts": areas,
            "community_safety_partnerships": areas,
            "police_force_areas": areas,
            "police_command_areas": areas,
            "integrated_care_boards": areas,
            "local_health_boards": areas,
            "counties": areas,
            "authorities": _OBJ,
            "sources": _INT,
            "bundle_path": _STR,
        }
    )
    return body, {}


def _comparison() -> Part:
    d = _about
    rule = _record(
        {
            "rule": d(_STR, "The rule's id."),
            "says": d(_STR, "What the rule says of the incident."),
            "citation": d(_STR, "Where the rule comes from, as text."),
        }
    )
    answer = {"type": "string", "enum": _answers()["in_scope"]}
    first = d(answer, "The first definition's in_scope answer.")
    second = d(answer, "The second definition's in_scope answer.")
    difference = _record(
        {
            "index": d(_INT, "The incident's position in the input (0-based)."),
            "incident": d(_null(_STR), "The incident's id (null: it has none)."),
            "first": first,
            "second": second,
            "rules": d(_list(rule), "The rules that make the difference."),
            "missing": d(_WORDS, "The facts that would settle an undetermined answer."),
        },
        {"row": d(_LINE, "The incident's line in the input file.")},
    )
    count = {"first": first, "second": second, "incidents": d(_INT, "How many incidents.")}
    body = _record(
        {
            "first": d(_STR, "The first definition's id."),
            "second": d(_STR, "The second definition's id."),
            "rows": d(_INT, "The incidents compared."),
            "agree": d(_INT, "The incidents on which the two answers are the same."),
            "counts": d(_list(_record(count)), "The incidents by the pair of answers."),
            "differences": d(_list(difference), "Each incident on which they differ."),
        }
    )
    return body, {}


_NEVER_NULL = frozenset({"file", "row", "within_area", "kinds", "reasons", *_answers()})
"""The columns of a classified row that always hold a value (police.uk rows: also
``month`` and ``match``; an incident with no location has no ``match``)."""


def _rows(kind: str) -> Part:
    import pyarrow as pa

    from svduty.areas import Match
    from svduty.io._contract_schemas import incident_schema
    from svduty.io._output import INCIDENT_OUTPUT_SCHEMA, OUTPUT_SCHEMA

    columns = INCIDENT_OUTPUT_SCHEMA if kind == "incident_row" else OUTPUT_SCHEMA
    facts = incident_schema()["properties"] if kind == "incident_row" else {}
    words = {**_answers(), "within_area": _within(), "match": [m.value for m in Match]}
    properties: dict[str, Any] = {}
    for field in columns:
        t = field.type
        if field.name in ("rejected", "rejected_field"):
            properties[field.name] = {**_NULL, "description": "Null: a classified row."}
            continue
        if field.name in facts and field.name != "id":
            properties[field.name] = facts[field.name]
            continue
        if pa.types.is_dictionary(t) and field.name in words:
            schema: dict[str, Any] = {"type": "string", "enum": words[field.name]}
        else:
            schema = _LINE if field.name == "row" else _json_type(t)
        never = field.name in _NEVER_NULL or (kind == "row" and field.name in ("month", "match"))
        properties[field.name] = dict(schema) if never else _null(schema)
    body = _record(properties)
    body["description"] = "One classified row of svduty classify's JSON Lines."
    return body, {}


def _json_type(t: Any) -> dict[str, Any]:
    """The JSON Schema of a value of an output column's Arrow type, as JSON Lines write it.

    Example:
        >>> import pyarrow as pa
        >>> [_json_type(t)["type"] for t in (pa.bool_(), pa.int64(), pa.float64(), pa.string())]
        ['boolean', 'integer', 'number', 'string']
        >>> _json_type(pa.list_(pa.string()))["items"], _json_type(pa.date32())["format"]
        ({'type': 'string'}, 'date')
    """
    import pyarrow as pa

    if pa.types.is_list(t):
        return _WORDS
    if pa.types.is_boolean(t):
        return _BOOL
    if pa.types.is_integer(t):
        return {"type": "integer"}
    if pa.types.is_floating(t):
        return {"type": "number"}
    if pa.types.is_date(t):
        return _DAY
    return _STR  # strings, and a dictionary of strings whose words are not listed


_BUILDERS = {
    "summary": _summary,
    "validate": _validate,
    "funding": _funding,
    "governance": _governance,
    "info": _info,
    "comparison": _comparison,
}


def build(kind: str) -> Part:
    """The body and ``$defs`` of the JSON Schema of one kind of document.

    Example:
        >>> build("row")[0]["properties"]["in_scope"]
        {'type': 'string', 'enum': ['yes', 'no', 'undetermined']}
    """
    if kind in ("row", "incident_row"):
        return _rows(kind)
    return _BUILDERS[kind]()
