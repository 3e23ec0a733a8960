"""A CSV that begins with Excel's ``sep=,`` line is told so, not "expected the incident fields".

Excel writes (and reads) a first line ``sep=,`` (or ``sep=;``) naming the separator; a
police.uk month or an incident CSV saved so was refused as a file whose header is not
police.uk's nor the incident fields', listing them all, the line itself never said (a
hostile-input review, hostile54). It is now refused naming that line and what to do:
delete it. Exit status 1, nothing written, from every command that reads a CSV.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import sample_police_uk
from tests.cli_run import run

_SAID = "begins with Excel's separator line (sep=...): delete that line"


def _month_with(line: bytes) -> bytes:
    return line + sample_police_uk().read_bytes()


@pytest.mark.parametrize(
    "argv",
    [
        ("classify", "{f}", "--summary", "json", "-o", "{o}"),
        ("classify", "{d}", "--summary", "json", "-o", "{o}"),  # a folder of months
        ("report", "{f}", "-o", "{o}.html"),
        ("explain", "{f}", "--format", "json"),
    ],
)
def test_a_month_saved_with_a_sep_line_is_told_so(tmp_path: Path, argv: tuple[str, ...]) -> None:
    d = tmp_path / "months"
    d.mkdir()
    f = d / "2025-06-warwickshire-street.csv"
    f.write_bytes(_month_with(b"sep=,\r\n"))
    out_file = tmp_path / "o.jsonl"
    code, out, err = run(*(a.format(f=f, d=d, o=out_file) for a in argv))
    assert code == 1, err
    assert out == ""
    assert err == f"svduty {argv[0]}: error: {f}: expected a header row first (this file {_SAID})\n"
    assert not list(tmp_path.glob("o.*"))


@settings(max_examples=25, deadline=None)
@given(
    sep=st.sampled_from([",", ";", "\t", "|"]),
    word=st.sampled_from(["sep", "SEP", "Sep"]),
    end=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
)
def test_an_incident_csv_with_a_sep_line_is_told_so(
    tmp_path_factory: pytest.TempPathFactory, sep: str, word: str, end: str, bom: bool
) -> None:
    f = tmp_path_factory.mktemp("sep") / "in.csv"
    head = ("\ufeff" if bom else "") + f"{word}={sep}{end}"
    f.write_text(head + f"id{sep}offence_code{end}Jane Smith{sep}8N{end}", encoding="utf-8")
    code, out, err = run("classify", f, "--summary", "json")
    assert code == 1, err
    assert out == ""
    assert _SAID in err
    assert "Jane Smith" not in err


@pytest.mark.parametrize(
    "first", ["sep,id,offence_code\n", "separator,id\n", "sep=,id,offence_code\n", "sep\n"]
)
def test_a_column_named_sep_is_a_column(tmp_path: Path, first: str) -> None:
    """Only a line of ``sep=`` and one character is Excel's: a header naming 'sep' is read."""
    from svduty.io._compressed import refuse_compressed

    f = tmp_path / "in.csv"
    f.write_text(first + "x,a,8N\n", encoding="utf-8")
    refuse_compressed(f)  # no error: the reader reads the header
