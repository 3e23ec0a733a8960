"""``--definition`` naming a FIFO or a device says what it is, not "no such file" (hostile54).

``svduty classify FILE --definition def.toml``, where ``def.toml`` is a named pipe or a link
to ``/dev/zero``, said "def.toml: --definition: no such file or folder": the value names a
file that is there, and a user would look for a typo. It is now refused as ``--scenario``
and ``--split`` refuse one: "not a regular file (a device, FIFO or socket); expected a TOML
file", exit status 1, without reading it (a FIFO with no writer would wait for ever).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import svduty
from tests.cli_run import run


@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize("command", ["classify", "explain"])
def test_a_special_file_as_definition_is_named_as_such(
    tmp_path: Path, kind: str, command: str
) -> None:
    given = tmp_path / "Jane Smith.toml"
    if kind == "fifo":
        os.mkfifo(given)
    else:
        given.symlink_to("/dev/zero")
    code, out, err = run(command, svduty.sample_path("incidents"), "--definition", given)
    assert code == 1, err
    assert out == ""
    assert "no such file" not in err
    assert err == (
        f"svduty {command}: error: {given}: not a regular file (a device, FIFO or socket); "
        "expected a TOML file\n"
    )
