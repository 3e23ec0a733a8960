"""The in-scope bounds that ``classify`` and ``report`` print say what they count (users48).

``in scope inside the area: certain 42, possible 4,510, no 0`` beside ``located inside the
area: 4,510`` read as 42 + 4,510 rows out of 4,510: nothing on the command line said that
the possible rows include the certain ones (the report's page and the tutorial did). The
lines are now followed by what each number counts.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from svduty.cli import main
from svduty.io import sample_police_uk

LEGEND = (
    "  (certain: answered yes; possible: answered yes or undetermined, the certain rows "
    "among them; no: answered no)"
)


def test_classify_says_what_certain_and_possible_count() -> None:
    out = io.StringIO()
    assert main(["classify", str(sample_police_uk())], stdout=out, stderr=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    last = max(i for i, s in enumerate(lines) if s.startswith("in scope "))
    assert lines[last + 1] == LEGEND
    assert lines.count(LEGEND) == 1


def test_the_json_summary_is_unchanged() -> None:
    out = io.StringIO()
    args = ["classify", str(sample_police_uk()), "--summary", "json"]
    assert main(args, stdout=out, stderr=io.StringIO()) == 0
    assert "(certain:" not in out.getvalue()
    json.loads(out.getvalue())


def test_report_says_what_certain_and_possible_count(tmp_path: Path) -> None:
    out = io.StringIO()
    page = tmp_path / "r.html"
    args = ["report", str(sample_police_uk()), "-o", str(page)]
    assert main(args, stdout=out, stderr=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    at = next(i for i, s in enumerate(lines) if s.startswith("in scope inside the area:"))
    assert lines[at + 1] == LEGEND
