"""The version every JSON document of the command line carries: ``svduty_schema``.

A client checks it before it reads the rest: ``"info/1"`` is the first version of the
document ``svduty info --format json`` writes; a change that removes or renames a key, or
changes what a value means, makes it ``"info/2"`` (listed in the CHANGELOG); a key added
keeps the version.

Example:
    >>> versioned("info", {"name": "warwickshire"})
    {'svduty_schema': 'info/3', 'name': 'warwickshire'}
"""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEMAS", "sorted_keys", "versioned"]

SCHEMAS = {
    "comparison": 1,  # svduty explain --compare-definition ... --format json
    "funding": 1,  # svduty funding --format json
    "governance": 1,  # svduty governance --format json
    "info": 3,  # svduty info --format json (2: a district's csp is null for several: csps;
    # 3: valid is {start, end} in ISO days, not "2009-04-01 to open")
    "summary": 1,  # svduty classify --summary json
    "validate": 1,  # svduty validate --format json
}
"""Each JSON document of the command line and its version."""


def versioned(kind: str, data: dict[str, Any], *, sort: bool = False) -> dict[str, Any]:
    """``data`` with ``svduty_schema`` (``kind/version``) first.

    With ``sort``, the rest's keys are sorted at every depth (``json.dumps(sort_keys=True)``
    would sort the version in among them).

    Example:
        >>> versioned("validate", {"ok": True})["svduty_schema"]
        'validate/1'
        >>> list(versioned("summary", {"b": {"y": 1, "x": 2}, "a": 0}, sort=True).items())
        [('svduty_schema', 'summary/1'), ('a', 0), ('b', {'x': 2, 'y': 1})]
    """
    return {"svduty_schema": f"{kind}/{SCHEMAS[kind]}", **(sorted_keys(data) if sort else data)}


def sorted_keys(value: Any) -> Any:
    """``value`` with the keys of every dict in it sorted, at every depth.

    Example:
        >>> sorted_keys([{"b": 1, "a": {"d": 2, "c": 3}}])
        [{'a': {'c': 3, 'd': 2}, 'b': 1}]
    """
    if isinstance(value, dict):
        return {k: sorted_keys(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [sorted_keys(v) for v in value]
    return value
