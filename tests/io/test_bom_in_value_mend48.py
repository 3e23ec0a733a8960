r"""mend48: a byte order mark that begins a value is kept, by both CSV readers alike.

A byte order mark (U+FEFF) is skipped at the start of a file only. Arrow's CSV parser
skips one at the start of whatever it is handed, and the police.uk reader hands it a file
in pieces (the rows after the header, cut at row boundaries): a Crime ID ``"\ufeff7"`` on
the first row of a piece read ``"7"``, on any other row ``"\ufeff7"``, and an incident CSV
file's same cell ``"\ufeff7"`` (mend47's review). One rule now, for both readers: a value
is kept as the file writes it (trimmed of whitespace; a value of only spaces and invisible
characters is none, ``svduty._blank``); only the file's first bytes may be a mark, read
as none.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from svduty._blank import is_blank
from svduty.io import iter_incidents
from svduty.io._inputs import POLICE_UK_COLUMNS
from svduty.io._police_uk_csv import read_csv

from .test_police_uk_quotes import READERS

BOM = "\ufeff"
HEADER = ",".join(POLICE_UK_COLUMNS)
REST = (
    "2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,,,"
    "Violence and sexual offences,,"
)


def _police_uk(folder: Path, ids: list[str], *, bom: bool = False) -> Path:
    f = folder / "2025-06-warwickshire-street.csv"
    text = HEADER + "\n" + "".join(f"{i},{REST}\n" for i in ids)
    f.write_bytes((BOM if bom else "").encode() + text.encode())
    return f


def _incidents(folder: Path, ids: list[str], *, bom: bool = False) -> Path:
    f = folder / "incidents.csv"
    text = "id,offence_code\n" + "".join(f"{i},3B\n" for i in ids)
    f.write_bytes((BOM if bom else "").encode() + text.encode())
    return f


def _incident_ids(path: Path) -> list[str | None]:
    return pa.Table.from_batches(list(iter_incidents(path))).column("id").to_pylist()


def _police_ids(path: Path, how: str) -> list[str | None]:
    table = READERS[how](path)
    assert table.column("rejected").null_count == table.num_rows
    return table.column("id").to_pylist()


def _kept(cell: str) -> str | None:
    """The rule: none if blank, else as written (these cells have no space at either end)."""
    return None if is_blank(cell) else cell


@pytest.mark.parametrize("how", sorted(READERS))
def test_a_mark_at_the_start_of_the_first_row_is_kept(tmp_path: Path, how: str) -> None:
    ids = [BOM + "7", "8", BOM + "9", BOM + BOM + "x", BOM]
    expected = [BOM + "7", "8", BOM + "9", BOM + BOM + "x", None]
    assert _incident_ids(_incidents(tmp_path, ids)) == expected
    assert _police_ids(_police_uk(tmp_path, ids), how) == expected
    # a file that begins with a mark: that one is the file's, not the value's
    assert _incident_ids(_incidents(tmp_path, ids, bom=True)) == expected
    assert _police_ids(_police_uk(tmp_path, ids, bom=True), how) == expected


@pytest.mark.parametrize("how", sorted(READERS))
def test_a_mark_is_kept_at_the_start_of_every_block_and_piece(tmp_path: Path, how: str) -> None:
    """400 rows: several blocks of 4 KiB, or pieces, each began without its row's mark."""
    ids = [f"{BOM}{i}" for i in range(400)]
    assert _police_ids(_police_uk(tmp_path, ids), how) == ids


def test_a_piece_that_begins_with_a_mark_keeps_it() -> None:
    row = "\ufeffx1,2025-06" + "," * 10 + "\n"
    for data in (row.encode(), memoryview(row.encode()), pa.py_buffer(row.encode())):
        table, bad = read_csv(data, {}, blank_rows=False, quotes=False, columns=("Crime ID",))
        assert (table.column("Crime ID").to_pylist(), bad) == (["\ufeffx1"], [])


CELL = st.text(st.sampled_from([BOM, "7", "a", " ", "\u200b", "\x00", "\u00e9"]), max_size=4)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ids=st.lists(CELL.filter(lambda c: c.strip(" ") == c), min_size=1, max_size=12),
    bom=st.booleans(),
    how=st.sampled_from(sorted(READERS)),
)
@example(ids=[BOM + "7"], bom=False, how="one-block")  # read "7" before
def test_both_readers_alike(tmp_path: Path, ids: list[str], bom: bool, how: str) -> None:
    """Whatever the cell and wherever its row: both readers give the rule's value."""
    ids = [i or "-" for i in ids]  # an empty cell: the incident reader leaves the row out
    expected = [_kept(i) for i in ids]
    assert _incident_ids(_incidents(tmp_path, ids, bom=bom)) == expected
    assert _police_ids(_police_uk(tmp_path, ids, bom=bom), how) == expected
