"""A whole CSV incident file is converted a slice at a time, each handed on once converted;
its quotes counted with numpy.

speed51d: an incident CSV file of up to 16 MiB is read at once (pyarrow's threaded reader),
and its cells were then checked and converted all together before the first batch was
handed on: the loop waited for every row's conversion before it could classify the first
(the bench's 200,000 incidents). Now each slice of ``BATCH_ROWS`` rows is converted and
handed on in turn, rejected rows or not. Every check is of a row alone, so the rows, their
values and their reasons are those of converting the whole file: checked here, never timed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svduty.io._incident_csv_whole as whole
import svduty.io._incident_tables as tables
import svduty.io._lines as lines
from svduty.io._incident_tables import iter_incident_table

_HEADER = "id,date,victim_age,died,police_uk_category\n"
_GOOD = 'a{i},2024-03-0{d},{age},yes,"Robbery, with ""force"""\n'


def _file(tmp: Path, rows: list[str]) -> Path:
    path = tmp / "incidents.csv"
    path.write_text(_HEADER + "".join(rows), encoding="utf-8")
    return path


def _good(n: int) -> list[str]:
    return [_GOOD.format(i=i, d=1 + i % 9, age=20 + i % 50) for i in range(n)]


def _converted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of each call of the cells' conversion, in order."""
    sizes: list[int] = []
    real = tables._normalise

    def counted(p: Any, table: Any, *args: Any, **kwargs: Any) -> Any:
        sizes.append(table.num_rows)
        return real(p, table, *args, **kwargs)

    monkeypatch.setattr(tables, "_normalise", counted)
    return sizes


def test_the_first_slice_is_handed_on_before_the_rest_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted guard: the first batch comes after converting its own rows only."""
    monkeypatch.setattr(tables, "BATCH_ROWS", 4)
    sizes = _converted(monkeypatch)
    batches = iter_incident_table(_file(tmp_path, _good(20)))
    first = next(batches)
    assert first.num_rows == 4
    assert sizes == [4]  # before: [20], the whole file converted first
    # the rest in slices of up to LATER_BATCHES (4) times as many (speed57c; before: of 4)
    assert [b.num_rows for b in batches] == [16]
    assert sizes == [4, 16]


def test_a_file_with_rejected_rows_is_handed_on_in_slices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a file without: a first batch of BATCH_ROWS, then up to four times as many."""
    monkeypatch.setattr(tables, "BATCH_ROWS", 4)
    rows = _good(25)
    rows[6] = "a6,2024-03-01,x,yes,Robbery\n"  # an age that is no number: rejected
    got = list(iter_incident_table(_file(tmp_path, rows)))
    assert [b.num_rows for b in got] == [4, 16, 5]  # before speed51d: [25]; speed57c: 4s
    reasons = pa.Table.from_batches(got).column("rejected").to_pylist()
    assert reasons == [None] * 6 + ["victim_age: expected a whole number of years"] + [None] * 18


_CELLS = st.sampled_from(
    [
        _GOOD.format(i=1, d=2, age=30),
        'b,2024-02-30,31,no,"Drugs"\n',  # no such day
        "c,2024-03-05,x,no,Drugs\n",  # no age
        "d,2024-03-05,17,maybe,Drugs\n",  # no yes or no
        "e,2024-03-05,+16,1,Drugs\n",
        "f,2024-03-05,30.0,0,Drugs\n",
        ",,,,\n",  # an empty row
        _HEADER,  # a repeated header line
        "g,2024-03,,,\n",
        "h,2024-03-05,99999999999999999999,y,Drugs\n",  # beyond int64
        "é,2024-03-05, 7 ,TRUE,Ünïcode\n",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_CELLS, min_size=1, max_size=25), size=st.integers(1, 6))
def test_slices_convert_as_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[str], size: int
) -> None:
    """Property: the rows, values and reasons of the slices are those of the whole file."""
    path = _file(tmp_path, rows)
    monkeypatch.setattr(tables, "BATCH_ROWS", 1 << 16)
    whole = pa.Table.from_batches(list(iter_incident_table(path)))
    monkeypatch.setattr(tables, "BATCH_ROWS", size)
    sliced = list(iter_incident_table(path))
    assert sliced[0].num_rows <= size
    assert all(b.num_rows <= 4 * size for b in sliced)  # (LATER_BATCHES, speed57c)
    assert pa.Table.from_batches(sliced).equals(whole)


def test_a_whole_file_s_quotes_are_counted_with_numpy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted guard: the whole-file reader counts the quotes once, by ``_lines.quotes``.

    ``bytes.count`` reads a byte at a time: 6 ms of the reading thread for the bench's
    12.6 MB file (a quoted cell a field), against 2 ms with numpy (speed51d).
    """
    counted: list[int] = []
    real = lines.quotes

    def quotes(data: bytes) -> int:
        counted.append(len(data))
        return real(data)

    monkeypatch.setattr(whole, "quotes", quotes)  # before speed51d: no such name
    path = _file(tmp_path, _good(3))
    assert sum(b.num_rows for b in iter_incident_table(path)) == 3
    assert counted == [path.stat().st_size]


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=200), block=st.integers(1, 9))
def test_quotes_are_counted_as_bytes_count_counts_them(data: bytes, block: int) -> None:
    """Property: any bytes, in blocks of any size, the same count (and oddness) as before."""
    with patch.object(lines, "_BLOCK", block):
        assert lines.quotes(data) == data.count(b'"')


def test_an_odd_quote_in_a_big_file_is_found_block_by_block(tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    f.write_bytes(b'a,b\n"x""y",1\n' * 5 + b'2,"3\n')
    with patch.object(lines, "_BLOCK", 7):  # quotes on both sides of a block's end
        assert lines.odd_quotes(f)
        f.write_bytes(b'a,b\n"x""y",1\n' * 5)
        assert not lines.odd_quotes(f)


def test_quotes_are_counted_in_small_masks() -> None:
    """Counted guard: a mask of 1 MiB at a time, not one as large as the file.

    A mask of the whole 12.6 MB file, freed at once, stayed in the allocator's pages and
    raised the peak memory of the bench's CSV run by about 12 MB (speed51d, measured).
    """
    import tracemalloc

    data = b'"a",1\n' * (3 << 20)  # 18 MiB
    tracemalloc.start()
    try:
        assert lines.quotes(data) == 2 * (3 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 << 20


def test_missing_fields_of_one_type_share_one_array(tmp_path: Path) -> None:
    """Counted guard: a batch's missing fields of one type are one array of nulls.

    Arrow arrays are never changed; each missing field held its own buffer of zeros
    before speed51d (4.3 MB a batch of 65,536 of the bench's incidents, now 1.1 MB).
    """
    from svduty.io._incident_fields import INCIDENT_SCHEMA
    from svduty.io._incidents import iter_incidents_jsonl

    jsonl = tmp_path / "i.jsonl"
    jsonl.write_text('{"id": "a", "victim_age": 3}\n{"id": "b"}\n', encoding="utf-8")
    for batch in (
        next(iter_incident_table(_file(tmp_path, _good(3)))),
        next(iter_incidents_jsonl(jsonl)),
    ):
        for kind in (pa.string(), pa.bool_(), pa.int64(), pa.list_(pa.string())):
            missing = [
                batch.column(f.name)
                for f in INCIDENT_SCHEMA
                if f.type == kind and batch.column(f.name).null_count == batch.num_rows
            ]
            assert len(missing) >= 2
            assert len({c.buffers()[1].address for c in missing}) == 1  # before: one each
