"""``svduty explain --help`` names every form ``--compare-definition`` takes (users49: a
bundle folder was taken, and the how-to said so, but the option's help did not)."""

from __future__ import annotations

import re

import svduty

from ..cli_run import run


def _help_of(option: str) -> str:
    _, out, _ = run("explain", "--help")
    block = re.search(rf"^  {option} ID\|PATH\n(.*?)(?=^  -)", out, re.MULTILINE | re.DOTALL)
    assert block is not None
    return " ".join(block.group(1).split())


def test_the_compare_option_help_names_a_bundle_folder_and_it_is_taken():
    assert "a bundle folder" in _help_of("--compare-definition")
    bundle = svduty.sample_path("examplshire-bundle")
    incidents = svduty.sample_path("incidents")
    code, out, _ = run("explain", incidents, "--compare-definition", bundle)
    assert code == 0
    assert "warwickshire against examplshire: 10 incidents" in out
