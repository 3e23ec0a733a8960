"""speed52a: the ``svduty`` command ends without taking the interpreter apart.

After the command has returned (its outputs written whole, its summary said), Python
freed every module and object one by one before the process ended: 10-20 ms of a 0.3 s
``svduty classify`` that no one waits for. The script's entry point
(``svduty.__main__._command``) now runs the exit handlers, flushes the standard streams and
ends the process with the command's code; a thread still running is waited for as ever,
and a stream that cannot be flushed is left to Python's usual exit. Never timed: what is
checked is what runs (an exit handler: yes; a finaliser at teardown: no) and what is kept
(every byte of the output, the code).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import svduty

_SCRIPT = """
import atexit, sys, threading, time
import svduty.__main__ as entry

class Teardown:
    def __del__(self):
        sys.stdout.write("taken apart\\n")
        sys.stdout.flush()

KEPT = Teardown()  # freed only when the interpreter takes its modules apart
atexit.register(lambda: print("exit handler ran"))
if "thread" in sys.argv[1:]:
    def late():
        time.sleep(0.3)
        print("thread done")
    threading.Thread(target=late).start()
sys.argv = ["svduty", "--version"]
sys.exit(getattr(entry, sys.argv_entry) ())
"""


def _run(entry: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = _SCRIPT.replace("sys.argv_entry", repr(entry))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False
    )


def test_the_command_runs_exit_handlers_and_skips_the_teardown() -> None:
    done = _run("_command")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"svduty {svduty.__version__}"
    assert "exit handler ran" in lines
    assert "taken apart" not in lines
    usual = _run("_start")  # (the same process ending as Python ends it: the check can fail)
    assert usual.returncode == 0, usual.stderr
    assert "taken apart" in usual.stdout.splitlines()


def test_a_thread_still_running_is_waited_for() -> None:
    done = _run("_command", "thread")
    assert done.returncode == 0, done.stderr
    assert "thread done" in done.stdout.splitlines()


def test_the_output_and_the_code_are_kept(tmp_path: Path) -> None:
    env = {**os.environ, "SVDUTY_CACHE_DIR": str(tmp_path / "cache")}
    sample = svduty.sample_path("policeuk-month")
    command = [sys.executable, "-m", "svduty", "classify", str(sample), "--summary", "json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows_in"] > 0  # every byte of the summary, then the end
    missing = [sys.executable, "-m", "svduty", "classify", str(tmp_path / "none.csv")]
    refused = subprocess.run(missing, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode == 1
    assert "file not found" in refused.stderr
