"""A zoned time from 2038 is its day in England in both engines: summer time goes on (consist43).

Arrow's time zone database lists England's clock changes only to 2037 (the compiled zone
files leave the rest to a rule Arrow does not read), so to :func:`classify_table` and the
batch job 23:30 UTC on 1 July 2038 was 1 July, while :class:`Incident` (``zoneinfo``)
read it as 00:30 BST on 2 July. Summer time has no end: the Summer Time Act 1972 s.1(2),
as substituted by the Summer Time Order 2002 (SI 2002/262) art 2(2): "the period
beginning at one o'clock, Greenwich mean time, in the morning of the last Sunday in March
and ending at one o'clock, Greenwich mean time, in the morning of the last Sunday in
October".
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._days import dates_in_england, day_of
from svduty.cli import main
from svduty.definitions import Incident, classify_table

LATE = dt.datetime(2038, 7, 1, 23, 30, tzinfo=dt.UTC)  # 00:30 BST on 2 July 2038


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(dt.date(2036, 1, 1), dt.date(9999, 12, 30)) | st.dates(dt.date(2037, 3, 20)),
    seconds=st.integers(-2 * 3600, 3 * 3600),
    unit=st.sampled_from(["s", "ms", "us"]),
    zone=st.sampled_from(["UTC", "Europe/London", "America/New_York", "Asia/Tokyo"]),
)
def test_a_zoned_time_is_its_day_in_england_in_any_year(day, seconds, unit, zone):
    at = dt.datetime.combine(day, dt.time(23), dt.UTC) + dt.timedelta(seconds=seconds)
    column = pa.array([at, None], pa.timestamp(unit, tz=zone))
    assert dates_in_england(column).to_pylist() == [day_of(at), None]
    assert dates_in_england(pa.chunked_array([column])).to_pylist() == [day_of(at), None]


def test_the_last_sunday_rule_holds_after_2037() -> None:
    """Spring forward and fall back in 2040: 31 March and 28 October (last Sundays)."""
    eves = [dt.datetime(2040, 3, 31, 23, 30, tzinfo=dt.UTC), dt.datetime(2040, 10, 27, 23, 30)]
    stamps = pa.array(eves, pa.timestamp("s", tz="UTC"))
    assert dates_in_england(stamps).to_pylist() == [dt.date(2040, 4, 1), dt.date(2040, 10, 28)]


def test_both_engines_and_the_batch_job_read_the_same_day(tmp_path: Path) -> None:
    assert Incident(date=LATE).date == "2038-07-02"
    table = pa.table({"id": ["a"], "offence_code": ["8N"], "date": pa.array([LATE])})
    f = tmp_path / "in.parquet"
    pq.write_table(table, f)
    out = tmp_path / "o.jsonl"
    err = io.StringIO()
    assert main(["classify", str(f), "-o", str(out)], stdout=io.StringIO(), stderr=err) == 0
    assert [json.loads(line)["date"] for line in out.read_text().splitlines()] == ["2038-07-02"]
    from svduty.definitions._columns import prepare

    cols = prepare(table, None)[0]
    assert cols["first_day"].to_pylist() == [dt.date(2038, 7, 2)]
    assert classify_table(table).column("violence").to_pylist() == ["yes"]
