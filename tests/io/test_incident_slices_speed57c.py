"""A CSV incident file is handed on as a first batch of ``BATCH_ROWS``, then larger ones.

speed57c: each batch the loop classifies costs much of its CPU whatever its rows (the
rules' pass, the summary's count, locating), so a whole file read at once is handed on as
a first slice of ``BATCH_ROWS`` rows (the loop starts on it while the rest is converted),
then slices of up to ``LATER_BATCHES`` times as many (before: every slice of
``BATCH_ROWS``). A file streamed in blocks has one short slice only, its first. Counted,
never timed; the rows, values, reasons and row numbers must be those of the old slicing.
"""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty.io._incident_tables as tables
from svduty.io._incident_tables import iter_incident_table

_HEADER = "id,date,victim_age,police_uk_category\n"


def _file(tmp: Path, rows: list[str]) -> Path:
    path = tmp / "incidents.csv"
    path.write_text(_HEADER + "".join(rows), encoding="utf-8")
    return path


def _good(n: int) -> list[str]:
    return [f"a{i},2024-03-0{1 + i % 9},{20 + i % 50},Robbery\n" for i in range(n)]


def test_a_whole_file_is_a_short_first_batch_then_larger_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "BATCH_ROWS", 4)
    got = [b.num_rows for b in iter_incident_table(_file(tmp_path, _good(60)))]
    assert got == [4, 16, 16, 16, 8]  # before speed57c: fifteen batches of 4
    monkeypatch.setattr(tables, "LATER_BATCHES", 1)  # the old slicing
    assert [b.num_rows for b in iter_incident_table(_file(tmp_path, _good(10)))] == [4, 4, 2]


def test_a_file_streamed_in_blocks_has_one_short_slice_its_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block after the first is handed on whole (up to the larger size), not cut at 4."""
    path = _file(tmp_path, _good(60))
    monkeypatch.setattr(tables, "BATCH_ROWS", 4)
    whole = pa.Table.from_batches(list(iter_incident_table(path)))
    with patch("svduty.io._incident_csv_whole._WHOLE", 300):  # streamed, blocks of ~12 rows
        got = list(iter_incident_table(path))
        monkeypatch.setattr(tables, "LATER_BATCHES", 1)
        before = [b.num_rows for b in iter_incident_table(path)]  # the old slicing
    sizes = [b.num_rows for b in got]
    assert sizes[0] == 4
    assert sum(n <= 4 for n in sizes[1:-1]) == 0  # before: every block's first slice of 4
    assert len(sizes) < len(before)
    assert all(n <= 16 for n in sizes)
    assert pa.Table.from_batches(got).equals(whole)


_CELLS = st.sampled_from(
    [
        "a,2024-03-01,30,Robbery\n",
        "b,2024-02-30,31,Drugs\n",  # no such day
        "c,2024-03-05,x,Drugs\n",  # no age
        ",,,\n",  # an empty row
        _HEADER,  # a repeated header line
        "d,2024-03-05,+16\n",  # a field short
        "é,2024-03-05, 7 ,Ünïcode\n",
    ]
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_CELLS, min_size=1, max_size=40), size=st.integers(1, 5))
def test_the_batches_hold_the_rows_of_the_old_slicing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[str], size: int
) -> None:
    """Property: the same rows, values, reasons and row numbers, in the same order."""
    path = _file(tmp_path, rows)
    monkeypatch.setattr(tables, "BATCH_ROWS", size)
    monkeypatch.setattr(tables, "LATER_BATCHES", 1)  # the old slicing: every slice of ``size``
    old = list(iter_incident_table(path))
    monkeypatch.setattr(tables, "LATER_BATCHES", 4)
    new = list(iter_incident_table(path))
    assert len(new) <= len(old)
    assert new[0].num_rows == old[0].num_rows
    assert pa.Table.from_batches(new).equals(pa.Table.from_batches(old))
