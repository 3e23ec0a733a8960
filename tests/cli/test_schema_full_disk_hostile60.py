"""``svduty schema`` whose standard output cannot be written: exit 1, as its help says (hostile60).

Its help said ``1 never (it reads no file)``; a full disk (or ``> /dev/full``) exits 1 with
"standard output: cannot write", as every command's does.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from svduty._commands.schema import DOCUMENTS
from svduty.cli import main
from tests.cli_run import in_subprocess, run


class _Full(io.StringIO):
    """A standard output on a full disk: every write fails with ENOSPC."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("argv", [["schema"], ["schema", "incident"], ["schema", "summary"]])
def test_a_full_standard_output_is_exit_1_told_on_standard_error(argv: list[str]) -> None:
    err = io.StringIO()
    assert main(argv, stdout=_Full(), stderr=err) == 1
    assert "standard output: cannot write" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_the_help_says_what_exit_1_is() -> None:
    code, out, _ = run("schema", "--help")
    assert code == 0
    status = " ".join(out.split("exit status:", 1)[1].split())
    assert "1 never" not in status
    assert "1 it could not be written" in status


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_dev_full_in_a_process_of_its_own(tmp_path: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        done = in_subprocess("schema", next(iter(DOCUMENTS)), cwd=tmp_path, stdout=full)
    assert done.returncode == 1
    assert b"No space left on device" in done.stderr
