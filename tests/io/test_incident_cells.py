"""The shortcut for cells that need no trimming converts as the full conversion does."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.io import _incident_cells
from svduty.io._incident_cells import _convert, _plain_cells, _short_digits
from svduty.io._incident_tables import iter_incident_table, read_incident_table
from svduty.io._utf8_cells import CONVERT

CELL = st.one_of(
    st.text(st.sampled_from("09+-a; é\t\u00a0x"), max_size=11),
    st.integers(0, 10**10).map(str),
    st.sampled_from(["", " 1", "1 ", "+5", "007", "1234567890", "a;b", "\x1f1"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(CELL, min_size=1, max_size=8),
    st.sampled_from(["str", "list", "int", "bool"]),
    st.integers(0, 3),
)
def test_the_shortcut_is_the_full_conversion(cells: list[str], kind: str, start: int) -> None:
    column = pa.array(cells, pa.string()).slice(min(start, len(cells) - 1))
    fast = _convert(column, kind, ";")
    with patch.object(_incident_cells, "_plain_cells", lambda c: False):
        slow = _convert(column, kind, ";")
    assert [a.to_pylist() for a in fast] == [a.to_pylist() for a in slow]


def test_which_columns_take_the_shortcut() -> None:
    assert _plain_cells(pa.array(["a", "b c", "1"]))
    assert not _plain_cells(pa.array(["a", ""]))
    assert not _plain_cells(pa.array(["a", " b"]))
    assert not _plain_cells(pa.array(["a", "b\u00a0"]))  # not ASCII: perhaps a space
    assert not _plain_cells(pa.array(["a", None]))
    assert not _plain_cells(pa.array([], pa.string()))
    assert not _plain_cells(pa.chunked_array([["a"]]))
    assert _short_digits(pa.array(["1", "123456789"]))
    assert not _short_digits(pa.array(["1", "1234567890"]))
    assert not _short_digits(pa.array(["+1"]))


def _rows(f: Path) -> list[dict[str, object]]:
    batches = list(iter_incident_table(f, mapping={"Ref": "id", "Age": "victim_age"}))
    return pa.Table.from_batches(batches).to_pylist()


@pytest.mark.parametrize(
    ("text", "ref", "age"),
    [
        ('Ref,Age\n"a",1\n"b",2\n', "Ref", "Age"),
        ("Ref,Age\na,1\nb,2", "Ref", "Age"),
        ('Ref,Age\na,1\n"b\nc",2\n', "Ref", "Age"),  # a line break in a field: streamed
        ("Ref,Age\na,1\n\nb,2\n", "Ref", "Age"),  # a blank line
        ("Ref,Age\r\na,1\r\nb,2\r\n", "Ref", "Age"),
        ("Ref,Age\na,1\nb,2,3\nc,x\n", "Ref", "Age"),  # a row of three fields
        ('"Ref","Age"\n"a",1\n', "Ref", "Age"),  # a quoted header
        ("\ufeffRef,Age\na,1\n", "Ref", "Age"),  # a byte order mark: as the parser reads it
        ('"R""ef",Age\na,1\n', 'R"ef', "Age"),  # a quote doubled in a name
        ('Ref,"Ag\ne"\na,1\n', "Ref", "Ag\ne"),  # a line break in a name
    ],
)
def test_a_whole_file_reads_as_the_streaming_reader_reads_it(
    tmp_path: Path, text: str, ref: str, age: str
) -> None:
    f = tmp_path / "i.csv"
    f.write_bytes(text.encode())

    def rows() -> list[dict[str, object]]:
        batches = iter_incident_table(f, mapping={ref: "id", age: "victim_age"})
        return pa.Table.from_batches(list(batches)).to_pylist()

    whole = rows()
    with patch("svduty.io._incident_csv_whole._WHOLE", -1):  # never read whole
        assert whole == rows()


def test_a_whole_file_is_handed_on_in_batches_rejected_rows_or_not(tmp_path: Path) -> None:
    """Its rows classified a batch at a time: the same rows, rejected ones in the same order.

    A file with a rejected row was handed on whole until speed51d, which converts each
    slice alone (``io._incident_slices`` since speed57c): every check is of a row alone.
    """
    f = tmp_path / "i.csv"
    f.write_text("Ref,Age\n" + "".join(f"r{i},{i % 90}\n" for i in range(22)))
    mapping = {"Ref": "id", "Age": "victim_age"}
    whole = read_incident_table(f, mapping=mapping)
    with patch("svduty.io._incident_tables.BATCH_ROWS", 4):
        batches = list(iter_incident_table(f, mapping=mapping))
        assert [b.num_rows for b in batches] == [4, 16, 2]  # the first 4, then up to 4 x 4
        assert pa.Table.from_batches(batches).to_pylist() == whole.to_pylist()
        f.write_text("Ref,Age\n" + "".join(f"r{i},{'x' if i == 7 else i}\n" for i in range(22)))
        batches = list(iter_incident_table(f, mapping=mapping))
        assert [b.num_rows for b in batches] == [4, 16, 2]  # before speed51d: [22]
    whole = read_incident_table(f, mapping=mapping)
    assert whole.column("rejected").to_pylist()[7] == "victim_age: expected a whole number of years"
    assert pa.Table.from_batches(batches).to_pylist() == whole.to_pylist()


def test_a_file_that_cannot_be_looked_at_is_not_read_whole(tmp_path: Path) -> None:
    from svduty.io._incident_tables import _small

    f = tmp_path / "i.csv"
    f.write_text("Ref,Age\na,1\n")
    assert _small(f) == b"Ref,Age\na,1\n"
    with patch("pathlib.Path.stat", side_effect=OSError("gone")):
        assert _small(f) is None
    with patch("svduty.io._incident_csv_whole._WHOLE", 3):
        assert _small(f) is None
    from svduty.io._incident_tables import _mended

    with patch("pathlib.Path.read_bytes", side_effect=OSError("gone")):
        assert _mended(f) is None  # read as the parser reads it


def test_a_cell_that_is_not_utf8_rejects_its_row_read_whole_or_streamed(tmp_path: Path) -> None:
    f = tmp_path / "i.csv"
    f.write_bytes(b"Ref,Age,Note\na,1,x\n\xff\xfe,2,y\nc,3,\xe9t\xe9\nd,x,ok\n")
    mapping = {"Ref": "id", "Age": "victim_age"}
    whole = read_incident_table(f, mapping=mapping)
    with patch("svduty.io._incident_csv_whole._WHOLE", -1):  # never read whole
        assert read_incident_table(f, mapping=mapping).to_pylist() == whole.to_pylist()
    assert whole.column("rejected").to_pylist() == [
        None,
        "id: expected UTF-8 text" + CONVERT,
        "column 3 (its name not shown): expected UTF-8 text" + CONVERT,
        "victim_age: expected a whole number of years",
    ]
    assert whole.column("rejected_field").to_pylist()[1] == "id"
    assert whole.column("id").to_pylist()[:2] == ["a", None]  # no bytes that are not text
    assert whole.column("row").to_pylist() == [2, 3, 4, 5]


def test_a_small_file_of_one_line_a_record_is_read_whole(tmp_path: Path) -> None:
    from svduty.io._incident_tables import _whole_csv

    f = tmp_path / "i.csv"
    f.write_text('Ref,Age\n"a",1\nb,2')
    whole = _whole_csv(f, ["Ref", "Age"])
    assert whole is not None
    assert whole[1].to_pylist() == [2, 3]
    f.write_text("Ref,Age\na,1\n\nb,2\n")
    assert _whole_csv(f, ["Ref", "Age"]) is None


def test_a_file_pyarrow_refuses_or_cannot_read_whole_goes_the_streaming_way(
    tmp_path: Path,
) -> None:
    from svduty.io._incident_tables import _whole_csv

    f = tmp_path / "i.csv"
    f.write_bytes(b"Ref,Age\na,1\nb,2,\xff\n")  # a row too wide and not UTF-8
    assert _whole_csv(f, ["Ref", "Age"]) is None
    f.write_text("Ref,Age\na,1\n")
    with patch("pathlib.Path.read_bytes", side_effect=OSError("gone")):
        assert _whole_csv(f, ["Ref", "Age"]) is None
    assert _whole_csv(f, ["Ref", "Other"]) is None  # not the columns asked for


def test_a_yes_no_cell_reads_y_and_n_and_a_bad_one_says_what_reads(tmp_path: Path) -> None:
    """'Y'/'N' is a common export's yes and no: 12,716 of an analyst's 50,000 rows were
    rejected, each with "expected true or false" though 'yes' and '1' were read (an
    analyst's review)."""
    f = tmp_path / "i.csv"
    f.write_text("id,died\na,Y\nb,n\nc,Yes\nd,0\ne,maybe\n")
    t = read_incident_table(f)
    assert t.column("died").to_pylist() == [True, False, True, False, None]
    assert t.column("rejected").to_pylist()[:4] == [None] * 4
    why = t.column("rejected")[4].as_py()
    assert why.startswith("died: expected true or false (a cell's true, yes, y or 1; false, no")


def test_a_csv_list_cell_can_say_the_empty_list(tmp_path: Path) -> None:
    """A differential review: JSON Lines and Parquet say ``behaviours: []`` (none
    happened: violence ``no``), a CSV could not (an empty cell is unknown; ``[]`` was
    refused): 129 of 1,000 incidents got other answers from CSV."""
    from svduty.definitions import Incident, classify, classify_table

    f = tmp_path / "in.csv"
    f.write_text(
        "id,relationship,victim_age,perpetrator_age,behaviours\n"
        "a,married,30,30, [] \nb,married,30,30,\nc,married,30,30,physical;[]\n"
    )
    t = read_incident_table(f)
    assert t.column("behaviours").to_pylist()[:2] == [[], None]
    assert t.column("rejected").to_pylist()[:2] == [None, None]
    assert t.column("behaviours").to_pylist()[2] == ["physical", "[]"]  # a word: refused later
    got = classify_table(
        t.slice(0, 2).select(["relationship", "victim_age", "perpetrator_age", "behaviours"])
    )
    said = [
        classify(Incident(relationship="married", victim_age=30, perpetrator_age=30, behaviours=b))
        for b in ([], None)
    ]
    assert (
        got.column("violence").to_pylist()
        == [c.violence.value for c in said]
        == ["no", "undetermined"]
    )


@pytest.mark.parametrize("quoted", [False, True])
def test_a_column_name_longer_than_the_csv_modules_limit_is_read(
    tmp_path: Path, quoted: bool
) -> None:
    """A first line with a name of 140,000 characters (beyond the ``csv`` module's field
    size limit of 131,072) stopped the run with "unexpected Error": it is a column like
    any other, passed through when it is not a field, the name never echoed."""
    name = "x" * 140_000
    f = tmp_path / "in.csv"
    column = '"' + name + '"' if quoted else name
    f.write_text("id," + column + "\na,2\n")
    for table in (read_incident_table(f), *iter_incident_table(f)):
        assert table.column("id").to_pylist() == ["a"]
        assert table.column(name).to_pylist() == ["2"]


def test_a_row_without_a_value_is_rejected_as_an_empty_row(tmp_path: Path) -> None:
    """A spreadsheet's ``,,`` row was classified as an incident of no facts (an
    undetermined row in every count); the police.uk reader rejected such a row. A row
    with one value, even in a column that is not a field, is an incident."""
    csv = tmp_path / "in.csv"
    csv.write_text("id,weapon,note\n,,\n , ,\na,knife,\n,,x\n\n,,\n")
    parquet = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [None, "a"], "weapon": [None, "knife"]}), parquet)
    why = "row: expected a value in at least one column (an empty row is not an incident)"
    for path, expected in ((csv, [why, why, None, None, why]), (parquet, [why, None])):
        for table in (read_incident_table(path), pa.Table.from_batches(iter_incident_table(path))):
            assert table.column("rejected").to_pylist() == expected
            assert table.column("rejected_field").to_pylist() == [
                None if r is None else "row" for r in expected
            ]
    assert read_incident_table(csv).column("row").to_pylist() == [2, 3, 4, 5, 7]


def test_an_empty_row_of_dictionary_columns_is_rejected(tmp_path: Path) -> None:
    """pandas writes a Categorical column dictionary-encoded: its ``""`` cells were not
    read as blank, so a row of them was classified as an incident of no facts."""
    f = tmp_path / "in.parquet"
    words = pa.array(["a", None, "", " "]).dictionary_encode()
    codes = pa.array(["8N", None, None, None]).dictionary_encode()
    pq.write_table(pa.table({"id": words, "offence_code": codes}), f)
    why = "row: expected a value in at least one column (an empty row is not an incident)"
    assert read_incident_table(f).column("rejected").to_pylist() == [None, why, why, why]
