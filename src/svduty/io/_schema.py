"""The JSON Schema of a bundle, generated from the attrs classes of its files.

One vocabulary: the schema is walked from the same classes the loader structures, so it
cannot drift from what the loader accepts. :func:`schema_errors` is a small validator for
the subset of JSON Schema the generator writes (enough to check a bundle without a
dependency).
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from svduty._checked import checked
from svduty.funding import Money
from svduty.periods import FinancialYear, Period
from svduty.sources import Citation, Confidence

__all__ = ["bundle_schema", "schema_errors", "schema_of"]

JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

_SPECIAL: dict[Any, dict[str, Any]] = {
    pendulum.Date: _DATE,
    _dt.date: _DATE,
    Decimal: {
        "type": ["string", "integer"],
        "pattern": r"^-?£?[0-9,]+(\.[0-9]+)?$",
        "description": "An exact amount, written as a string (floats are refused).",
    },
    Money: {
        "type": "string",
        "pattern": r"^£?[0-9][0-9,]*(\.[0-9]{1,2})?$",
        "description": "An amount in pounds written as text, at most two decimal places "
        "and 15 digits of pounds, such as '263506.30' or '£263,506.30' (floats are refused).",
    },
    FinancialYear: {
        "type": "string",
        "pattern": r"^\d{4}[/-](\d{2}|\d{4})$",
        "description": "A UK financial year such as '2023/24'.",
    },
}

_PERIOD = {
    "type": "object",
    "description": "A closed-open period: start and either end (the first day after) or "
    "last_day; no end means open-ended.",
    "properties": {"start": _DATE, "end": _DATE, "last_day": _DATE},
    "required": ["start"],
    "additionalProperties": False,
}

_CITATION = {
    "type": "object",
    "description": "Where a fact comes from: a source id (national catalogue or the "
    "bundle's sources), the provision, and how sure we are (unconfirmed needs a doubt).",
    "properties": {
        "source": {"type": "string"},
        "provision": {"type": "string"},
        "url": {"type": "string"},
        "as_at": _DATE,
        "confidence": {"type": "string", "enum": [c.value for c in Confidence]},
        "doubt": {"type": "string"},
    },
    "required": ["source"],
    "additionalProperties": False,
}

_ATTR_LINE = re.compile(r"^\s{8}(\w+):\s*(.*)$")


def _attribute_docs(cls: type) -> dict[str, str]:
    doc = cls.__doc__ or ""
    out: dict[str, str] = {}
    in_attrs, current = False, None
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            in_attrs = True
            continue
        if in_attrs:
            if line.strip() and not line.startswith(" " * 8):
                break
            m = _ATTR_LINE.match(line)
            if m:
                current = m.group(1)
                out[current] = m.group(2)
            elif current and line.strip():
                out[current] += " " + line.strip()
    return out


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {
            "Period": _PERIOD,
            "Citation": _CITATION,
        }

    def of(self, tp: Any) -> dict[str, Any]:
        if tp in _SPECIAL:
            return dict(_SPECIAL[tp])
        if tp is Period:
            return {"$ref": "#/$defs/Period"}
        if tp is Citation:
            return {"$ref": "#/$defs/Citation"}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"type": "string", "enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # placeholder against recursion
                self.defs[name] = self._object(tp)
            return {"$ref": f"#/$defs/{name}"}
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            if len(options) == 1:
                return self.of(options[0])
            return {"anyOf": [self.of(a) for a in options]}
        if origin in (tuple, list, Sequence, frozenset, set) and args:
            return {"type": "array", "items": self.of(args[0])}
        if origin in (dict, Mapping) and len(args) == 2:
            return {"type": "object", "additionalProperties": self.of(args[1])}
        raise TypeError(f"no JSON Schema for type {tp!r}")

    def _object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = field.alias or field.name
            schema = self.of(hints[field.name])
            if key in docs:
                schema = {**schema, "description": docs[key]}
            props[key] = schema
            if field.default is attrs.NOTHING:
                required.append(key)
        summary = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else cls.__name__
        return {
            "type": "object",
            "description": summary,
            "properties": props,
            "required": required,
            "additionalProperties": False,
        }


@checked
def schema_of(cls: type) -> dict[str, Any]:
    """The JSON Schema of one attrs class, as the loader structures it from TOML.

    Example:
        >>> from svduty.io import Manifest
        >>> s = schema_of(Manifest)
        >>> s["$defs"]["Manifest"]["required"]
        ['name', 'title']
        >>> s["$defs"]["Source"]["properties"]["kind"]["enum"][:2]
        ['legislation', 'statutory_instrument']
    """
    b = _Builder()
    ref = b.of(cls)
    return {"$schema": JSON_SCHEMA, **ref, "$defs": b.defs}


@checked
def bundle_schema() -> dict[str, Any]:
    """The JSON Schema of a whole bundle: one property per file, by file name.

    Each section registered in :data:`svduty.io.SECTIONS` contributes its file.

    Example:
        >>> s = bundle_schema()
        >>> sorted(s["properties"])[:3]
        ['areas.toml', 'authorities.toml', 'bundle.toml']
        >>> s["$defs"]["Area"]["properties"]["kind"]["enum"][:3]
        ['country', 'region', 'county']
    """
    from svduty.io._bundle_read import Manifest
    from svduty.io._packaged import MANIFEST
    from svduty.io._sections import SECTIONS

    b = _Builder()
    props = {MANIFEST: b.of(Manifest)}
    required = [MANIFEST]
    for spec in SECTIONS.values():
        props[spec.file] = b.of(spec.document)
        if spec.required:
            required.append(spec.file)
    return {
        "$schema": JSON_SCHEMA,
        "$id": "https://svduty.readthedocs.io/schema/bundle.json",
        "title": "svduty partnership bundle",
        "description": "A folder of TOML files, one per section; each property is a file.",
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": True,
        "$defs": b.defs,
    }


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list, tuple),
}


def _type_ok(value: Any, names: str | list[str]) -> bool:
    for name in [names] if isinstance(names, str) else names:
        if isinstance(value, bool) and name in ("integer", "number"):
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


@checked
def schema_errors(
    instance: Any, schema: Mapping[str, Any], root: Mapping[str, Any] | None = None, path: str = ""
) -> list[str]:
    """Check plain data against a schema this module wrote; one message per problem.

    Handles the keywords the generator uses: ``$ref``, ``type``, ``enum``, ``pattern``,
    ``properties``, ``required``, ``additionalProperties``, ``items`` and ``anyOf``.

    Example:
        >>> from svduty.io import Manifest
        >>> s = schema_of(Manifest)
        >>> schema_errors({"name": "x", "title": "X"}, s)
        []
        >>> schema_errors({"name": 1, "extra": True}, s)
        ['name: expected string', '<root>: missing title', '<root>: unknown key extra']
    """
    root = schema if root is None else root
    where = path or "<root>"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return schema_errors(instance, root["$defs"][name], root, path)
    if "anyOf" in schema:
        results = [schema_errors(instance, s, root, path) for s in schema["anyOf"]]
        return [] if any(not r for r in results) else results[0]
    if schema.get("format") == "date" and type(instance) is _dt.date:
        return []  # a TOML date: the native form of the schema's "YYYY-MM-DD" string
    if "type" in schema and not _type_ok(instance, schema["type"]):
        return [f"{where}: expected {schema['type']}"]
    errors: list[str] = []
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{where}: expected one of {', '.join(map(str, schema['enum']))}")
    if (
        "pattern" in schema
        and isinstance(instance, str)
        and not re.search(schema["pattern"], instance)
    ):
        errors.append(f"{where}: does not match {schema['pattern']}")
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key, sub in props.items():
            if key in instance:
                errors += schema_errors(instance[key], sub, root, f"{path}.{key}" if path else key)
        for key in schema.get("required", []):
            if key not in instance:
                errors.append(f"{where}: missing {key}")
        extra = schema.get("additionalProperties", True)
        for key in instance:
            if key in props:
                continue
            if extra is False:
                errors.append(f"{where}: unknown key {key}")
            elif isinstance(extra, dict):
                errors += schema_errors(
                    instance[key], extra, root, f"{path}.{key}" if path else key
                )
    if isinstance(instance, list | tuple) and "items" in schema:
        for i, item in enumerate(instance):
            errors += schema_errors(item, schema["items"], root, f"{path}[{i}]")
    return errors
