"""A district of several CSPs: its rows on one CSP row of null code, its CSPs given no zero row.

Provenance: the rows are the first rows of the packaged police.uk month (Warwickshire
Police, June 2025, data.police.uk, OGL v3.0; ``/work/shared/data/policeuk/``) with their
LSOA codes and names moved onto 2021 LSOAs of Buckinghamshire (E06000060), a unitary the
ONS lookup ``LAD24_CSP24_PFA24_EW_LU`` maps to four CSPs, as realdata57's recount of the
real months did for a whole month. The needs-assessment how-to and the JSON documents'
reference say what is checked here: the four CSPs' counts are unknown, not zero.
"""

from __future__ import annotations

import csv
import io
import json

from svduty.areas import read_table
from svduty.io import sample_police_uk

from ..cli_run import run

BUCKS = "E06000060"


def _bucks_csps() -> set[str]:
    t = read_table("lad24-csp24-pfa24", ("ltla24_code", "csp24_code"))
    pairs = zip(*(t.column(n).to_pylist() for n in t.column_names), strict=True)
    return {c for d, c in pairs if d == BUCKS}


def _month(tmp_path, located: int) -> tuple[str, int]:
    """The sample's first rows with an LSOA, moved to Buckinghamshire; one with none."""
    t = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "lsoa21_name", "ltla24_code"))
    named = zip(*(t.column(x).to_pylist() for x in t.column_names), strict=True)
    lsoas = [(c, n) for c, n, d in named if d == BUCKS]
    with open(sample_police_uk(), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    code, name = header.index("LSOA code"), header.index("LSOA name")
    kept = [r for r in body if r[code]][:located] + [r for r in body if not r[code]][:1]
    for i, r in enumerate(kept[:located]):
        r[code], r[name] = lsoas[i % len(lsoas)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *kept])
    path = tmp_path / "2025-06-bucks-street.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return str(path), len(kept)


def test_a_district_of_several_csps_has_one_csp_row_of_null_code(tmp_path):
    csps = _bucks_csps()
    assert len(csps) > 1  # the ONS table's many-to-many: the case under test
    bundle = tmp_path / "bucks"
    assert run("init", bundle, "--area", BUCKS)[0] == 0
    month, rows = _month(tmp_path, 7)
    code, out, _ = run("classify", month, "--partnership", bundle, "--summary", "json")
    assert code == 0
    s = json.loads(out)
    assert (s["rows_in"], s["inside_area"], s["unlocated"]) == (rows, rows - 1, 1)
    inside = [r for r in s["bounded"]["by"]["csp"] if r["within_area"] == "inside"]
    # one row, no CSP named, every row inside on it
    assert [(r["csp_code"], r["csp_name"], r["rows"]) for r in inside] == [(None, None, rows - 1)]
    assert not csps & {r["csp_code"] for r in s["bounded"]["by"]["csp"]}  # no zero rows
    assert {k: v for k, v in s["by_district_code"].items() if v} == {BUCKS: rows - 1}
