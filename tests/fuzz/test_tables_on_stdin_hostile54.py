"""A table (Parquet, CSV) where JSON Lines is read: refused whole, never every line (hostile54).

``svduty classify - < x.parquet`` read the Parquet file's bytes as JSON Lines: each
"line" of the binary file was rejected ("expected a JSON object", "expected UTF-8 text"),
exit status 0, rows in a count of the file's newline bytes. So was an incident CSV on
standard input, and a Parquet or CSV file named ``.jsonl``. Standard input holds JSON
Lines only: a table there is refused with exit status 2 (the command line is wrong: give
the file's name, which says its format), as ``--input-format police-uk -`` is; a named
``.jsonl`` file that is a table is refused with exit status 1 (the file is wrong). Nothing
is written, and no value of the table is shown.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.io import sample_police_uk
from svduty.io._incident_schema import INCIDENT_SCHEMA

CANARIES = ("jane.smith@example.org", "Jane Smith")


def _parquet(tmp: Path) -> bytes:
    table = pa.table({"id": ["Jane Smith", "b"], "offence_code": ["8N", "jane.smith@example.org"]})
    pq.write_table(table, tmp / "t.parquet")
    return (tmp / "t.parquet").read_bytes()


_CSV = b"id,date,offence_code\nJane Smith,2025-01-01,8N\nb,2025-01-02,jane.smith@example.org\n"


def _tables(tmp: Path) -> dict[str, bytes]:
    return {
        "parquet": _parquet(tmp),
        "csv": _CSV,
        "csv-bom-crlf-quoted": b'\xef\xbb\xbf"ID","Offence_Code"\r\n"Jane Smith","8N"\r\n',
        "police-uk": sample_police_uk().read_bytes(),
    }


_SAID = {"parquet": "a Parquet file", "police-uk": "a police.uk street-level CSV"}


def _said(kind: str) -> str:
    return _SAID.get(kind, "a CSV file")


def _piped(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    piped = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)


def _run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("kind", ["parquet", "csv", "csv-bom-crlf-quoted", "police-uk"])
@pytest.mark.parametrize(
    "argv",
    [
        ("classify", "-"),
        ("classify", "--input-format", "incidents", "-", "--summary", "json"),
        ("explain", "-", "--format", "json"),
    ],
)
def test_a_table_on_standard_input_is_refused_with_exit_status_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str, argv: tuple[str, ...]
) -> None:
    _piped(monkeypatch, _tables(tmp_path)[kind])
    written = tmp_path / "o.jsonl"
    extra = ("-o", written) if argv[0] == "classify" else ()
    code, out, err = _run(*argv, *extra)
    assert code == 2, err
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"svduty {argv[0]}: error: <stdin>: expected incidents as JSON Lines")
    assert f"this is {_said(kind)}" in err
    assert "give the file's name" in err
    assert not written.exists()
    assert not any(c in out + err for c in CANARIES)


@pytest.mark.parametrize("kind", ["parquet", "csv", "csv-bom-crlf-quoted", "police-uk"])
@pytest.mark.parametrize("suffix", [".jsonl", ".NDJSON"])
def test_a_table_named_as_json_lines_is_refused_whole(
    tmp_path: Path, kind: str, suffix: str
) -> None:
    f = tmp_path / f"Jane Smith{suffix}"
    f.write_bytes(_tables(tmp_path)[kind])
    written = tmp_path / "o.csv"
    code, out, err = _run("classify", f, "-o", written, "--summary", "json")
    assert code == 1, err
    assert out == ""
    assert err.startswith(f"svduty classify: error: {f}: expected incidents as JSON Lines")
    assert f"this is {_said(kind)}" in err
    assert not written.exists()
    assert not any(c in out + err.replace(str(f), "") for c in CANARIES)


def test_the_python_reader_refuses_a_parquet_file_named_as_json_lines(tmp_path: Path) -> None:
    from svduty.errors import InputFormatError
    from svduty.io import iter_incidents

    f = tmp_path / "t.jsonl"
    f.write_bytes(_parquet(tmp_path))
    with pytest.raises(InputFormatError) as caught:
        list(iter_incidents([f]))
    [problem] = caught.value.problems
    assert problem.file == str(f)
    assert "this is a Parquet file" in str(caught.value)


_FIELDS = st.sampled_from(INCIDENT_SCHEMA.names)
_CASED = _FIELDS.flatmap(lambda n: st.sampled_from([n, n.upper(), n.title(), f'"{n}"', f" {n} "]))


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(_CASED, min_size=2, max_size=6),
    sep=st.sampled_from([",", ";", "\t"]),
    end=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_any_header_of_incident_fields_is_told_a_csv(
    names: list[str], sep: str, end: str, bom: bool
) -> None:
    from svduty.io._table_kind import table_kind

    head = ("\ufeff" if bom else "") + sep.join(names) + end + "Jane Smith" + sep + "8N" + end
    assert table_kind(head.encode("utf-8")) == "a CSV file"


_JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.floats(allow_nan=False)
)


@settings(max_examples=80, deadline=None)
@given(
    first=st.one_of(
        st.dictionaries(st.text(max_size=12), _JSON_SCALARS, max_size=4),
        st.lists(_JSON_SCALARS, max_size=4),
        _JSON_SCALARS,
    ),
    rest=st.binary(max_size=60),
)
def test_json_lines_are_never_told_a_table(first: object, rest: bytes) -> None:
    """Whatever its first line is, if it is JSON (any value: a bad one rejects its row
    alone), the input is read as JSON Lines, every other line its own row."""
    import json

    from svduty.io._table_kind import table_kind

    line = json.dumps(first, ensure_ascii=False).encode("utf-8")
    assert table_kind(line + b"\n" + rest) is None
    assert table_kind(b"\xef\xbb\xbf" + line + b"\r\n" + rest) is None


@pytest.mark.parametrize(
    "start",
    [
        b"",
        b"\n\n",
        b'{"id": "a"}\n',
        b"not json at all\n",  # a bad line: rejected as its row, not the whole input
        b"Jane Smith, jane.smith@example.org\n",  # no field named: a bad line
        b"PAR",  # too short to tell
        b"id",  # one name, no separator: a bad line
    ],
)
def test_what_is_not_told_a_table(start: bytes) -> None:
    from svduty.io._table_kind import table_kind

    assert table_kind(start) is None


def test_a_header_alone_with_no_line_end_is_still_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """police.uk's header told by its first name, the line not whole (as it was before)."""
    header = sample_police_uk().read_bytes().split(b"\n")[0].rstrip(b"\r")
    _piped(monkeypatch, header)
    code, _, err = _run("classify", "-")
    assert code == 2
    assert "this is a police.uk street-level CSV" in err


def test_a_parquet_file_piped_to_the_command(tmp_path: Path) -> None:
    """The real standard input of a process (a file descriptor, not a Python stream)."""
    import subprocess
    import sys

    f = tmp_path / "t.parquet"
    f.write_bytes(_parquet(tmp_path))
    with f.open("rb") as given:
        done = subprocess.run(
            [sys.executable, "-m", "svduty", "classify", "-"],
            stdin=given,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.endswith(
        "(this is a Parquet file: give the file's name instead, which says its format)\n"
    )
    assert "Traceback" not in done.stderr


def _pretty(tmp: Path) -> bytes:
    import json

    rows = [{"id": "Jane Smith", "offence_code": "8N"}, {"id": "b", "victim_age": 30}]
    return json.dumps(rows, indent=2).encode("utf-8")


@pytest.mark.parametrize("shape", ["array", "object"])
@pytest.mark.parametrize("where", ["-", "in.jsonl", "in.json"])
def test_a_pretty_printed_json_document_is_refused_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shape: str, where: str
) -> None:
    """A JSON array (or object) written over many lines, as ``json.dumps(rows, indent=2)``
    and most exporters write JSON: each of its lines was a row rejected ("expected a JSON
    object"), 102 rows for 10 incidents. It is refused whole, exit status 1 wherever it
    comes from (the file itself is wrong), saying how to write JSON Lines."""
    import json

    data = _pretty(tmp_path)
    if shape == "object":
        data = json.dumps({"incidents": json.loads(data)}, indent=2).encode("utf-8")
    if where == "-":
        _piped(monkeypatch, data)
        name = "<stdin>"
    else:
        (tmp_path / where).write_bytes(data)
        name = str(tmp_path / where)
    command = ("explain", "--format", "json") if where == "in.json" else ("classify",)
    code, out, err = _run(command[0], name if where != "-" else "-", *command[1:])
    assert code == 1, err
    assert out == ""
    assert err.startswith(f"svduty {command[0]}: error: {name}: expected incidents as JSON Lines")
    assert "this is a JSON document over several lines" in err
    assert "jq -c" in err
    assert not any(c in out + err for c in CANARIES)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_told_or_not_never_an_error(start: bytes) -> None:
    from svduty.io._table_kind import PRETTY, table_kind

    assert table_kind(start) in (
        None,
        "a Parquet file",
        "a police.uk street-level CSV",
        PRETTY,
        "a CSV file",
    )


def test_a_stream_that_cannot_be_peeked_is_left_to_its_reader() -> None:
    """No ``peek`` (a raw stream), or an error peeking (a device): the reader says why."""
    from svduty.io._table_kind import refuse_table

    class Failing(io.BytesIO):  # (a device: every read fails, as the peek did)
        def peek(self, size: int = 0) -> bytes:
            raise OSError(5, "Input/output error")

        def read(self, size: int | None = -1) -> bytes:
            raise OSError(5, "Input/output error")

    refuse_table("in.jsonl", io.BytesIO(b"PAR1"))  # type: ignore[arg-type]  # no peek: no check
    refuse_table("in.jsonl", Failing(b"PAR1"))  # no error here
