"""Compressed files and workbooks are refused by name (an analyst's review).

A ``.csv.gz`` was "expected a police.uk street-level CSV"; the same bytes named ``.csv``
were "a row with the wrong number of fields"; a police.uk month piped on standard input
was read as JSON Lines and every row rejected, with exit status 0.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from pathlib import Path

import pytest

from svduty.io import sample_police_uk

from ..cli_run import run

MONTH = sample_police_uk().read_bytes()
PACKED = {"gzip": gzip.compress, "bzip2": bz2.compress, "xz": lzma.compress}


@pytest.mark.parametrize("kind", sorted(PACKED))
@pytest.mark.parametrize("name", ["m.csv.gz", "m.csv"])
@pytest.mark.parametrize("command", [["classify"], ["classify", "--format", "police-uk"]])
def test_a_compressed_month_is_refused_naming_its_compression(tmp_path, kind, name, command):
    f = tmp_path / name
    f.write_bytes(PACKED[kind](MONTH))
    code, out, err = run(*command, f)
    assert (code, out) == (1, "")
    assert f"{f}: expected an uncompressed file (this one is {kind}-compressed" in err


def test_the_report_refuses_one_too(tmp_path):
    f = tmp_path / "m.csv.gz"
    f.write_bytes(gzip.compress(MONTH))
    code, _, err = run("report", f, "-o", tmp_path / "r.html")
    assert code == 1
    assert "gzip-compressed: decompress it first" in err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(  # .xls: a hostile review (it was not recognised)
    ("name", "start"),
    [("m.xlsx", b"PK\x03\x04"), ("m.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")],
)
def test_a_workbook_is_told_to_be_saved_as_csv(tmp_path, name, start):
    f = tmp_path / name
    f.write_bytes(start + b"\x00" * 40)
    code, _, err = run("classify", "--format", "police-uk", f)
    assert code == 1
    assert "spreadsheet workbook: save it as CSV" in err


@pytest.mark.parametrize("first", ["PK", "BZh"])  # BZh: a hostile review (taken for bzip2)
def test_a_csv_whose_first_column_looks_like_a_magic_number_is_read(tmp_path, first):
    f = tmp_path / "in.csv"
    f.write_text(f"{first},id,location\n1,a,E07000220\n", encoding="utf-8")
    code, _, err = run("classify", f, "--map", f"{first}=victim_age", "--summary", "json")
    assert "compressed" not in err
    assert code == 0


@pytest.mark.parametrize(
    ("data", "says", "status"),
    [
        (gzip.compress(MONTH), "gzip-compressed", 1),
        # a table on standard input: give its file's name (hostile54: was exit status 1)
        (MONTH, "expected incidents as JSON Lines on standard input ('-'), not a table", 2),
        (b"\xef\xbb\xbf" + MONTH, "this is a police.uk street-level CSV", 2),
    ],
)
def test_standard_input_is_refused_as_a_file_is(monkeypatch, tmp_path: Path, data, says, status):
    piped = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)
    code, out, err = run("classify", "-", "-o", tmp_path / "o.jsonl")
    assert (code, out) == (status, "")
    assert err.startswith("svduty classify: error: <stdin>: ")
    assert says in err
    assert not (tmp_path / "o.jsonl").exists()


def test_a_named_pipe_is_not_read_to_look_for_compression(tmp_path):
    """A hostile review: the check opened a named pipe, and waited for a writer."""
    import os

    from svduty.io._compressed import refuse_compressed

    fifo = tmp_path / "f.jsonl"
    os.mkfifo(fifo)
    refuse_compressed(fifo)  # returns at once: a pipe is the reader's to read, once


@pytest.mark.parametrize("command", ["classify", "report"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_utf16_month_is_told_to_be_utf8(tmp_path, command, encoding):
    """A month saved as 'Unicode text' was 'not a police.uk file' to report and 'bytes that
    are not UTF-8' to classify (a hostile-input review): both say UTF-16 and what to do."""
    month = tmp_path / "m.csv"
    month.write_bytes(sample_police_uk().read_text(encoding="utf-8").encode(encoding))
    argv = [command, str(month)] + (["-o", str(tmp_path / "r.html")] if command == "report" else [])
    code, _, err = run(*argv)
    assert code == 1
    assert "expected UTF-8 text (this file is UTF-16" in err
    assert "iconv -f UTF-16 -t UTF-8" in err


@pytest.mark.parametrize(("sep", "said"), [(";", "';'"), ("\t", "tabs")])
@pytest.mark.parametrize(
    "command", [["classify"], ["classify", "--format", "police-uk"], ["report"]]
)
def test_a_month_saved_with_another_separator_is_told_so(tmp_path, sep, said, command):
    """A spreadsheet's 'CSV' with ';' or tabs was told to use the incident fields (an analyst
    review): every command says the separator and how to save the file."""
    month = tmp_path / "m.csv"
    month.write_text(MONTH.decode("utf-8").replace(",", sep), encoding="utf-8")
    extra = ["-o", str(tmp_path / "r.html")] if command == ["report"] else []
    code, _, err = run(*command, month, *extra)
    assert code == 1
    assert f"separated by {said}" in err
    assert "comma delimited" in err


def test_a_month_with_a_trailing_empty_column_is_told_so(tmp_path):
    month = tmp_path / "m.csv"
    month.write_text(
        "".join(line + ",\n" for line in MONTH.decode("utf-8").splitlines()), encoding="utf-8"
    )
    code, _, err = run("classify", month)
    assert code == 1
    assert "a spreadsheet's trailing comma?" in err


@pytest.mark.parametrize(("sep", "said"), [(";", "';'"), ("\t", "tabs")])
def test_incidents_saved_with_another_separator_are_told_so(tmp_path, sep, said):
    """The incident header's check and the month's say it alike (one helper): a header of
    incident fields however cased, or of police.uk's number of fields."""
    incidents = tmp_path / "i.csv"
    incidents.write_text(sep.join(["ID", "Offence_Code", "Victim_Age"]) + "\na1" + sep + "8N\n")
    code, _, err = run("classify", incidents, "--input-format", "incidents")
    assert code == 1
    assert f"separated by {said}" in err
    assert "comma delimited" in err


def test_an_incident_csv_with_a_context_column_is_refused_not_passed_through(tmp_path):
    """A differential review: ``Context`` and ``Location`` in an incident CSV passed
    through unread (exempt as police.uk's own columns): a county lines offence was
    ``undetermined`` and without a location, in silence."""
    f = tmp_path / "x.csv"
    f.write_text("offence_code,Context,Location\n92A,county_lines,E07000222\n")
    code, _, err = run("classify", f, "--input-format", "incidents")
    assert code == 1
    assert "Context: expected the field's own name, context (or --map Context=context)" in err


@pytest.mark.parametrize("name", ["Offence Code", "Offence Code'", "offence code`"])
def test_the_map_suggested_for_a_near_miss_name_is_one_a_shell_reads_back(tmp_path, name):
    """The suggestion was ``--map 'NAME=field'`` whatever NAME held: a quote in it gave
    a command a shell could not read (hostile review)."""
    import shlex

    f = tmp_path / "x.csv"
    f.write_text(f"{name},id\n8N,a\n")
    code, _, err = run("classify", f)
    assert code == 1
    said = err.split("(or --map ", 1)[1].rsplit(")", 1)[0]
    assert shlex.split(said) == [f"{name}=offence_code"]


@pytest.mark.parametrize("name", ["Offence Code", "-offence_code", "offence=code", "Offence Code'"])
def test_the_suggested_map_reads_the_file(tmp_path, name):
    """The suggestion, given back as a shell would split it, reads the file: a name with
    a leading dash was taken for an option (``--map -x=f``), and one holding ``=`` could
    not be mapped at all (hostile review)."""
    import shlex

    f = tmp_path / "x.csv"
    f.write_text(f"{name},id\n8N,a\n")
    code, _, err = run("classify", f)
    assert code == 1
    option = err.split("(or ", 1)[1].rsplit(")", 1)[0]
    code, _, err = run("classify", f, *shlex.split(option), "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    assert '"offence_code": "8N"' in (tmp_path / "out.jsonl").read_text()
