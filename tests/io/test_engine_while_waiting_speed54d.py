"""The rule engine imported on the reading thread while it waits for a CSV file's parse.

``svduty classify`` of an incident CSV file imported the columnar engine's modules as the
loop classified its first batch, on the thread every batch waits on. The reading thread
often asks for the file read ahead before its parse is done, while the main thread waits
for that first batch: it now imports them then (speed54d). What the first classification
would import must be imported by then, and the rows must be the ones read without it.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pyarrow as pa
import pytest

from svduty.io import _incident_csv_whole, _incident_tables
from svduty.io._incident_csv_whole import pending, read_ahead
from svduty.io._incident_tables import iter_incident_table

_ROWS = "id,police_uk_category,victim_age,location\n" + "".join(
    f"i{i},Robbery,{20 + i % 50},E0103101{i % 10}\n" for i in range(200)
)


def test_the_reader_imports_the_engine_only_while_the_parse_is_not_done(
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

    monkeypatch.setattr(_incident_csv_whole, "_small", held)
    monkeypatch.setattr(_incident_tables, "_engine_imported", lambda: calls.append(pending(f)))
    with read_ahead([f]):
        assert pending(f)
        threading.Timer(0.05, gate.set).start()
        rows = pa.Table.from_batches(list(iter_incident_table(f))).to_pylist()
    assert calls == [True]  # asked while the parse was held
    assert rows == plain
    assert not pending(f)
    monkeypatch.setattr(_incident_csv_whole, "_small", real)
    with read_ahead([f]):  # done before the reader asks: nothing imported meanwhile
        _incident_csv_whole._AHEAD[str(f)].done.wait()
        assert not pending(f)
        assert pa.Table.from_batches(list(iter_incident_table(f))).to_pylist() == plain
    assert calls == [True]


_FIRST_BATCH = """
import sys
from pathlib import Path
from svduty.io import default_pipeline
from svduty.io._incident_tables import _engine_imported, iter_incident_table
batch = next(iter_incident_table(Path(sys.argv[1])))
pipeline = default_pipeline()
_engine_imported()
before = set(sys.modules)
pipeline(batch)
print(sorted(m for m in set(sys.modules) - before if m.startswith("svduty.definitions")))
"""


def test_the_first_batch_imports_nothing_of_the_engine_after_it(tmp_path: Path) -> None:
    """In a fresh interpreter: classifying a batch imports no module of the engine more."""
    f = tmp_path / "i.csv"
    f.write_text(_ROWS)
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_BATCH, str(f)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert out.strip() == "[]"
