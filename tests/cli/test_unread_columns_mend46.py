"""Columns of an incident table that are no incident field: classify notes them as explain does.

Before mend46 ``svduty explain`` said "N columns not read (not incident fields): ..." on
standard error, while ``svduty classify`` passed the same columns through to its output
without a word, so a misspelt column (``weapn``) left a fact unread unseen. Both now give
the note of one function (``svduty._commands._unread.unread_columns``), once a file: the
column names (a header), never a cell's value, at most ten named.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.cli_run import run

SECRET = "Jane Citizen of 4 Privet Drive"


def _notes(stderr: str) -> list[str]:
    return [line.split(": note: ", 1)[1] for line in stderr.splitlines() if ": note: " in line]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_classify_notes_the_columns_explain_notes(tmp_path: Path, suffix: str) -> None:
    extra = ["weapn", "notes", *(f"x{c}" for c in "abcdefghijk")]
    src = tmp_path / f"in{suffix}"
    columns = {"id": ["a"], "offence_code": ["8N"], **{name: [SECRET] for name in extra}}
    if suffix == ".csv":
        src.write_text(",".join(columns) + "\n" + ",".join(v[0] for v in columns.values()))
    else:
        pq.write_table(pa.table(columns), src)
    _, _, explained = run("explain", src)
    code, _, classified = run("classify", src, "-o", tmp_path / "out.parquet")
    assert code == 0, classified
    [said] = _notes(classified)
    assert _notes(explained) == [said]
    assert said.startswith(f"{src}: 13 columns not read (not incident fields): weapn (did you")
    assert said.endswith(", xi, xj, xk")  # every one named (mend52: was ten, "and 3 more")
    assert SECRET not in classified
    assert pq.read_table(tmp_path / "out.parquet").column("weapn").to_pylist() == [SECRET]


def test_no_note_when_every_column_is_a_field(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,offence_code\na,8N\n")
    code, _, stderr = run("classify", src, "-o", tmp_path / "out.parquet")
    assert code == 0
    assert _notes(stderr) == []
