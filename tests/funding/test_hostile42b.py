"""What hostile42b found in the session's funding surface: a split's notebook view and
a strategy look-up of no area."""

from __future__ import annotations

import html

import pytest

import svduty
from svduty.errors import ArgumentError, DataError


def test_a_splits_notebook_view_says_a_weight_is_unconfirmed_and_why():
    """The text says "Unconfirmed: ... (Derived by subtraction ...)" of Nuneaton and
    Bedworth's population; the HTML view listed it as "Weights: ..." like a figure read."""
    sp = svduty.warwickshire().funding.split_by_population("2024/25")
    derived = [c for c in sp.citations if c.confidence.value == "unconfirmed"]
    assert derived
    shown = sp._repr_html_()
    for c in derived:
        assert html.escape(f"Weights: {c} (unconfirmed: {c.doubt})") in shown
    confirmed = [c for c in sp.citations if c.confidence.value != "unconfirmed"]
    assert f"{html.escape(f'Weights: {confirmed[0]}')}</small>" in shown


@pytest.mark.parametrize("code", [None, 5, ["E07000219"]])
def test_in_force_of_what_is_no_code_is_refused_not_none(code):
    """``in_force(None, day)`` answered ``()``: "no strategy in force", for a mistake."""
    with pytest.raises(ArgumentError, match=r"^lga_code: expected"):
        svduty.warwickshire().strategies.in_force(code, "2024-01-01")


@pytest.mark.parametrize("code", ["", " ", "E07000219\n"])
def test_in_force_of_text_naming_no_area_is_refused(code):
    with pytest.raises(DataError, match=r"^lga_code: expected a GSS code"):
        svduty.warwickshire().strategies.in_force(code, "2024-01-01")
    assert svduty.warwickshire().strategies.in_force("E07000219", "2024-01-01")
