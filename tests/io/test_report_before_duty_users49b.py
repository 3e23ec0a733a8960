"""Months before the Duty came into force (SI 2022/1227 reg 4, 31 January 2023).

users49: ``svduty report`` with a 2019 police.uk month counted its rows "within the
definition" and said only that the month was outside the partnership's period; nothing
said that no authority was under the Duty then. The page, its summary and ``classify``'s
summary now say so, with the citation, whatever the partnership's period.
"""

from __future__ import annotations

import json
import re

import attrs

import svduty
from svduty.io import sample_police_uk
from svduty.periods import Period

from ..cli_run import run


def _month(tmp_path, month: str):
    path = tmp_path / f"{month}.csv"
    text = sample_police_uk().read_text(encoding="utf-8")
    path.write_text(re.sub(r",\d{4}-\d{2},", f",{month},", text), encoding="utf-8")
    return path


def _rows(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) - 1


def test_the_report_says_a_month_before_the_duty_is_outside_its_time(tmp_path):
    path = _month(tmp_path, "2019-01")
    r = svduty.report(path)
    (note,) = [n for n in r.notes if "before the Serious Violence Duty came into force" in n]
    assert "31 January 2023 (SI 2022/1227 reg 4)" in note
    assert note.startswith(f"{_rows(path):,} rows are of months before")
    assert "2019-01" in note
    assert r.summary.warnings["MONTH-BEFORE-DUTY"] == _rows(path)
    summary = re.search(r'<section id="summary">(.*?)</section>', r.html, re.S)
    assert summary is not None
    assert "outside the Duty&#x27;s time" in summary.group(1)
    assert "of months before the Duty came into force" in summary.group(1)  # accounts row


def test_a_period_that_begins_before_the_duty_does_not_hide_it(tmp_path):
    """The partnership's period is its own; the Duty's start is the Act's (reg 4)."""
    p = svduty.warwickshire()
    early = attrs.evolve(p.local_area, valid=Period("2018-01-01", "2025-04-01"))
    p = attrs.evolve(p, local_area=early)
    r = svduty.report(_month(tmp_path, "2019-01"), partnership=p)
    assert not any(n.startswith("months outside the period") for n in r.notes)
    assert any("before the Serious Violence Duty came into force" in n for n in r.notes)


def test_january_2023_holds_a_day_of_the_duty(tmp_path):
    r = svduty.report(_month(tmp_path, "2023-01"))
    assert "MONTH-BEFORE-DUTY" not in r.summary.warnings
    assert not any("before the Serious Violence Duty" in n for n in r.notes)


def test_the_classify_summary_counts_the_rows_before_the_duty(tmp_path):
    path = _month(tmp_path, "2022-12")
    code, out, _ = run("classify", str(path), "--summary", "json")
    assert code == 0
    assert json.loads(out)["warnings"]["MONTH-BEFORE-DUTY"] == _rows(path)
    code, out, _ = run("classify", str(path))
    line = next(x for x in out.splitlines() if "(MONTH-BEFORE-DUTY)" in x)
    assert line.startswith(f"warning: {_rows(path):,} row(s): of a police.uk month before")
    assert "31 January 2023 (SI 2022/1227 reg 4)" in line
    code, out, _ = run("classify", str(_month(tmp_path, "2023-01")), "--summary", "json")
    assert "MONTH-BEFORE-DUTY" not in json.loads(out)["warnings"]
