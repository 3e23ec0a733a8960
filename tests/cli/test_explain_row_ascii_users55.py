"""users55 (hostile54's finding): ``--row ١`` (an Arabic-Indic one) was read as row 1, as
``int()`` reads any script's digits; a row number is ASCII digits, as classify writes it."""

from __future__ import annotations

import argparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands.explain import _row_number

from ..cli_run import run


@pytest.mark.parametrize("typed", ["\u0661", "\u0968", "\uff11", "1\u0660", "\U0001d7cf"])
def test_a_row_in_other_digits_is_a_usage_error(tmp_path, typed):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "offence_code": "3B"}\n', encoding="utf-8")
    code, out, err = run("explain", f, "--row", typed)
    assert code == 2
    assert out == ""
    assert "--row: expected a row number from 1 (in the digits 0-9)" in err
    assert typed not in err


@given(st.text(alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=6))
def test_only_ascii_digits_are_a_row(text):
    if text.isascii() and int(text) >= 1:
        assert _row_number(text) == int(text)
    else:
        with pytest.raises(argparse.ArgumentTypeError):
            _row_number(text)
