"""The report's months section marks a month before the Duty where its numbers are (mend50).

users49b put a note in the page's summary: rows of months before 31 January 2023 (SI
2022/1227 reg 4) are outside the Duty's time. The months section, where each month's
numbers are charted and tabled, still showed ``2019-01`` beside ``2025-06`` with nothing
to tell them apart. Each such month is now marked there, in the chart and the table, with
a note citing the regulation; a month of the Duty is not marked.
"""

from __future__ import annotations

import re

import svduty
from svduty.io import sample_police_uk

MARK = "2019-01 (before the Duty)"


def _month(tmp_path, month: str):
    path = tmp_path / f"{month}.csv"
    text = sample_police_uk().read_text(encoding="utf-8")
    path.write_text(re.sub(r",\d{4}-\d{2},", f",{month},", text), encoding="utf-8")
    return path


def _months_section(html: str) -> str:
    found = re.search(r'<section id="months">(.*?)</section>', html, re.S)
    assert found is not None
    return found.group(1)


def test_a_month_before_the_duty_is_marked_where_its_numbers_are(tmp_path):
    r = svduty.report([_month(tmp_path, "2019-01"), sample_police_uk()])
    months = _months_section(r.html)
    assert f"<td>{MARK}</td>" in months  # the table's row
    assert months.count(MARK) >= 2  # and the chart's label
    assert "<td>2025-06</td>" in months  # a month of the Duty: not marked
    assert "31 January 2023 (SI 2022/1227 reg 4)" in months


def test_months_of_the_duty_are_not_marked(tmp_path):
    """Guard: January 2023 holds a day of the Duty; June 2025 all of them."""
    r = svduty.report([_month(tmp_path, "2023-01"), sample_police_uk()])
    assert "before the Duty" not in _months_section(r.html)


def test_the_tables_keep_the_month_as_data(tmp_path):
    """Guard: the by-month table (its CSV) keeps ``YYYY-MM``, which a reader parses."""
    r = svduty.report(_month(tmp_path, "2019-01"))
    assert set(r.tables["by_month"].column("month").to_pylist()) == {"2019-01"}
