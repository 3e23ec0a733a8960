"""Every command's ``--help`` ends with examples, and every example parses.

A good command line shows what to type (``--help`` had none); an example that names an
option since renamed would teach the wrong thing, so each is parsed by the real parser.
"""

from __future__ import annotations

import shlex

import pytest

from svduty._commands._examples import EXAMPLES
from svduty.cli import COMMANDS, build_parser

from ..cli_run import run


def test_every_command_has_examples():
    assert set(EXAMPLES) == set(COMMANDS)


@pytest.mark.parametrize(
    ("command", "line"), [(c, line) for c, xs in EXAMPLES.items() for _, line in xs]
)
def test_each_example_is_a_command_line_the_parser_takes(command, line):
    words = shlex.split(line.rsplit("|", 1)[-1])  # what a pipe feeds is not svduty's
    assert words[:2] == ["svduty", command]
    args = build_parser().parse_args(words[1:])  # a usage error would exit
    assert args.command == command


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_help_ends_with_the_examples_as_written(command):
    code, out, _ = run(command, "--help")
    assert code == 0
    tail = out[out.index("examples:") :]
    for what, line in EXAMPLES[command]:
        assert f"\n  # {what}\n  {line}\n" in tail + "\n"  # not re-wrapped


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_help_states_the_exit_status(command):
    """Every command says what its exit status means (five said nothing of it: a script
    testing ``svduty validate``'s or ``svduty governance --validate``'s status had to read
    the reference to learn that 1 is a finding and 2 a wrong command line)."""
    code, out, _ = run(command, "--help")
    assert code == 0
    said = " ".join(out[out.index("exit status: 0 ") : out.index("examples:")].split())
    assert " 1 " in said
    assert " 2 the command line was wrong" in said
    assert "130 interrupted (Ctrl-C)" in said
    assert "143 terminated (SIGTERM)" in said
    # a closed terminal or ssh session ends a command with 129, as the reference said and
    # the help did not (users52)
    assert "129 hung up (SIGHUP" in said
    # every command may write to standard output (report too, with -o -: diff43)
    assert "141 standard output closed before the end" in said


def test_the_top_level_help_states_the_exit_status_and_the_environment():
    """``svduty --help`` said neither what its exit statuses mean nor which environment
    variables it reads (``SVDUTY_PARTNERSHIP``, ``SVDUTY_CACHE_DIR``, ``SVDUTY_DEBUG`` were
    in the reference only)."""
    code, out, _ = run("--help")
    assert code == 0
    said = " ".join(out.split())
    assert "exit status: 0 success; 1 " in said
    assert "2 the command line was wrong" in said
    for variable in ("SVDUTY_PARTNERSHIP", "SVDUTY_CACHE_DIR", "SVDUTY_DEBUG"):
        assert variable in said
    assert out.rstrip().endswith("Run 'svduty COMMAND --help' for a command's options.")
