"""What an error shows of a NAME|PATH typed on the command line: one rule (users53).

Before, three commands said three things. ``classify`` named a missing input file as
typed, escaped (``Jane Smith.csv: file not found``); ``--partnership`` and ``validate``
named a missing folder only when every part of its path had a safe shape
(``./Jane_Smith`` was ``a folder of 12 characters, not shown``, ``jane/smith`` was
named); ``governance --scenario`` named a path with a suffix or two parts, control
characters and all (an escape sequence reached the terminal), but screened ``./x`` as a
scenario's name; ``--definition`` never said that a file it was given was not there.

The rule now (``svduty._commands._typed``, the CLI reference's "What an error shows of
what you typed"): a NAME|PATH value with a ``/``, a leading ``.`` or a ``.toml`` suffix is a path,
named back as typed with its control characters escaped; any other (an e-mail address
too) is a name, shown only in a safe shape, else described.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty
from svduty.cli import main
from svduty.errors import SAFE_SHAPE, printable

MONTH = str(svduty.sample_path("policeuk-month"))


def error(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = main(list(argv), stdout=io.StringIO(), stderr=err)
    return status, err.getvalue()


def test_a_scenario_path_is_named_escaped():
    status, err = error("governance", "--scenario", "a\x1b[31mred/x.toml")
    assert status == 1
    assert "\x1b" not in err
    assert "a\\x1b[31mred/x.toml: file not found" in err


def test_a_scenario_typed_as_a_path_without_a_suffix_is_a_path():
    status, err = error("governance", "--scenario", "./Jane_Smith")
    assert status == 1
    assert "./Jane_Smith: file not found" in err
    assert "no scenario of that name" not in err


def test_a_scenario_with_a_mistyped_file_ending_is_named():
    # review53a: 'whatif.tml' was 'no scenario of that name (a string of 10 characters, not
    # shown)' after users53's rule, 'whatif.tml: file not found' before it
    for value in ("whatif.tml", "whatif.YAML", "whatif.json"):
        status, err = error("governance", "--scenario", value)
        assert status == 1
        assert f"{value}: file not found" in err
        assert "not shown" not in err


def test_a_partnership_path_is_named_whatever_its_parts():
    status, err = error("info", "--partnership", "./Jane Smith/bundle")
    assert status == 1
    assert "./Jane Smith/bundle: --partnership: no such folder" in err  # as typed (users54)
    assert "svduty init './Jane Smith/bundle' --area CODE" in err


def test_a_partnership_name_is_still_screened():
    status, err = error("info", "--partnership", "Jane Smith")
    assert status == 1
    assert "Jane Smith" not in err
    assert "(a folder of 10 characters, not shown)" in err


def test_a_definition_file_not_there_is_named():
    status, err = error("classify", MONTH, "--definition", "./mine/definition.toml")
    assert status == 1
    assert "mine/definition.toml: --definition: no such file or folder; expected" in err


def test_a_definition_name_not_known_is_not_shown():
    status, err = error("classify", MONTH, "--definition", "Jane Smith")
    assert status == 1
    assert "Jane Smith" not in err
    assert "--definition: expected a national definition id" in err


TYPED = st.one_of(
    st.text(alphabet="aJ z_9/.@\x1b\n-é", min_size=1, max_size=14),
    st.text(alphabet="aJ z_9/.@\x1b\n-é", min_size=1, max_size=9).map(lambda v: v + ".toml"),
).filter(lambda v: not v.startswith("-") and v.strip() == v and v not in (".", "..", "/"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=TYPED, option=st.sampled_from(["--partnership", "--scenario", "--definition"]))
def test_every_name_or_path_option_follows_one_rule(value, option, tmp_path_factory):
    here = tmp_path_factory.mktemp("empty")  # nothing of any name is there
    old = Path.cwd()
    os.chdir(here)
    try:
        if option == "--partnership":
            status, err = error("info", f"--partnership={value}")
        elif option == "--scenario":
            status, err = error("governance", f"--scenario={value}")
        else:
            status, err = error("classify", MONTH, f"--definition={value}")
    finally:
        os.chdir(old)
    assert status == 1, err
    assert err.count("\n") == 1  # one line: no line typed can fake another
    assert "\x1b" not in err
    if "/" in value or value.startswith(".") or value.endswith(".toml"):  # a path: named
        assert printable(value) in err or printable(str(Path(value))) in err, err
    elif not SAFE_SHAPE.fullmatch(value):  # a name of no safe shape: not shown
        assert f"{value}:" not in err
        assert f"'{value}'" not in err
        assert f" {value} " not in err
