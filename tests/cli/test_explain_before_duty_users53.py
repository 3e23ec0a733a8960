"""``svduty explain`` of an incident dated before the Duty came into force (users53).

An analyst explaining a row of a 2019 police.uk month (``/work/shared/data``'s January
2019 Warwickshire month) was told its answers and its place with no word that the Duty
(SI 2022/1227 reg 4: 31 January 2023) was not yet in force, where ``svduty classify`` of
the same month warns ``MONTH-BEFORE-DUTY`` for every row. ``explain`` now says so, in a
``time:`` line after the place (a paragraph in HTML); the JSON line is unchanged.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands._explain_place import duty_time
from svduty.cli import main

BEFORE = "before the Serious Violence Duty came into force on 31 January 2023"


def explain(tmp_path, date: str, fmt: str = "text") -> str:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "date": date, "offence_code": "8N"}) + "\n")
    out = io.StringIO()
    assert main(["explain", str(path), "--format", fmt], stdout=out, stderr=io.StringIO()) == 0
    return out.getvalue()


@pytest.mark.parametrize("date", ["2019-01", "2022-12-31", "2023-01-30"])
def test_an_incident_before_the_duty_says_so(tmp_path, date):
    said = explain(tmp_path, date)
    assert f"  time:                {BEFORE}" in said
    assert said.index("  place:") < said.index("  time:") < said.index("  kinds:")
    assert f"<p><b>time</b>: {BEFORE}" in explain(tmp_path, date, "html")


@pytest.mark.parametrize("date", ["2023-01", "2023-01-31", "2025-06-03"])
def test_an_incident_in_the_duty_s_time_says_nothing_of_it(tmp_path, date):
    assert "time:" not in explain(tmp_path, date)
    assert "<b>time</b>" not in explain(tmp_path, date, "html")


def test_the_json_line_is_unchanged(tmp_path):
    assert "before the Serious" not in explain(tmp_path, "2019-01", "json")


@given(st.dates())
def test_a_day_is_before_the_duty_exactly_when_it_is_before_31_january_2023(day):
    import calendar
    import datetime as dt

    assert (duty_time(day.isoformat()) is not None) == (day < dt.date(2023, 1, 31))
    last = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    month = day.isoformat()[:7]  # a month is before it when every day of it is
    assert (duty_time(month) is not None) == (last < dt.date(2023, 1, 31))
