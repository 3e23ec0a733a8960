"""A police.uk crime type or month that is not UTF-8 is rejected as not UTF-8 (hostile61).

The reader decodes a batch with a cell that is not UTF-8 cell by cell, blanking the bad
cell, and rejects its row ``COLUMN: expected UTF-8 text`` with how to convert the file. A
crime type or a month so blanked was then checked as a crime type or a month, and its row
was rejected ``Crime type: expected one of the 14 police.uk crime types`` (``Month:
expected a month YYYY-MM``): a user would look for a misspelt word, not for the file's
encoding. The bytes are what is wrong, and are said first, whatever else the row holds.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from svduty.io import SUMMARY_COLUMNS, read_police_uk

HEADER = (
    b"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    b"LSOA name,Crime type,Last outcome category,Context\n"
)
CELLS = [
    b"abc",
    b"2025-06",
    b"Warwickshire Police",
    b"Warwickshire Police",
    b"-1.5",
    b"52.3",
    b"On or near Hospital",
    b"E01031180",
    b"Rugby 001A",
    b"Burglary",
    b"",
    b"",
]
COLUMN = {
    "Month": 1,
    "Longitude": 4,
    "Location": 6,
    "Crime type": 9,
}
NOT_UTF8 = ": expected UTF-8 text (these bytes are not UTF-8"


def _line(**changed: bytes) -> bytes:
    cells = list(CELLS)
    for name, value in changed.items():
        cells[COLUMN[name.replace("_", " ")]] = value
    return b",".join(cells) + b"\n"


def _rejected(path: Path, **read: object) -> list[tuple[str | None, str | None]]:
    table = pa.Table.from_batches(list(read_police_uk(path, **read)))  # type: ignore[arg-type]
    reasons, fields = table["rejected"].to_pylist(), table["rejected_field"].to_pylist()
    return list(zip(reasons, fields, strict=True))


BAD = {"Crime type": b"Burgl\xe4ry", "Month": b"2025-0\xc3", "Location": b"On or near \xff"}


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
@pytest.mark.parametrize("columns", [None, SUMMARY_COLUMNS], ids=["all", "summary"])
@pytest.mark.parametrize("column", sorted(BAD))
def test_a_cell_not_utf8_is_rejected_as_such(
    tmp_path: Path, column: str, columns: object, quoted: bool
) -> None:
    good = _line(Location=b'"On or near, Hospital"') if quoted else _line()
    path = tmp_path / "month.csv"
    path.write_bytes(HEADER + good + _line(**{column.replace(" ", "_"): BAD[column]}) + good)
    rows = _rejected(path, columns=columns)
    assert rows[0] == rows[2] == (None, None)
    reason, field = rows[1]
    assert field == column
    assert str(reason).startswith(column + NOT_UTF8), reason


def test_the_bytes_are_said_before_any_other_reason(tmp_path: Path) -> None:
    path = tmp_path / "month.csv"
    lines = [
        _line(Crime_type=b"Burgl\xe4ry", Longitude=b"east"),  # a coordinate not a number too
        _line(Month=b"2025-0\xc3", Crime_type=b"Burgl\xe4ry"),  # two: the first column named
        _line(Longitude=b"east"),  # no bad bytes: as before
    ]
    path.write_bytes(HEADER + b"".join(lines))
    rows = _rejected(path)
    assert [field for _, field in rows[:2]] == ["Crime type", "Month"]
    assert str(rows[0][0]).startswith("Crime type" + NOT_UTF8)
    assert str(rows[1][0]).startswith("Month" + NOT_UTF8)
    assert rows[2] == ("Longitude: expected a number in degrees", "Longitude")
