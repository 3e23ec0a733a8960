"""An input written to while svduty reads it is refused by name, never read as a mix.

The police.uk reader's own cases are in ``test_police_uk_pieces.py`` (a cut under the
parse threads, rewrites in place, the one-thread fallback).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from svduty.cli import main
from svduty.errors import InputFormatError
from svduty.io import iter_incidents
from svduty.io._unchanged import began, refuse_if_changed


def aged(f: Path) -> None:
    """The file last written an hour ago: a write now changes its modification time."""
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(f, ns=(hour_ago, hour_ago))


def _incidents(f: Path, n: int) -> None:
    rows = [{"id": f"i{k}", "police_uk_category": "Robbery", "victim_age": 20} for k in range(n)]
    if f.suffix == ".jsonl":
        f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    elif f.suffix == ".csv":
        f.write_text("id,police_uk_category\n" + "".join(f"i{k},Robbery\n" for k in range(n)))
    else:
        pq.write_table(pa.Table.from_pylist(rows), f)
    aged(f)


@pytest.mark.parametrize("name", ["in.jsonl", "in.csv", "in.parquet"])
def test_an_incident_file_written_to_while_it_is_read_is_refused(tmp_path, name):
    f = tmp_path / name
    _incidents(f, 70_000)  # JSON Lines: two batches
    got = iter_incidents([f])
    assert next(got).num_rows
    with f.open("ab") as out:  # still arriving
        out.write(b"\n")
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert f"{f}: the file changed while it was read" in str(caught.value)


def test_an_incident_file_left_alone_is_read_whole(tmp_path):
    f = tmp_path / "in.jsonl"
    _incidents(f, 70_000)
    assert sum(b.num_rows for b in iter_incidents([f])) == 70_000


def test_the_command_leaves_no_output_for_a_file_changed_while_read(tmp_path, monkeypatch):
    """Through ``svduty classify``: exit status 1, the message, no output file."""
    import io

    from svduty.io import _incident_tables

    f = tmp_path / "in.jsonl"
    _incidents(f, 10)
    read = _incident_tables.iter_incidents_jsonl

    def appended_after(path, *args, **kw):  # the file grows once it has been read
        yield from read(path, *args, **kw)
        with f.open("a") as out:
            out.write('{"id": "late"}\n')

    monkeypatch.setattr(_incident_tables, "iter_incidents_jsonl", appended_after)
    err = io.StringIO()
    out = tmp_path / "out.jsonl"
    assert main(["classify", str(f), "--output", str(out)], stderr=err) == 1
    assert "the file changed while it was read" in err.getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_what_is_not_a_file_is_not_watched(tmp_path):
    assert began("-") is None
    assert began(tmp_path / "missing.csv") is None
    refuse_if_changed(tmp_path, None)  # nothing to compare
    f = tmp_path / "a.csv"
    f.write_text("a\n")
    at = began(f)
    f.unlink()
    refuse_if_changed(f, at)  # removed since: what was read was the file as it was


def test_standard_input_is_not_a_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("an output, say\n")
    assert began("-") is None


def test_an_incident_file_renamed_over_while_it_is_read_is_refused(tmp_path):
    """Another file of the same size and time put in its place: refused by its inode."""
    f, other = tmp_path / "in.jsonl", tmp_path / "other.jsonl"
    _incidents(f, 70_000)
    other.write_bytes(f.read_bytes())
    at = f.stat()
    os.utime(other, ns=(at.st_atime_ns, at.st_mtime_ns))
    got = iter_incidents([f])
    assert next(got).num_rows
    other.replace(f)
    with pytest.raises(InputFormatError) as caught:
        list(got)
    assert f"{f}: the file changed while it was read" in str(caught.value)
