"""A named pipe, a device or a socket given as the bundle is named as what it is (hostile61).

``svduty validate FIFO`` (or ``/dev/null``) said "not a bundle folder: a file": the path
is there but is no file, and a user would look for a file. ``--partnership FIFO`` (or
``SVDUTY_PARTNERSHIP``) to the other commands said "FIFO: not a bundle folder" alone,
naming neither the option nor what was expected, as a file had before mend49. Each now
says what the path is and what was expected, exit status 1, nothing read from it (a FIFO
with no writer would wait for ever) and nothing on standard output.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

import svduty
from svduty.io._files import what_is
from tests.cli_run import run

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

EXPECTED = "a bundle folder or a packaged bundle's name (warwickshire, examplshire)"


@pytest.fixture(params=["fifo", "device", "socket"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    given = tmp_path / "bundle"
    if request.param == "fifo":
        os.mkfifo(given)
        yield given, "a named pipe (FIFO)"
    elif request.param == "device":
        given.symlink_to(os.devnull)
        yield given, "a device"
    else:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(given))
            yield given, "a socket"


def test_validate_names_what_the_path_is(special: tuple[Path, str]) -> None:
    given, what = special
    for argv in (["validate", given], ["validate", "--partnership", given]):
        code, out, err = run(*argv)
        assert (code, out) == (1, ""), err
        assert err == (
            f"svduty validate: error: {given}: not a bundle folder: {what}; expected a "
            "bundle (to start one: svduty init FOLDER --area CODE)\n"
        )


@pytest.mark.parametrize(
    "argv",
    [
        ["info"],
        ["funding"],
        ["governance"],
        ["classify", svduty.sample_path("incidents")],
        ["explain", svduty.sample_path("incidents")],
    ],
    ids=lambda argv: argv[0],
)
def test_an_option_names_what_the_path_is(
    special: tuple[Path, str], argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    given, what = special
    code, out, err = run(*argv, "--partnership", given)
    assert (code, out) == (1, ""), err
    command = argv[0]
    said = f"not a bundle folder: {what}; expected {EXPECTED}\n"
    assert err == f"svduty {command}: error: {given}: --partnership: {said}"
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(given))
    code, out, err = run(*argv)
    assert (code, out) == (1, ""), err
    assert err == f"svduty {command}: error: {given}: SVDUTY_PARTNERSHIP: {said}"


def test_what_is_a_path_that_is_not_there(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "gone")
    assert what_is(link) == "a path that cannot be read"
    assert what_is(tmp_path) == "a folder"
