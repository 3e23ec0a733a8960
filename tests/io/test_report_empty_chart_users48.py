"""A chart with no bars says so instead of drawing an empty axis (users48).

A report for a partnership with no row inside its area (the City of London's bundle given
Warwickshire's months) drew "Rows by month", "Rows by police area" and "Rows by police.uk
category" as bare axes from 0 to 1 with nothing on them, which reads as a drawing that
failed. Such a chart now says that it has no rows to draw.
"""

from __future__ import annotations

from svduty._report._svg import bounded_bars


def test_no_labels_draws_no_axis_and_says_why() -> None:
    svg = bounded_bars("c", "Rows by month", [], [], [])
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert "<line" not in svg  # no empty axis
    assert "no rows to draw" in svg


def test_bars_still_drawn() -> None:
    svg = bounded_bars("c", "Rows by month", ["2025-06"], [1], [3])
    assert "<line" in svg
    assert "1 to 3" in svg
    assert "no rows to draw" not in svg
