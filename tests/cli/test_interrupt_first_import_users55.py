"""users55 (hostile54's finding): Ctrl-C in the first 0.1-0.3 s of ``svduty`` (while Python
imports the package and :mod:`svduty.__main__`'s own imports) printed a traceback. The
``svduty`` script's process now answers it from the package's first line: one line, exit
130. Only that process: ``import svduty`` in another program leaves Ctrl-C alone.

The signal is sent by the process to itself at a chosen point, deterministically."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from svduty import _starting

_AS_THE_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    sys.argv[0] = "/usr/local/bin/svduty"
    import svduty  # the package's first lines: the guard
    from svduty import _starting
    assert signal.getsignal(signal.SIGINT) is _starting._stop, signal.getsignal(signal.SIGINT)
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while svduty.__main__ would be importing
    import time
    time.sleep(5)
    print("not stopped")
    """
)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_while_the_script_imports_is_one_line_and_130():
    done = _python(_AS_THE_SCRIPT)
    assert done.returncode == 130
    assert done.stderr == _starting.LINE.decode()
    assert done.stdout == ""


def test_another_program_importing_svduty_keeps_its_ctrl_c():
    done = _python(
        "import signal, svduty; "
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True\n"


def test_the_command_gives_ctrl_c_back_once_it_answers_it_itself(monkeypatch):
    import svduty.__main__ as entry
    from svduty import cli

    seen = []
    monkeypatch.setattr(cli, "main", lambda: seen.append(signal.getsignal(signal.SIGINT)) or 0)
    before = signal.getsignal(signal.SIGINT)
    try:
        _starting.guard()
        assert signal.getsignal(signal.SIGINT) is _starting._stop
        assert entry._start() == 0
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == [signal.default_int_handler]


def test_a_process_that_ignores_ctrl_c_keeps_ignoring_it():
    before = signal.getsignal(signal.SIGINT)
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _starting.guard()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        _starting.release()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
