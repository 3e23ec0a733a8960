"""Every public constant and type alias has a runnable example in the reference (contract54).

The public classes and functions each had a docstring example run by the doctests
(``tests/test_public_api.py``), but the public constants and type aliases (``KINDS``,
``OUTPUT_SCHEMA``, ``GSS_PREFIXES``, ``ResolveDistrict``...: 50 names) had a line of
description and no example, or none at all. Each now has a ``.. doctest::`` block in the
reference, which ``make docs`` runs (``sphinx-build -b doctest``).
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

from tests.test_public_api import public_modules

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference"
BLOCK = re.compile(r"^([ \t]*)\.\. doctest::\n((?:\1[ \t]+.*\n|[ \t]*\n)+)", re.M)


def public_data() -> list[tuple[str, str]]:
    """(module, name) of every public name that is no class or function."""
    out = []
    for module in public_modules():
        mod = importlib.import_module(module)
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name)
            if (
                name == "__version__"
                or inspect.isclass(obj)
                or (callable(obj) and (inspect.isfunction(obj) or hasattr(obj, "__wrapped__")))
            ):
                continue
            out.append((module, name))
    return out


def doctested() -> str:
    """The ``>>>`` lines of every doctest block of the reference pages."""
    lines = []
    for page in sorted(REFERENCE.glob("*.rst")):
        for _, body in BLOCK.findall(page.read_text(encoding="utf-8")):
            lines += [line.strip() for line in body.splitlines() if ">>>" in line]
    return "\n".join(lines)


def test_every_public_constant_and_alias_is_used_in_a_doctest_of_the_reference() -> None:
    run = doctested()
    missing = [
        f"{module}.{name}"
        for module, name in public_data()
        if not re.search(rf"(?<![\w.]){re.escape(name)}\b", run)
    ]
    assert missing == []


def test_the_check_sees_the_names_it_should() -> None:
    names = {name for _, name in public_data()}
    assert {"KINDS", "OUTPUT_SCHEMA", "ResolveDistrict", "DOCUMENT_VERSIONS"} <= names
    assert "classify" not in names
    assert "warwickshire" not in names  # a cached function
    assert "AREA_COLUMNS" in doctested()
