"""Changing copies of the packaged Warwickshire bundle (the ``bundle`` fixture of conftest)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w

from svduty.io import validate_bundle

WARWICKSHIRE = Path(str(resources.files("svduty").joinpath("data", "warwickshire")))


def mutate(root: Path, file: str, change: Callable[[dict[str, Any]], object]) -> None:
    """Rewrite ``file`` of the bundle at ``root`` with ``change`` applied to its data."""
    data = tomllib.loads((root / file).read_text(encoding="utf-8"))
    change(data)
    (root / file).write_text(tomli_w.dumps(data), encoding="utf-8")


def report(root: Path) -> list[str]:
    """The bundle's problems, as ``svduty validate`` prints them."""
    return [str(p) for p in validate_bundle(root)]
