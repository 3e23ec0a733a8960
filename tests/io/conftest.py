"""Fixtures of the io tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .bundles import WARWICKSHIRE


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A copy of the packaged Warwickshire bundle, to change (see :mod:`.bundles`)."""
    root = tmp_path / "bundle"
    shutil.copytree(WARWICKSHIRE, root)
    return root
