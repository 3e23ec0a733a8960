"""pytest's set-up for the whole tree (the tests' own is ``tests/conftest.py``).

A module's doctests run on the module as svduty imports it. With ``--import-mode=importlib``
pytest imports a module it is given by its path: it imports the package first, whose
``__init__`` imports the module, then runs the module's file a second time as a copy of its
own, so a doctest run alone (``pytest src/svduty/governance/_reorganise.py``) met classes of
the copy beside instances of the package's (``isinstance`` false: a scenario changed
nothing). Under ``make test`` the module was imported already and pytest took it from
``sys.modules``; here it is imported by its name before its doctests are collected, so a
module run alone is the module ``make test`` runs.
"""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent / "src"


def pytest_collectstart(collector: pytest.Collector) -> None:
    """Import a module of ``src`` by its name before pytest collects its doctests."""
    path = getattr(collector, "path", None)
    if type(collector).__name__ != "DoctestModule" or path is None or SRC not in path.parents:
        return
    parts = path.relative_to(SRC).with_suffix("").parts
    name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    with contextlib.suppress(Exception):  # a module that fails to import: pytest says so
        importlib.import_module(name)
