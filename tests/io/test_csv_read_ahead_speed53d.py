"""An incident CSV file read ahead while the readers' modules load (speed53d, issue 15).

``svduty classify`` of an incident CSV file started its reading thread after the command's
imports, and that thread imported the incident readers' modules (~0.1 s while the main
thread loads the partnership) before it read a byte: the loop then waited for the first
batch. The file is now read whole and parsed on a thread of its own from the moment the
reading thread starts (``io._incident_csv_whole.read_ahead``), and the reader takes that
read if the file is as it was. These tests hold the reader to what it gave before: the
same batches read ahead or not, a file changed meanwhile read again, nothing kept.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import _incident_csv_whole
from svduty.io._incident_csv_whole import ahead_of, read_ahead
from svduty.io._incident_tables import iter_incident_table

CELL = st.sampled_from(
    ["a", '"b,c"', '"d\ne"', "", "8N", "19", "x", "\u00e9t\u00e9", '"n', "true", "[]", "a;b"]
)
MAPPING = {"ref": "id", "age": "victim_age", "code": "offence_code"}


def _rows(f: Path, *, ahead: bool) -> list[dict[str, Any]]:
    if not ahead:
        return pa.Table.from_batches(list(iter_incident_table(f, mapping=MAPPING))).to_pylist()
    with read_ahead([f]):
        batches = list(iter_incident_table(f, mapping=MAPPING))
    return pa.Table.from_batches(batches).to_pylist()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), max_size=10), st.booleans())
def test_a_file_read_ahead_gives_the_rows_it_gives_read_where_due(
    tmp_path_factory: Any, rows: list[list[str]], last_line_break: bool
) -> None:
    text = "ref,age,code\n" + "\n".join(",".join(r) for r in rows)
    f = tmp_path_factory.mktemp("a") / "i.csv"
    f.write_bytes((text + ("\n" if last_line_break else "")).encode())
    try:
        plain = _rows(f, ahead=False)
    except Exception as exc:  # refused: refused the same way read ahead
        with pytest.raises(type(exc), match=None):
            _rows(f, ahead=True)
        return
    assert _rows(f, ahead=True) == plain
    assert not _incident_csv_whole._AHEAD  # taken, or dropped at the block's end


def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path: Path) -> None:
    f = tmp_path / "i.csv"
    f.write_text("ref,age,code\na,19,8N\n")
    with read_ahead([f]):
        _incident_csv_whole._AHEAD[os.fspath(f)].done.wait()
        f.write_text("ref,age,code\nb,20,8N\nc,21,8N\n")  # another size, another time
        rows = pa.Table.from_batches(list(iter_incident_table(f, mapping=MAPPING))).to_pylist()
    assert [(r["id"], r["victim_age"]) for r in rows] == [("b", 20), ("c", 21)]


def test_what_is_not_taken_is_dropped_and_other_files_are_not_read_ahead(tmp_path: Path) -> None:
    f = tmp_path / "i.csv"
    f.write_text("ref,age\na,19\n")
    with read_ahead([f]):
        assert os.fspath(f) in _incident_csv_whole._AHEAD
    assert not _incident_csv_whole._AHEAD
    assert ahead_of(f) is None  # gone with the block
    parquet, big = tmp_path / "i.parquet", tmp_path / "big.csv"
    parquet.write_bytes(b"PAR1")
    with open(big, "wb") as out:  # beyond the whole-file reader's size: read as a stream
        out.truncate(_incident_csv_whole._WHOLE + 1)
    for other in ([parquet], [big], [tmp_path / "none.csv"], [tmp_path], []):
        with read_ahead(other):
            assert not _incident_csv_whole._AHEAD


def test_the_command_reads_the_file_ahead_and_says_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The classify command's reading thread reads the first CSV file ahead, and takes it."""
    f = tmp_path / "i.csv"
    f.write_text("id,victim_age,offence_code\na,19,8N\nb,x,\n")
    taken: list[object] = []
    real = _incident_csv_whole.ahead_of

    def ahead_of_counted(p: Path) -> Any:
        found = real(p)
        taken.append(found is not None)
        return found

    assert main(["classify", str(f), "--summary", "json"]) == 0
    before = capsys.readouterr().out
    monkeypatch.setattr("svduty.io._incident_tables.ahead_of", ahead_of_counted)
    assert main(["classify", str(f), "--summary", "json"]) == 0
    assert taken == [True]
    assert capsys.readouterr().out == before


def test_a_file_changed_while_it_is_read_ahead_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written to between the state taken and the bytes read: nothing read ahead is kept."""
    f = tmp_path / "i.csv"
    f.write_text("ref,age,code\na,19,8N\n")
    real = _incident_csv_whole._small

    def small_then_changed(p: Path) -> bytes | None:
        data = real(p)
        f.write_text("ref,age,code\nb,20,8N\nc,21,8N\n")
        return data

    monkeypatch.setattr(_incident_csv_whole, "_small", small_then_changed)
    with read_ahead([f]):
        _incident_csv_whole._AHEAD[os.fspath(f)].done.wait()
        assert not _incident_csv_whole._AHEAD[os.fspath(f)].found
        monkeypatch.setattr(_incident_csv_whole, "_small", real)
        rows = pa.Table.from_batches(list(iter_incident_table(f, mapping=MAPPING))).to_pylist()
    assert [(r["id"], r["victim_age"]) for r in rows] == [("b", 20), ("c", 21)]


def test_a_file_not_utf8_or_not_whole_is_read_ahead_and_read_as_before(tmp_path: Path) -> None:
    """Bytes that are not UTF-8, a header that is not plain, a folder named like a file."""
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"ref,age,code\n\xe9t\xe9,19,8N\nb,x,8N\n")
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(b"ref,age,code\r\na,19,8N\r\n")
    for f in (latin, crlf):
        assert _rows(f, ahead=True) == _rows(f, ahead=False)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with read_ahead([folder]):
        assert not _incident_csv_whole._AHEAD
