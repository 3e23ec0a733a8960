"""users55 (hostile54's finding): a Parquet file named ``.csv`` was "not a readable CSV file
(bytes that are not UTF-8)", or a header not police.uk's: it is now named as Parquet, by its
first bytes (``PAR1``), with what to do, by every command that reads it."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ..cli_run import run

_SAID = "this one is a Parquet file, by its first bytes PAR1, though named .csv"


@pytest.fixture
def parquet_csv(tmp_path):
    path = tmp_path / "incidents.csv"
    pq.write_table(pa.table({"id": ["a", "b"], "offence_code": ["3B", "8N"]}), path)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ("classify", "{f}"),
        ("classify", "{f}", "--input-format", "incidents"),
        ("classify", "{f}", "--input-format", "police-uk"),
        ("explain", "{f}"),
        ("report", "{f}", "-o", "{d}/r.html"),
    ],
)
def test_a_parquet_file_named_csv_is_said_to_be_parquet(parquet_csv, argv):
    args = [a.format(f=parquet_csv, d=parquet_csv.parent) for a in argv]
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert _SAID in err
    assert "rename it to .parquet" in err
    assert "UTF-8" not in err


def test_renamed_it_is_read(parquet_csv):
    renamed = parquet_csv.rename(parquet_csv.with_suffix(".parquet"))
    code, out, _ = run("classify", renamed)
    assert code == 0
    assert len(out.splitlines()) == 2
