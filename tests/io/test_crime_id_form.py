"""A police.uk Crime ID not of police.uk's form: the row is kept (contract43).

police.uk publishes a crime's id as 64 hexadecimal digits (the API's ``persistent_id``,
"64-character unique identifier for that crime") and none for anti-social behaviour; both
real months in ``/work/shared/data/policeuk`` hold nothing else. The id takes no part in
classifying a row, so a row whose id is of another form (a spreadsheet's ``1.23E+63``, a
force's own reference) is kept and classified, never rejected for it: rejecting it would
take a crime out of the counts for its label. Only the check of files given twice reads
it, and there an id not of police.uk's form is matched whole: a 64-character id that is
not hexadecimal was numbered by its "digits" (any other character read as 0), so two
different such ids were one crime and counted as given twice.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.io import POLICE_UK_COLUMNS, normalise_police_uk, read_police_uk, sample_police_uk
from svduty.io._overlap import repeated_crime_ids

from ..conftest import SHARED

HEADER = ",".join(POLICE_UK_COLUMNS) + "\n"
ROW = ",2025-06,Warwickshire Police,Warwickshire Police,,,No Location,,,Drugs,,\n"
POLICE_UK_ID = re.compile(r"[0-9a-f]{64}")


@pytest.mark.parametrize(
    "path", [sample_police_uk(), *sorted((SHARED / "policeuk").glob("*.csv"))], ids=str
)
def test_police_uk_publishes_64_hex_digits_or_none_for_anti_social_behaviour(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            asb = row["Crime type"] == "Anti-social behaviour"
            assert (row["Crime ID"] == "") if asb else POLICE_UK_ID.fullmatch(row["Crime ID"])


ODD = ["1.23457E+63", "WK/12345/25", "g" * 64, "a" * 63, "A" * 64, "é" * 32, "x"]


def test_a_row_with_a_crime_id_of_another_form_is_kept_with_its_id() -> None:
    cols = {c: [""] * len(ODD) for c in POLICE_UK_COLUMNS}
    cols["Crime ID"] = ODD
    cols["Month"] = ["2025-06"] * len(ODD)
    cols["Crime type"] = ["Drugs"] * len(ODD)
    out = normalise_police_uk(pa.table(cols), file="x.csv")
    assert out.column("rejected").to_pylist() == [None] * len(ODD)
    assert out.column("id").to_pylist() == ODD


def test_every_row_of_a_file_with_odd_ids_is_read_and_accounted_for(tmp_path: Path) -> None:
    f = tmp_path / "m.csv"
    f.write_text(HEADER + "".join(f'"{i}"{ROW}' for i in ODD), encoding="utf-8")
    table = pa.Table.from_batches(list(read_police_uk(f)))
    assert table.num_rows == len(ODD)
    assert table.column("rejected").null_count == len(ODD)


def _two_files(tmp_path: Path, first: list[str], second: list[str]) -> list[Path]:
    paths = []
    for name, ids in (("a.csv", first), ("b.csv", second)):
        p = tmp_path / name  # the same force's same month: the second is suspect, read whole
        p.write_text(HEADER + "".join(f"{i}{ROW}" for i in ids), encoding="utf-8")
        paths.append(p)
    return paths


def test_different_ids_not_of_police_uk_form_are_not_one_crime(tmp_path: Path) -> None:
    paths = _two_files(tmp_path, ["g" * 64, "é" * 32], ["h" * 64, "ü" * 32])
    assert repeated_crime_ids(paths) == 0


@given(
    st.lists(
        st.text(alphabet="0123456789abcdefxyzXYZ/-", min_size=1, max_size=70),
        min_size=1,
        max_size=6,
        unique=True,
    ),
    st.data(),
)
def test_rows_are_repeated_exactly_when_their_ids_are(ids: list[str], data: st.DataObject) -> None:
    import tempfile

    again = data.draw(st.lists(st.sampled_from(ids), max_size=4))
    fresh = [f"z{i}" * 2 for i in range(data.draw(st.integers(0, 3)))]
    with tempfile.TemporaryDirectory() as d:
        paths = _two_files(Path(d), ids, [*again, *fresh])
        assert repeated_crime_ids(paths) == len(again)
