"""Ctrl-C while ``svduty`` starts (importing a command's modules, parsing its options) exits
130 with one line, as it does once the command runs (review finding 7); never a traceback.

The interrupt is raised deterministically from a patched import or parse step.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import io
import sys
from typing import Any

import pytest

import svduty.__main__ as entry
from svduty import cli
from svduty.cli import main


class _Interrupting(importlib.abc.MetaPathFinder):
    """An import finder that raises KeyboardInterrupt for one module, as Ctrl-C would."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == self.name:
            raise KeyboardInterrupt


def _interrupt_import(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.delitem(sys.modules, name, raising=False)
    package, _, attribute = name.rpartition(".")  # 'from package import attribute' reads it
    monkeypatch.delattr(importlib.import_module(package), attribute, raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Interrupting(name), *sys.meta_path])


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", ["classify", "init", "report", "validate"])
def test_ctrl_c_while_importing_a_command(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    _interrupt_import(monkeypatch, f"svduty._commands.{command}")
    assert _run([command, "x"]) == (
        130,
        "",
        f"svduty {command}: interrupted; no output written\n",
    )


def test_ctrl_c_while_importing_the_commands_own_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupt_import(monkeypatch, "svduty._commands._cache")  # imported after parsing
    assert _run(["info"])[::2] == (130, "svduty info: interrupted; no output written\n")


def test_ctrl_c_while_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse_known_args(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(argparse.ArgumentParser, "parse_known_args", parse_known_args)
    assert _run(["--verbose", "classify", "a.csv"])[::2] == (
        130,
        "svduty classify: interrupted; no output written\n",
    )
    assert _run(["no-such-command"])[::2] == (130, "svduty: interrupted; no output written\n")


def test_ctrl_c_as_the_svduty_command_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """``main()`` with no arguments (the installed command) also undoes its start-up."""
    monkeypatch.setattr(sys, "argv", ["svduty", "info"])
    monkeypatch.setattr(cli, "build_parser", _raise_interrupt)
    err = io.StringIO()
    before = list(sys.meta_path)
    monkeypatch.delitem(sys.modules, "pandas", raising=False)  # so the blocker is installed
    assert main(stdout=io.StringIO(), stderr=err) == 130
    assert err.getvalue() == "svduty info: interrupted; no output written\n"
    assert sys.meta_path == before  # the pandas blocker removed


def _raise_interrupt(*args: Any, **kwargs: Any) -> Any:
    raise KeyboardInterrupt


def test_python_m_svduty_while_importing_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _interrupt_import(monkeypatch, "svduty.cli")
    assert entry._start() == 130
    assert capsys.readouterr().err == "svduty: interrupted; no output written\n"


def test_python_m_svduty_runs_main(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "main", lambda: 7)
    assert entry._start() == 7


def test_the_installed_command_starts_where_python_m_svduty_does() -> None:
    """The ``svduty`` script imports the command line inside :func:`svduty.__main__._start`
    (through ``_command``, which ends the process after it: speed52a), so Ctrl-C while it
    is imported exits 130 with one line there too, never a traceback."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="svduty")
    assert script.value == "svduty.__main__:_command"
    assert script.load() is entry._command
