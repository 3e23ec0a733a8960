"""users55: ``svduty report`` of a month before the Duty gave two notes for it: the Duty's
(outside its time, "whatever the partnership's period") and the partnership's period's. The
month is now named once, in the Duty's note; a month after the period keeps its own note."""

from __future__ import annotations

import re

import svduty
from svduty.io import sample_police_uk


def _month(folder, month: str):
    folder.mkdir(exist_ok=True)
    path = folder / f"{month}-warwickshire-street.csv"
    text = sample_police_uk().read_text(encoding="utf-8")
    path.write_text(re.sub(r",\d{4}-\d{2},", f",{month},", text), encoding="utf-8")
    return path


def _notes_naming(notes, month):
    """The notes on a month's time: the Duty's and the partnership's period's."""
    return [n for n in notes if month in n and ("Duty" in n or "period" in n)]


def test_a_month_before_the_duty_is_named_in_one_note(tmp_path):
    r = svduty.report(_month(tmp_path, "2019-01"))
    (note,) = _notes_naming(r.notes, "2019-01")
    assert "before the Serious Violence Duty came into force" in note
    assert "located" in note or "locate" in note  # what the period's note said is kept
    assert not any(n.startswith("months outside the period") for n in r.notes)
    page = r.html.split('<section id="summary">')[1].split("</section>")[0]
    assert page.count("2019-01") == 1
    assert "Months outside the period" not in page


def test_a_month_after_the_period_keeps_its_note(tmp_path):
    folder = tmp_path / "months"
    _month(folder, "2019-01")
    _month(folder, "2025-06")
    r = svduty.report(folder)
    (period,) = [n for n in r.notes if n.startswith("months outside the period")]
    assert "2025-06" in period
    assert "2019-01" not in period
    assert len(_notes_naming(r.notes, "2019-01")) == 1
