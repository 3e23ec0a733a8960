"""A test run leaves no temporary folder behind (ci56).

Before ci56 every run left folders in ``/tmp``: one ``svduty-test-cache-*`` per xdist worker
(``tests/conftest.py``'s ``mkdtemp`` at import), the starting bundles of ``tests/bundles.py``,
``svduty-area49-*`` and the doctests' ``mkdtemp``. Now each process of a run makes its
temporary folders in one of its own, removed when its session ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import bundles

ROOT = Path(__file__).resolve().parents[1]


def test_a_temporary_folder_is_made_in_the_runs_own() -> None:
    folder = Path(tempfile.mkdtemp())
    assert folder.parent.name.startswith("svduty-test-run-"), folder
    assert os.environ["TMPDIR"] == str(folder.parent)  # what a command run by a test inherits


def test_a_starting_bundle_is_made_in_the_runs_own() -> None:
    made = bundles._made("E07000220")
    assert made.parents[1] == Path(tempfile.gettempdir()), made


def test_a_run_on_two_workers_leaves_nothing_in_its_temporary_folder(tmp_path: Path) -> None:
    """Fails before ci56: the workers' cache folders, the bundle and the doctest's folder stay.

    The run's temporary folder is this test's own, so no other run can put anything in it.
    """
    folder = tmp_path / "tmp"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_CORE"))}
    env |= {"TMPDIR": str(folder), "PYTEST_DEBUG_TEMPROOT": str(tmp_path)}
    here = Path(__file__).relative_to(ROOT)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--no-cov",
            "-n",
            "2",
            f"{here}::test_a_temporary_folder_is_made_in_the_runs_own",
            f"{here}::test_a_starting_bundle_is_made_in_the_runs_own",
            "src/svduty/io/_replace.py",
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout, run.stdout
    assert sorted(p.name for p in folder.iterdir()) == []
