"""An empty input file: refused when named, skipped in a folder, zero incidents as JSON Lines.

A file that must have a header (a police.uk CSV, an incident CSV; a Parquet file has its
schema) and has no bytes is an unusable input when it is named on the command line, as
pandas, polars and DuckDB refuse an empty CSV: exit status 1, nothing written. A folder of
months may hold an empty one: it is listed as skipped. An empty JSON Lines file, or empty
standard input, is zero incidents (valid JSON Lines). ``--strict`` accounts for every file:
a skipped one makes its exit status 1.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from svduty.cli import main

from ..cli_run import run

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)
ROW = (
    "a1,2025-06,Warwickshire Police,Warwickshire Police,-1.58,52.28,On or near X,"
    "E01031012,North Warwickshire 003D,Violence and sexual offences,Under investigation,\n"
)
INCIDENT = '{"id": "a", "offence_code": "8N"}\n'


def empty(tmp_path: Path, name: str) -> Path:
    f = tmp_path / name
    f.write_bytes(b"")
    return f


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_an_empty_csv_named_is_refused_and_nothing_is_written(tmp_path, strict):
    e = empty(tmp_path, "e.csv")
    out_file, rejected = tmp_path / "o.csv", tmp_path / "r.csv"
    code, out, err = run("classify", e, "-o", out_file, "--rejected", rejected, *strict)
    assert (code, out) == (1, "")
    assert err.startswith(f"svduty classify: error: {e}: row 1: header: ")
    assert "expected a header row" in err
    assert "Crime ID,Month" in err  # what the header should hold
    assert "an empty file" in err
    assert not out_file.exists()
    assert not rejected.exists()


def test_an_empty_csv_named_beside_a_good_one_is_refused(tmp_path):
    good = tmp_path / "2025-06-street.csv"
    good.write_text(HEADER + ROW)
    e = empty(tmp_path, "2025-07-street.csv")
    for first, second in ((good, e), (e, good)):
        code, out, err = run("classify", first, second, "-o", tmp_path / "o.csv")
        assert (code, out) == (1, ""), err
        assert f"{e}: row 1: header: expected a header row" in err
        assert str(good) not in err
        assert not (tmp_path / "o.csv").exists()


def test_every_empty_csv_named_is_listed_in_one_error(tmp_path):
    a, b = empty(tmp_path, "a.csv"), empty(tmp_path, "b.csv")
    code, _, err = run("classify", a, b)
    assert code == 1
    assert f"{a}: row 1: header:" in err
    assert f"{b}: row 1: header:" in err


def test_an_empty_incident_csv_is_refused(tmp_path):
    e = empty(tmp_path, "i.csv")
    code, out, err = run("classify", e, "--format", "incidents", "--map", "Ref=id")
    assert (code, out) == (1, "")
    assert f"{e}: row 1: header: expected a header row" in err
    assert "incident fields" in err


def test_an_empty_parquet_file_is_refused(tmp_path):
    e = empty(tmp_path, "i.parquet")
    code, out, err = run("classify", e)
    assert (code, out) == (1, "")
    assert f"svduty classify: error: {e}: expected a Parquet file" in err


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_an_empty_json_lines_file_is_zero_incidents(tmp_path, strict):
    e = empty(tmp_path, "e.jsonl")
    code, out, err = run("classify", e, *strict)
    assert (code, out) == (0, "")  # no classifications on standard output
    assert err.startswith("rows in: 0\nrows out: 0\nrejected: 0\n")
    assert "skipped" not in err  # read, and valid: nothing was skipped
    incidents = tmp_path / "i.jsonl"
    incidents.write_text(INCIDENT)
    code, out, err = run("classify", e, incidents, *strict)  # the format from either file
    assert code == 0, err
    assert "rows in: 1\n" in err
    assert "skipped" not in err


def test_empty_standard_input_is_zero_incidents(monkeypatch):
    for strict in ([], ["--strict"]):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code, out, err = run("classify", "-", *strict)
        assert (code, out) == (0, "")
        assert err.startswith("rows in: 0\n")


def folder_with_an_empty_month(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "months"
    folder.mkdir()
    (folder / "2025-06-street.csv").write_text(HEADER + ROW)
    return folder, empty(folder, "2025-07-street.csv")


def test_an_empty_csv_in_a_folder_is_skipped_and_strict_fails(tmp_path):
    folder, e = folder_with_an_empty_month(tmp_path)
    code, out, err = run("classify", folder, "--summary", "json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["rows_in"] == 1
    assert summary["skipped"] == [f"{e} (an empty file: 0 rows)"]
    out_file = tmp_path / "o.csv"
    code, out, err = run("classify", folder, "--strict", "-o", out_file)
    assert code == 1  # a strict run accounts for every file
    assert f"skipped: {e} (an empty file: 0 rows)" in out
    assert "--strict: 1 file skipped" in err
    assert out_file.exists()  # as with rejected rows: the rows read are written


def test_strict_fails_for_any_skipped_file(tmp_path):
    folder = tmp_path / "months"
    folder.mkdir()
    (folder / "2025-06-street.csv").write_text(HEADER + ROW)
    (folder / "notes.txt").write_text("notes")
    assert run("classify", folder)[0] == 0
    code, out, err = run("classify", folder, "--strict")
    assert code == 1
    assert "(not a .csv file)" in out
    assert "--strict: 1 file skipped" in err
    (folder / "2025-07-street.csv").write_bytes(b"")
    assert "--strict: 2 files skipped" in run("classify", folder, "--strict")[2]
    code, _, err = run("classify", folder / "2025-06-street.csv")
    assert code == 0, err  # nothing skipped, nothing rejected: strict or not
    assert run("classify", folder / "2025-06-street.csv", "--strict")[0] == 0


def test_strict_help_says_skipped_files_fail(capsys):
    assert main(["classify", "--help"]) == 0  # argparse prints help on sys.stdout
    said = " ".join(capsys.readouterr().out.split())
    assert "if any row is rejected or any file is skipped" in said


def test_report_refuses_an_empty_csv_named_and_skips_one_in_a_folder(tmp_path):
    e = empty(tmp_path, "e.csv")
    page = tmp_path / "r.html"
    code, out, err = run("report", e, "-o", page)
    assert (code, out) == (1, "")
    assert err.startswith(f"svduty report: error: {e}: row 1: header: expected a header row")
    assert not page.exists()
    folder, in_folder = folder_with_an_empty_month(tmp_path)
    code, out, err = run("report", folder, "-o", page)
    assert code == 0, err
    assert f"skipped: {in_folder} (an empty file: 0 rows)" in out


def test_report_strict_fails_as_classify_does_and_a_page_of_nothing_is_warned(tmp_path):
    """report had no --strict, and said on standard output alone that it profiled nothing."""
    folder, _ = folder_with_an_empty_month(tmp_path)
    page = tmp_path / "r.html"
    code, _, err = run("report", folder, "-o", page, "--strict")
    assert code == 1
    assert err.splitlines()[-1] == (
        "svduty report: error: --strict: 1 file skipped (listed in the summary)"
    )
    assert page.exists()  # as classify's outputs: written, and the run fails
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ROW.replace("2025-06", "2025-13") * 2)
    code, _, err = run("report", bad, "-o", page)
    assert code == 0
    assert err == "svduty report: warning: every row (2) was rejected\n"
    code, _, err = run("report", bad, "-o", page, "--strict")
    assert code == 1
    assert err.splitlines()[-1].endswith(  # the page counts rejected rows; classify lists them
        "--strict: 2 rows rejected (svduty classify --rejected FILE lists them)"
    )
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROW)
    assert run("report", good, "-o", page, "--strict")[:3:2] == (0, "")


def test_report_of_inputs_holding_no_row_warns_where_errors_go(tmp_path):
    """A page of zeros that says nothing of the area (NO-ROWS) was said on standard
    output alone, where every row rejected is also a warning on standard error
    (hostile42b); the exit status is unchanged (a header-only file is valid)."""
    only = tmp_path / "2025-06-warwickshire-street.csv"
    only.write_text(HEADER)
    page = tmp_path / "r.html"
    code, out, err = run("report", only, "-o", page)
    assert code == 0
    assert err == "svduty report: warning: the inputs hold no row\n"
    assert "says nothing of the area" in out
    assert run("report", only, "-o", page, "--strict")[0] == 0
