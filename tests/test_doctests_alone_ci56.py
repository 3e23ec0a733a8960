"""A module's doctests pass run alone, as under ``make test`` (ci56).

``pytest src/svduty/governance/_reorganise.py`` failed two doctests: pytest's importlib mode
ran the module's file twice (the package's ``__init__`` imports it, then pytest its own copy),
and a scenario's changes, of the package's classes, were not instances of the copy's. The
repository's ``conftest.py`` imports a module by its name before its doctests are collected.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_module_whose_package_imports_it_passes_its_doctests_alone(tmp_path: Path) -> None:
    """Fails before ci56: 2 failed, 9 passed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_CORE"))}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--no-cov",
            "src/svduty/governance/_reorganise.py",
        ],
        check=False,
        cwd=ROOT,
        env=env | {"PYTEST_DEBUG_TEMPROOT": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout, run.stdout
    assert "failed" not in run.stdout, run.stdout
