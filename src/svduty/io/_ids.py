"""The shape of the ids a bundle defines and refers to, checked wherever a bundle is read.

An id names a record of a bundle (an authority, a governance body, a milestone, a
project, a scenario...) and is written into messages, findings and outputs. It must be a
short slug, so that it cannot be a person's name, a phone number or a page of text:
lower-case letters and digits, in words joined by hyphens or underscores (a dot only
between two digits, as in ``council-report-4.3``), at most 100 characters and no more than
8 digits in a row (``svduty._ids.ID_SHAPE``). An area is named by its GSS code or, for an area
with no code, by an id (:data:`AREA_SHAPE`).

:data:`ID_FIELDS` lists, per kind of file (its document class), the field paths that hold
ids: the defining sites (``bodies[].id``) and the referencing ones
(``relations[].source``). :func:`id_problems` checks them in the plain data, before the
models are built (:func:`svduty.io._converter.structure` calls it), and reports each bad
one by its field path, never showing it.

Example:
    >>> from svduty.io._governance import GovernanceDocument
    >>> data = {"bodies": [{"id": "board"}, {"id": "Jane Smith 07700900123"}]}
    >>> for p in id_problems(data, GovernanceDocument, "governance.toml"):
    ...     print(p)  # doctest: +NORMALIZE_WHITESPACE
    governance.toml: bodies[1].id: expected an id: lower-case letters and digits, in words
    joined by hyphens or underscores, at most 100 characters, with no more than 8 digits in
    a row (got a string of 22 characters, not shown)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from svduty._ids import EXPECTED_AREA, EXPECTED_ID, is_area_id, is_id
from svduty.errors import Problem, describe

__all__ = ["AREA_SHAPE", "ID_FIELDS", "id_problems"]

AREA_SHAPE = "area"
"""The kind of an area's id in :data:`ID_FIELDS`: a GSS code or an id."""

_ID = "id"

_BODY = ("id", "chair", "host", "members[]")
_BODY_AREAS = ("area", "districts[]")
_AUTHORITY = ("id", "same_body_as", "established_by[]")
_AUTHORITY_AREAS = ("areas[]",)
_TERMS = ("pillars", "prevention_levels", "intervention_tiers", "five_cs", "principles")


def _under(prefix: str, fields: tuple[str, ...], kind: str = _ID) -> dict[str, str]:
    return {f"{prefix}.{f}": kind for f in fields}


ID_FIELDS: dict[str, dict[str, str]] = {
    "svduty.io._bundle_read:Manifest": {"sources[].id": _ID},
    "svduty.io._areas:AreasDocument": {
        "local_area.districts[]": AREA_SHAPE,
        "areas[].id": AREA_SHAPE,
        "areas[].parents[]": AREA_SHAPE,
        "memberships[].area": AREA_SHAPE,
        "memberships[].parent": AREA_SHAPE,
    },
    "svduty.io._authorities:AuthoritiesDocument": {
        **_under("authorities[]", _AUTHORITY),
        **_under("authorities[]", _AUTHORITY_AREAS, AREA_SHAPE),
        "absences[].areas[]": AREA_SHAPE,
        "absences[].beside[]": _ID,
    },
    "svduty.definitions._definition:Definition": {
        "id": _ID,
        "kinds[].id": _ID,
        "kinds[].all_of[]": _ID,
        "kinds[].any_of[]": _ID,
        "switches[].id": _ID,
        "include[].kind": _ID,
        "exclude[].kind": _ID,
    },
    "svduty.funding._model:FundingModel": {
        "categories[].id": _ID,
        "projects[].id": _ID,
        "projects[].funded_from": _ID,
        "projects[].delivered_by": _ID,
        "projects[].serves[]": _ID,
        "projects[].pillars[]": _ID,
        "projects[].levels[]": _ID,
        "projects[].tiers[]": _ID,
        "grant_flow.edges[].source": _ID,
        "grant_flow.edges[].target": _ID,
        "stated_totals[].id": _ID,
        "populations[].recipient": _ID,
    },
    "svduty.funding._strategy:Strategy": {
        **{f"{t}[].id": _ID for t in _TERMS},
        "life_stages[].id": _ID,
        "actions[].id": _ID,
        "actions[].stage": _ID,
        "actions[].pillars[]": _ID,
        "actions[].levels[]": _ID,
        "actions[].tiers[]": _ID,
        "opportunities[].stage": _ID,
        "opportunities[].c": _ID,
    },
    "svduty.funding._editions:StrategyRecords": {
        "editions[].id": _ID,
        "editions[].areas[]": AREA_SHAPE,
        "editions[].endorsements[].body": _ID,
        "editions[].consultation.consulted[]": _ID,
        "editions[].delivery_plan.body": _ID,
    },
    "svduty.io._governance:GovernanceDocument": {
        **_under("bodies[]", _BODY),
        **_under("bodies[]", _BODY_AREAS, AREA_SHAPE),
        "relations[].source": _ID,
        "relations[].target": _ID,
    },
    "svduty.governance._timetable:Timetable": {
        "milestones[].id": _ID,
        "milestones[].body": _ID,
        "reviews[].id": _ID,
        "reviews[].body": _ID,
    },
    "svduty.governance._scenario:Scenario": {
        "name": _ID,
        # a change's body (or authority) is an id, or the table of a body (an authority)
        "changes[].body": _ID,
        **_under("changes[].body", _BODY),
        **_under("changes[].body", _BODY_AREAS, AREA_SHAPE),
        "changes[].authority": _ID,
        **_under("changes[].authority", _AUTHORITY),
        **_under("changes[].authority", _AUTHORITY_AREAS, AREA_SHAPE),
        "changes[].relation.source": _ID,
        "changes[].relation.target": _ID,
        **_under("changes[]", ("source", "target", "keep", "absorb", "parent")),
        **_under("changes[]", ("districts[]", "area", "code", "replaces[]"), AREA_SHAPE),
    },
}
"""Per document class, the field paths of its ids and their kind.

A class is named ``"module:Class"``, by the module that defines it.

A path is dotted; ``[]`` after a name means every item of that array. The kind is
``"id"`` (``svduty._ids.ID_SHAPE``) or :data:`AREA_SHAPE`.
"""


def _key(cls: type) -> str:
    """A class as :data:`ID_FIELDS` names it: its module (where it is defined) and name."""
    return f"{cls.__module__}:{cls.__qualname__}"


def _found(value: Any, parts: list[str], where: str) -> Iterator[tuple[str, object]]:
    """The values at a path in plain data, each with its field path.

    What is not there, or not of the path's shape (a table where an array should be),
    gives nothing: the models report a missing field or a wrong type.
    """
    if not parts:
        yield where, value
        return
    part, rest = parts[0], parts[1:]
    name = part.removesuffix("[]")
    if not isinstance(value, Mapping) or name not in value:
        return
    inner = value[name]
    here = f"{where}.{name}" if where else name
    if part.endswith("[]"):
        for i, item in enumerate(inner if isinstance(inner, list) else ()):
            yield from _found(item, rest, f"{here}[{i}]")
    else:
        yield from _found(inner, rest, here)


def id_problems(data: Any, cls: type, file: str | None = None) -> list[Problem]:
    """The ids of plain data for ``cls`` that are not of their shape, one problem each.

    Only strings are checked: a value of another type is the model's to report. The id
    is never shown, only its length.

    Args:
        data: The plain data (from TOML or JSON) of one file.
        cls: The class it is built into (its entry of :data:`ID_FIELDS`; none: no ids).
        file: The file, named in each problem.

    Example:
        >>> from svduty.io._authorities import AuthoritiesDocument
        >>> data = {"authorities": [{"id": "x" * 1_000_000, "areas": ["E07000222", "rugby"]}]}
        >>> [str(p) for p in id_problems(data, AuthoritiesDocument)]  # doctest: +ELLIPSIS
        ['authorities[0].id: expected an id: ... (got a string of 1000000 characters, not shown)']
    """
    fields = ID_FIELDS.get(_key(cls), {})
    out: list[Problem] = []
    for path, kind in fields.items():
        check = is_area_id if kind == AREA_SHAPE else is_id
        expected = EXPECTED_AREA if kind == AREA_SHAPE else EXPECTED_ID
        for where, value in _found(data, path.split("."), ""):
            if isinstance(value, str) and not check(value):
                out.append(Problem(file=file, field=where, expected=expected, got=describe(value)))
    return sorted(out, key=lambda p: _order(p.field or ""))


def _order(field: str) -> tuple[object, ...]:
    """A field path's place in its file: by name, then by index as a number."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"\[(\d+)\]", field))
