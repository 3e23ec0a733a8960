"""A pipe given as an input is told where a stream of incidents is read: both commands' ``-``.

The words for a named pipe or device (``svduty explain <(cat in.jsonl)``, a FIFO) said only
"'svduty classify' reads incidents as JSON Lines on standard input ('-')", to a user of
``svduty explain``, which reads ``-`` too (hostile59): now both are named, and the pipe is
never opened (no command waits on it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("command", ["classify", "explain", "report"])
def test_a_fifo_is_refused_naming_both_commands_that_read_standard_input(
    tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    extra = ["-o", str(tmp_path / "page.html")] if command == "report" else []
    code, out, err = run(command, fifo, *extra)
    assert out == ""
    assert code == 1, err
    assert f"{fifo}: expected a file or a folder, not a pipe or a device" in err
    assert "standard input ('-'): svduty classify - or svduty explain -" in err
    assert not (tmp_path / "page.html").exists()
