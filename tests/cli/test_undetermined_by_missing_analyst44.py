"""The summary says why rows are undetermined: undetermined rows by the facts missing (analyst44).

Each verdict column's undetermined rows are counted by the facts that would settle them,
as ``svduty explain`` names them row by row; the parts sum to the whole for any mix of
rows (police.uk or incidents, good or rejected), and every count still sums to the rows
read.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from svduty import warwickshire
from svduty.cli import main
from svduty.definitions import Incident, classify
from svduty.errors import ConflictError, DataError
from svduty.io import sample_police_uk

from ..definitions.strategies import incident_json

_RESOLVE = warwickshire().geography.district_code_of
ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")

with open(sample_police_uk(), newline="", encoding="utf-8") as f:
    _SAMPLE = list(csv.reader(f))
HEADER, ROWS = _SAMPLE[0], _SAMPLE[1:]
_BAD_MONTH = 1  # the Month column: 'Jun-25' is refused


def _summary(argv: list[str]) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", *argv, "--summary", "json"], stdout=out, stderr=err) == 0, err
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _whole(s: dict[str, Any]) -> None:
    """Every count sums to the rows read; each answer's parts to its undetermined rows."""
    assert s["rows_in"] == s["rows_out"] + s["rejected"]
    assert s["inside_area"] + s["outside_area"] + s["unlocated"] == s["rows_out"]
    assert sum(s["by_district"].values()) + s["no_district"] + s["unlocated"] == s["rows_out"]
    for answer in ANSWERS:
        counts = s["verdicts"].get(answer, {})
        assert sum(counts.values()) == s["rows_out"], answer
        parts = s["undetermined_by_missing"].get(answer, {})
        assert sum(parts.values()) == counts.get("undetermined", 0), answer


@settings(max_examples=25, deadline=None)
@given(
    picks=st.lists(st.integers(0, len(ROWS) - 1), min_size=0, max_size=40),
    bad=st.sets(st.integers(0, 39), max_size=6),
)
def test_police_uk_parts_sum_to_the_whole(picks: list[int], bad: set[int]) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "2025-06-street.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            for i, k in enumerate(picks):
                row = list(ROWS[k])
                if i in bad:
                    row[_BAD_MONTH] = "Jun-25"
                w.writerow(row)
        s = _summary([str(path)])
    assert s["rows_in"] == len(picks)
    _whole(s)


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(st.one_of(incident_json(), st.just({"victim_age": "old"})), max_size=12))
def test_incident_parts_sum_to_the_whole_and_match_each_row(rows: list[dict[str, Any]]) -> None:
    expected: dict[str, Counter[str]] = {a: Counter() for a in ANSWERS}
    for data in rows:
        try:
            c = classify(Incident.from_json(data), resolve_district=_RESOLVE)
        except (ConflictError, DataError):
            continue  # rejected by the command too
        for a in ANSWERS:
            if getattr(c, a).value == "undetermined":
                expected[a][", ".join(sorted(set(c.missing_for(a))))] += 1
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "incidents.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        s = _summary([str(path), "-o", str(Path(d) / "out.jsonl"), "--definition", "pcsc-s13"])
    _whole(s)
    for a in ANSWERS:
        assert dict(s["undetermined_by_missing"].get(a, {})) == dict(+expected[a]), a


def test_real_month_says_why_rows_are_undetermined() -> None:
    s = _summary([str(sample_police_uk())])
    _whole(s)
    by = s["undetermined_by_missing"]["domestic_abuse"]
    assert all("relationship" in facts for facts in by)  # police.uk never says who
    c = classify(Incident(police_uk_category="Burglary", date="2025-06"))
    assert ", ".join(sorted(set(c.missing_for("domestic_abuse")))) in by


def test_text_summary_lists_the_facts_missing() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", str(sample_police_uk())], stdout=out, stderr=err) == 0
    # the facts every group misses said once, then each group by the rest (contract45)
    assert "domestic_abuse undetermined: every row misses " in out.getvalue()
