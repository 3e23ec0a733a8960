"""Each command's ``--help`` says where its summary goes when rows take standard output.

``svduty classify month.csv -o -`` writes the rows on standard output and the summary on
standard error (so a pipe reads rows alone), as ``--rejected -`` and incidents without
``-o`` do, and ``report -o -`` puts the page there and its summary on standard error. The
reference said so; ``--help`` did not say where the summary went then. Each case here runs
the command and reads its help: what it does and what its help says, together.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from svduty.cli import build_parser
from svduty.io import sample_police_uk
from tests.cli_run import in_subprocess as _svduty

pytestmark = pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")


def _help(command: str) -> str:
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    return re.sub(r"\s+", " ", sub.format_help())


def _option_help(command: str, option: str) -> str:
    """The help of one option, on one line (argparse wraps it)."""
    text = _help(command).split(" options: ", 1)[1]
    start = text.index(f" {option} ")
    following = re.search(r" --[a-z-]+ [A-Z{]", text[start + len(option) + 2 :])
    end = start + len(option) + 2 + (following.start() if following else len(text))
    return text[start:end]


@pytest.mark.slow
def test_classify_dash_output_summary_on_standard_error_and_its_help_says_so(
    tmp_path: Path,
) -> None:
    done = _svduty(
        "classify", sample_police_uk(), "-o", "-", "--output-format", "csv", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b'"file","row"')  # the rows alone
    assert b"rows in:" not in done.stdout
    assert b"rows in:" in done.stderr
    said = _option_help("classify", "--summary")
    assert "standard error" in said
    assert "-o -" in said
    assert "--rejected -" in said
    assert "standard error" in _help("classify").split(" positional arguments:")[0]


@pytest.mark.slow
def test_report_dash_output_summary_on_standard_error_and_its_help_says_so(
    tmp_path: Path,
) -> None:
    done = _svduty("report", sample_police_uk(), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!DOCTYPE html>")  # the page alone
    assert done.stdout.rstrip().endswith(b"</html>")
    assert b"rows in:" in done.stderr
    assert "standard error" in _option_help("report", "--output")
