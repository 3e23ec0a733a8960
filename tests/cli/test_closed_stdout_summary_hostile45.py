"""A summary bound for a closed standard output: refused before any row is read.

``svduty classify months/ -o rows.csv >&-`` read and classified every row (6 s for
400,000 rows), renamed ``rows.csv`` into place, then failed on the summary with exit
status 1 and "standard output: Bad file descriptor": a failed run that left its output,
without the "wrote" line (hostile45). Standard output closed is known at the start.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from svduty._commands._stdout import Closed
from svduty.cli import main
from svduty.io import sample_police_uk

SAID = (
    "svduty classify: error: standard output: expected standard output open for the summary "
    "(it is closed; > /dev/null drops the summary)"
)


def _month(tmp_path: Path) -> Path:
    month = tmp_path / "m.csv"
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()[:30]
    month.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return month


@pytest.mark.parametrize(
    "extra",
    [("-o", "rows.csv"), ("-o", "rows.parquet", "--rejected", "bad.csv"), ("--summary", "json")],
)
def test_a_summary_for_a_closed_standard_output_is_refused_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    month = _month(tmp_path)
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert main(["classify", str(month), *extra], stdout=Closed(), stderr=err) == 1
    assert err.getvalue().splitlines() == [SAID]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]  # nothing written


@pytest.mark.slow
def test_the_command_with_standard_output_closed_writes_nothing(tmp_path: Path) -> None:
    _month(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", "m.csv", "-o", "rows.csv"],
        stdout=None,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=300,
        preexec_fn=lambda: os.close(1),  # after the child's descriptors are set up
    )
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [SAID]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_a_summary_to_an_open_standard_output_is_written(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", str(_month(tmp_path))], stdout=out, stderr=err) == 0
    assert "rows in: 29" in out.getvalue()
