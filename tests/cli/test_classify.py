from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from svduty._commands._progress import Progress
from svduty.cli import main
from svduty.io import POLICE_UK_COLUMNS, sample_police_uk

from ..cli_run import run
from ..conftest import MONTHS_DIR

HEADER = ",".join(POLICE_UK_COLUMNS)
GOOD = (
    "abc,2025-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,"
    "E01031005,North Warwickshire 005A,Possession of weapons,Under investigation,"
)


@pytest.mark.usefixtures("fake_pipeline")
def test_both_real_months_json_summary():
    code, out, err = run("classify", str(MONTHS_DIR), "--summary", "json")
    assert code == 0, err
    s = json.loads(out)
    assert s["rows_in"] == 4486 + 4586
    assert s["rows_in"] == s["rows_out"] + s["rejected"]
    assert s["unlocated"] == 26
    assert s["inside_area"] + s["outside_area"] + s["unlocated"] == s["rows_out"]
    assert s["by_category"]["Anti-social behaviour"] == 982 + 1114
    assert s["by_district"]["Coventry"] == 8 + 14
    assert err == ""  # not a terminal: no progress bar


@pytest.mark.usefixtures("fake_pipeline")
def test_text_summary_on_the_sample():
    code, out, _ = run("classify", str(sample_police_uk()))
    assert code == 0
    assert out.startswith("rows in: 4,586\nrows out: 4,586\nrejected: 0\n")
    assert "no location: 13" in out
    assert "by district:" in out


@pytest.mark.usefixtures("fake_pipeline")
@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_output_formats(tmp_path, suffix):
    out_file = tmp_path / f"out{suffix}"
    code, _, _ = run("classify", str(sample_police_uk()), "--output", str(out_file))
    assert code == 0
    if suffix == ".parquet":
        t = pq.read_table(out_file)
        assert t.num_rows == 4586
        assert "within_area" in t.schema.names
    elif suffix == ".csv":
        with out_file.open() as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == 4586
        assert {"violence", "kinds", "district_name"} <= set(rows[0])
    else:
        lines = out_file.read_text().splitlines()
        assert len(lines) == 4586
        assert json.loads(lines[0])["row"] == 2


@pytest.mark.usefixtures("fake_pipeline")
def test_rejected_rows_side_file_and_strict(tmp_path):
    f = tmp_path / "m.csv"
    f.write_text("\n".join([HEADER, GOOD, "a,b", GOOD.replace("52.3", "x"), GOOD]) + "\n")
    rej = tmp_path / "rejected.csv"
    code, out, _ = run("classify", str(f), "--rejected", str(rej), "--summary", "json")
    assert code == 0
    s = json.loads(out)
    assert (s["rows_in"], s["rows_out"], s["rejected"]) == (4, 2, 2)
    with rej.open() as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["row"], r["field"]) for r in rows] == [("3", "fields"), ("4", "Latitude")]
    code, _, err = run("classify", str(f), "--strict", "--summary", "json")
    assert code == 1
    # a script that keeps only standard error learns why (a CLI review: it said nothing)
    assert err == "svduty classify: error: --strict: 2 rows rejected (listed in the summary)\n"


@pytest.mark.usefixtures("fake_pipeline")
def test_the_files_written_are_named_as_svduty_report_names_its_page(tmp_path):
    """``-o`` wrote its file in silence (``svduty report`` says "wrote PAGE"): a text summary
    begins with the lines; beside a JSON summary they go to standard error."""
    out_file, rej = tmp_path / "out.parquet", tmp_path / "rejected.csv"
    month, files = str(sample_police_uk()), ["-o", str(out_file), "--rejected", str(rej)]
    code, out, err = run("classify", month, *files)
    assert code == 0
    assert out.splitlines()[:2] == [f"wrote {out_file}", f"wrote {rej}"]
    code, out, err = run("classify", month, *files, "--summary", "json")
    assert (code, err.splitlines(), json.loads(out)["rows_in"]) == (
        0,
        [f"wrote {out_file}", f"wrote {rej}"],
        4586,
    )
    code, out, err = run("classify", month, "--summary", "json")  # nothing written
    assert "wrote" not in err + out


def test_a_json_summary_on_standard_error_is_json_alone(tmp_path):
    """A review of the session: with the classified incidents on standard output, the JSON
    summary goes to standard error, where a "wrote" line before it made it unreadable."""
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "offence_code": "8N"}\n{"id": "b", "victim_age": -1}\n')
    code, out, err = run("classify", f, "--summary", "json", "--rejected", tmp_path / "r.csv")
    assert code == 0
    assert json.loads(err)["rejected"] == 1
    assert len(out.splitlines()) == 1


@pytest.mark.usefixtures("fake_pipeline")
def test_not_a_police_uk_file_fails_fast(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("name,age\n")
    code, out, err = run("classify", str(f), "--format", "police-uk")
    assert code == 1
    assert out == ""
    assert "expected the 12 police.uk columns Crime ID,Month" in err


@pytest.mark.usefixtures("fake_pipeline")
def test_auto_cannot_tell(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("hello\n")
    code, _, err = run("classify", str(f))
    assert code == 1
    assert "or give --input-format" in err  # the option classify has (it said --format)


@pytest.mark.usefixtures("fake_pipeline")
def test_incidents_jsonl_to_stdout(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"id": "a", "weapon": "knife", "location": "E07000222"}\n'
        '{"id": "b", "weapon": "spoon"}\n'
        '{"id": "c", "victim_age": "old"}\n'
        '{"id": "d", "location": "E08000026", "police_uk_category": "Robbery"}\n'
    )
    code, out, err = run("classify", str(f))
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["id"] for x in lines] == ["a", "d"]
    assert lines[0]["violence"] == "yes"
    assert "rows in: 4" in err  # the summary goes to stderr when stdout holds the data
    assert "row 2: weapon" in err
    assert "row 3: victim_age" in err
    assert "located inside the area: 1" in err
    assert "located outside the area: 1" in err
    assert "by police.uk category:\n  Robbery" in err


@pytest.mark.usefixtures("fake_pipeline")
def test_incidents_to_a_file_and_from_csv(tmp_path):
    f = tmp_path / "in.csv"
    f.write_text("Ref,Weapon\nA1,knife\nA2,\n")
    out_file = tmp_path / "c.jsonl"
    code, out, _ = run(
        "classify",
        str(f),
        "--format",
        "incidents",
        "--map",
        "Ref=id",
        "--map",
        "Weapon=weapon",
        "--output",
        str(out_file),
        "--summary",
        "json",
    )
    assert code == 0
    assert json.loads(out)["verdicts"]["violence"] == {"yes": 1, "undetermined": 1}
    assert len(out_file.read_text().splitlines()) == 2
    assert run("classify", str(f), "--format", "incidents", "--map", "Ref")[0] == 2  # a usage error
    # one route: incidents write to every output format (issue 10), no longer .jsonl only
    csv_out = tmp_path / "x.csv"
    to_csv = ("--format", "incidents", "--map", "Weapon=weapon", "--output", str(csv_out))
    assert run("classify", str(f), *to_csv)[0] == 0
    with csv_out.open() as fh:
        assert [r["Ref"] for r in csv.DictReader(fh)] == ["A1", "A2"]  # passed through


@pytest.mark.usefixtures("fake_pipeline")
def test_bad_output_suffix(tmp_path):
    code, _, err = run("classify", str(sample_police_uk()), "--output", str(tmp_path / "o.xlsx"))
    assert code == 2  # a usage error, as --output-format xlsx (users52b; was 1)
    assert ".csv, .parquet or .jsonl" in err


def test_progress_bar_draws_only_when_asked():
    buf = io.StringIO()
    bar = Progress(1000, buf, force=True)
    bar(10)
    bar(20)  # too soon: not redrawn
    bar(1000)
    bar.close()
    text = buf.getvalue()
    assert text.count("\r") == 2
    assert "100%" in text
    assert text.endswith("\n")
    quiet = io.StringIO()
    q = Progress(10, quiet)
    q(5)
    q.close()
    assert quiet.getvalue() == ""


def test_help_lists_classify():
    code, out, _ = run("classify", "--help")  # on the stream main was given
    assert code == 0
    assert "rows in = rows out +" in out


def test_both_real_months_with_the_real_pipeline():
    """No fakes: Warwickshire's geography and definition, as `make demo` runs them."""
    code, out, err = run("classify", str(MONTHS_DIR), "--summary", "json")
    assert code == 0, err
    s = json.loads(out)
    assert s["rows_in"] == s["rows_out"] == 4486 + 4586
    assert s["rejected"] == 0
    assert (s["inside_area"], s["outside_area"], s["unlocated"]) == (4441 + 4510, 32 + 63, 13 + 13)
    districts = {
        "North Warwickshire": 497 + 485,
        "Nuneaton and Bedworth": 1335 + 1293,
        "Rugby": 824 + 846,
        "Stratford-on-Avon": 731 + 879,
        "Warwick": 1054 + 1007,
    }
    assert {d: s["by_district"][d] for d in districts} == districts
    assert sum(districts.values()) == s["inside_area"]
    assert s["by_district"]["Coventry"] == 8 + 14


def test_a_quoted_header_is_still_police_uk(tmp_path):
    from svduty.io import read_police_uk

    f = tmp_path / "q.csv"
    f.write_text(",".join(f'"{c}"' for c in POLICE_UK_COLUMNS) + "\n" + GOOD + "\n")
    assert sum(b.num_rows for b in read_police_uk(f)) == 1


def test_the_summary_bounds_in_scope_inside_and_outside_apart(tmp_path):
    """Issue 13 item 5: certain, possible and no by district, CSP and month (JSON and text)."""
    import json as _json

    from svduty.io import read_police_uk, run_pipeline, sample_police_uk
    from svduty.io._pipeline import default_pipeline

    out = io.StringIO()
    assert main(["classify", str(sample_police_uk()), "--summary", "json"], stdout=out) == 0
    data = _json.loads(out.getvalue())
    bounded = data["bounded"]
    assert set(bounded["by"]) == {"month", "district", "csp"}
    rows = []
    run_pipeline(read_police_uk(sample_police_uk()), default_pipeline(), rows.append)
    answers = [a for t in rows for a in t.column("in_scope").to_pylist()]
    totals = {r["within_area"]: r for r in bounded["totals"]}
    assert sum(r["rows"] for r in totals.values()) == len(answers) == data["rows_out"]
    assert sum(r["certain"] for r in totals.values()) == answers.count("yes")
    assert sum(r["no"] for r in totals.values()) == answers.count("no")
    for r in bounded["by"]["district"]:
        assert r["certain"] <= r["possible"] == r["rows"] - r["no"]
    inside = sum(r["rows"] for r in bounded["by"]["district"] if r["within_area"] == "inside")
    assert inside == totals["inside"]["rows"]
    text = io.StringIO()
    assert main(["classify", str(sample_police_uk())], stdout=text) == 0
    line = f"in scope inside the area: certain {totals['inside']['certain']:,}"
    assert line in text.getvalue()
    assert "in scope outside the area:" in text.getvalue()


def test_rows_located_by_their_lsoa_name_alone_are_counted_where_they_are(tmp_path):
    """A row with no LSOA code whose name resolves is inside or outside by the name's
    district (``match`` says ``name``), in the rows, the summary and the bounded counts, on
    the grouped route (no output) and the row by row one (with an output) alike."""
    rows = [
        ("", "Warwick 001A", "Robbery"),  # inside, by its name
        ("", "Warwick 001A", "Robbery"),
        ("", "Birmingham 012E", "Robbery"),  # outside, by its name
        ("E01031005", "North Warwickshire 005A", "Robbery"),  # inside, by its code
        ("", "", "Robbery"),  # no location
        ("", "Nowhere", "Burglary"),  # no code, no name that resolves: no location
    ]
    f = tmp_path / "2025-06-named.csv"
    rows *= 3  # each combination three times: the summary groups them (most are alike)
    lines = [f"a{i},2025-06,W,W,,,On or near X,{c},{n},{t},," for i, (c, n, t) in enumerate(rows)]
    f.write_text(HEADER + "\n" + "\n".join(lines) + "\n")
    out = tmp_path / "out.parquet"
    code, grouped, err = run("classify", str(f), "--summary", "json")
    assert code == 0, err
    code, written, err = run("classify", str(f), "--summary", "json", "--output", str(out))
    assert code == 0, err
    assert json.loads(grouped) == json.loads(written)
    s = json.loads(grouped)
    assert (s["inside_area"], s["outside_area"], s["unlocated"]) == (9, 3, 6)
    totals = {r["within_area"]: r["rows"] for r in s["bounded"]["totals"]}
    assert totals == {"inside": 9, "outside": 3, "no_location": 6}
    t = pq.read_table(out).to_pylist()
    got = [(r["within_area"], r["match"], r["district_name"], r["location"]) for r in t]
    assert got == 3 * [
        ("inside", "name", "Warwick", "E07000222"),
        ("inside", "name", "Warwick", "E07000222"),
        ("outside", "name", "Birmingham", "E08000025"),
        ("inside", "table", "North Warwickshire", "E07000218"),
        ("no_location", "unresolved", None, None),
        ("no_location", "unresolved", None, None),
    ]


@pytest.mark.parametrize(
    "maps",
    [
        ["Ref=id", "Ref=date"],  # one column given two fields: the first was dropped silently
        ["Ref=id", "When=id"],  # two columns for one field
    ],
)
def test_a_map_that_says_two_things_is_a_usage_error(tmp_path, maps):
    """The command line contradicts itself, whatever the file: exit status 2 (was 1).

    argparse's usage message goes to the standard error main was given.
    """
    f = tmp_path / "i.csv"
    f.write_text("Ref,When\nA1,2025-06-01\n")
    argv = [a for m in maps for a in ("--map", m)]
    code, out, err = run("classify", str(f), *argv)
    assert (code, out) == (2, "")
    assert err.startswith("usage: svduty classify ")
    assert "svduty classify: error: argument --map: expected one " in err


def test_a_map_that_is_not_column_equals_field_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Exit status 2, as for any other malformed option (``--on`` too); the value unshown."""
    f = tmp_path / "in.csv"
    f.write_text("Age\n30\n", encoding="utf-8")
    for bad in ("Jane Smith 07700900123", "=victim_age", "Age="):
        code, _, said = run("classify", str(f), "--map", bad)
        assert code == 2
        assert "argument --map: expected COLUMN=FIELD" in said
        assert "07700900123" not in said


def test_a_map_naming_a_field_or_a_column_twice_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "in.csv"
    f.write_text("Age,Years\n30,30\n", encoding="utf-8")
    for maps, expected in (
        (["Age=victim_age", "Years=victim_age"], "one column for each incident field"),
        (["Age=victim_age", "Age=perpetrator_age"], "one incident field for each column"),
    ):
        args = ["classify", str(f), *(a for m in maps for a in ("--map", m))]
        code, _, err = run(*args)
        assert code == 2
        assert f"argument --map: expected {expected}" in err


def test_a_map_to_no_incident_field_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``COLUMN=FIELD`` with a FIELD svduty does not know: the option is wrong, not the file."""
    f = tmp_path / "in.csv"
    f.write_text("Age\n30\n", encoding="utf-8")
    code, out, err = run("classify", str(f), "--map", "Age=Jane Smith")
    assert (code, out) == (2, "")
    assert "argument --map: expected COLUMN=FIELD with FIELD an incident field (" in err
    assert "victim_age" in err  # the fields are listed
    assert "Jane Smith" not in err  # the value is not shown


def test_a_mapped_column_not_in_the_file_is_still_an_input_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """About the file, not the command line: exit status 1, naming the file (unchanged)."""
    f = tmp_path / "in.csv"
    f.write_text("Age\n30\n", encoding="utf-8")
    code, out, err = run("classify", str(f), "--map", "years=victim_age")
    assert (code, out) == (1, "")
    assert err == f"svduty classify: error: {f}: years: mapped column not in the file\n"
    code, out, err = run("classify", str(f), "--map", "Years Given=victim_age")  # not shown
    assert err == (
        f"svduty classify: error: {f}: (a --map column of 11 characters, not shown): "
        "mapped column not in the file\n"
    )


@pytest.mark.parametrize("kind", ["police-uk", "jsonl"])
def test_a_map_nothing_reads_is_a_usage_error(tmp_path, kind):
    """--map with a police.uk file or JSON Lines was silently ignored (fresh hostile review)."""
    if kind == "police-uk":
        f = sample_police_uk()
    else:
        f = tmp_path / "in.jsonl"
        f.write_text('{"id": "a", "offence_code": "8N"}\n')
    out, err = io.StringIO(), io.StringIO()
    code = main(["classify", str(f), "--map", "ref=id"], stdout=out, stderr=err)
    assert code == 2
    assert out.getvalue() == ""
    assert err.getvalue().startswith("svduty classify: error: --map: only incident files in CSV")


def test_rows_of_a_month_outside_the_partnerships_period_are_a_warning(tmp_path):
    """As report notes it: January 2019 predates the Warwickshire agreement (and the Duty);
    a month inside it gives no warning (fresh new-user review)."""
    code, out, _ = run("classify", str(MONTHS_DIR / "2019-01-warwickshire-street.csv"),
                       "--summary", "json")  # fmt: skip
    assert code == 0
    before = {"MONTH-BEFORE-DUTY": 4486}  # SI 2022/1227 reg 4; once (users56)
    assert json.loads(out)["warnings"] == before
    inside = tmp_path / "2024-06.csv"
    text = sample_police_uk().read_text(encoding="utf-8").replace(",2025-06,", ",2024-06,")
    inside.write_text(text, encoding="utf-8")
    code, out, _ = run("classify", str(inside), "--summary", "json")
    assert code == 0
    assert json.loads(out)["warnings"] == {}
    code, out, _ = run("classify", str(sample_police_uk()))
    assert "warning: 4,586 row(s): of a police.uk month outside the period" in out


def test_the_json_summary_has_the_same_keys_for_every_input(tmp_path):
    """A program reading ``--summary json`` had to branch on the input: ``bounded`` was
    missing for incident files (h3 review); it is ``null`` there."""
    import svduty

    keys = []
    for sample in ("policeuk-month", "incidents"):
        out = io.StringIO()
        argv = ["classify", str(svduty.sample_path(sample)), "-o", str(tmp_path / "o.csv")]
        main([*argv, "--summary", "json"], stdout=out)
        data = json.loads(out.getvalue())
        keys.append(sorted(data))
        if sample == "incidents":
            assert data["bounded"] is None
        assert next(iter(data)) == "svduty_schema"
        assert data["svduty_schema"] == "summary/1"
    assert keys[0] == keys[1]


def test_an_incident_placed_neither_inside_nor_outside_is_counted_neither(tmp_path):
    """An unknown code, and an area only partly inside (the ICB of Coventry and
    Warwickshire), were counted outside (or inside): the inside and outside totals then
    disagreed with the districts (a new user's review). They are unlocated now."""
    f = tmp_path / "i.jsonl"
    places = {"a": "E10000031", "b": "E54000018", "c": "E01099999", "d": "E08000026"}
    f.write_text(
        "".join(
            json.dumps({"id": i, "location": code, "offence_code": "8N"}) + "\n"
            for i, code in places.items()
        ),
        encoding="utf-8",
    )
    code, out, err = run("classify", str(f), "--summary", "json", "-o", str(tmp_path / "o.csv"))
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["inside_area"], summary["outside_area"], summary["unlocated"]) == (1, 1, 2)
    with (tmp_path / "o.csv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {i: r["within_area"] for i, r in rows.items()} == {
        "a": "inside",
        "b": "no_location",
        "c": "no_location",
        "d": "outside",
    }
    assert rows["b"]["location"] == "E54000018"  # the place given is kept


def test_a_district_of_the_area_with_no_row_is_counted_zero(tmp_path):
    """A district of the area with no row was left out of "by district" and of the
    report's table: a needs assessment reads it as not counted (a new user's review)."""
    from svduty._report import report

    lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    rugby = [line for line in lines[1:] if ",Rugby 0" in line]
    f = tmp_path / "2025-06-warwickshire-street.csv"
    f.write_text(lines[0] + "".join(rugby), encoding="utf-8")
    code, out, err = run("classify", str(f), "--summary", "json")
    assert code == 0, err
    by = json.loads(out)["by_district"]
    assert by["Rugby"] == len(rugby)
    assert by["Warwick"] == by["North Warwickshire"] == 0
    table = report(str(f)).tables["by_district"]
    inside = [r for r in table.to_pylist() if r["within_area"] == "inside"]
    assert [r["district_code"] for r in inside] == [
        "E07000218",
        "E07000219",
        "E07000220",
        "E07000221",
        "E07000222",
    ]
    assert [r["rows"] for r in inside] == [0, 0, len(rugby), 0, 0]


def test_the_bounded_counts_give_each_district_and_csp_of_the_area_a_row(tmp_path):
    """``--summary json``'s ``bounded.by.district`` and ``by.csp`` left out a district
    with no row (``by_district`` gave it 0): a program charting them read it as not
    counted (a new user's review)."""
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines()
    month = tmp_path / "2025-06-street.csv"
    month.write_text("\n".join([lines[0], *(x for x in lines if ",Rugby " in x)]) + "\n")
    code, out, _ = run("classify", str(month), "--summary", "json")
    by = json.loads(out)["bounded"]["by"]
    inside = {
        k: {r[f"{k}_name"]: r["rows"] for r in rows if r["within_area"] == "inside"}
        for k, rows in by.items()
        if k in ("district", "csp")
    }
    assert code == 0
    assert len(inside["district"]) == 5
    assert sorted(inside["csp"]) == [
        "North Warwickshire",
        "Nuneaton and Bedworth",
        "Rugby",
        "South Warwickshire",
    ]
    assert {n for n, rows in inside["district"].items() if rows} == {"Rugby"}
    assert {n for n, rows in inside["csp"].items() if rows} == {"Rugby"}


def test_output_dash_is_refused_as_rejected_dash_is(tmp_path, monkeypatch):
    """A hostile review: ``-o -`` wrote a file named ``-`` (and said "wrote -").

    ``-o -`` is standard output where the system has ``/dev/stdout``
    (``tests/cli/test_dash_output.py``); without one it is still refused, as here.
    """
    from svduty._commands import _paths

    monkeypatch.setattr(_paths, "STDOUT", str(tmp_path / "no-dev-stdout"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run("classify", sample_police_uk(), "-o", "-", "--output-format", "csv")
    assert (code, out) == (1, "")
    assert err == (
        "svduty classify: error: -: --output: expected a file, or /dev/stdout for standard output\n"
    )
    assert not (tmp_path / "-").exists()


def test_rows_written_are_read_in_smaller_blocks(tmp_path, monkeypatch):
    """Every column converted and built again: 8 MiB blocks (WRITTEN_BLOCK); 16 for a summary."""
    from svduty._commands import classify
    from svduty.io._police_uk_reader import WRITTEN_BLOCK, read_police_uk

    sizes: list[int] = []

    def reader(*args, block_size, **kwargs):
        sizes.append(block_size)
        return read_police_uk(*args, block_size=block_size, **kwargs)

    monkeypatch.setattr(classify, "read_police_uk", reader)
    month = str(sample_police_uk())
    assert run("classify", month, "--summary", "json")[0] == 0
    assert run("classify", month, "-o", str(tmp_path / "o.parquet"))[0] == 0
    assert sizes == [1 << 24, WRITTEN_BLOCK]
    assert WRITTEN_BLOCK < 1 << 24
