"""The typed output contract and atomic outputs (issue 12 items 1 and 6, issue 13 item 3)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import signal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty._commands import classify as classify_command
from svduty.cli import main
from svduty.io import (
    INCIDENT_OUTPUT_SCHEMA,
    OUTPUT_SCHEMA,
    POLICE_UK_COLUMNS,
    read_police_uk,
    write_table,
)
from svduty.io._summary import Tally

from ..cli_run import run

HEADER = ",".join(POLICE_UK_COLUMNS)
GOOD = (
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
    "E01031005,North Warwickshire 005A,Possession of weapons,Under investigation,"
)


def month(tmp_path, rows=3, name="m.csv"):
    f = tmp_path / name
    f.write_text("\n".join([HEADER, *[GOOD] * rows]) + "\n")
    return f


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_every_writer_conforms_to_the_schema(tmp_path, suffix):
    out = tmp_path / f"o{suffix}"
    assert run("classify", str(month(tmp_path)), "--output", str(out))[0] == 0
    names = OUTPUT_SCHEMA.names
    if suffix == ".parquet":
        t = pq.read_table(out)
        assert t.schema.remove_metadata() == OUTPUT_SCHEMA
        assert t["month"].to_pylist()[0].isoformat() == "2025-06-01"
        meta = t.schema.metadata
        assert meta[b"svduty.partnership"] == b"warwickshire"
        assert meta[b"svduty.definition"] == b"warwickshire"
        assert json.loads(meta[b"svduty.inputs"]) == [str(tmp_path / "m.csv")]
        assert meta[b"svduty.version"]
        assert meta[b"svduty.written"]
    elif suffix == ".csv":
        with out.open() as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == names
        assert rows[0]["month"] == "2025-06-01"
    else:
        lines = [json.loads(x) for x in out.read_text().splitlines()]
        assert all(list(x) == names for x in lines)  # every key on every line
        assert lines[0]["rejected"] is None


def test_incident_output_keeps_every_key_and_passes_extra_columns(tmp_path):
    f = tmp_path / "i.jsonl"
    f.write_text('{"id": "a", "weapon": "knife"}\n{"id": "b"}\n')
    code, out, _ = run("classify", str(f))
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert [list(x) for x in lines] == [INCIDENT_OUTPUT_SCHEMA.names] * 2
    assert lines[1]["weapon"] is None
    p = tmp_path / "o.parquet"
    assert run("classify", str(f), "--output", str(p))[0] == 0
    assert pq.read_table(p).schema.remove_metadata() == INCIDENT_OUTPUT_SCHEMA


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_an_empty_result_is_a_valid_file_with_the_full_schema(tmp_path, suffix):
    out = tmp_path / f"o{suffix}"
    assert run("classify", str(month(tmp_path, rows=0)), "--output", str(out))[0] == 0
    if suffix == ".parquet":
        assert pq.read_table(out).schema.remove_metadata() == OUTPUT_SCHEMA
        pandas = pytest.importorskip("pandas")
        assert list(pandas.read_parquet(out).columns) == OUTPUT_SCHEMA.names
    elif suffix == ".csv":
        assert out.read_text().strip().replace('"', "").split(",") == OUTPUT_SCHEMA.names
    else:
        assert out.read_text() == ""


def test_pandas_reads_the_types(tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "o.parquet"
    assert run("classify", str(month(tmp_path)), "--output", str(out))[0] == 0
    frame = pandas.read_parquet(out)
    assert str(frame["in_scope"].dtype) == "category"
    assert str(frame["row"].dtype) == "int64"


def test_a_failure_leaves_the_target_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "o.parquet"
    out.write_bytes(b"the previous run")

    def broken(paths, progress=None, columns=None, block_size=1 << 24):
        yield from read_police_uk(paths)
        raise OSError("disk full")

    monkeypatch.setattr(classify_command, "read_police_uk", broken)
    with pytest.raises(OSError, match="disk full"):
        classify_command.run(
            classify_command_args(month(tmp_path), out, tmp_path / "r.csv"),
            io.StringIO(),
            io.StringIO(),
        )
    assert out.read_bytes() == b"the previous run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "o.parquet"]


def classify_command_args(f, out, rejected):
    from svduty.cli import build_parser

    return build_parser().parse_args(
        ["classify", str(f), "--output", str(out), "--rejected", str(rejected)]
    )


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_removes_partial_outputs(tmp_path, monkeypatch, signum, code):
    """The signal arrives once rows are written to the output's temporary file.

    A real signal, raised on the main thread just after the writer took the rows
    (``signal.raise_signal`` runs the command's handler there and then): it was sent by
    ``os.kill`` from the reading thread (``svduty-read``), and the main thread took it
    wherever it happened to be (ci57b; the same in ``test_background_writer.py``)."""
    from svduty.io import _writers

    out = tmp_path / "o.csv"
    real = _writers.TableWriter.write
    written: list[int] = []

    def interrupted(self, table):
        real(self, table)
        written.append(len(list(tmp_path.glob(".o.csv.*"))))  # the partial output
        signal.raise_signal(signum)

    monkeypatch.setattr(_writers.TableWriter, "write", interrupted)
    got, _, err = run(
        "classify",
        str(month(tmp_path)),
        "--output",
        str(out),
        "--rejected",
        str(tmp_path / "r.csv"),
    )
    assert got == code
    assert written == [1]
    assert "no output written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_before_the_first_row_removes_the_outputs(tmp_path, monkeypatch, signum, code):
    """An analyst's review (analyst42): Ctrl-C after the outputs' temporary files were
    opened but before the rows were read (while the area's districts and CSPs are listed)
    ended with 130 and left ``.r.csv.PID.XXXX.tmp`` beside the output."""
    real = classify_command.area_parts

    def interrupted(*args, **kwargs):
        got = real(*args, **kwargs)
        os.kill(os.getpid(), signum)
        return got  # pragma: no cover - the signal stops us first

    monkeypatch.setattr(classify_command, "area_parts", interrupted)
    (tmp_path / "o.csv").write_bytes(b"the previous run")
    got, _, err = run(
        "classify", month(tmp_path), "-o", tmp_path / "o.csv", "--rejected", tmp_path / "r.csv"
    )
    assert (got, err.count("\n")) == (code, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "o.csv"]
    assert (tmp_path / "o.csv").read_bytes() == b"the previous run"


def test_an_interrupt_as_the_outputs_are_opened_removes_them(tmp_path, monkeypatch):
    """As above, Ctrl-C just after the rejected rows' temporary file was opened: it waits
    till the file is known to the removal, then stops the run."""
    from svduty.io import _writers

    real = _writers.RejectedWriter.__init__

    def opened(self, *args, **kwargs):
        real(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(_writers.RejectedWriter, "__init__", opened)
    got, _, err = run(
        "classify", month(tmp_path), "-o", tmp_path / "o.csv", "--rejected", tmp_path / "r.csv"
    )
    assert (got, err) == (130, "svduty classify: interrupted; no output written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_exit_codes_are_in_the_help(capsys):
    main(["classify", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for words in (
        "0 every row",
        "1 rows were rejected or files skipped with --strict",
        "130",
        "143",
    ):
        assert words in text


def test_rejections_are_streamed_and_the_sample_is_bounded(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("\n".join([HEADER, *[GOOD.replace("52.3", "x")] * 30, GOOD]) + "\n")
    seen: list[int] = []
    t = Tally(sample_size=5, on_rejected=lambda bad: seen.append(bad.num_rows))
    from svduty.io import default_pipeline

    pipe = default_pipeline()
    for b in read_police_uk(f):
        t.count_in(b.num_rows)
        t.count_out(pipe(b))
    s = t.summary()
    assert (s.rejected, len(s.rejections), sum(seen)) == (30, 5, 30)
    assert "... and 25 more" in s.to_text()
    rej = tmp_path / "r.csv"
    code, _out, _ = run("classify", str(f), "--rejected", str(rej), "--strict")
    assert code == 1
    with rej.open() as fh:
        assert len(list(csv.DictReader(fh))) == 30


def test_write_table_keeps_its_contract(tmp_path):
    f = tmp_path / "o.jsonl"
    table = pa.table({"a": pa.array(["x", None]).dictionary_encode(), "d": [None, None]})
    assert write_table([table], f) == 2
    assert f.read_text().splitlines() == ['{"a": "x", "d": null}', '{"a": null, "d": null}']
    empty = tmp_path / "e.parquet"
    assert write_table([], empty, schema=pa.schema([("a", pa.int64())])) == 0
    assert pq.read_table(empty).schema.names == ["a"]


def test_os_errors_and_surprises_are_messages_not_tracebacks(tmp_path, monkeypatch):
    def full(paths, progress=None, columns=None, block_size=1 << 24):
        raise OSError(28, "No space left on device", "o.csv")
        yield  # pragma: no cover

    monkeypatch.setattr(classify_command, "read_police_uk", full)
    code, _, err = run("classify", str(month(tmp_path)))
    assert (code, err.strip()) == (1, "svduty classify: error: o.csv: No space left on device")

    def surprise(paths, progress=None, columns=None, block_size=1 << 24):
        raise RuntimeError("Jane Citizen")
        yield  # pragma: no cover

    monkeypatch.setattr(classify_command, "read_police_uk", surprise)
    code, _, err = run("classify", str(month(tmp_path)))
    assert code == 1
    assert "unexpected RuntimeError" in err
    assert "Jane" not in err
    monkeypatch.setenv("SVDUTY_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("classify", str(month(tmp_path)))


def test_writer_corners(tmp_path, monkeypatch):
    from svduty.errors import InputFormatError
    from svduty.io._writers import TableWriter

    folder = tmp_path / "x.csv"
    folder.mkdir()
    with pytest.raises(InputFormatError, match="a file, not a folder"):
        TableWriter(folder)
    w = TableWriter(tmp_path / "o.csv", schema=pa.schema([("a", pa.int64()), ("b", pa.string())]))
    w.write(pa.table({"a": [1]}))  # a missing column is written as nulls
    assert w.commit() == 1
    assert (tmp_path / "o.csv").read_text().splitlines() == ['"a","b"', "1,"]

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    w = TableWriter(tmp_path / "p.parquet")
    monkeypatch.setattr("pyarrow._parquet.ParquetWriter", full)  # the class the sink opens
    with pytest.raises(InputFormatError, match="No space left"):
        w.write(pa.table({"a": [1]}))
    monkeypatch.undo()
    w = TableWriter(tmp_path / "r.csv")
    w.write(pa.table({"a": [1]}))
    monkeypatch.setattr("svduty.io._writers.os.replace", full)
    with pytest.raises(InputFormatError, match="No space left"):
        w.commit()
    assert not list(tmp_path.glob(".r.csv.*"))

    def broken():
        yield pa.table({"a": [1]})
        raise ValueError("stop")

    monkeypatch.undo()
    with pytest.raises(ValueError, match="stop"):
        write_table(broken(), tmp_path / "s.jsonl")
    assert not (tmp_path / "s.jsonl").exists()
    assert not list(tmp_path.glob(".s.jsonl.*"))


def test_parquet_options_change_the_encoding_not_the_values(tmp_path):
    """Row numbers and ids are not dictionary-encoded; only numbers carry min/max (not text,
    words or lists); the values read back are the table written, nested columns included."""
    t = pa.table(
        {
            "row": [2, 3, 4],
            "id": ["a", "b", "b"],
            "kinds": [["knife"], [], None],
            "nested": [{"a": 1, "b": [{"c": "x"}]}, {"a": 2, "b": []}, None],
            "tags": pa.array([[("k", 1)], [], None], pa.map_(pa.string(), pa.int64())),
            "in_scope": pa.array(["yes", "no", "yes"]).dictionary_encode(),
        }
    )
    f = tmp_path / "o.parquet"
    assert write_table([t.slice(0, 1), t.slice(1)], f) == 3
    assert pq.read_table(f).equals(t)
    meta = pq.ParquetFile(f).metadata.row_group(0)
    cols = {meta.column(i).path_in_schema: meta.column(i) for i in range(meta.num_columns)}
    assert set(cols) == {
        "row",
        "id",
        "kinds.list.element",
        "nested.a",
        "nested.b.list.element.c",
        "tags.key_value.key",
        "tags.key_value.value",
        "in_scope",
    }
    dictionary = {p for p, c in cols.items() if "RLE_DICTIONARY" in c.encodings}
    assert dictionary == set(cols) - {"row", "id"}
    stats = {p for p, c in cols.items() if c.statistics is not None and c.statistics.has_min_max}
    assert stats == {"row", "nested.a", "tags.key_value.value"}


@given(
    st.lists(
        st.lists(st.sampled_from(["2025-06", "2019-01", "2024-02-29", None]), max_size=6),
        min_size=1,
        max_size=3,
    )
)
def test_months_are_read_once_each_and_given_to_every_row(chunks):
    from svduty.io._conformed import cast_column as _cast

    column = pa.chunked_array([pa.array(c, pa.string()) for c in chunks], pa.string())
    days = _cast(column, pa.date32())
    assert days.type == pa.date32()
    expected = [
        None if v is None else dt.date.fromisoformat(v if len(v) == 10 else f"{v}-01")
        for v in column.to_pylist()
    ]
    assert days.to_pylist() == expected


class _FullDisk:
    """A CSV writer whose disk is full: the error names no file, as a real one's does."""

    def write_table(self, table: pa.Table) -> None:
        raise OSError(28, "Error writing bytes to file. Detail: [errno 28] No space left")

    def close(self) -> None:
        raise OSError(28, "No space left on device")


def test_a_full_disk_while_writing_rejected_rows_names_the_file(tmp_path):
    """A hostile review (hostile43), on a full tmpfs: ``classify --rejected FILE`` said
    "standard output: cannot write (...)": a full disk's error names no file, and the
    rows written to the --rejected file were not caught as its error. No file is left."""
    from svduty.errors import InputFormatError
    from svduty.io._writers import RejectedWriter

    target = tmp_path / "rejected.csv"
    w = RejectedWriter(target)
    w._open().close()  # (opened at the first rejected row since mend50b)
    w._fh = _FullDisk()  # type: ignore[assignment]
    bad = pa.table(
        {"file": ["a.csv"], "row": [3], "rejected_field": ["Month"], "rejected": ["Month: x"]}
    )
    with pytest.raises(InputFormatError) as info:
        w(bad)
    assert str(info.value) == f"{target}: --rejected: cannot write the file (No space left)"
    assert list(tmp_path.iterdir()) == []
