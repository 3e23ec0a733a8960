"""A day no ``datetime.date`` has is refused by both engines, naming its field (consist43).

The one-incident classifier refuses a zoned time whose day in England and Wales is in
year 0 or 10000 (``DataError``, hostile42b); :func:`classify_table` answered it (Arrow's
days run on past ``datetime``'s), and answered a ``date32`` or naive timestamp of such a
day, which no ``Incident`` can hold. Now the columnar engine refuses the row by field,
with the scalar engine's words, and the batch job rejects it with them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.cli import main
from svduty.definitions import Incident, classify, classify_split, classify_table
from svduty.errors import DataError

NO_DAY = "a date and time whose day in England and Wales is from 0001-01-01 to 9999-12-31"
PLUS_5 = dt.timezone(dt.timedelta(hours=5))
MINUS_12 = dt.timezone(dt.timedelta(hours=-12))
ZONED_FAR = [
    dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.UTC),  # London mean time, -00:01:15: year 0
    dt.datetime(1, 1, 1, 0, 30, tzinfo=PLUS_5),
    dt.datetime(9999, 12, 31, 23, 0, tzinfo=MINUS_12),  # year 10000 in England
]
GOOD = dt.datetime(2023, 6, 1, 12, 0, tzinfo=dt.UTC)
DEATH = {"offence_code": "1", "died": True, "weapon": "knife", "victim_age": 30}


def _stamps(values: list[dt.datetime]) -> pa.Array:
    # pyarrow takes each instant in UTC, even one before year 1 there
    return pa.array(values, pa.timestamp("us", tz="UTC"))


@pytest.mark.parametrize("field", ["date", "date_of_death"])
@pytest.mark.parametrize("at", ZONED_FAR)
def test_a_zoned_time_with_no_day_in_england_is_refused_by_both_engines(field, at):
    with pytest.raises(DataError) as scalar:
        Incident(**DEATH, **{field: at})
    assert {p.field for p in scalar.value.problems} == {field}
    table = pa.table({**{k: [v] * 2 for k, v in DEATH.items()}, field: _stamps([GOOD, at])})
    with pytest.raises(DataError, match=rf"^row 2: {field}: expected {NO_DAY}$"):
        classify_table(table)
    kept, problems = classify_split(table)
    assert [(p.row, p.field, p.expected) for p in problems] == [(2, field, NO_DAY)]
    assert kept.num_rows == 1
    first = classify(Incident(**DEATH, **{field: GOOD}))
    assert kept.column("reasons").to_pylist() == [[r.rule for r in first.reasons]]


@pytest.mark.parametrize(
    "column",
    [
        pa.array([19000, -719163], pa.date32()),  # 0000-12-31
        pa.array([19000, 2932897], pa.date32()),  # 10000-01-01
        pa.array([19000 * 86400, 300_000 * 365 * 86400], pa.timestamp("s")),  # naive
        pa.array([19000 * 86_400_000, -719163 * 86_400_000], pa.date64()),
    ],
)
def test_a_day_no_incident_can_hold_is_refused_by_name(column):
    table = pa.table({"offence_code": ["8N", "8N"], "date": column})
    kept, problems = classify_split(table)
    assert [(p.row, p.field, p.expected) for p in problems] == [(2, "date", NO_DAY)]
    assert kept.column("violence").to_pylist() == ["yes"]


def test_the_batch_job_rejects_such_a_row_naming_the_field(tmp_path: Path) -> None:
    f = tmp_path / "in.parquet"
    stamps = _stamps([GOOD, ZONED_FAR[0], dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)])
    pq.write_table(pa.table({"id": ["a", "b", "c"], "offence_code": ["8N"] * 3, "date": stamps}), f)
    out, rejected = tmp_path / "o.jsonl", tmp_path / "rejected.csv"
    argv = ["classify", str(f), "-o", str(out), "--rejected", str(rejected)]
    err = io.StringIO()
    assert main(argv, stdout=io.StringIO(), stderr=err) == 0, err.getvalue()
    rows = list(csv.reader(rejected.read_text().splitlines()))[1:]
    assert rows == [[str(f), "2", "date", f"expected {NO_DAY}"]]
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["date"] for r in got] == ["2023-06-01", "9999-12-31"]
