"""Coordinates read as numbers by the CSV parser give what the text path gives.

The reader asks the parser for ``Longitude`` and ``Latitude`` as numbers and reads a piece
again as text when a cell is not one; the one-thread reader (``one_thread``) reads every
cell as text and converts it in :func:`~svduty.io.normalise_police_uk`. Both must give the
same rows, values and rejections, whatever the cells hold.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svduty.io import POLICE_UK_COLUMNS, POLICE_UK_SCHEMA, normalise_police_uk, read_police_uk
from svduty.io import _police_uk_fallback as fallback
from svduty.io import _police_uk_parse as parse

HEADER = ",".join(POLICE_UK_COLUMNS)
ODD = [
    "",
    " ",
    '""',
    '" 1.5"',
    '"-1.25"',
    "nan",
    "NaN",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "1e400",
    "-1e-400",
    " 1.5",
    "1.5 ",
    "\t2",
    "+1.5",
    "-0",
    ".5",
    "5.",
    "1.5e",
    "1e5",
    "0x10",
    "1_0",
    "east",
    "NULL",
    "NA",
    "N/A",
    "null",
    "#N/A",
    "181",
    "-90.0001",
    "90",
    "-180",
    "52.1234567890123456789",
    "\u0663",
]


def _row(lon: str, lat: str) -> str:
    cells = ["abc", "2025-06", "W", "W", lon, lat, "On or near X", "E01031005", "N 005A"]
    return ",".join([*cells, "Burglary", "Under investigation", ""])


def _number(x: float) -> str:
    return repr(x)


CELL = st.one_of(
    st.sampled_from(ODD),
    st.floats(allow_nan=True, allow_infinity=True).map(_number),
    st.floats(-200, 200).map(lambda x: f"{x:.6f}"),
)


def _serial(path: Path, block: int) -> pa.Table:
    batches = [b for b, _ in fallback.one_thread(path, block, None, 0)]
    return pa.Table.from_batches(batches, schema=POLICE_UK_SCHEMA)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(CELL, CELL), min_size=1, max_size=40),
    good=st.integers(0, 30),
    block=st.sampled_from([256, 4096, 1 << 20]),
)
def test_numbers_read_by_the_parser_are_the_text_paths(
    rows: list[tuple[str, str]], good: int, block: int, tmp_path_factory: object
) -> None:
    lines = [_row("-1.5", "52.3")] * good + [_row(lon, lat) for lon, lat in rows]
    f = tmp_path_factory.mktemp("n") / "n.csv"  # type: ignore[attr-defined]
    f.write_bytes((HEADER + "\n" + "\n".join(lines) + "\n").encode())
    got = pa.Table.from_batches(list(read_police_uk(f, block_size=block)), schema=POLICE_UK_SCHEMA)
    want = _serial(f, block)
    assert got.sort_by("row").equals(want.sort_by("row"))
    assert got.num_rows == len(lines)


def test_a_float_column_is_normalised_as_its_text() -> None:
    # normalise_police_uk takes the coordinates as numbers too (the reader's fast path)
    cells = ["-1.5", "", "nan", "181", "-0", "1e400"]
    cols: dict[str, list[str]] = {c: ["x"] * len(cells) for c in POLICE_UK_COLUMNS}
    cols["Month"] = ["2025-06"] * len(cells)
    cols["Crime type"] = ["Burglary"] * len(cells)
    cols["Longitude"] = cells
    cols["Latitude"] = ["52"] * len(cells)
    text = pa.table(cols)
    numbers = pc.cast(pc.if_else(pc.equal(text["Longitude"], ""), None, text["Longitude"]), "f8")
    typed = text.set_column(text.schema.get_field_index("Longitude"), "Longitude", numbers)
    want, got = normalise_police_uk(text), normalise_police_uk(typed)
    assert got.equals(want)
    assert got.column("rejected").to_pylist() == [
        None,
        "Longitude: expected a number in degrees, as the other coordinate is given",
        "Longitude: expected a number in degrees",
        "Longitude: expected a number from -180 to 180",
        None,
        "Longitude: expected a number from -180 to 180",
    ]
    assert parse._NUMBERS["Longitude"] == pa.float64()
