"""Issue 12's reproducers for the readers: a bad row is rejected with its line and reason and
the rest classified; a bad file is a named SvdutyError (exit 1); never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

from svduty.definitions._spelling import ID_EXPECTED
from svduty.errors import InputFormatError
from svduty.io import (
    POLICE_UK_COLUMNS,
    iter_incidents_jsonl,
    read_incident_table,
    read_incidents_jsonl,
    read_police_uk,
)
from svduty.io._lines import record_lines
from svduty.io._utf8_cells import CONVERT

from ..cli_run import run
from ..fuzz.personal import Personal, leaks, personal

HEADER = ",".join(POLICE_UK_COLUMNS)
GOOD = (
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
    "E01031005,North Warwickshire 005A,Possession of weapons,Under investigation,"
)


def summary(*argv: str) -> dict:
    code, out, err = run("classify", *argv, "--summary", "json")
    assert code == 0, err
    # incidents without --output: the rows own standard output, the summary is on stderr
    text = err if "{" in err else out
    return json.loads(text[text.index("{") :])


def rejected(s: dict) -> list[tuple[int, str]]:
    return [(r["row"], r["field"]) for r in s["rejections"]]


# --- row numbers: the line where the record starts (item 5) ------------------------------
@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"h\n1\n2\n", [1, 2, 3]),
        (b"h\n\n1\n\n\n2", [1, 3, 6]),
        (b'h\n"a\nb"\n2\n', [1, 2, 4]),
        (b"h\r1\r2\r", [1, 2, 3]),
        (b"h\r\n1\r\n\r\n2\r\n", [1, 2, 4]),
        (b'h\n"say ""hi""\nthere",1\n2', [1, 2, 4]),
        (b"", []),
    ],
)
def test_record_lines(tmp_path, data, lines):
    f = tmp_path / "a.csv"
    f.write_bytes(data)
    assert record_lines(f).tolist() == lines


def test_police_uk_rows_are_named_by_their_start_line(tmp_path):
    f = tmp_path / "m.csv"
    multi = GOOD.replace("On or near X", '"On or\nnear X"').replace("52.3", "north")
    f.write_text("\n".join([HEADER, GOOD, "", multi, GOOD.replace("-1.5", "x"), "a,b"]) + "\n")
    t = pa.Table.from_batches(list(read_police_uk(f)))
    got = sorted(
        (r, w.split(":")[0])
        for r, w in zip(t["row"].to_pylist(), t["rejected"].to_pylist(), strict=True)
        if w
    )
    assert got == [(4, "Latitude"), (6, "Longitude"), (7, "fields")]
    assert t["row"].to_pylist()[0] == 2


def test_a_repeated_header_is_reported_as_such(tmp_path):
    f = tmp_path / "two.csv"
    f.write_text("\n".join([HEADER, GOOD, HEADER, GOOD]) + "\n")
    s = summary(str(f))
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (3, 2, 1)
    assert rejected(s) == [(3, "header")]
    assert "repeated header" in s["rejections"][0]["reason"]
    g = tmp_path / "two-incidents.csv"
    g.write_text("Ref,Age\nA1,19\nRef,Age\nA2,20\n")
    t = read_incident_table(g, mapping={"Ref": "id", "Age": "victim_age"})
    assert t["rejected_field"].to_pylist() == [None, "header", None]
    assert t["row"].to_pylist() == [2, 3, 4]


# --- bad bytes, line ends and sizes (item 3) ----------------------------------------------
def test_a_latin1_byte_rejects_its_row_only(tmp_path):
    f = tmp_path / "lat.csv"
    bad = GOOD.replace("On or near X", "Caf\xe9").encode("latin-1")
    f.write_bytes(f"{HEADER}\n{GOOD}\n".encode() + bad + f"\n{GOOD}\n".encode())
    s = summary(str(f))
    assert (s["rows_out"], rejected(s)) == (2, [(3, "Location")])
    assert s["rejections"][0]["reason"] == "expected UTF-8 text" + CONVERT
    j = tmp_path / "lat.jsonl"
    j.write_bytes(b'{"id": "a"}\n{"id": "caf\xe9"}\n{"id": "b"}\n')
    t = read_incidents_jsonl(j)
    assert t["rejected"].to_pylist() == [None, "line: expected UTF-8 text" + CONVERT, None]


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_line_endings_and_no_final_newline(tmp_path, end):
    f = tmp_path / "m.csv"
    f.write_text(end.join([HEADER, GOOD, GOOD]), newline="")
    s = summary(str(f))
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (2, 2, 0)
    j = tmp_path / "i.jsonl"
    j.write_text(end.join(['{"id": "a"}', "", '{"id": "b"}']), newline="")
    assert read_incidents_jsonl(j)["row"].to_pylist() == [1, 3]


def test_a_header_alone_without_a_final_newline(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text(HEADER)
    s = summary(str(f))
    assert (s["rows_in"], s["rows_out"]) == (0, 0)


def test_a_huge_field_is_one_row(tmp_path):
    f = tmp_path / "big.csv"
    f.write_text(HEADER + "\n" + GOOD.replace("On or near X", "x" * 5_000_000) + "\n")
    s = summary(str(f))
    assert (s["rows_in"], s["rows_out"]) == (1, 1)


def test_json_nesting_and_numbers_beyond_int64_are_rejected_rows(tmp_path):
    j = tmp_path / "i.jsonl"
    j.write_text(
        '{"id": "a"}\n'
        + "[" * 100_000
        + "\n"
        + json.dumps({"id": "b", "victim_age": 2**63})
        + "\n"
        + json.dumps({"id": "c", "victim_age": -(2**63) - 1})
        + '\n{"id": "d"}\n'
    )
    t = read_incidents_jsonl(j)
    assert t["rejected_field"].to_pylist() == [None, "line", "victim_age", "victim_age", None]
    s = summary(str(j))
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (5, 2, 3)


@pytest.mark.parametrize("digits", [4301, 10_000])
def test_a_number_too_long_for_python_is_a_rejected_row(tmp_path, digits):
    # json.loads raises a plain ValueError (not a JSONDecodeError) beyond Python's limit of
    # 4,300 digits for int(str): that was "unexpected ValueError", the whole run lost
    j = tmp_path / "i.jsonl"
    j.write_text('{"id": "a"}\n{"victim_age": ' + "9" * digits + '}\n{"id": "b"}\n')
    t = read_incidents_jsonl(j)
    assert t["rejected"].to_pylist() == [
        None,
        "line: expected numbers of at most 4300 digits",
        None,
    ]
    code, _, err = run("classify", str(j), "--summary", "json")
    assert (code, "unexpected" in err) == (0, False)
    s = summary(str(j))
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (3, 2, 1)


def test_streaming_jsonl_batches_are_bounded(tmp_path):
    j = tmp_path / "i.jsonl"
    j.write_text("".join(f'{{"id": "{i}"}}\n' for i in range(10)))
    sizes = [b.num_rows for b in iter_incidents_jsonl(j, batch_rows=4)]
    assert sizes == [4, 4, 2]


def test_not_utf8_at_all_is_a_bad_file(tmp_path):
    j = tmp_path / "u16.jsonl"
    j.write_text('{"id": "a"}\n', encoding="utf-16")
    with pytest.raises(InputFormatError, match="UTF-8"):
        read_incidents_jsonl(j)


# --- incident CSV and Parquet (items 3 and 7) ---------------------------------------------
def test_signed_ages_and_unmapped_columns(tmp_path):
    f = tmp_path / "i.csv"
    f.write_text("Ref,Age,Note\nA1,+16,hello\nA2,-3,\nA3,x,kept\n")
    t = read_incident_table(f, mapping={"Ref": "id", "Age": "victim_age"})
    assert t["victim_age"].to_pylist() == [16, -3, None]
    assert t["Note"].to_pylist() == ["hello", "", "kept"]
    out = tmp_path / "o.parquet"
    code, _, err = run(
        "classify", str(f), "--map", "Ref=id", "--map", "Age=victim_age", "--output", str(out)
    )
    assert code == 0, err
    written = pq.read_table(out)
    # passed through; A2 (an age of -3) and A3 (not a number) rejected
    assert written["Note"].to_pylist() == ["hello"]
    assert written["id"].to_pylist() == ["A1"]


@pytest.mark.parametrize(
    ("text", "argv"),
    [
        ("Ref,Ref\n1,2\n", []),
        ("id,Ref\n1,2\n", ["--map", "Ref=id"]),
        ("row,x\n1,2\n", []),
    ],
)
def test_two_columns_for_one_field_is_a_bad_file(tmp_path, text, argv):
    f = tmp_path / "i.csv"
    f.write_text(text)
    code, _out, err = run("classify", str(f), "--format", "incidents", *argv)
    assert code == 1
    assert "Traceback" not in err
    assert "one column" in err


def test_two_maps_to_one_field_is_a_usage_error(tmp_path):
    """The command line names one field twice, whatever the file: exit status 2."""
    f = tmp_path / "i.csv"
    f.write_text("Ref,Code\n1,2\n")
    argv = ["--map", "Ref=id", "--map", "Code=id"]
    code, _, err = run("classify", str(f), "--format", "incidents", *argv)
    assert code == 2
    assert "argument --map: expected one column for each incident field" in err


def test_parquet_list_and_wrong_typed_columns(tmp_path):
    f = tmp_path / "l.parquet"
    pq.write_table(
        pa.table({"id": ["a"], "harms": [["injury"]], "tags": [["x", "y"]], "n": [1.5]}), f
    )
    t = read_incident_table(f)
    assert t["harms"].to_pylist() == [["injury"]]
    assert t["tags"].to_pylist() == [["x", "y"]]  # an unmapped list column is passed through
    out = tmp_path / "o.csv"
    assert run("classify", str(f), "--output", str(out))[0] == 0
    assert "x;y" in out.read_text()
    g = tmp_path / "w.parquet"
    pq.write_table(pa.table({"weapon": [["knife"]]}), g)
    code, _, err = run("classify", str(g))
    assert code == 1
    assert "weapon: a column of list<string>; expected a string" in err


def test_corrupt_parquet_and_a_folder_where_a_file_should_be(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    code, _, err = run("classify", str(bad))
    assert (code, "not a readable Parquet file" in err, "Traceback" in err) == (1, True, False)
    folder = tmp_path / "x.jsonl"
    folder.mkdir()
    code, _, err = run("classify", str(folder), "--format", "incidents")
    assert code == 1
    assert "a file, not a folder" in err


# --- format detection, folders (item 7) ---------------------------------------------------
def test_quoted_padded_and_bom_headers_are_police_uk(tmp_path):
    f = tmp_path / "q.csv"
    header = ",".join(f' "{c}" ' for c in POLICE_UK_COLUMNS)
    f.write_bytes(b"\xef\xbb\xbf" + (header + "\n" + GOOD + "\n").encode())
    s = summary(str(f))
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (1, 1, 0)


def test_upper_case_csv_is_read_and_other_files_are_listed_as_skipped(tmp_path):
    d = tmp_path / "months"
    d.mkdir()
    (d / "A.CSV").write_text(HEADER + "\n" + GOOD + "\n")
    (d / "b.csv").write_text(HEADER + "\n" + GOOD + "\n\n")  # not a copy of A.CSV
    (d / "notes.txt").write_text("hello")
    s = summary(str(d))
    assert s["rows_in"] == 2
    assert [p.endswith("notes.txt (not a .csv file)") for p in s["skipped"]] == [True]
    _code, out, _ = run("classify", str(d))
    assert "skipped: " in out


# --- bad output paths (item 3) ------------------------------------------------------------
@pytest.mark.parametrize("where", ["missing/o.csv", "folder", "o.xlsx"])
def test_bad_output_paths_are_named_errors(tmp_path, where):
    (tmp_path / "folder").mkdir()
    f = tmp_path / "m.csv"
    f.write_text(HEADER + "\n" + GOOD + "\n")
    code, out, err = run("classify", str(f), "--output", str(tmp_path / where))
    assert code == (2 if where == "o.xlsx" else 1)  # a name of no format: usage (users52b)
    assert "--output" in err
    assert "Traceback" not in err
    assert out == ""


def test_a_bad_rejected_path_is_a_named_error(tmp_path):
    f = tmp_path / "m.csv"
    f.write_text(HEADER + "\n" + GOOD + "\n")
    code, _, err = run("classify", str(f), "--rejected", str(tmp_path / "no" / "r.csv"))
    assert code == 1
    assert "--rejected" in err


# --- the corners of the incident table readers -------------------------------------------
def test_incident_csv_rows_of_the_wrong_width_are_rejected_with_their_lines(tmp_path):
    f = tmp_path / "w.csv"
    f.write_text("id,weapon\na,knife\nb\nc,none,extra\nd,\n")
    t = read_incident_table(f)
    got = sorted(zip(t["row"].to_pylist(), t["rejected_field"].to_pylist(), strict=True))
    assert got == [(2, None), (3, "fields"), (4, "fields"), (5, None)]
    assert read_incident_table(tmp_path / "w.csv")["id"].to_pylist()[:2] == ["a", "d"]


def test_incident_csv_that_breaks_mid_file_and_empty_files(tmp_path):
    f = tmp_path / "q.csv"
    f.write_text('id,weapon\na,knife\n"b,none\nc,knife\n')  # a quote never closed
    t = read_incident_table(f)  # its row alone is rejected (the file was refused)
    assert t["row"].to_pylist() == [2, 4, 3]
    assert t["id"].to_pylist() == ["a", "c", None]
    assert t["rejected"].to_pylist()[:2] == [None, None]
    h = tmp_path / "h.csv"
    h.write_text("id,weapon\n")
    empty = read_incident_table(h)
    assert empty.num_rows == 0
    assert "rejected" in empty.schema.names
    d = tmp_path / "d.csv"
    d.mkdir()
    with pytest.raises(InputFormatError, match="a file, not a folder"):
        read_incident_table(d)


def test_parquet_columns_of_near_types_are_converted(tmp_path):
    f = tmp_path / "t.parquet"
    pq.write_table(
        pa.table(
            {
                "id": pa.array([7, 8], pa.int32()),
                "victim_age": pa.array([30, None], pa.int16()),
                "died": pa.nulls(2),
                "harms": pa.array([["injury"], None], pa.large_list(pa.string())),
                "weapon": pa.array(["knife", None]).dictionary_encode(),
            }
        ),
        f,
    )
    t = read_incident_table(f)
    assert t["id"].to_pylist() == ["7", "8"]
    assert t["victim_age"].to_pylist() == [30, None]
    assert t["died"].to_pylist() == [None, None]
    assert t["harms"].to_pylist() == [["injury"], None]
    assert t["weapon"].to_pylist() == ["knife", None]
    # a float age (pandas' integer column with a gap) is read row by row, as Incident reads it
    g = tmp_path / "floats.parquet"
    pq.write_table(pa.table({"victim_age": pa.array([1.5, 30.0])}), g)
    t = read_incident_table(g)
    assert t["victim_age"].to_pylist() == [None, 30]
    assert t["rejected"].to_pylist() == ["victim_age: expected a whole number of years", None]
    for column, expected in (
        (pa.array([[1]], pa.list_(pa.int64())), "a list of words"),
        (pa.array([True]), "a whole number"),
    ):
        g = tmp_path / "bad.parquet"
        pq.write_table(pa.table({"victim_age" if "whole" in expected else "harms": column}), g)
        with pytest.raises(InputFormatError, match=expected):
            read_incident_table(g)


def test_incidents_from_a_byte_stream_on_standard_input(monkeypatch):
    import io as stdlib_io
    import sys

    raw = stdlib_io.BytesIO(b'{"id": "a"}\r\n{"id": "caf\xe9"}\n')
    monkeypatch.setattr(sys, "stdin", stdlib_io.TextIOWrapper(raw))
    t = read_incidents_jsonl("-")
    assert t["file"].to_pylist() == ["<stdin>", "<stdin>"]
    assert t["rejected"].to_pylist() == [None, "line: expected UTF-8 text" + CONVERT]


def test_an_unreadable_csv_is_named_without_quoting_its_rows(tmp_path):
    """pyarrow's own message can quote the row; svduty names the kind of failure only."""
    from svduty.errors import SvdutyError
    from svduty.io._incident_tables import iter_incident_table

    f = tmp_path / "in.csv"
    f.write_text('id,victim_age\nA1,19\n"Jane Citizen, DOB 12/03/1985,19\n')
    try:
        rows = list(iter_incident_table(f))
    except SvdutyError as exc:
        text = str(exc)
    else:
        text = " ".join(str(b.to_pydict()) for b in rows)
    text = text.replace(str(f), "FILE")  # the temporary path may hold any digits
    assert "Jane" not in text
    assert "1985" not in text


def test_an_undecodable_malformed_incident_row_is_rejected_with_its_line(tmp_path):
    # pyarrow cannot hand such a row to the invalid-row handler as text: it is found in an
    # ASCII copy and its own bytes mended, as the police.uk reader does (the file was refused)
    from svduty.io import read_incident_table

    f = tmp_path / "i.csv"
    f.write_bytes(b"id,victim_age\na,5\n\nb,6,\xff\xfe\nd,\xe9\nc,7\n")
    t = read_incident_table(f)
    assert t.column("row").to_pylist() == [2, 5, 6, 4]  # the malformed row last, by its line
    assert t.column("rejected").to_pylist() == [
        None,
        "victim_age: expected UTF-8 text" + CONVERT,
        None,
        "fields: expected 2 fields, like the header",
    ]
    assert t.column("id").to_pylist()[:3] == ["a", "d", "c"]


@pytest.mark.parametrize(
    "body",
    [
        b'"b\xff,6\n',  # a quote never closed, not UTF-8
    ],
)
def test_an_undecodable_malformed_incident_row_prints_no_traceback(tmp_path, body):
    # pyarrow cannot hand such a row to the reader's invalid-row handler as text: it
    # printed "Exception ignored in: <function _open_csv.<locals>.<lambda>>" and a traceback
    f = tmp_path / "i.csv"
    f.write_bytes(b"id,victim_age\na,5\n" + body + b"c,7\n")
    r = subprocess.run(
        [sys.executable, "-m", "svduty", "classify", str(f), "--format", "incidents"],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    err = r.stderr.decode()
    assert r.returncode == 0  # the row is rejected, the others classified (the file was refused)
    assert f"{f}: row 3: fields: expected 2 fields" in err
    assert "rows in: 3" in err or "rows in: 3" in r.stdout.decode()
    assert "Traceback" not in err
    assert "Exception ignored" not in err


def test_an_incident_row_that_is_not_utf8_is_rejected_and_the_rest_classified(tmp_path):
    # a well-formed row with bytes that are not UTF-8 (here gzip's) rejects that row only
    f = tmp_path / "i.csv"
    f.write_bytes(b"id,victim_age\na,5\n\x1f\x8b\x08\x00\xff\xfe,6\nc,7\n")
    rejected = tmp_path / "rejected.csv"
    r = subprocess.run(
        [
            *(sys.executable, "-m", "svduty", "classify", str(f), "--format", "incidents"),
            *("--rejected", str(rejected)),
        ],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().count('"rejected": null') == 2
    assert rejected.read_text().splitlines()[1] == f'"{f}",3,"id","expected UTF-8 text{CONVERT}"'
    assert "Traceback" not in r.stderr.decode()


def _swap(cells: list[str], i: int, j: int) -> list[str]:
    cells = list(cells)
    cells[i], cells[j] = cells[j], cells[i]
    return cells


@pytest.mark.parametrize(
    "columns",
    [
        _swap(POLICE_UK_COLUMNS, 0, 1),  # police.uk columns in another order
        list(POLICE_UK_COLUMNS[:11]),  # police.uk without Context
        [c.replace("Crime type", "Crime Category") for c in POLICE_UK_COLUMNS],
        ["ref", "when", "code"],  # an incident export, no --map
    ],
)
def test_a_csv_with_no_incident_column_is_refused_not_classified_as_nothing(tmp_path, columns):
    # was: read as incidents none of whose columns is an incident field, every row
    # "undetermined" with "no location", exit 0
    f = tmp_path / "m.csv"
    f.write_text(",".join(columns) + "\n" + ",".join("x" * len(columns)) + "\n")
    for fmt in ("auto", "incidents"):
        code, out, err = run("classify", str(f), "--format", fmt)
        assert (code, out) == (1, "")
        assert err.startswith(f"svduty classify: error: {f}: header: ")
        assert "--map" in err
        assert "police.uk" in err
    with pytest.raises(InputFormatError):
        read_incident_table(f)


@pytest.mark.parametrize("value", ["true", "false"])
def test_an_id_of_true_or_false_is_rejected_not_read_as_text(tmp_path, value):
    # was: accepted, its id written "True" (a bool is an int to Python); explain rejects it
    j = tmp_path / "i.jsonl"
    j.write_text(f'{{"id": {value}}}\n{{"id": 7}}\n')
    t = read_incidents_jsonl(j)
    assert t["rejected"].to_pylist() == [f"id: expected {ID_EXPECTED}", None]  # as explain
    assert t["id"].to_pylist() == [None, "7"]


@given(name=personal)
@settings(max_examples=25, deadline=None)
def test_a_headerless_incident_csv_never_echoes_its_first_row(name: Personal):
    # a file without a header: its first row is read as one; two equal cells there were
    # named in "expected one column per name" (a leak of the first incident's data)
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "i.csv"
        f.write_text(f'"{name.text}","{name.text}",8N\nA,B,8N\n')
        code, _, err = run("classify", str(f), "--format", "incidents")
        with pytest.raises(InputFormatError) as info:
            read_incident_table(f)
    assert code == 1
    assert "one column per name" in err
    assert "column 2" in err
    assert leaks([err, str(info.value)], [name]) == []


def test_a_repeated_column_with_a_plain_name_is_named(tmp_path):
    f = tmp_path / "i.csv"
    f.write_text("id,notes,notes\na,x,y\n")
    with pytest.raises(InputFormatError, match=r"i\.csv: notes: expected one column per name"):
        read_incident_table(f)


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
@pytest.mark.parametrize("at", [0, 1, 998])
def test_a_stray_quote_in_an_incident_csv_rejects_its_row_and_keeps_the_rest(at, newline):
    """A quote never closed made pyarrow read the rest of the file as one value: the rows
    after it vanished, the counts still balanced and the exit status was 0."""
    from svduty.io import iter_incident_table

    rows = [b"id,offence_code"] + [b"%d,8N" % i for i in range(1000)]
    rows[at + 1] = b'%d,"8N' % at
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "q.csv"
        f.write_bytes(newline.join(rows) + newline)
        out = pa.concat_tables(pa.Table.from_batches([b]) for b in iter_incident_table(f))
    bad = out.filter(pa.compute.is_valid(out["rejected"]))
    assert out.num_rows == 1000
    assert bad["row"].to_pylist() == [at + 2]
    assert out.filter(pa.compute.is_null(out["rejected"]))["id"].to_pylist() == [
        str(i) for i in range(1000) if i != at
    ]


@pytest.mark.parametrize("body", [b"\x1f\x8b", b"\x00", b"\x1f\x8b\x08\x00" + bytes(range(30))])
def test_a_binary_file_named_csv_is_not_called_empty(tmp_path, body):
    f = tmp_path / "z.csv"
    f.write_bytes(body)
    with pytest.raises(InputFormatError) as info:
        read_incident_table(f)
    assert "an empty file)" not in str(info.value)
    assert "not a readable CSV file" in str(info.value)


def test_a_stray_quote_in_an_incident_csv_too_big_to_follow_refuses_the_file(tmp_path, monkeypatch):
    """Over the whole-file limit the quotes are only counted: an odd count refuses the file
    rather than let pyarrow read the rest of it as one value (rows lost, exit 0)."""
    import svduty.io._incident_csv_whole as tables

    monkeypatch.setattr(tables, "_WHOLE", 16)
    f = tmp_path / "big.csv"
    f.write_text("id,offence_code\n" + "".join(f"{i},8N\n" for i in range(50)) + '50,"8N\n51,8N\n')
    with pytest.raises(InputFormatError, match="a quote is opened and never closed"):
        read_incident_table(f)
    f.write_text("id,offence_code\n" + "".join(f'{i},"8N"\n' for i in range(50)))
    assert read_incident_table(f).num_rows == 50
