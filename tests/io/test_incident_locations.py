"""An incident is located by its ``location`` as the classifier reads it.

Blank text is no location (``Incident`` reads it so, and so does the CSV reader), and a
code is read in capitals without the spaces around it. Before, the area look-up used the
text as written: a JSON Lines file with ``"location": ""`` counted those incidents as
``outside`` the area (``match`` ``unresolved``), where the same incidents as CSV were
``no_location``, and ``"e01031180"`` was outside while the rules placed it in Rugby.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import default_pipeline, iter_incidents, run_pipeline
from svduty.io._incidents import INCIDENT_SCHEMA

PIPE = default_pipeline()
AREAS = ("district_code", "district_name", "csp_code", "match", "within_area")


def located(locations: list[str | None]) -> list[dict[str, object]]:
    """The area columns ``svduty classify`` gives incidents at these locations."""
    from svduty.io._incidents import _SCHEMA

    n = len(locations)
    base = {f.name: pa.nulls(n, f.type) for f in _SCHEMA}
    base["file"] = pa.array(["i.jsonl"] * n)
    base["row"] = pa.array(range(1, n + 1), pa.int64())
    base["location"] = pa.array(locations, pa.string())
    out = PIPE(pa.table(base, schema=_SCHEMA))
    return [{k: row[k] for k in AREAS} for row in out.to_pylist()]


def test_a_blank_location_is_no_location() -> None:
    rows = located(["", "  ", "\t", None, "E01031180"])
    assert [r["within_area"] for r in rows] == ["no_location"] * 4 + ["inside"]
    assert [r["match"] for r in rows] == [None] * 4 + ["table"]


def test_a_code_is_looked_up_as_the_classifier_reads_it() -> None:
    rows = located(["e01031180", " E01031180 ", "E01031180", "e07000222", "E07000222"])
    assert rows[0] == rows[1] == rows[2]
    assert rows[0]["district_name"] == "Rugby"
    assert rows[3] == rows[4]
    assert rows[3]["within_area"] == "inside"


SPELLINGS = st.sampled_from(["", " ", "\t", "E01031180", "e01031180", " E01009528", "E07000222"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), SPELLINGS), min_size=1, max_size=8))
def test_each_spelling_is_located_as_its_canonical_code(spelt: list[str | None]) -> None:
    canonical = [None if s is None or not s.strip() else s.strip().upper() for s in spelt]
    assert located(spelt) == located(canonical)


def test_the_same_incidents_as_json_lines_and_csv_give_the_same_summary(tmp_path: Path) -> None:
    """As the benchmark converts them: JSON Lines with empty locations, written as CSV."""
    lines = tmp_path / "i.jsonl"
    records = [
        {"id": "a", "police_uk_category": "Burglary", "location": "E01031180"},
        {"id": "b", "police_uk_category": "Burglary", "location": ""},
        {"id": "c", "police_uk_category": "Drugs", "location": "E01009528"},
        {"id": "d", "police_uk_category": "Drugs", "location": " e01031180"},
        {"id": "e", "police_uk_category": "Drugs"},
    ]
    lines.write_text("".join(json.dumps(r) + "\n" for r in records))
    schema = pa.schema([INCIDENT_SCHEMA.field(n) for n in ("id", "police_uk_category", "location")])
    table = pajson.read_json(lines, parse_options=pajson.ParseOptions(explicit_schema=schema))
    csv = tmp_path / "i.csv"
    pacsv.write_csv(table, csv)
    got = {}
    for f in (lines, csv):
        s = run_pipeline(iter_incidents([f]), PIPE)
        got[f.suffix] = (s.inside_area, s.outside_area, s.unlocated, s.by_district)
    assert got[".jsonl"] == got[".csv"]
    assert got[".jsonl"][:3] == (2, 1, 2)


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_location_is_not_counted_outside(tmp_path: Path, blank: str) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text(json.dumps({"id": "a", "location": blank}) + "\n")
    s = run_pipeline(iter_incidents([f]), PIPE)
    assert (s.outside_area, s.unlocated) == (0, 1)
