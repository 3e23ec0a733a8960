"""Every public function and method, given arguments of the wrong type, fails as svduty does.

The sweep calls each public callable (functions, class and static methods, and the methods
of an instance found in Warwickshire's partnership) with every required argument set to one
wrong value at a time. A call may succeed (some take anything) or raise a ``SvdutyError``;
an ``AttributeError`` or ``TypeError`` from deep inside is a failure. The errors module's
own helpers are left out: they are what every check is built on.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import svduty
from svduty._checked import checked, fits, misfit
from svduty.errors import ArgumentError, DataError, SvdutyError

WRONG: tuple[object, ...] = (None, 5, "x", 1.5, b"x", object(), [object()])
PERSONAL = "Jane Smith 07700900123"


def _public_modules() -> list[str]:
    found = pkgutil.walk_packages(svduty.__path__, "svduty.")
    names = [m.name for m in found if not any(p.startswith("_") for p in m.name.split(".")[1:])]
    return ["svduty", *names]


def _public() -> tuple[list[Callable[..., Any]], list[type]]:
    functions: dict[int, Callable[..., Any]] = {}
    classes: dict[int, type] = {}
    for module_name in _public_modules():
        if module_name in {"svduty.errors", "svduty.cli"}:
            continue
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.isfunction(value) and value.__module__.startswith("svduty"):
                functions[id(value)] = value
            elif (
                inspect.isclass(value)
                and value.__module__.startswith("svduty")
                and not issubclass(value, BaseException)
            ):
                classes[id(value)] = value
    return list(functions.values()), list(classes.values())


FUNCTIONS, CLASSES = _public()


def _instances() -> dict[type, object]:
    """One instance of each class reachable from Warwickshire's partnership."""
    found: dict[type, object] = {}
    stack: list[object] = [svduty.warwickshire()]
    seen: set[int] = set()
    while stack:
        value = stack.pop()
        if id(value) in seen or isinstance(value, (str, bytes, int, float)):
            continue
        seen.add(id(value))
        found.setdefault(type(value), value)
        if attrs.has(type(value)):
            stack.extend(getattr(value, f.name) for f in attrs.fields(type(value)))  # type: ignore[arg-type]
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (tuple, list, frozenset, set)):
            stack.extend(value)
    return found


def _calls() -> Iterator[tuple[str, Callable[..., Any]]]:
    for function in FUNCTIONS:
        yield function.__qualname__, function
    instances = _instances()
    for cls in CLASSES:
        for name, value in vars(cls).items():
            if name.startswith("_"):
                continue
            if isinstance(value, (classmethod, staticmethod)):
                yield f"{cls.__qualname__}.{name}", getattr(cls, name)
            elif inspect.isfunction(value) and cls in instances:
                yield f"{cls.__qualname__}.{name}", getattr(instances[cls], name)


def _required(call: Callable[..., Any]) -> tuple[list[str], list[str]]:
    positional, keyword = [], []
    for p in inspect.signature(call).parameters.values():
        if p.default is not p.empty:
            continue
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            positional.append(p.name)
        elif p.kind is p.KEYWORD_ONLY:
            keyword.append(p.name)
    return positional, keyword


CALLS = sorted((c for c in _calls() if any(_required(c[1]))), key=lambda c: c[0])
"""Every public callable that takes a required argument, by name."""


def test_the_sweep_reaches_most_of_the_api() -> None:
    """So the sweep below cannot pass by calling nothing."""
    assert len(FUNCTIONS) > 70
    assert len([c for c in CALLS if "." in c[0]]) > 70
    assert any(name == "GovernanceGraph.apply" for name, _ in CALLS)
    assert any(name == "FundingModel.check" for name, _ in CALLS)


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_a_wrong_type_is_refused_as_svduty_refuses(
    name: str, call: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a function that writes to the path "x" writes here
    positional, keyword = _required(call)
    for wrong in WRONG:
        try:
            call(*[wrong] * len(positional), **dict.fromkeys(keyword, wrong))
        except SvdutyError:
            pass
        except Exception as error:  # pragma: no cover - what this test is here to catch
            pytest.fail(f"{name}({wrong!r:.12}): {type(error).__name__}: {error}")


def test_the_argument_error_names_the_function_argument_and_type_only() -> None:
    graph = svduty.warwickshire().governance
    assert graph is not None
    with pytest.raises(ArgumentError) as info:
        graph.apply(PERSONAL)  # type: ignore[arg-type]
    assert str(info.value).startswith("GovernanceGraph.apply(")
    assert "(got a str)" in str(info.value)
    assert "Jane" not in str(info.value)
    assert isinstance(info.value, TypeError)


def test_a_fault_inside_is_not_blamed_on_a_right_argument() -> None:
    @checked
    def broken(word: str) -> str:
        return word.nothing  # type: ignore[attr-defined,no-any-return]

    with pytest.raises(AttributeError):
        broken("right")
    with pytest.raises(ArgumentError, match=r"broken\(word\): expected str \(got an int\)"):
        broken(5)  # type: ignore[arg-type]


def test_wrong_arity_keeps_pythons_own_message() -> None:
    @checked
    def one(word: str) -> str:
        return word

    with pytest.raises(TypeError, match="positional argument") as info:
        one("a", "b")  # type: ignore[call-arg]
    assert not isinstance(info.value, SvdutyError)
    assert misfit(one.__wrapped__, ("a", "b"), {}) is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "hint", "expected"),
    [
        ((1, "a"), tuple[int, str], True),
        ((1, 2), tuple[int, str], False),
        ((1, 2, 3), tuple[int, ...], True),
        ({"a": 1}, dict[str, int], True),
        ({"a": "b"}, dict[str, int], False),
        (b"x", list[int], False),
        (iter([1]), Iterator[str], True),  # an iterator's items are not consumed
        (len, Callable[[str], int], True),
        (5, Callable[[str], int], False),
        (int, type[int], True),
        (5, type[int], False),
        (True, float, False),
        ("yes", "NotResolved", True),
    ],
)
def test_fits(value: object, hint: Any, expected: bool) -> None:
    assert fits(value, hint) is expected


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda g: g.resolve_location(None), "resolve_location(code): expected str (got None)"),
        (lambda g: g.resolve_lsoas(["E01031180", 5]), "codes: expected a column of text"),
        (lambda g: g.resolve_lsoas(["E01031180"], [3]), "names: expected a column of text"),
        (lambda g: g.district_codes_of(None), "district_codes_of(codes): expected a column"),
    ],
)
def test_a_look_up_of_a_wrong_type_says_so(call: Callable[..., Any], says: str) -> None:
    """resolve_location(None) said 'unknown area: a string of 4 characters', and a number
    among the LSOA names was Arrow's own ArrowTypeError (a developer's review)."""
    with pytest.raises(ArgumentError, match=re.escape(says)):
        call(svduty.warwickshire().geography)
    with pytest.raises(ArgumentError, match=r"Authorities.get\(authority_id\)"):
        svduty.warwickshire().authorities.get(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"date\(value\)"):
        svduty.date(None)  # type: ignore[arg-type]


def test_an_inherited_method_is_named_by_the_class_called():
    """A developer's review: a wrong type given to ``Geography.resolve_location`` was
    reported as ``Resolving.resolve_location(code)``, a base class no user sees."""
    import svduty
    from svduty.errors import ArgumentError

    with pytest.raises(ArgumentError, match=r"^Geography\.resolve_location\(code\): "):
        svduty.warwickshire().geography.resolve_location(5)  # type: ignore[arg-type]


_LONG = "a" * 300  # one name longer than any file system's 255 bytes
_DEEP = "/tmp/" + "/".join(["b" * 200] * 25)  # 5,029 bytes, no name over 255


@pytest.mark.parametrize(
    ("call", "where", "got"),
    [
        (lambda: svduty.load_partnership(f"/tmp/{_LONG}"), "load_partnership(path)", "a name"),
        (lambda: svduty.validate_bundle(f"/tmp/{_LONG}"), "validate_bundle(path)", "a name"),
        (lambda: svduty.report(f"/tmp/{_LONG}.csv"), "report(inputs)", "a name"),
        (
            lambda: svduty.io.read_incident_table(f"{_LONG}.csv"),
            "read_incident_table(path)",
            "a name",
        ),
        (lambda: svduty.io.read_toml("a\x00b.toml"), "read_toml(path)", "a path with a NUL"),
        (
            lambda: list(svduty.io.read_incidents_jsonl("a\x00b")),
            "read_incidents_jsonl(path)",
            "a path with a NUL",
        ),
        (lambda: svduty.new_bundle(f"/tmp/{_LONG}/x", ["E07000218"]), "new_bundle(path)", "a name"),
        # final41: each name short, the whole longer than any system takes (a raw OSError)
        (lambda: svduty.load_partnership(_DEEP), "load_partnership(path)", "a path of 5,029"),
        (lambda: svduty.validate_bundle(_DEEP), "validate_bundle(path)", "a path of 5,029"),
        (lambda: svduty.report(f"{_DEEP}.csv"), "report(inputs)", "a path of 5,033"),
        (
            lambda: svduty.io.read_incident_table(f"{_DEEP}.csv"),
            "read_incident_table(path)",
            "a path of 5,033",
        ),
        (
            lambda: list(svduty.io.read_incidents_jsonl(_DEEP)),
            "read_incidents_jsonl(path)",
            "a path of 5,029",
        ),
    ],
)
def test_a_path_no_system_can_open_is_bad_input_not_a_raw_os_error(
    call: Callable[..., Any], where: str, got: str
) -> None:
    """A hostile review (hostile41): a path with a name over 255 bytes raised a raw
    ``OSError`` quoting the path, and one with a NUL character a raw ``ValueError``."""
    with pytest.raises(DataError) as caught:
        call()
    text = str(caught.value)
    assert text.startswith(f"{where}: expected a path a system can open")
    assert f"(got {got}" in text
    assert _LONG not in text
    assert "b" * 200 not in text
    assert "\x00" not in text
