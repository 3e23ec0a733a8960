"""A police.uk row whose LSOA code is unknown but whose name resolves is counted (hostile44b).

The name alone places such a row (``match`` ``name``): no contradiction, but the code the
row gave was not used, and nothing is silent: the summary warns ``LSOA-CODE-UNKNOWN`` with
the number of such rows, for any mix of rows (codes known, unknown or absent, names that
resolve or not, rows rejected, ids repeated), and every count still sums to the rows read.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import sample_police_uk

with open(sample_police_uk(), newline="", encoding="utf-8") as f:
    _SAMPLE = list(csv.reader(f))
HEADER, ROWS = _SAMPLE[0], _SAMPLE[1:]
_COLUMNS = ("Crime ID", "Month", "LSOA code", "LSOA name")
_ID, _MONTH, _CODE, _NAME = (HEADER.index(c) for c in _COLUMNS)
CANARY = "Jane Canary 1990-01-02"

# what a row's LSOA code becomes: kept, a code the tables do not hold, the canary, none
_CODES = st.sampled_from(["keep", "E01999999", CANARY, ""])
_NAMES = st.sampled_from(["keep", CANARY, ""])


def _run(path: Path, out: Path) -> tuple[dict[str, Any], str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["classify", str(path), "--summary", "json", "-o", str(out)]
    assert main(argv, stdout=stdout, stderr=stderr) == 0, stderr.getvalue()
    return json.loads(stdout.getvalue()), stdout.getvalue() + stderr.getvalue()


@settings(max_examples=30, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(0, len(ROWS) - 1), _CODES, _NAMES, st.booleans(), st.booleans()),
        max_size=30,
    )
)
def test_rows_placed_by_name_despite_their_code_are_counted(
    rows: list[tuple[int, str, str, bool, bool]],
) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "2025-06-street.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            for k, code, name, bad_month, repeat_id in rows:
                row = list(ROWS[k])
                if code != "keep":
                    row[_CODE] = code
                if name != "keep":
                    row[_NAME] = name
                if bad_month:
                    row[_MONTH] = CANARY
                if repeat_id:
                    row[_ID] = CANARY
                w.writerow(row)
        out = Path(d) / "rows.parquet"
        s, said = _run(path, out)
        written = pq.read_table(out).to_pylist()
    assert CANARY not in said
    assert s["rows_in"] == len(rows) == s["rows_out"] + s["rejected"]
    assert len(written) == s["rows_out"]  # the rejected rows are not written with them
    by_name = sum(1 for r in written if r["match"] == "name" and r["lsoa_code"] is not None)
    assert s["warnings"].get("LSOA-CODE-UNKNOWN", 0) == by_name


def test_an_unknown_code_beside_a_good_name_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "2025-06-street.csv"
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[0][_CODE] = "E01999999"  # not an LSOA; the name is the real one
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    s, _ = _run(path, tmp_path / "rows.csv")
    assert s["rejected"] == 0
    assert s["warnings"]["LSOA-CODE-UNKNOWN"] == 1
    text = io.StringIO()
    assert main(["classify", str(path)], stdout=text, stderr=io.StringIO()) == 0
    assert "(LSOA-CODE-UNKNOWN)" in text.getvalue()


def test_the_report_page_says_so_too(tmp_path: Path) -> None:
    path = tmp_path / "2025-06-street.csv"
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[1][_CODE] = CANARY  # not a code at all; the name is the real one
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    page = tmp_path / "report.html"
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", str(path), "-o", str(page)], stdout=out, stderr=err) == 0
    html = page.read_text(encoding="utf-8")
    assert "1 rows are placed by their LSOA name alone" in html
    assert CANARY not in html + out.getvalue() + err.getvalue()
