"""Every scenario change checks its arguments when it is built (hostile review, finding 1).

``AbolishAuthority(None)``, ``TransferFunctions(1, 2)`` and ``CreateArea(code, None, ...)``
were accepted and failed later inside ``what_if`` with a raw ``AttributeError`` or
``TypeError``; ``ChangeDistricts("b", 5)`` failed in its converter with one. Each change
is now checked by the one mechanism ``Rename`` uses (``checked_fields``): a value not of
its field's type is an ``ArgumentError`` naming the class and the field, never the value.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

import svduty
from svduty.authorities import Authority, AuthorityCategory
from svduty.errors import AreaError, ArgumentError, ScenarioError
from svduty.governance import (
    AbolishAuthority,
    AddBody,
    AddRelation,
    Body,
    BodyKind,
    Cadence,
    ChangeBody,
    ChangeCadence,
    ChangeDistricts,
    CreateArea,
    CreateAuthority,
    Level,
    Merge,
    MoveUnder,
    Relation,
    RelationKind,
    RemoveBody,
    RemoveRelation,
    Rename,
    Scenario,
    TransferFunctions,
)
from svduty.governance._changes import CHANGE_TYPES
from svduty.io import dump_scenario, load_scenario
from svduty.sources import cite

C = cite("pcsc-act-2022", "Sch 1")
SECRET = "Jane Smith 07700900123"

VALID: dict[type, dict[str, Any]] = {
    AddBody: {"body": Body("b", "B", BodyKind.BOARD, Level.LOCAL, C)},
    RemoveBody: {"body": "b"},
    AddRelation: {"relation": Relation(RelationKind.OVERSEES, "a", "b", C)},
    RemoveRelation: {"source": "a", "target": "b", "kind": RelationKind.OVERSEES},
    Rename: {"body": "b", "name": "B"},
    Merge: {"keep": "a", "absorb": "b", "name": "AB", "area": "north"},
    MoveUnder: {"body": "b", "parent": "a", "citation": C},
    ChangeCadence: {"body": "b", "cadence": Cadence.MONTHLY, "target": "a", "kind": "oversees"},
    ChangeDistricts: {"body": "b", "districts": ("E07000220",), "area": "north"},
    ChangeBody: {"body": "b", "chair": "a", "host": "a", "add_members": ("a",)},
    AbolishAuthority: {"authority": "rugby-borough-council"},
    CreateAuthority: {
        "authority": Authority(
            "u", "U", AuthorityCategory.COUNTY_COUNCIL_NO_DISTRICTS, ("E06000099",), C
        )
    },
    TransferFunctions: {"source": "a", "target": "b"},
    CreateArea: {"code": "north", "name": "North", "replaces": ("E07000220",), "citation": C},
}

CASES = [
    (cls, field.alias, wrong)
    for cls in VALID
    for field in attrs.fields(cls)
    for wrong in (3, 2.5, [SECRET] if field.type in ("str", "str | None") else {"x": SECRET})
]


def test_every_change_type_is_covered() -> None:
    assert set(VALID) == set(CHANGE_TYPES.values())


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_valid_arguments_build(cls: type) -> None:
    cls(**VALID[cls])


@pytest.mark.parametrize(
    ("cls", "field", "wrong"),
    CASES,
    ids=[f"{c.__name__}-{f}-{type(w).__name__}" for c, f, w in CASES],
)
def test_a_wrong_type_is_an_argument_error_naming_the_field(
    cls: type, field: str, wrong: object
) -> None:
    with pytest.raises(ArgumentError, match=rf"^{cls.__name__}\({field}\): expected ") as e:
        cls(**{**VALID[cls], field: wrong})
    assert "Jane" not in str(e.value)
    assert e.value.__cause__ is None


@pytest.mark.parametrize(
    "make",
    [
        lambda: AbolishAuthority(None),  # type: ignore[arg-type]
        lambda: AbolishAuthority(["rugby-borough-council"]),  # type: ignore[arg-type]
        lambda: TransferFunctions(1, 2),  # type: ignore[arg-type]
        lambda: CreateArea("E06009999", None, ["E07000220"]),  # type: ignore[arg-type]
        lambda: ChangeDistricts("rugby-csp-board", 5),  # type: ignore[arg-type]
        lambda: CreateArea("E06009999", "X", None),  # type: ignore[arg-type]
    ],
)
def test_the_reported_changes_fail_when_built_not_in_what_if(make: Any) -> None:
    with pytest.raises(ArgumentError):
        svduty.warwickshire().what_if(Scenario("x", "t", [make()]))


# --- finding 3: Scenario refuses what load_scenario refuses -------------------------------


@pytest.mark.parametrize(
    ("name", "title", "field"),
    [
        ("Bad Name!", "T", "name"),
        ("jane smith", "T", "name"),
        ("x", "a\x00\u202eb", "title"),
        ("x", "Jane\nSmith", "title"),
        ("x", "Jane " * 101, "title"),  # more than 500 characters
        ("x", "Jane \u202eSmith", "title"),  # a right-to-left override: shown reordered
    ],
)
def test_a_scenario_the_loader_refuses_is_refused_when_built(
    name: str, title: str, field: str
) -> None:
    with pytest.raises(ScenarioError, match=rf"^{field}: expected ") as built:
        Scenario(name, title, [RemoveBody("b")])
    with pytest.raises(ScenarioError, match=rf"^{field}: expected ") as loaded:
        load_scenario(
            {"name": name, "title": title, "changes": [{"op": "remove_body", "body": "b"}]}
        )
    assert str(built.value) == str(loaded.value)
    assert "Jane" not in str(built.value)
    assert "Bad" not in str(built.value)


def test_a_scenario_built_in_python_reads_back() -> None:
    s = Scenario("lgr-2028", "Two unitaries — 2028", [RemoveBody("b")], description="a\nb")
    assert load_scenario(dump_scenario(s)) == s


# --- finding 2: a created area's code is a local government area's, of its districts' country


@pytest.mark.parametrize(
    ("code", "replaces", "field"),
    [
        ("E10000031", ("E07000220",), "code"),  # a county: no local government area
        ("E22000001", ("E07000220",), "code"),  # a community safety partnership
        ("S12000001", ("E07000220",), "code"),  # Scottish
        ("Hello World", ("E07000220",), "code"),  # neither a GSS code nor an id
        ("E0600999", ("E07000220",), "code"),  # a digit short
        ("W06000099", ("E07000220", "E07000218"), "replaces[0]"),  # Welsh, English districts
        ("north", ("E07000220", "W06000001"), "replaces[1]"),  # two countries
    ],
)
def test_a_created_area_code_is_checked(code: str, replaces: tuple[str, ...], field: str) -> None:
    with pytest.raises(AreaError, match=rf"^{re.escape(field)}: "):
        CreateArea(code, "X", replaces)
    data = {"op": "create_area", "code": code, "name": "X", "replaces": list(replaces)}
    with pytest.raises(ScenarioError, match=rf"changes\[0\]\.{re.escape(field)}: ") as e:
        load_scenario({"name": "ca", "title": "T", "changes": [data]})
    assert "Hello" not in str(e.value)


@pytest.mark.parametrize("code", ["E06009999", "W06000099", "north-warwickshire-unitary"])
def test_a_local_government_area_code_or_an_id_is_accepted(code: str) -> None:
    districts = ("W06000001",) if code.startswith("W") else ("E07000220", "E07000218")
    assert CreateArea(code, "X", districts).code == code
