"""mend47: a police.uk Crime ID that is only a NUL (or spaces, invisible characters) is none.

An incident CSV file's cell of nothing but spaces or invisible characters (a lone NUL, a
zero-width space, a byte order mark) is an absent value (``svduty._blank``): such an id
is null. A police.uk month's Crime ID was only trimmed of whitespace, so ``"\\x00"`` was
kept as an id while the same cell of an incident file was none. One rule now, the CSV
cell's: a blank Crime ID is null, as an empty one is (anti-social behaviour); any other
Crime ID is kept as police.uk wrote it, a NUL within it too (contract43, mend46b: the id
decides nothing, and rejecting it would take a crime out of the counts). JSON Lines ids
are a value the file gives in quotes and stay as given (``test_blank_text``).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty._blank import is_blank
from svduty.io import iter_incidents, read_police_uk
from svduty.io._inputs import POLICE_UK_COLUMNS

from ..cli_run import run

HEADER = ",".join(POLICE_UK_COLUMNS)
REST = (
    "2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,,,"
    "Violence and sexual offences,,"
)
BLANK = ["\x00", "\x00\x00", " \x00 ", "\u200b", "\ufeff", "\u00a0\x00", "\x7f"]
KEPT = ["ab\x00c", "\x00x", "a" * 64, "x\u200b"]


def _police_uk(folder: Path, ids: list[str]) -> Path:
    f = folder / "2025-06-warwickshire-street.csv"
    f.write_bytes((HEADER + "\n" + "".join(f"{i},{REST}\n" for i in ids)).encode())
    return f


def _incidents(folder: Path, ids: list[str]) -> Path:
    f = folder / "incidents.csv"
    f.write_bytes(("id,offence_code\n" + "".join(f"{i},3B\n" for i in ids)).encode())
    return f


def _police_ids(path: Path) -> list[str | None]:
    table = pa.Table.from_batches(list(read_police_uk(path)))
    assert table.column("rejected").null_count == table.num_rows
    return table.column("id").to_pylist()


def _incident_ids(path: Path) -> list[str | None]:
    return pa.Table.from_batches(list(iter_incidents(path))).column("id").to_pylist()


def test_a_blank_crime_id_is_null_as_an_incident_id_is(tmp_path: Path) -> None:
    ids = [*BLANK, *KEPT]
    expected = [None] * len(BLANK) + KEPT
    assert _police_ids(_police_uk(tmp_path, ids)) == expected
    assert _incident_ids(_incidents(tmp_path, ids)) == expected


def test_classify_writes_no_id_for_a_nul_crime_id(tmp_path: Path) -> None:
    f = _police_uk(tmp_path, ["\x00", "ab\x00c"])
    out = tmp_path / "out.jsonl"
    code, _, _ = run("classify", f, "-o", out)
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert '"id": null' in text or '"id":null' in text
    assert "\\u0000c" in text  # the NUL within an id is kept


@pytest.mark.parametrize("blank", BLANK)
def test_explain_a_police_uk_row_with_a_blank_crime_id(tmp_path: Path, blank: str) -> None:
    f = _police_uk(tmp_path, [blank])
    code, out, _ = run("explain", f, "--row", "2", "--format", "json")
    assert code == 0
    assert '"id": null' in out


CELL = st.text(
    st.sampled_from(["\x00", " ", "\t", "\u200b", "\ufeff", "\u00a0", "\x7f", "a", "7", "\u00e9"]),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ids=st.lists(CELL, min_size=1, max_size=5))
def test_both_csv_routes_read_an_id_alike(tmp_path: Path, ids: list[str]) -> None:
    """Whatever the cell: null on both routes exactly when it is blank."""
    police = _police_ids(_police_uk(tmp_path, ids))
    incidents = _incident_ids(_incidents(tmp_path, ids))
    assert [p is None for p in police] == [is_blank(i) for i in ids]
    assert [i is None for i in incidents] == [is_blank(i) for i in ids]
