"""The version every JSON document of the command line carries: ``svduty_schema``.

A client checks it before it reads the rest: ``"info/1"`` is the first version of the
document ``svduty info --format json`` writes; a change that removes or renames a key, or
changes what a value means, makes it ``"info/2"`` (listed in the CHANGELOG); a key added
keeps the version.

Example:
    >>> versioned("info", {"name": "warwickshire"})
    {'svduty_schema': 'info/1', 'name': 'warwickshire'}
"""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEMAS", "versioned"]

SCHEMAS = {
    "comparison": 1,  # svduty explain --compare-definition ... --format json
    "funding": 1,  # svduty funding --format json
    "governance": 1,  # svduty governance --format json
    "info": 2,  # svduty info --format json (2: a district's csp is null for several: csps)
    "summary": 1,  # svduty classify --summary json
    "validate": 1,  # svduty validate --format json
}
"""Each JSON document of the command line and its version."""


def versioned(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``svduty_schema`` (``kind/version``) first.

    Example:
        >>> versioned("validate", {"ok": True})["svduty_schema"]
        'validate/1'
    """
    return {"svduty_schema": f"{kind}/{SCHEMAS[kind]}", **data}
