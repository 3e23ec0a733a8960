"""The public API is curated, documented with runnable examples, and in the reference."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import svduty

DOCS = Path(__file__).resolve().parents[1] / "docs"


def public_modules() -> list[str]:
    """svduty and every public module or subpackage below it (no leading underscore)."""
    names = ["svduty"]
    for info in pkgutil.walk_packages(svduty.__path__, "svduty."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


def public_objects():
    seen: set[int] = set()
    for mod_name in public_modules():
        module = importlib.import_module(mod_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if id(obj) in seen or not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            seen.add(id(obj))
            yield f"{mod_name}.{name}", obj


def members(cls: type):
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            yield name, value.fget
        elif isinstance(value, classmethod | staticmethod):
            yield name, value.__func__
        elif inspect.isfunction(value):
            yield name, value


def has_example(obj: object) -> bool:
    doc = inspect.getdoc(obj) or ""
    return ">>>" in doc


def test_every_public_module_declares_all():
    missing = [m for m in public_modules() if not hasattr(importlib.import_module(m), "__all__")]
    assert missing == []


def test_all_lists_only_existing_names():
    for mod_name in public_modules():
        module = importlib.import_module(mod_name)
        for name in module.__all__:
            assert hasattr(module, name), f"{mod_name}.__all__ names missing {name}"


def test_every_public_function_and_class_has_a_runnable_example():
    missing = [qual for qual, obj in public_objects() if not has_example(obj)]
    assert missing == [], f"no '>>>' example in: {missing}"


def test_every_public_method_has_a_docstring_with_an_example():
    missing = []
    for qual, obj in public_objects():
        if not inspect.isclass(obj) or issubclass(obj, BaseException):
            continue
        for name, func in members(obj):
            if func is None or getattr(func, "__module__", "").split(".")[0] != "svduty":
                continue
            if not has_example(func):
                missing.append(f"{qual}.{name}")
    assert missing == [], f"no '>>>' example in: {missing}"


def test_every_public_module_is_in_the_reference():
    text = "\n".join(p.read_text() for p in (DOCS / "reference").glob("*.rst"))
    documented = set(re.findall(r"\.\. automodule:: (svduty[\w.]*)", text))
    top_level_defined = {
        obj.__module__
        for name in svduty.__all__
        if hasattr(obj := getattr(svduty, name), "__module__")
    }
    needed = {m for m in top_level_defined if not m.split(".")[-1].startswith("_")}
    # names defined in private modules are documented through their public package
    needed |= {m.rsplit("._", 1)[0] for m in top_level_defined if "._" in m}
    assert needed - documented == set()


@pytest.mark.parametrize("name", sorted(set(svduty.__all__) - {"__version__"}))
def test_top_level_names_resolve(name):
    assert getattr(svduty, name) is not None


AUTO = re.compile(
    r"^\.\. auto(module|function|class|data|exception|attribute)::\s*(\S+)\s*\n"
    r"((?:[ \t]+:.*\n|[ \t]*\n)*)",
    re.M,
)


def rendered_objects() -> set[int]:
    """The ids of the objects the reference pages render (automodule with members too)."""
    text = "\n".join(p.read_text() for p in (DOCS / "reference").glob("*.rst"))
    ids: set[int] = set()
    for kind, path, options in AUTO.findall(text):
        if ":no-index:" in options:
            continue
        if kind == "module":
            module = importlib.import_module(path)
            ids.add(id(module))
            if ":no-members:" in options:
                continue
            for name in getattr(module, "__all__", ()):
                ids.add(id(getattr(module, name)))
            continue
        module_name, _, name = path.rpartition(".")
        ids.add(id(getattr(importlib.import_module(module_name), name)))
    return ids


def test_every_top_level_name_is_rendered_in_the_reference():
    rendered = rendered_objects()
    missing = [
        name
        for name in svduty.__all__
        if name != "__version__" and id(getattr(svduty, name)) not in rendered
    ]
    assert missing == [], f"not rendered in docs/reference: {missing}"


def test_version_is_read_on_first_use_and_unknown_names_raise():
    assert isinstance(svduty.__version__, str)
    assert svduty.__version__
    with pytest.raises(AttributeError, match="no_such_name"):
        svduty.no_such_name  # noqa: B018
