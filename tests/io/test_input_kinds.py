"""An input's kind is told by the columns that define it, and a file of neither kind is refused.

An incident file (CSV or Parquet) may carry columns beyond the incident fields (passed
through to the output), including police.uk-like ones (``lsoa_code``, ``LSOA code``,
``month``): it is read and classified as incidents, never taken for police.uk rows. A
column named like one svduty adds (``district_code``, ``violence``...) is refused with the
file and the column named, as ``file``/``row``/``rejected`` are. A file with no incident
column at all (a police.uk file with a column too many, say) is refused with the columns
expected. Never an internal error.
"""

from __future__ import annotations

import io
import json
import string

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from svduty.cli import main
from svduty.errors import InputFormatError
from svduty.io import (
    INCIDENT_OUTPUT_SCHEMA,
    INCIDENT_SCHEMA,
    OUTPUT_SCHEMA,
    POLICE_UK_COLUMNS,
    POLICE_UK_SCHEMA,
    classify_batch,
    default_pipeline,
    normalise_police_uk,
    read_incident_table,
)
from svduty.io._locate import KEY

from ..cli_run import run
from ..conftest import fake_classify_table, fake_resolve_lsoas, fake_within

BASE = {
    "id": ["A1", "A2", "A3"],
    "offence_code": ["8N", "105A", ""],
    "date": ["2025-06-01", "2025-06-02", "2025-06"],
    "location": ["E07000222", "E01031005", ""],
    "weapon": ["knife", "", "none"],
}
ADDED = [n for n in INCIDENT_OUTPUT_SCHEMA.names if n not in INCIDENT_SCHEMA.names and n != "file"][
    3:
]  # the area and verdict columns svduty adds (after row, rejected, rejected_field)


def write(path, columns: dict[str, list[str]]) -> None:
    table = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})
    if path.suffix == ".parquet":
        pq.write_table(table, path)
    else:
        pacsv.write_csv(table, path)


def classified(path) -> list[dict]:
    """Every output row of ``svduty classify PATH`` (JSON Lines on standard output)."""
    code, out, err = run("classify", str(path))
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


VERDICTS = ("within_area", "district_code", "violence", "in_scope", "basis", "reasons")


def verdicts(rows: list[dict]) -> list[tuple]:
    return [(r["row"], r["rejected"], *(r[k] for k in VERDICTS)) for r in rows]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize(
    "extra",
    [
        ["lsoa_code"],
        ["lsoa_code", "lsoa_name"],
        ["month", "lsoa_code", "lsoa_name", "police_uk_category_note", "street"],
        list(POLICE_UK_SCHEMA.names[4:]),  # every police.uk column svduty reads...
        list(POLICE_UK_COLUMNS),  # ...and as police.uk names them
    ],
)
def test_an_incident_file_with_police_uk_like_columns_is_read_as_incidents(tmp_path, suffix, extra):
    extra = [c for c in extra if c not in INCIDENT_SCHEMA.names]  # not incident fields
    plain, more = tmp_path / f"plain{suffix}", tmp_path / f"more{suffix}"
    write(plain, BASE)
    write(more, {**BASE, **{c: ["E01031005", "", "x"] for c in extra}})
    without, with_them = classified(plain), classified(more)
    assert verdicts(with_them) == verdicts(without)  # the extra columns decide nothing
    assert [r["within_area"] for r in with_them] == ["inside", "inside", "no_location"]
    for c in extra:  # passed through, as they are
        assert [r[c] for r in with_them] == ["E01031005", "", "x"]


def test_the_summary_of_an_incident_file_with_an_lsoa_code_column(tmp_path):
    plain, more = tmp_path / "plain.csv", tmp_path / "more.csv"
    write(plain, BASE)
    write(more, {**BASE, "lsoa_code": ["E01031005"] * 3, "month": ["2025-06"] * 3})
    a, b = (run("classify", str(p), "--summary", "json") for p in (plain, more))
    assert a[0] == b[0] == 0, b[2]
    # the summary goes to standard error, after the note that the two columns are not read
    note, summary = b[2].split("\n", 1)
    # every column a header names is named, as the output names it (mend52)
    assert note.endswith(
        "2 columns not read (not incident fields): lsoa_code (did you mean location?), month"
    )
    assert json.loads(a[2]) == json.loads(summary)


def test_the_pipeline_s_working_column_is_one_of_those_refused():
    assert KEY.startswith("__svduty")


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("name", [*ADDED, KEY, "__svduty_later"])
def test_a_column_named_like_one_svduty_adds_is_refused_with_its_file(tmp_path, suffix, name):
    f = tmp_path / f"in{suffix}"
    write(f, {**BASE, name: ["v"] * 3})
    code, out, err = run("classify", str(f))
    assert code == 1
    assert out == ""
    assert f"{f}: {name}: expected one column per name" in err
    assert "unexpected" not in err
    with pytest.raises(InputFormatError, match="svduty's own"):
        read_incident_table(f)


def test_a_column_mapped_onto_a_name_svduty_adds_is_refused(tmp_path):
    """``violence`` is a column svduty adds, not an incident field: a usage error (exit 2)."""
    f = tmp_path / "in.csv"
    write(f, {**BASE, "Verdict": ["v"] * 3})
    code, _, err = run("classify", str(f), "--map", "Verdict=violence")
    assert code == 2
    assert "--map: expected COLUMN=FIELD with FIELD an incident field" in err


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize(
    "columns",
    [
        [*POLICE_UK_COLUMNS, "note"],  # a police.uk file with a column too many
        list(POLICE_UK_COLUMNS[:-1]),  # or one too few
        ["Crime ID", "Month", "LSOA code", "Crime type"],
        ["lsoa_code", "lsoa_name", "month"],
        ["foo", "bar"],
    ],
)
def test_a_file_of_neither_kind_is_refused_with_the_columns_expected(tmp_path, suffix, columns):
    f = tmp_path / f"odd{suffix}"
    write(f, {c: ["x"] for c in columns})
    code, out, err = run("classify", str(f))
    assert code == 1
    assert out == ""
    assert err.startswith(f"svduty classify: error: {f}: header: expected the incident fields")
    assert "Crime ID,Month,Reported by" in err  # and what a police.uk header is
    assert "unexpected" not in err
    # mapping a column to an incident field makes it an incident file
    code, out, err = run("classify", str(f), "--map", f"{columns[0]}=id")
    assert code == 0, err


def test_a_header_alone_of_neither_kind_is_refused_too(tmp_path):
    f = tmp_path / "odd.csv"
    f.write_text("foo,bar\n")
    with pytest.raises(InputFormatError, match="header: expected the incident fields"):
        read_incident_table(f)


_NAME = st.text(alphabet=string.ascii_letters + string.digits + "_ -é", min_size=1, max_size=12)
_NAMES = st.lists(
    st.one_of(
        _NAME,
        st.sampled_from([*POLICE_UK_SCHEMA.names, *POLICE_UK_COLUMNS, *OUTPUT_SCHEMA.names, KEY]),
    ),
    max_size=4,
    unique_by=str.lower,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=_NAMES, suffix=st.sampled_from([".csv", ".parquet"]))
@example(names=["lsoa_code"], suffix=".csv")
@example(names=["lsoa_code", "lsoa_name", "month", "street"], suffix=".parquet")
def test_extra_columns_are_passed_through_or_refused_never_an_internal_error(
    tmp_path, names, suffix
):
    f = tmp_path / f"in{suffix}"
    extra = {n: ["E01031005", "", "Warwick 001A"] for n in names if n not in INCIDENT_SCHEMA.names}
    write(f, {**BASE, **extra})
    code, out, err = run("classify", str(f))
    assert "unexpected" not in err, (names, err)
    if code:  # refused: a named error, nothing written
        assert err.startswith(f"svduty classify: error: {f}: "), err
        assert out == ""
        return
    rows = [json.loads(line) for line in out.splitlines()]
    plain = tmp_path / f"plain{suffix}"
    write(plain, BASE)
    assert verdicts(rows) == verdicts(classified(plain))


def test_a_batch_of_neither_kind_is_a_named_error_not_a_key_error():
    police = {c: [""] for c in POLICE_UK_COLUMNS}
    police["Month"], police["Crime type"] = ["2025-06"], ["Burglary"]
    batch = normalise_police_uk(pa.table(police), file="f.csv", rows=pa.array([2]))
    kw = {"resolve_areas": fake_resolve_lsoas, "classify": fake_classify_table}
    with pytest.raises(InputFormatError, match=r"f\.csv: columns: .*lsoa_name"):
        classify_batch(batch.drop_columns(["lsoa_name"]), within=fake_within, **kw)
    with pytest.raises(InputFormatError, match=r"f\.csv: columns: .*location"):
        classify_batch(batch.drop_columns(["lsoa_code"]), within=fake_within, **kw)


def test_the_pipeline_takes_incident_rows_with_an_lsoa_code_for_incidents(tmp_path):
    f = tmp_path / "in.csv"
    write(f, {**BASE, "lsoa_code": ["E01031005"] * 3, "lsoa_name": ["x"] * 3})
    table = read_incident_table(f)
    pipe = default_pipeline()
    assert pipe._grouped(table) is None  # not police.uk rows: never grouped as them
    out = pipe(table)
    assert out.column("lsoa_code").to_pylist() == ["E01031005"] * 3
    assert out.column("within_area").to_pylist() == ["inside", "inside", "no_location"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda t: "\n\n" + t, "the first line is blank (the header must come first)"),
        (lambda t: t.replace(",Context\n", "\n", 1), "missing Context"),
        (lambda t: t.replace("\n", ",Extra\n", 1), "13 columns, not 12"),
    ],
)
def test_a_police_uk_file_a_little_wrong_is_told_so(tmp_path, change, said):
    """A hostile review: read as police.uk, a file with a column too many, or blank lines
    before its header, was 'not a police.uk street-level crime file', with no more said."""

    from svduty.io import sample_police_uk

    f = tmp_path / "m.csv"
    f.write_text(change(sample_police_uk().read_text(encoding="utf-8")), encoding="utf-8")
    err = io.StringIO()
    assert (
        main(["classify", str(f), "--format", "police-uk"], stdout=io.StringIO(), stderr=err) == 1
    )
    assert f"{f}: row 1: header: not a police.uk street-level crime file; {said}" in err.getvalue()


@pytest.mark.parametrize("option", [(), ("--input-format", "police-uk")])
def test_a_pipe_or_device_is_told_to_be_saved_or_given_on_standard_input(option):
    """``svduty classify <(cat month.csv)`` said "give --format", an option classify does
    not have, and with ``--input-format`` "expected a file or a folder" (hostile review):
    a pipe or a device (``/dev/null`` here: a pipe would block a failing test) is named
    as such, with what to do instead."""
    code, out, err = run("classify", "/dev/null", *option)
    assert code == 1
    assert out == ""
    assert "/dev/null: expected a file or a folder, not a pipe or a device" in err
    assert "standard input ('-')" in err
    assert "--format" not in err.replace("--input-format", "")
