"""A value not shown is described whole: its true length and type (hostile53b).

:func:`svduty.errors.describe` (through :class:`~svduty.errors.Problem`'s ``got`` and
:class:`~svduty.errors.UnknownAreaError`) already describes a long value without showing
it; many callers cut it to 40 characters first, or made a number a string, so
``init --area`` given a 72,000-character name said "a string of 40 characters" and an age
limit of 20 digits "a string of 20 characters". Now every caller gives it the whole value.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.errors import DefinitionError
from svduty.io import load_definition

from .cli_run import run

_SRC = Path(svduty.__file__).parent


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=41, max_value=80_000))
def test_init_area_describes_the_whole_name(n: int) -> None:
    name = ("Jane Citizen " * (n // 13 + 1))[:n]
    code, _, err = run("init", "/nonexistent/hostile53b", "--area", name)
    assert code == 1, err
    assert f"(got a string of {n} characters, not shown)" in err
    assert "Jane" not in err


@pytest.mark.parametrize("field", ["victim_age_below", "victim_age_at_least"])
@pytest.mark.parametrize("age", [10**19, -(10**12), 131])
def test_an_age_out_of_range_is_described_as_a_number(field: str, age: int) -> None:
    cite = {"source": "pcsc-act-2022"}
    data = {"id": "x", "title": "X", "citation": cite, field: age}
    data["include"] = [{"kind": "homicide", "citation": cite}]
    with pytest.raises(DefinitionError) as err:
        load_definition(data, file="definition.toml")
    (problem,) = [p for p in err.value.problems if p.field == field]
    if abs(age) < 1000:
        assert str(problem.got) == str(age)
    else:
        digits = len(str(abs(age)))
        assert str(problem.got) == f"a number of {digits} digits, not shown"


def _cut_before_describing(tree: ast.AST) -> list[int]:
    """Lines giving a sliced value (``x[:40]``) as ``got=`` or to ``UnknownAreaError``."""

    def sliced(node: ast.AST) -> bool:
        return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)

    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        given = [k.value for k in node.keywords if k.arg == "got"]
        if isinstance(node.func, ast.Name) and node.func.id == "UnknownAreaError":
            given += node.args[:1]
        out += [node.lineno for v in given if sliced(v)]
    return out


def test_no_caller_cuts_a_value_before_it_is_described() -> None:
    found = {
        str(f.relative_to(_SRC)): lines
        for f in sorted(_SRC.rglob("*.py"))
        if (lines := _cut_before_describing(ast.parse(f.read_text(encoding="utf-8"))))
    }
    assert found == {}
