from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.errors import InputFormatError
from svduty.io import (
    POLICE_UK_COLUMNS,
    POLICE_UK_CRIME_TYPES,
    POLICE_UK_SCHEMA,
    normalise_police_uk,
    police_uk_paths,
    read_police_uk,
    sample_police_uk,
)
from svduty.io._summary import rejected_rows as rejections

from ..conftest import SHARED

MONTHS = sorted((SHARED / "policeuk").glob("*.csv"))
HEADER = ",".join(POLICE_UK_COLUMNS)
GOOD = (
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
    "E01031005,North Warwickshire 005A,Burglary,Under investigation,"
)


def read_all(*inputs, **kw) -> pa.Table:
    return pa.Table.from_batches(list(read_police_uk(list(inputs), **kw)), schema=POLICE_UK_SCHEMA)


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))[1:]


@pytest.mark.parametrize("path", MONTHS, ids=lambda p: p.name)
def test_real_month_every_row_read_with_its_line_number(path):
    rows = csv_rows(path)
    t = read_all(path)
    assert t.num_rows == len(rows)
    assert t.column("row").to_pylist() == list(range(2, len(rows) + 2))
    assert t.column("rejected").null_count == t.num_rows  # the real months are clean
    # anti-social behaviour rows: empty Crime ID read as null, not rejected
    asb = [r for r in rows if r[9] == "Anti-social behaviour"]
    assert asb
    assert all(r[0] == "" for r in asb)
    ids = t.column("id").to_pylist()
    cats = t.column("police_uk_category").to_pylist()
    assert sum(1 for i, c in zip(ids, cats, strict=True) if i is None) == len(asb)
    # No Location rows: no coordinates and no LSOA
    streets = t.column("street").to_pylist()
    no_loc = [i for i, s in enumerate(streets) if s == "No Location"]
    assert len(no_loc) == sum(1 for r in rows if r[6] == "No Location") > 0
    for i in no_loc:
        assert t.column("lsoa_code")[i].as_py() is None
        assert t.column("longitude")[i].as_py() is None
    # values survive as written
    assert t.column("lsoa_code").to_pylist() == [r[7] or None for r in rows]
    assert t.column("latitude").to_pylist() == [float(r[5]) if r[5] else None for r in rows]


def test_the_sample_is_the_june_2025_month():
    assert (
        sample_police_uk().read_bytes()
        == (SHARED / "policeuk" / sample_police_uk().name).read_bytes()
    )


def test_folder_and_many_files(tmp_path):
    (tmp_path / "2019-01").mkdir()
    (tmp_path / "2025-06").mkdir()
    for p in MONTHS:
        (tmp_path / p.name[:7] / p.name).write_bytes(p.read_bytes())
    paths = police_uk_paths([tmp_path])
    assert [p.name for p in paths] == [p.name for p in MONTHS]
    t = read_all(tmp_path)
    assert t.num_rows == sum(len(csv_rows(p)) for p in MONTHS)
    assert set(t.column("month").to_pylist()) == {"2019-01", "2025-06"}
    # row numbers restart per file
    assert t.column("row").to_pylist().count(2) == 2


def test_missing_input_and_empty_folder(tmp_path):
    with pytest.raises(InputFormatError, match="file not found"):
        police_uk_paths([tmp_path / "nope.csv"])
    with pytest.raises(InputFormatError, match=r"folder holding police\.uk CSV files"):
        police_uk_paths([tmp_path])


def test_wrong_header_fails_fast_saying_what_was_expected(tmp_path):
    f = tmp_path / "other.csv"
    f.write_text("name,age\nx,3\n")
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "\n" + GOOD + "\n")
    it = read_police_uk([good, f])
    with pytest.raises(InputFormatError) as exc:
        next(it)  # no row of good.csv was yielded before the check
    text = str(exc.value)
    assert "other.csv: row 1: header" in text
    assert "Crime ID,Month,Reported by" in text
    assert "not a police.uk street-level crime file" in text


def test_header_with_a_missing_column_names_it(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text(HEADER.replace(",Context", "") + "\n")
    with pytest.raises(InputFormatError, match="missing Context"):
        next(read_police_uk(f))


def test_bad_rows_are_rejected_with_row_number_and_reason(tmp_path):
    lines = [
        HEADER,
        GOOD,  # row 2
        "abc,2025-06,Warwickshire Police",  # row 3: too few fields
        GOOD + ",extra",  # row 4: too many
        GOOD.replace("-1.5", "west"),  # row 5
        GOOD.replace("Burglary", "Jaywalking"),  # row 6
        GOOD.replace("2025-06", "June"),  # row 7
        GOOD.replace("52.3", "95.0"),  # row 8
        GOOD,  # row 9
    ]
    f = tmp_path / "bad.csv"
    f.write_text("\n".join(lines) + "\n")
    t = read_all(f)
    assert t.num_rows == 8
    problems = {p.row: str(p) for p in rejections(t)}
    assert problems == {
        3: f"{f}: row 3: fields: expected 12 fields, got 3",
        4: f"{f}: row 4: fields: expected 12 fields, got 13",
        5: f"{f}: row 5: Longitude: expected a number in degrees",
        6: f"{f}: row 6: Crime type: expected one of the 14 police.uk crime types",
        7: f"{f}: row 7: Month: expected a month YYYY-MM",
        8: f"{f}: row 8: Latitude: expected a number from -90 to 90",
    }
    good = t.filter(pa.compute.is_null(t.column("rejected")))
    assert good.column("row").to_pylist() == [2, 9]


@given(
    bad=st.sets(st.integers(min_value=0, max_value=59), max_size=12),
    block=st.sampled_from([256, 1024, 4096]),
)
def test_row_numbers_survive_bad_lines_and_block_boundaries(tmp_path_factory, bad, block):
    # property: every line gets its own line number, good or bad, whatever the block size
    lines = [HEADER]
    for i in range(60):
        lines.append("short,line" if i in bad else GOOD.replace("abc", f"id{i}"))
    f = tmp_path_factory.mktemp("p") / "p.csv"
    f.write_text("\n".join(lines) + "\n")
    t = read_all(f, block_size=block)
    assert t.num_rows == 60
    rows = t.column("row").to_pylist()
    assert sorted(rows) == list(range(2, 62))
    rejected = {p.row for p in rejections(t)}
    assert rejected == {i + 2 for i in bad}
    for row, ident in zip(rows, t.column("id").to_pylist(), strict=True):
        if ident is not None:
            assert ident == f"id{row - 2}"


def test_normalise_needs_the_columns():
    with pytest.raises(InputFormatError, match="missing"):
        normalise_police_uk(pa.table({"Crime ID": ["x"]}))


def test_normalise_an_empty_table_and_unknown_rows():
    empty = pa.table({c: pa.array([], pa.string()) for c in POLICE_UK_COLUMNS})
    out = normalise_police_uk(empty)
    assert out.num_rows == 0
    assert out.schema == POLICE_UK_SCHEMA


def test_crime_types_are_the_fourteen():
    assert len(POLICE_UK_CRIME_TYPES) == 14
    seen = {r[9] for p in MONTHS for r in csv_rows(p)}
    assert seen == set(POLICE_UK_CRIME_TYPES)


def test_progress_is_called_with_bytes(tmp_path):
    seen: list[int] = []
    list(read_police_uk(sample_police_uk(), progress=seen.append, block_size=1 << 16))
    assert seen == sorted(seen)
    assert seen[-1] == sample_police_uk().stat().st_size
    assert len(seen) > 2


def test_bad_last_line_without_newline(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text(HEADER + "\n" + GOOD + "\nonly,three,fields")
    t = read_all(f)
    assert [p.row for p in rejections(t)] == [3]


@given(st.lists(st.text(max_size=12), min_size=1, max_size=20))
def test_any_coordinate_text_is_a_number_or_a_rejection(values):
    cols = {c: [""] * len(values) for c in POLICE_UK_COLUMNS}
    cols["Month"] = ["2025-06"] * len(values)
    cols["Crime type"] = ["Drugs"] * len(values)
    cols["Longitude"] = values
    cols["Latitude"] = ["52"] * len(values)  # a point needs both
    out = normalise_police_uk(pa.table(cols))
    for text, value, why in zip(
        values,
        out.column("longitude").to_pylist(),
        out.column("rejected").to_pylist(),
        strict=True,
    ):
        if why is None:
            assert (value is None) == (text.strip() == "")
            if value is not None:
                assert float(text.strip()) == value  # padding as str.strip sees it
                assert -180 <= value <= 180
        else:
            assert value is None
            assert why.startswith("Longitude")


def test_empty_to_null_keeps_values_and_nulls_empty_strings_however_the_array_is_laid_out():
    import pyarrow.compute as pc

    from svduty.io._police_uk import _empty_to_null

    base = pa.array(["a", "", " b ", None, "", "c"])
    for arr in (base, base.slice(1), pa.array(["x", "", "y"]), pa.array(["x", "y"])):
        for trim in (True, False):
            text = pc.utf8_trim_whitespace(arr) if trim else arr
            want = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
            got = _empty_to_null(arr, trim=trim)
            assert got.to_pylist() == want.to_pylist()
            assert got.null_count == want.null_count


@given(st.sets(st.integers(0, 199), max_size=6), st.sampled_from([300, 1000, 4096, 1 << 20]))
def test_threaded_reading_falls_back_without_losing_or_repeating_rows(tmp_path_factory, bad, block):
    # many blocks: the threaded first pass yields some before a malformed row turns up
    lines = [HEADER]
    for i in range(200):
        lines.append("short,line" if i in bad else GOOD.replace("abc", f"id{i}"))
    f = tmp_path_factory.mktemp("t") / "t.csv"
    f.write_text("\n".join(lines) + "\n")
    t = read_all(f, block_size=block)
    rows = t.column("row").to_pylist()
    assert sorted(rows) == list(range(2, 202))
    assert {p.row for p in rejections(t)} == {i + 2 for i in bad}
    for row, ident in zip(rows, t.column("id").to_pylist(), strict=True):
        if ident is not None:
            assert ident == f"id{row - 2}"


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("Month", pa.array([0], pa.timestamp("s", tz="SECRETZONE"))),
        ("Location", pa.array([b"SECRET\xff"], pa.binary())),
        ("Location", pa.array([{"a": "SECRET"}])),
        ("Context", pa.array([["SECRET"]])),
    ],
)
def test_normalise_refuses_a_column_it_cannot_read_as_text(column, values):
    """A hostile review: pyarrow's own errors came through, one quoting a time zone."""
    cols = {c: pa.array(["x"]) for c in POLICE_UK_COLUMNS}
    cols[column] = values
    with pytest.raises(InputFormatError, match=f"^f.csv: {column}: a column that cannot") as info:
        normalise_police_uk(pa.table(cols), file="f.csv")
    assert "SECRET" not in str(info.value)


def test_normalise_refuses_a_column_given_twice():
    names = [*POLICE_UK_COLUMNS, "Crime ID"]
    t = pa.table([pa.array(["x"])] * len(names), names=names)
    with pytest.raises(InputFormatError, match="Crime ID: a column given more than once"):
        normalise_police_uk(t)


def test_a_row_with_one_coordinate_is_rejected(tmp_path):
    """A hostile review: an empty Longitude beside a Latitude was kept (longitude null,
    latitude 52.2): neither a point nor police.uk's No Location (both empty)."""
    f = tmp_path / "half.csv"
    rows = [
        ",2025-06,P,P,-1.5,52.2,On or near X,E01031012,Rugby 001A,Burglary,,",
        ",2025-06,P,P,,52.2,On or near X,E01031012,Rugby 001A,Burglary,,",
        ",2025-06,P,P,-1.5,,On or near X,E01031012,Rugby 001A,Burglary,,",
        ",2025-06,P,P,,,No Location,,,Burglary,,",
    ]
    f.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    got = pa.Table.from_batches(list(read_police_uk(f)))
    assert got.column("rejected_field").to_pylist() == [None, "Longitude", "Latitude", None]
