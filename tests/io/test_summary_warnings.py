"""Summary warnings a Python caller gets as the command does: an incident whose location
places it nowhere is counted and warned about, not hidden; every row rejected is warned.

A location the geography does not place (a typing error, a code the ONS tables do not
hold) leaves its row without a location, as a row that gives none; the summary says how
many rows had a location that placed them nowhere (``LOCATION-NOT-PLACED``), so that a
column of typing errors cannot quietly move incidents out of the area's counts (a
researcher's review).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa

from svduty.cli import main
from svduty.io._summary import Tally


def _incidents(tmp_path: Path, locations: list[str | None]) -> Path:
    f = tmp_path / "i.jsonl"
    rows = []
    for i, loc in enumerate(locations):
        row: dict[str, object] = {"id": f"i{i}", "date": "2024-02-10", "offence_code": "8N"}
        if loc is not None:
            row["location"] = loc
        rows.append(json.dumps(row))
    f.write_text("\n".join(rows) + "\n")
    return f


def test_unknown_codes_are_warned_about_and_no_location_is_not(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = _incidents(tmp_path, ["E01999999", "E06999999", None, "  ", "E07000222"])
    assert main(["classify", str(f), "--summary", "json", "-o", str(tmp_path / "o.csv")]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["unlocated"] == 4
    assert summary["warnings"] == {"LOCATION-NOT-PLACED": 2}


def test_the_text_summary_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = _incidents(tmp_path, ["W01999999"])
    assert main(["classify", str(f), "-o", str(tmp_path / "o.csv")]) == 0
    out = capsys.readouterr().out
    assert "warning: 1 row(s): with a location that places them in no district" in out
    assert "LOCATION-NOT-PLACED" in out


def test_the_tally_counts_weighted_rows() -> None:
    t = Tally()
    good = pa.table(
        {
            "location": ["E01999999", None, "E07000222"],
            "match": ["unresolved", None, "district"],
            "within_area": ["no_location", "no_location", "inside"],
        }
    )
    t.count_usable(good, np.array([3, 5, 7]))
    assert t.warnings == {"LOCATION-NOT-PLACED": 3}
    t.count_usable(good.drop_columns(["location"]))
    assert t.warnings == {"LOCATION-NOT-PLACED": 3}
    # police.uk rows: no LSOA (their location the street's description) is no location
    t.count_usable(good.append_column("lsoa_code", pa.array([None, None, "E01031005"])))
    assert t.warnings == {"LOCATION-NOT-PLACED": 3}


def test_a_python_caller_is_warned_when_every_row_was_rejected() -> None:
    """The warning was the command's alone: run_pipeline's summary lacked it (a developer's
    review)."""
    t = Tally()
    t.count_in(2)
    t.count_rejected(
        pa.table(
            {"rejected": ["x", "y"], "file": ["f", "f"], "row": [2, 3], "rejected_field": ["a"] * 2}
        )
    )
    assert t.summary().warnings == {"EVERY-ROW-REJECTED": 2}
    t.count_in(1)
    t.count_usable(pa.table({"violence": ["yes"]}))
    assert t.summary().warnings == {}


def test_the_summary_s_json_is_in_the_order_of_its_keys() -> None:
    t = Tally()
    t.count_in(2)
    t.count_usable(pa.table({"violence": ["yes", "no"], "police_uk_category": ["b", "a"]}))
    data = t.summary().to_json()
    assert list(data["by_category"]) == ["a", "b"]
    assert list(data["verdicts"]["violence"]) == ["no", "yes"]


def test_a_police_uk_name_alone_that_places_nowhere_is_warned(tmp_path):
    """A police.uk row with no LSOA code and a name that places it nowhere was counted as
    "No Location" in silence (an analyst review); a row with neither stays silent."""
    from svduty.io import default_pipeline, read_police_uk, run_pipeline, sample_police_uk

    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    header, row = lines[0], lines[1].split(",")
    at = header.split(",").index("LSOA code")
    rows = []
    for name in ("Nowhere 001A", "", "Warwick 001A"):
        r = list(row)
        r[at], r[at + 1] = "", name
        rows.append(",".join(r))
    f = tmp_path / "m.csv"
    f.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    s = run_pipeline(read_police_uk(f), default_pipeline())
    assert s.rows_in == 3
    assert s.warnings.get("LOCATION-NOT-PLACED") == 1  # Warwick 001A places by its name
    assert s.unlocated == 2
