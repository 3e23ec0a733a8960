"""users55 (the brief's finding): ``init --area "York and North Yorkshire Combined
Authority"`` was told "got a string of 43 characters, not shown": a public area's name the
user typed, of a kind svduty knows, is now shown back (escaped); any other value is still
described by its length."""

from __future__ import annotations

import pytest

from ..cli_run import run


@pytest.mark.parametrize(
    "area",
    [
        "York and North Yorkshire Combined Authority",
        "Cambridgeshire and Peterborough Combined Authority",
        "West Yorkshire Combined Authority",
    ],
)
def test_a_combined_authority_typed_is_shown(tmp_path, area):
    code, out, err = run("init", tmp_path / "b", "--area", area)
    assert code == 1
    assert out == ""
    assert f"(got '{area}')" in err
    assert "not shown" not in err


def test_control_characters_are_escaped(tmp_path):
    code, _, err = run("init", tmp_path / "b", "--area", "Nowhere\x1b[31m Combined Authority")
    assert code == 1
    assert "\x1b" not in err
    assert "(got 'Nowhere\\x1b[31m Combined Authority')" in err


@pytest.mark.parametrize("area", ["Jane Smith", "jane.smith@example.com", "Flat 3, 12 High St"])
def test_any_other_value_is_still_screened(tmp_path, area):
    code, _, err = run("init", tmp_path / "b", "--area", area)
    assert code == 1
    assert area not in err
    assert f"(got a string of {len(area)} characters, not shown)" in err
