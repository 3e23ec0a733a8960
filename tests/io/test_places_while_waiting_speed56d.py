"""Arrow's Unicode tables made on the reading thread while it waits for the file read ahead.

``svduty classify``'s first batch made them as it first read its locations in capitals
(``io._locate_incidents._as_read``, ~2 ms once a process), on the thread every batch
waits on; the reading thread now does it while it waits for the file read ahead (a CSV
file's parse, a JSON Lines file's first block), and only then (speed56d). The rows are
the ones read without it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from svduty.io import _incident_csv_whole, _incident_tables, _jsonl_ahead, _locate_incidents
from svduty.io._incident_csv_whole import pending, read_ahead
from svduty.io._incident_tables import iter_incident_table
from svduty.io._incidents import iter_incidents_jsonl

_ROWS = "id,police_uk_category,location\n" + "".join(
    f"i{i},Robbery, e0103101{i % 10}\n" for i in range(200)
)


def test_a_csv_reader_makes_them_only_while_the_parse_is_not_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.csv"
    f.write_text(_ROWS)
    plain = pa.Table.from_batches(list(iter_incident_table(f))).to_pylist()
    gate, calls = threading.Event(), []
    real = _incident_csv_whole._small

    def held(p: Path) -> bytes | None:  # the parse held until the reader has asked
        gate.wait(10)
        return real(p)

    def made() -> None:
        calls.append(pending(f))
        gate.set()

    monkeypatch.setattr(_incident_csv_whole, "_small", held)
    monkeypatch.setattr(_incident_tables, "_engine_imported", lambda: None)
    monkeypatch.setattr(_locate_incidents, "_places_read", made)
    with read_ahead([f]):
        rows = pa.Table.from_batches(list(iter_incident_table(f))).to_pylist()
    assert calls == [True]
    assert rows == plain
    monkeypatch.setattr(_incident_csv_whole, "_small", real)
    with read_ahead([f]):  # done before the reader asks: nothing made meanwhile
        _incident_csv_whole._AHEAD[str(f)].done.wait()
        assert pa.Table.from_batches(list(iter_incident_table(f))).to_pylist() == plain
    assert calls == [True]


def test_a_json_lines_reader_makes_them_only_while_its_first_block_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "i.jsonl"
    f.write_text("".join(f'{{"id": "i{i}", "location": " e0103101{i % 10}"}}\n' for i in range(9)))
    monkeypatch.setattr(_jsonl_ahead, "LINES", 4)  # blocks of 4 lines: the first made ahead
    plain = pa.Table.from_batches(list(iter_incidents_jsonl(f))).to_pylist()
    gate, calls = threading.Event(), []
    real = _jsonl_ahead._read

    def held(*args: Any) -> None:
        gate.wait(10)
        real(*args)

    def made() -> None:
        calls.append(not _jsonl_ahead._AHEAD)  # (taken off the list before it waits)
        gate.set()

    monkeypatch.setattr(_jsonl_ahead, "_read", held)
    monkeypatch.setattr(_locate_incidents, "_places_read", made)
    with _jsonl_ahead.jsonl_ahead([f]):
        rows = pa.Table.from_batches(list(iter_incidents_jsonl(f))).to_pylist()
    assert calls == [True]
    assert rows == plain


def test_the_locations_are_read_as_without_them() -> None:
    codes = pa.array([" e01031180 ", "  ", None])
    before = _locate_incidents._as_read(codes).to_pylist()
    _locate_incidents._places_read()
    assert _locate_incidents._as_read(codes).to_pylist() == before == ["E01031180", None, None]
