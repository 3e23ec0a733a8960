"""A blank text field of a JSON Lines incident is unknown, as in a CSV file.

``{"police_uk_category": ""}`` was classified as having no category but counted in the
summary under a category of no name, and written back as ``""`` (hostile review); the
same cell of an incident CSV file reads as null, and ``Incident`` reads it as unknown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

import svduty
from svduty.io import iter_incidents
from svduty.io._incident_fields import INCIDENT_SCHEMA

from ..cli_run import run

TEXT = [f.name for f in INCIDENT_SCHEMA if pa.types.is_string(f.type) and f.name != "id"]


@pytest.mark.parametrize("blank", ["", "  ", "\t", "\u00a0"])
def test_a_blank_text_field_is_unknown_in_every_reader(tmp_path: Path, blank: str) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": blank, **{name: blank}}) for name in TEXT) + "\n")
    csv = tmp_path / "in.csv"
    csv.write_text(f"id,date\nx1,{blank}\n")
    for name in TEXT:
        assert getattr(svduty.Incident.from_json({name: blank}), name) is None
    table = pa.Table.from_batches(list(iter_incidents(jsonl)))
    for name in TEXT:
        assert table.column(name).null_count == table.num_rows, name
    assert table.column("id").to_pylist() == [blank] * len(TEXT)  # an id is kept as it is
    assert pa.Table.from_batches(list(iter_incidents(csv))).column("date").null_count == 1


def test_the_summary_counts_a_blank_category_as_none(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "a", "police_uk_category": ""}\n{"id": "b", "police_uk_category": "Robbery"}\n'
    )
    code, out, _ = run("classify", f, "-o", tmp_path / "out.jsonl", "--summary", "json")
    assert code == 0
    assert json.loads(out)["by_category"] == {"Robbery": 1}
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["police_uk_category"] for r in written] == [None, "Robbery"]


def test_a_binary_or_decimal_column_passed_through_is_written_as_json_lines(
    tmp_path: Path,
) -> None:
    """A Parquet file with a binary column stopped JSON Lines output (the default to a
    terminal) with "unexpected TypeError" (hostile review): bytes are written as base64,
    a decimal exactly, as text."""
    import decimal

    import pyarrow.parquet as pq

    f = tmp_path / "in.parquet"
    table = {
        "id": ["a", "b"],
        "blob": pa.array([b"x", b"\xff"], pa.binary()),
        "pieces": pa.array([[b"a"], None], pa.list_(pa.large_binary())),
        "amount": pa.array([decimal.Decimal("1.50"), None], pa.decimal128(5, 2)),
    }
    pq.write_table(pa.table(table), f)
    code, _, err = run("classify", f, "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(r["blob"], r["pieces"], r["amount"]) for r in rows] == [
        ("eA==", ["YQ=="], "1.50"),
        ("/w==", None, None),
    ]
