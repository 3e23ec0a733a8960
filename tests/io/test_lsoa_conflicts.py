"""A police.uk row whose LSOA code and LSOA name name different districts is a contradiction.

A hostile review set one row's name to "Birmingham 045E" beside Warwick's code: the row was
located inside Warwick, silently. It is now rejected, with a reason, and counted; a name
of a district abolished since the ONS named the LSOA (Daventry) says nothing.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from svduty.areas._lsoa_conflicts import CONFLICT
from svduty.cli import main
from svduty.io import sample_police_uk


def _month(tmp_path: Path, code: str, name: str) -> tuple[Path, int]:
    """The sample month with the first row of ``code`` given the LSOA name ``name``."""
    with sample_police_uk().open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    at_code, at_name = rows[0].index("LSOA code"), rows[0].index("LSOA name")
    line = next(i for i, r in enumerate(rows) if r[at_code] == code)
    rows[line][at_name] = name
    f = tmp_path / "month.csv"
    with f.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return f, line + 1  # the file's line of that row


@pytest.mark.parametrize(
    ("name", "rejected"),
    [
        ("Birmingham 045E", True),  # another current district
        ("Coventry 001A", True),
        ("Warwick 099Z", False),  # the code's own district (a number it does not have)
        ("Daventry 003E", False),  # abolished in 2021: no current district, nothing said
        ("Somewhere", False),  # not an LSOA name
    ],
)
def test_a_name_of_another_district_rejects_the_row(tmp_path: Path, name: str, rejected: bool):
    month, line = _month(tmp_path, "E01031330", name)  # an LSOA of Warwick
    out, err = io.StringIO(), io.StringIO()
    assert main(["classify", str(month), "--summary", "json"], stdout=out, stderr=err) == 0
    s = json.loads(out.getvalue())
    assert (s["rows_in"], s["rows_out"] + s["rejected"]) == (4586, 4586)
    assert s["rejected"] == int(rejected)
    if rejected:
        field, reason = CONFLICT.split(": ", 1)
        assert s["rejections"] == [
            {"field": field, "file": str(month), "reason": reason, "row": line}
        ]
        assert s["inside_area"] == 4509


def test_the_real_months_have_no_conflict():
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "policeuk"
    for month in sorted(shared.glob("*.csv")):
        out = io.StringIO()
        assert main(["classify", str(month), "--summary", "json"], stdout=out) == 0
        assert json.loads(out.getvalue())["rejected"] == 0


def test_an_lsoa_in_two_districts_by_the_tables_is_not_contradicted(tmp_path: Path):
    """An analyst's review: genuine ONS pairs were rejected (a Gateshead partnership lost them).

    Gateshead 024C and Welwyn Hatfield 014C are 2011 LSOAs whose 2021 pieces lie in two
    districts (the best fit chose the other); West Northamptonshire 048E is a 2021 LSOA the
    2024 table files under Cherwell. A name of the other district is the code's own.
    """
    header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    header += "LSOA name,Crime type,Last outcome category,Context\n"
    rows = [
        ("E01008187", "Gateshead 024C"),
        ("E01023964", "Welwyn Hatfield 014C"),
        ("E01027305", "West Northamptonshire 048E"),
        ("E01008187", "Coventry 001A"),  # not one of its districts: rejected
    ]
    f = tmp_path / "month.csv"
    f.write_text(
        header + "".join(f",2025-06,X,X,,,On or near X,{c},{n},Robbery,,\n" for c, n in rows),
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["classify", str(f), "--summary", "json"], stdout=out) == 0
    s = json.loads(out.getvalue())
    assert (s["rows_in"], s["rejected"]) == (4, 1)
    assert [r["row"] for r in s["rejections"]] == [5]
