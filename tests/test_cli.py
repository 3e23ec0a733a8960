from __future__ import annotations

import io
import subprocess
import sys

from svduty.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_version():
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("svduty ")


def test_no_command_is_a_usage_error():
    code, out, err = run()
    assert code == 2
    assert out == ""
    assert "COMMAND is required" in err


def test_unknown_option_is_a_usage_error():
    code, _, _ = run("--no-such-option")
    assert code == 2


def test_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "svduty", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("svduty ")
