"""``validate``'s usage names its bundle ``NAME|PATH``, as every command does (users52b).

users52: ``svduty validate --help`` showed ``[--partnership PATH] [PATH]`` though it checks
a packaged bundle by name too (``svduty validate warwickshire``), and every other command
shows ``--partnership NAME|PATH``.
"""

from __future__ import annotations

import argparse

from svduty.cli import build_parser

from ..cli_run import run


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_option_naming_a_bundle_shows_name_or_path() -> None:
    shown = {
        (command, action.metavar)
        for command, parser in _commands().items()
        for action in parser._actions
        if "--partnership" in action.option_strings or action.dest == "path"
    }
    assert ("validate", "NAME|PATH") in shown
    assert {metavar for _, metavar in shown} == {"NAME|PATH"}, sorted(shown)


def test_validate_usage_and_its_errors_say_name_or_path() -> None:
    code, out, _ = run("validate", "--help")
    assert code == 0
    usage = " ".join(out.split("\n\n")[0].split())
    assert "[--partnership NAME|PATH]" in usage
    assert usage.endswith("[NAME|PATH]")
    code, _, err = run("validate", "examplshire", "--partnership", "examplshire")
    assert code == 2
    assert "give NAME|PATH or --partnership NAME|PATH: not both" in err
    code, _, err = run("validate", "-")
    assert (code, err.split(": ")[2:4]) == (1, ["-", "NAME|PATH"])


def test_a_packaged_name_is_validated() -> None:
    code, out, _ = run("validate", "examplshire")
    assert code == 0
    assert out.splitlines()[-1] == "examplshire: ok"
