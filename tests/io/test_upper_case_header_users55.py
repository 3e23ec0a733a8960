"""users55 (hostile54's finding): an incident CSV whose header is the fields in upper case
(``ID,DATE,OFFENCE_CODE``) was told only the list of fields; it is now told that its columns
spell the fields otherwise, and the --map options that read them (which then work)."""

from __future__ import annotations

import shlex

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ..cli_run import run


def _maps(err: str) -> list[str]:
    return shlex.split(err.split("or give ")[1].rstrip(")\n"))


@pytest.mark.parametrize("header", ["ID,DATE,OFFENCE_CODE", "Id,Date,Offence Code"])
@pytest.mark.parametrize("command", ["classify", "explain"])
def test_a_header_of_the_fields_otherwise_spelt_is_told_how_to_read_it(tmp_path, header, command):
    path = tmp_path / "in.csv"
    path.write_text(f"{header}\na,2024-01-02,3B\n", encoding="utf-8")
    code, out, err = run(command, path)
    assert code == 1
    assert out == ""
    assert "spell id, date, offence_code otherwise" in err
    maps = _maps(err)
    assert maps[::2] == ["--map"] * 3
    code, out, err = run(command, path, *maps)
    assert code == 0, err
    assert "3B" in out


def test_a_parquet_table_too(tmp_path):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"ID": ["a"], "OFFENCE_CODE": ["3B"]}), path)
    code, _, err = run("classify", path)
    assert code == 1
    assert "this header's ID, OFFENCE_CODE spell id, offence_code otherwise" in err


def test_a_header_of_no_field_keeps_the_list(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("Ref,Code\na,3B\n", encoding="utf-8")
    code, _, err = run("classify", path)
    assert code == 1
    assert "one or more of id, date, offence_code" in err
