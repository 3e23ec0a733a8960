"""``svduty init --area`` says the name typed beside the one it nearly spells.

``svduty init d --area Bristol`` answered "unknown area; ... did you mean 'Bristol, City
of' (E06000023, E22000002)? (got a string of 7 characters, not shown)": the name the
user typed was hidden, so a user with two ``--area`` options, or a script, could not
tell which word was meant. A name near an area's is the user's own words on their own
command line, and is said as typed (``no area named 'Bristol'``); text near no area's
name is still described, not shown (users60).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..cli_run import run


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Bristol", "'Bristol, City of' (E06000023"), ("Rugbyy", "'Rugby' (E07000220")],
)
def test_a_near_name_is_said_as_typed_beside_the_guess(tmp_path: Path, typed, meant):
    code, out, err = run("init", tmp_path / "b", "--area", "Warwick", "--area", typed)
    assert (code, out) == (1, "")
    (line,) = err.splitlines()
    assert line.startswith(f"svduty init: error: --area #2: no area named '{typed}'; ")
    assert f"did you mean {meant}" in line
    assert "not shown" not in line
    assert not (tmp_path / "b").exists()


def test_control_characters_are_escaped_and_far_text_still_described(tmp_path: Path):
    code, _, err = run("init", tmp_path / "b", "--area", "Rugbyy\x07")
    assert code == 1
    assert "no area named 'Rugbyy\\x07'" in err
    assert "\x07" not in err
    code, _, err = run("init", tmp_path / "b", "--area", "Jane Smith")
    assert "Jane Smith" not in err
    assert "(got a string of 10 characters, not shown)" in err


def test_a_name_with_a_control_character_writes_a_bundle_that_reads(tmp_path: Path):
    """``Rugby\\x07`` is Rugby to the tables, and went as typed into bundle.toml's comment
    and description: a TOML file that did not read ("invalid character"), exit 1."""
    code, _, err = run("init", tmp_path / "b", "--area", "Rugby\x07")
    assert (code, err) == (0, "")
    assert "\x07" not in (tmp_path / "b" / "bundle.toml").read_text(encoding="utf-8")
    assert run("validate", tmp_path / "b")[0] == 0
