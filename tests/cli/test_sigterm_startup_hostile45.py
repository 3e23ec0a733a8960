"""SIGTERM or SIGHUP while ``svduty`` starts: one line and 143 (129), as Ctrl-C gives 130.

The command's handlers were installed once its options were parsed; before that (importing
pyarrow and the command: 0.3 s on a quiet machine, over a second at load 7) SIGTERM ended
the process by the signal's default action, with no word (hostile45: 4 of 18 runs of
``classify`` signalled in the first 1.1 s). The signal is sent by the process itself, from
an import finder, at a fixed point of the start-up: no sleep, no race.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).parents[2] / "src")

_PROGRAM = """
import importlib.abc, os, signal, sys
class Signalling(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            signal.raise_signal(signal.{signal})
        return None
sys.meta_path.insert(0, Signalling())
sys.argv = ["svduty", "info"]
import svduty.__main__ as entry
sys.exit(entry._start())
"""


@pytest.mark.parametrize(
    ("module", "signame", "status", "said"),
    [
        ("svduty.cli", "SIGTERM", 143, "svduty: terminated; no output written"),
        ("svduty.cli", "SIGHUP", 129, "svduty: hung up; no output written"),
        ("svduty._commands.info", "SIGTERM", 143, "svduty info: terminated; no output written"),
    ],
)
def test_a_signal_while_starting_ends_with_one_line(
    module: str, signame: str, status: int, said: str
) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "SVDUTY_CACHE_DIR": ""}
    program = _PROGRAM.format(module=module, signal=signame)
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr.decode().splitlines()) == (status, [said])
    assert done.stdout == b""


def test_an_ignored_sigterm_stays_ignored_while_starting() -> None:
    """``nohup``'s ignored SIGHUP (or a supervisor's SIGTERM) is not taken over."""
    env = {**os.environ, "PYTHONPATH": SRC, "SVDUTY_CACHE_DIR": ""}
    program = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)\n" + _PROGRAM.format(
        module="svduty.cli", signal="SIGHUP"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, env=env, check=False, timeout=120
    )
    assert done.returncode == 0
    assert b"hung up" not in done.stderr
    assert signal.SIGHUP  # (the signal exists on this system)
