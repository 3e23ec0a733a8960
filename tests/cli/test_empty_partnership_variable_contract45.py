"""An empty ``SVDUTY_PARTNERSHIP`` is refused, not taken as unset (contract45).

``SVDUTY_PARTNERSHIP=`` (a script's variable left unfilled) was read as unset: every
command answered for Warwickshire, silently, whatever area was meant. An empty
``--partnership ""`` is refused, and git refuses an empty ``GIT_DIR`` ("not a git
repository: ''"); an empty ``SVDUTY_CACHE_DIR`` has its own documented meaning (no cache).
Now an empty or blank ``SVDUTY_PARTNERSHIP`` is refused by every command that reads it,
naming the variable; unset, the default is Warwickshire's as before.
"""

from __future__ import annotations

import io

import pytest

from svduty.cli import main


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize("command", [["info"], ["validate"], ["governance"]])
def test_an_empty_variable_is_refused_naming_it(monkeypatch, value, command):
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", value)
    out, err = io.StringIO(), io.StringIO()
    assert main(command, stdout=out, stderr=err) == 1
    assert out.getvalue() == ""
    assert "SVDUTY_PARTNERSHIP: set but empty (an unset shell variable?)" in err.getvalue()


def test_an_option_given_wins_and_an_unset_variable_is_the_default(monkeypatch):
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", "")
    out = io.StringIO()
    assert main(["info", "--partnership", "examplshire"], stdout=out) == 0
    monkeypatch.delenv("SVDUTY_PARTNERSHIP")
    out = io.StringIO()
    assert main(["info"], stdout=out) == 0
    assert "(warwickshire)" in out.getvalue().splitlines()[0]


def test_the_help_says_how_each_empty_variable_is_read():
    out = io.StringIO()
    assert main(["--help"], stdout=out) == 0
    text = " ".join(out.getvalue().split())
    assert "empty: refused" in text
    assert "empty: no cache" in text
