"""``svduty explain FILE`` of a file whose every row is rejected says so (hostile45b).

It said "No incidents: the file has no line that is an incident." of a police.uk month or
an incident file of rows that are all rejected (every row's month a name, say), as if the
file were empty: the user45 mend said otherwise of a rejected ``--row`` only. It now counts
the rows rejected (standard error gives each one's reason), never showing a value.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from svduty.cli import main
from svduty.io import sample_police_uk

CANARY = "Jane Canary 1990-01-02"


def _month(tmp_path: Path) -> Path:
    with open(sample_police_uk(), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[:4]
    for r in rows[1:]:
        r[1] = CANARY  # the month: rejected
    path = tmp_path / "month.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def _incidents(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [{"id": CANARY, "victim_age": CANARY}] * 3
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_month, _incidents])
@pytest.mark.parametrize("how", ["text", "html"])
def test_every_row_rejected_is_said_so(tmp_path: Path, make, how: str) -> None:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    code = main(["explain", str(make(tmp_path)), "--format", how], stdout=out, stderr=err)
    assert code == 1
    assert "the file has no line that is an incident" not in out.getvalue()
    assert "every one of the 3 rows read was rejected (standard error says why)" in out.getvalue()
    assert err.getvalue().count("svduty explain: rejected:") == 3
    assert CANARY not in out.getvalue() + err.getvalue()
