"""``svduty explain MONTH --row N`` explains one row of a police.uk month (user45).

An analyst asked to explain one row of the month they had classified was refused ("a
police.uk street-level month, not incidents"): no command said why a row of the month
was answered as it was, only the rule ids of ``classify``'s ``reasons`` column. ``explain``
now reads the month as ``classify`` reads it and gives each row the answers ``classify``
gives it, with the reasons and the facts that would settle them.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pyarrow as pa

import svduty
from svduty.io import default_pipeline, read_police_uk, sample_police_uk

from ..cli_run import run


def test_one_row_of_a_month_is_explained(tmp_path: Path) -> None:
    month = tmp_path / "2025-06-warwickshire-street.csv"
    shutil.copy(sample_police_uk(), month)
    code, out, err = run("explain", str(month), "--row", "2")
    assert (code, err) == (0, "")
    assert "basis: category" in out
    assert "CATEGORY-MIXED" in out
    assert "missing: " in out


def _distinct_lines() -> list[str]:
    """The packaged month's header and rows, a row of each distinct month, crime type, LSOA
    code and name (1,754 of its 4,586, in their order): the columns classify reads of a row
    (and its Crime ID, which no answer reads). Each row of it is explained alone by the
    scalar engine, so a row again is the same computation again (ci59b: 21 s of CI's 18.7
    minutes, most of them those rows')."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    seen: set[tuple[str, ...]] = set()
    kept = lines[:1]
    for line, row in zip(lines[1:], csv.reader(lines[1:]), strict=True):
        key = (row[1], row[7], row[8], row[9])  # Month, LSOA code, LSOA name, Crime type
        if key not in seen:
            seen.add(key)
            kept.append(line)
    return kept


def test_every_row_has_classify_s_answers_and_a_bad_row_its_rejection(tmp_path: Path) -> None:
    lines = _distinct_lines()
    bad = lines[3].split(",")
    bad[7], bad[8] = "E01999999", "Nowhere 001A"  # neither code nor name is known
    month = tmp_path / "2025-06-x.csv"
    month.write_text("\n".join([*lines[:3], ",".join(bad), *lines[4:]]) + "\n", encoding="utf-8")
    code, out, err = run("explain", str(month), "--format", "json")
    assert code == 1
    assert err == (
        f"svduty explain: rejected: {month}: row 4: LSOA code: expected an LSOA code or name "
        "that the geography knows\n"
    )
    explained = {d["row"]: d for d in map(json.loads, out.splitlines())}
    rows = pa.Table.from_batches(
        [default_pipeline(svduty.warwickshire())(b) for b in read_police_uk([month])]
    ).to_pylist()
    good = [r for r in rows if r["rejected"] is None]
    assert len(explained) == len(good) == len(lines) - 2
    for r in good:
        e = explained[r["row"]]
        answers = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide")
        assert [e[a] for a in answers] == [r[a] for a in answers], r["row"]
        assert e["basis"] == r["basis"]
        assert [x["rule"] for x in e["reasons"]] == list(r["reasons"]), r["row"]


def test_a_chosen_row_that_is_rejected_is_not_said_to_be_no_incident(tmp_path: Path) -> None:
    """``--row N`` of a rejected row printed "No incidents: the file has no line that is an
    incident." on standard output, of a file of thousands (the row's reason on standard
    error): the output now says the row chosen was rejected."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    bad = lines[3].split(",")
    bad[9] = "Violent crime"
    month = tmp_path / "2025-06-x.csv"
    month.write_text("\n".join([*lines[:3], ",".join(bad), *lines[4:]]) + "\n", encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a"}\n{"id": "b", "weapon": "spoon"}\n', encoding="utf-8")
    for path, chosen in ((month, ["--row", "4"]), (jsonl, ["--row", "2"]), (jsonl, ["--id", "b"])):
        for form in ("text", "html"):
            code, out, err = run("explain", str(path), *chosen, "--format", form)
            assert code == 1
            assert "rejected: " in err
            assert "No incidents" not in out
            assert "was rejected (standard error says why)" in out
