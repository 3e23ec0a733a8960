"""``svduty explain`` of incidents kept in CSV or Parquet, and ``--row`` / ``--id`` (analyst44).

It refused them ("classify reads incident tables"): an analyst whose incidents are a CSV
export could not see why one row was answered so. Each row is now explained as the same
incident in JSON Lines is, numbered as ``svduty classify`` numbers it; bad rows are
reported with file, row and field, never the value.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..cli_run import run

ROWS = [
    {"id": "A-1", "offence_code": "8N", "victim_age": 30, "behaviours": "physical"},
    {"id": "A-2", "offence_code": "46", "victim_age": None, "behaviours": None},
    {"id": "A-3", "offence_code": "Jane Citizen", "victim_age": None, "behaviours": None},
]
MAP = ["--map", "Ref=id", "--map", "Code=offence_code", "--map", "Age=victim_age"]
MAP += ["--map", "Acts=behaviours", "--definition", "pcsc-s13"]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "incidents.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ref", "Code", "Age", "Acts"])
        for r in ROWS:
            w.writerow([r["id"], r["offence_code"], r["victim_age"] or "", r["behaviours"] or ""])
    return path


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "incidents.jsonl"
    lines = []
    for r in ROWS[:2]:
        data = {k: v for k, v in r.items() if v is not None}
        if "behaviours" in data:
            data["behaviours"] = [data["behaviours"]]
        lines.append(json.dumps(data) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_csv_row_is_explained_as_the_same_incident_in_json_lines(tmp_path: Path) -> None:
    code, out, err = run("explain", _csv(tmp_path), *MAP, "--format", "json")
    assert code == 1  # row 4 is refused, and said
    got = [json.loads(line) for line in out.splitlines()]
    assert [g["row"] for g in got] == [2, 3]  # the CSV lines (the header is line 1)
    code, out2, _ = run("explain", _jsonl(tmp_path), "--definition", "pcsc-s13", "--format", "json")
    assert code == 0
    want = [json.loads(line) for line in out2.splitlines()]
    for g, w in zip(got, want, strict=True):
        assert {k: v for k, v in g.items() if k != "row"} == {
            k: v for k, v in w.items() if k != "row"
        }
    assert "incidents.csv: row 4: offence_code: expected a Home Office offence code" in err
    assert "Jane" not in err


def test_a_parquet_row_is_chosen_by_row_or_id(tmp_path: Path) -> None:
    path = tmp_path / "incidents.parquet"
    pq.write_table(
        pa.table(
            {
                "id": ["P-1", "P-2"],
                "offence_code": ["8N", None],
                "behaviours": [["physical"], []],
                "victim_age": pa.array([30, None], pa.int32()),
            }
        ),
        path,
    )
    code, out, err = run("explain", path, "--row", "2", "--format", "json")
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    assert (json.loads(line)["id"], json.loads(line)["row"]) == ("P-2", 2)
    code, out, _ = run("explain", path, "--id", "P-1")
    assert code == 0
    assert "Incident P-1" in out
    assert "Incident P-2" not in out


def test_a_bad_cell_names_file_row_and_field_never_the_value(tmp_path: Path) -> None:
    path = tmp_path / "ages.csv"
    path.write_text("id,victim_age\nB-1,Jane Citizen\nB-2,40\n", encoding="utf-8")
    code, out, err = run("explain", path, "--format", "json")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["B-2"]
    assert "ages.csv: row 2: victim_age" in err
    assert "Jane" not in err


def test_a_row_or_id_that_holds_no_incident_is_said(tmp_path: Path) -> None:
    path = _csv(tmp_path)
    code, _, err = run("explain", path, *MAP, "--row", "9")
    assert code == 1
    assert "incidents.csv: --row: expected the row of an incident (row 9 holds none" in err
    code, _, err = run("explain", path, *MAP, "--id", "Jane Citizen")
    assert code == 1
    assert "--id: expected the id of an incident (no row has it)" in err
    assert "Jane" not in err


def test_json_lines_rows_are_chosen_too(tmp_path: Path) -> None:
    code, out, _ = run("explain", _jsonl(tmp_path), "--row", "2", "--format", "json")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["A-2"]


def test_map_beside_json_lines_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("explain", _jsonl(tmp_path), "--map", "a=id")
    assert code == 2
    assert "--map: only incident files in CSV or Parquet" in err
