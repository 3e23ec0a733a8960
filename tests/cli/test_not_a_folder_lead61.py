"""What is at a path that is not a folder is said, by ``init`` and ``validate_bundle`` too.

``svduty init FILE`` said "expected a folder" alone, and :func:`svduty.io.validate_bundle`
of a file or a named pipe "not a bundle folder" alone (hostile61 left both): a user looks
for a folder that is not there. Both now say what is there (one wording,
``io._files.what_is``, which ``validate`` and ``--partnership`` already used). A funding
amount not shown said "a text of N characters", where every other message says "a string
of N characters, not shown".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import svduty
from tests.cli_run import run


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["file", "fifo"])
def test_init_and_validate_bundle_say_what_is_there(tmp_path: Path, kind: str) -> None:
    given = tmp_path / "bundle"
    if kind == "file":
        given.write_text("")
        what = "a file"
    else:
        os.mkfifo(given)
        what = "a named pipe (FIFO)"
    code, out, err = run("init", given, "--area", "Rugby")
    assert (code, out) == (1, "")
    assert err == f"svduty init: error: {given}: {what} is there; expected a folder\n"
    problems = svduty.io.validate_bundle(given)
    assert [str(p) for p in problems] == [f"{given}: not a bundle folder: {what}"]


def test_an_amount_not_shown_is_described_as_everywhere() -> None:
    with pytest.raises(svduty.errors.MoneyError) as raised:
        svduty.Money.parse("Jane Citizen")
    said = str(raised.value)
    assert said.endswith("; got a string of 12 characters, not shown")
    assert "Jane" not in said
