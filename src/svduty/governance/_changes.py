"""The typed changes a what-if scenario is made of (bodies, relations, authorities, areas)."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from svduty._arguments import as_tuple, choice_argument, text_argument, texts_argument
from svduty._checked import checked_fields
from svduty._ids import EXPECTED_ID, is_id, line_problem
from svduty.errors import ScenarioError, describe
from svduty.governance._model import Body, Cadence, Relation, RelationKind
from svduty.governance._reorganise import (
    AbolishAuthority,
    CreateArea,
    CreateAuthority,
    TransferFunctions,
)
from svduty.sources import Citation

__all__ = [
    "CHANGE_TYPES",
    "AddBody",
    "AddRelation",
    "Change",
    "ChangeCadence",
    "ChangeDistricts",
    "Merge",
    "MoveUnder",
    "RemoveBody",
    "RemoveRelation",
    "Rename",
    "scenario_text",
]


def _ids(value: Any, where: str) -> tuple[str, ...]:
    """Ids: one, or a list of them (anything else is an ArgumentError naming ``where``)."""
    one = isinstance(value, str)
    return (value,) if one else tuple(texts_argument(value, where, "an id (str)"))


def _id(value: Any, where: str) -> str | None:
    return None if value is None else text_argument(value, where, "an id (str)")


def scenario_text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    """A scenario's name is an id, its title one line: what ``load_scenario`` refuses.

    The shapes are the loader's own (``svduty._ids``): a scenario built in Python that
    the loader would refuse is refused when it is built, not when it is read back.

    Example:
        >>> from svduty.governance import Scenario
        >>> Scenario("Bad Name!", "T", ())
        Traceback (most recent call last):
        ...
        svduty.errors.ScenarioError: name: expected an id: lower-case letters and digits, in words joined by hyphens or underscores, at most 100 characters, with no more than 8 digits in a row (got a string of 9 characters, not shown)
    """  # noqa: E501
    if not isinstance(value, str):
        return  # not text: the field's type check says so
    if attribute.name != "name":
        expected = line_problem(value)
    else:
        expected = None if is_id(value) else EXPECTED_ID
    if expected is not None:
        raise ScenarioError.single(None, attribute.name, expected=expected, got=describe(value))


def _removed_kind(value: Any) -> RelationKind:
    return choice_argument(value, RelationKind, "RemoveRelation(kind)")


def _body(value: Any) -> str:
    return text_argument(value, "ChangeBody(body)", "an id (str)")


def _chair(value: Any) -> str | None:
    return _id(value, "ChangeBody(chair)")


def _host(value: Any) -> str | None:
    return _id(value, "ChangeBody(host)")


def _added(value: Any) -> tuple[str, ...]:
    return _ids(value, "ChangeBody(add_members)")


def _removed(value: Any) -> tuple[str, ...]:
    return _ids(value, "ChangeBody(remove_members)")


@checked_fields
@attrs.frozen(slots=True)
class AddBody:
    """Add a body.

    Example:
        >>> AddBody.op
        'add_body'
    """

    op: ClassVar[str] = "add_body"
    body: Body
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class RemoveBody:
    """Remove a body and every relation from or to it.

    Example:
        >>> RemoveBody("chief-officers-group").body
        'chief-officers-group'
    """

    op: ClassVar[str] = "remove_body"
    body: str
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class AddRelation:
    """Add a relation between two existing bodies.

    Example:
        >>> AddRelation.op
        'add_relation'
    """

    op: ClassVar[str] = "add_relation"
    relation: Relation
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class RemoveRelation:
    """Remove the relation of a kind from one body to another.

    Example:
        >>> RemoveRelation("a", "b", RelationKind.OVERSEES).kind.value
        'oversees'
    """

    op: ClassVar[str] = "remove_relation"
    source: str
    target: str
    kind: RelationKind = attrs.field(converter=_removed_kind)
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class Rename:
    """Give a body a new name (its id stays).

    Example:
        >>> Rename("soc-joint-action-group", "Serious Violence Strategic Board").op
        'rename'
    """

    op: ClassVar[str] = "rename"
    body: str
    name: str
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class Merge:
    """Merge ``absorb`` into ``keep``: relations move over, coverage and members join.

    Relations that would become a body's relation to itself are dropped; where both
    bodies had the same relation to a third, ``keep``'s is kept. The log names each
    relation dropped and why. The merged body serves
    ``area`` when it is given, else ``keep``'s area; when ``absorb`` served another area,
    the change says so (two CSPs merged serve an area neither code names).

    Example:
        >>> Merge("rugby-csp-board", "north-warwickshire-csp-board").op
        'merge'
        >>> Merge("rugby-csp-board", "north-warwickshire-csp-board", area="north-csp").area
        'north-csp'
    """

    op: ClassVar[str] = "merge"
    keep: str
    absorb: str
    name: str | None = None
    reason: str | None = None
    area: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class MoveUnder:
    """Put a body under another: its lines up are replaced by one from ``parent``.

    Its lines up are the ``oversees`` relations to it and its ``reports_to`` relations
    (a CSP board reports to the strategic board): both are replaced by ``parent``
    ``oversees`` it. The new relation cites the change's citation, else the scenario's.

    Example:
        >>> MoveUnder("soc-tactical-group", "safer-warwickshire-partnership-board").op
        'move_under'
    """

    op: ClassVar[str] = "move_under"
    body: str
    parent: str
    citation: Citation | None = None
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class ChangeCadence:
    """Change how often a body meets or, with ``target`` and ``kind``, a relation recurs.

    Example:
        >>> ChangeCadence("soc-tactical-group", Cadence.MONTHLY).cadence.value
        'monthly'
    """

    op: ClassVar[str] = "change_cadence"
    body: str
    cadence: Cadence | None
    target: str | None = None
    kind: RelationKind | None = None
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class ChangeDistricts:
    """Change which districts a body covers (and, optionally, the area it serves).

    Example:
        >>> ChangeDistricts("rugby-csp-board", ("E07000220",)).districts
        ('E07000220',)
    """

    op: ClassVar[str] = "change_districts"
    body: str
    districts: tuple[str, ...] = attrs.field(converter=as_tuple)
    area: str | None = None
    reason: str | None = None


@checked_fields
@attrs.frozen(slots=True)
class ChangeBody:
    """Change who chairs or hosts a body, or which authorities are its members.

    What is left out stays as it is: ``chair`` and ``host`` name the new chair (an
    authority or a body, such as a role) and host (an authority); ``add_members`` and
    ``remove_members`` list authority ids. A new lead after a reorganisation, a body
    leaving a board while it still exists, a seat restored.

    Example:
        >>> c = ChangeBody("safer-warwickshire-partnership-board", chair="warwickshire-police")
        >>> c.op, c.add_members
        ('change_body', ())
    """

    op: ClassVar[str] = "change_body"
    body: str = attrs.field(converter=_body)
    chair: str | None = attrs.field(default=None, converter=_chair)
    host: str | None = attrs.field(default=None, converter=_host)
    add_members: tuple[str, ...] = attrs.field(default=(), converter=_added)
    remove_members: tuple[str, ...] = attrs.field(default=(), converter=_removed)
    reason: str | None = None


Change = (
    AddBody
    | RemoveBody
    | AddRelation
    | RemoveRelation
    | Rename
    | Merge
    | MoveUnder
    | ChangeCadence
    | ChangeDistricts
    | ChangeBody
    | AbolishAuthority
    | CreateAuthority
    | TransferFunctions
    | CreateArea
)
"""One typed change of a :class:`Scenario`."""

CHANGE_TYPES: dict[str, type[Change]] = {
    c.op: c
    for c in (
        AddBody,
        RemoveBody,
        AddRelation,
        RemoveRelation,
        Rename,
        Merge,
        MoveUnder,
        ChangeCadence,
        ChangeDistricts,
        ChangeBody,
        AbolishAuthority,
        CreateAuthority,
        TransferFunctions,
        CreateArea,
    )
}
