from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

import svduty
from svduty.cli import main

from ..cli_run import run, run_once


def test_version():
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("svduty ")


def test_no_command_is_a_usage_error():
    code, out, err = run()
    assert code == 2
    assert out == ""
    assert "COMMAND is required" in err


def test_unknown_option_is_a_usage_error():
    code, _, _ = run("--no-such-option")
    assert code == 2


@pytest.mark.parametrize("module", ["svduty", "svduty.cli"])
def test_python_dash_m(module: str):
    """``python -m svduty.cli`` printed nothing and exited 0 (an analyst's review)."""
    proc = subprocess.run(
        [sys.executable, "-m", module, "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("svduty ")
    proc = subprocess.run(
        [sys.executable, "-m", module], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "usage: svduty" in proc.stderr


# -- info and validate -----------------------------------------------------------------

EXAMPLE = str(__import__("pathlib").Path(__file__).parent.parent / "data" / "example-bundle")


def test_info_text():
    code, out, err = run("info")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Warwickshire Serious Violence Duty partnership (warwickshire)"
    assert "County of Warwickshire, including the 5 District and Borough areas" in lines[1]
    assert any("E22000359" in line and "E07000221, E07000222" in line for line in lines)
    assert any(
        "warwickshire-police-north" in line and "[districts unconfirmed]" in line for line in lines
    )
    assert "extends beyond the local area" in out  # the ICB covers Coventry


def test_info_json():
    code, out, _ = run("info", "--format", "json", "--partnership", "warwickshire")
    assert code == 0
    data = json.loads(out)
    assert [d["code"] for d in data["districts"]] == [
        "E07000218",
        "E07000219",
        "E07000220",
        "E07000221",
        "E07000222",
    ]
    assert [c["code"] for c in data["community_safety_partnerships"]] == [
        "E22000319",
        "E22000320",
        "E22000321",
        "E22000359",
    ]
    assert data["districts"][2]["lsoas_2011"] == 61
    assert {a["districts_confidence"] for a in data["police_command_areas"]} == {"unconfirmed"}
    assert all("likely mapping" in a["districts_doubt"] for a in data["police_command_areas"])
    assert data["integrated_care_boards"][0]["within_local_area"] is False


def test_info_dates_the_authority_records_that_have_days(tmp_path):
    """Somerset's two youth offending team records had one name and no days in ``info``:
    nothing told them apart (a researcher's review)."""
    assert run("init", str(tmp_path / "som"), "--area", "Somerset")[0] == 0
    code, out, _ = run("info", "--partnership", str(tmp_path / "som"))
    assert code == 0
    yots = [line for line in out.splitlines() if "youth offending team]" in line]
    assert sorted(y.rsplit("(", 1)[1] for y in yots) == [
        "2023-01-31 to 2023-03-31)",
        "2023-04-01 onwards)",
    ]
    code, out, _ = run("info", "--format", "json", "--partnership", str(tmp_path / "som"))
    councils = json.loads(out)["authorities"]["by_role"]["specified_authority"]
    county = next(a for a in councils if a["id"] == "somerset-county-council")
    assert county["valid"] == {"start": "2023-01-31", "end": "2023-04-01"}


def test_info_on_another_bundle():
    code, out, _ = run("info", "--partnership", EXAMPLE)
    assert code == 0
    assert "Examplshire" in out
    assert "Unconfirmed" not in out


def test_info_on_a_bad_bundle_fails(tmp_path):
    code, out, err = run("info", "--partnership", str(tmp_path))
    assert code == 1
    assert out == ""
    assert f"{tmp_path}: --partnership: not a bundle folder: no bundle.toml" in err


def test_validate_good(tmp_path):
    code, out, err = run("validate", EXAMPLE)  # findings, warnings too, on standard output
    assert (code, _without_made_up_codes(out), err) == (0, [f"{EXAMPLE}: ok"], "")
    code, out, _ = run("validate", "--format", "json", EXAMPLE)
    assert code == 0
    assert json.loads(out)["ok"] is True


def test_validate_bad_prints_one_line_per_problem(tmp_path):
    import shutil

    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    areas = bundle / "areas.toml"
    text = areas.read_text().replace('name = "Exton"', "name = 7")
    areas.write_text(text.replace('kind = "county"', 'kind = "shire"'))
    code, out, err = run("validate", str(bundle))
    assert code == 1
    assert err == "svduty validate: error: 2 problem(s) in the bundle, listed on standard output\n"
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{areas}: areas[0].kind: expected one of")  # openable (users55)
    assert lines[1] == f"{areas}: areas[3].name: expected a string (text in quotes)"
    code, out, _ = run("validate", "--format", "json", str(bundle))
    assert code == 1
    problems = json.loads(out)["problems"]
    assert [(p["file"], p["field"]) for p in problems] == [
        ("areas.toml", "areas[0].kind"),
        ("areas.toml", "areas[3].name"),
    ]


def test_help_for_each_command():
    for command in ("info", "validate"):
        code, _, _ = run(command, "--help")
        assert code == 0
    assert run("validate")[0] == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["classify", ""],  # an unset shell variable: was the current folder, every CSV in it
        ["classify", "in.jsonl", "--output", ""],  # was: no output, exit 0
        ["classify", "in.jsonl", "--rejected", ""],  # was: no rejected file, exit 0
        ["init", "", "--area", "E07000220"],  # was: a bundle written into the current folder
        ["validate", ""],
        ["info", "--partnership", ""],
        ["funding", "--split", ""],  # was: no split, exit 0
        ["report", "m.csv", "--output", "r.html", "--tables", ""],
        ["explain", "--definition=", "in.jsonl"],
    ],
)
def test_an_empty_argument_is_a_usage_error(tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text('{"id": "a"}\n')
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"svduty {argv[0]}: error: ")
    assert "empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


# -- standard output's reader goes away ------------------------------------------------


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_broken_pipe_is_not_success():
    """'svduty ... | head' with pipefail: 141, as a command killed by SIGPIPE, not 0."""
    err = io.StringIO()
    assert main(["info"], stdout=_ClosedPipe(), stderr=err) == 141
    assert err.getvalue() == ""


def test_a_broken_pipe_in_a_real_pipe():
    """The whole process: the exit status is 141 and nothing is said on standard error."""
    script = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'svduty', 'explain', '-'],"
        " stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.close()\n"
        '_, err = p.communicate(b\'{"id": "a", "offence_code": "8N"}\\n\' * 2000)\n'
        "print(p.returncode, len(err))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert proc.stdout.split() == ["141", "0"], proc.stderr


def test_validate_warns_of_a_toml_file_it_does_not_read(tmp_path):
    """A misspelt Funding.toml was ignored with 'ok'; it is still ok, with a warning."""
    import shutil

    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    (bundle / "Areas.toml").write_text("")
    (bundle / "extra.toml").write_text("")
    code, out, err = run("validate", str(bundle))
    assert (code, err) == (0, "")
    assert _without_made_up_codes(out) == [
        f"warning: {bundle / 'Areas.toml'}: not a file of a bundle: svduty does not read it "
        "(did you mean areas.toml?)",
        f"warning: {bundle / 'extra.toml'}: not a file of a bundle: svduty does not read it",
        f"{bundle}: ok",
    ]


@pytest.mark.parametrize(
    ("source", "file", "old", "new"),
    [
        (
            "warwickshire-bundle",
            "governance.toml",
            'name = "Safer Warwickshire Partnership Board"',
            'name = "Ex\\u001bton"',
        ),
        (None, "authorities.toml", 'name = "Exton District Council"', 'name = "Exton\\nCouncil"'),
    ],
)
def test_validate_refuses_a_name_of_more_than_one_line(tmp_path, source, file, old, new):
    """A control character in a name broke the GraphML and reached terminals raw."""
    import shutil

    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE if source is None else svduty.sample_path(source), bundle)
    text = (bundle / file).read_text()
    assert old in text
    (bundle / file).write_text(text.replace(old, new, 1))
    code, out, _ = run("validate", str(bundle))
    assert code == 1
    assert "expected one line of text, without control characters (got a string of" in out
    assert "Ex" not in out.split("(got")[1]


def test_validate_refuses_a_name_of_a_million_characters(tmp_path):
    """A 1,000,000-character authority name validated (hostile review, 38th session)."""
    import shutil

    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    text = (bundle / "authorities.toml").read_text()
    old = 'name = "Exton District Council"'
    assert old in text
    (bundle / "authorities.toml").write_text(text.replace(old, f'name = "{"Ex" * 500_000}"', 1))
    code, out, err = run("validate", str(bundle))
    assert code == 1
    assert "name: expected one line of text, at most 500 characters (got a string of" in out
    assert "ExEx" not in out + err
    longest = "x" * 500  # the longest allowed
    (bundle / "authorities.toml").write_text(text.replace(old, f'name = "{longest}"', 1))
    code, out, _ = run("validate", str(bundle))
    assert "at most 500 characters" not in out


def test_info_lists_every_csp_of_a_district_and_every_doubt(tmp_path):
    """A district of four CSPs showed the first and dropped the rest; the Unconfirmed list
    left out the districts' records and the authorities' (a researcher's review)."""
    from svduty.io import new_bundle

    new_bundle(tmp_path / "b", ["E06000060"])  # Buckinghamshire: four CSPs
    code, out, _ = run("info", "--partnership", str(tmp_path / "b"), "--format", "json")
    assert code == 0
    (district,) = json.loads(out)["districts"]
    assert len(district["csps"]) == 4
    assert district["csp"] is None  # not one of them, picked
    code, out, _ = run("info", "--partnership", str(tmp_path / "b"))
    assert f"CSP {district['csps'][0]} +3" in out
    doubts = out.split("Unconfirmed:")[1]
    assert "probation-service: the Probation Service's region whose area" in doubts
    assert "E06000060, E22000303" in doubts  # one doubt, its records together


@pytest.mark.parametrize(
    ("argv", "schema"),
    [
        (["info", "--format", "json"], "info/3"),
        (["validate", "warwickshire", "--format", "json"], "validate/1"),
        (["funding", "--format", "json"], "funding/1"),
        (["governance", "--format", "json"], "governance/1"),
    ],
)
def test_every_json_document_says_its_kind_and_version(argv: list[str], schema: str):
    """No JSON output carried a version a client could check (a developer's review)."""
    code, out, _ = run_once(*argv)
    assert code == 0
    assert json.loads(out)["svduty_schema"] == schema
    assert next(iter(json.loads(out))) == "svduty_schema"


def test_info_json_gives_periods_in_iso_days():
    """A developer's review: ``valid`` was the display text "2009-04-01 to open"."""
    import datetime as dt

    out = io.StringIO()
    assert main(["info", "--format", "json"], stdout=out) == 0
    doc = json.loads(out.getvalue())
    periods = [doc["local_area"]["valid"], *(d["valid"] for d in doc["districts"])]
    periods += [a["valid"] for k in ("community_safety_partnerships", "counties") for a in doc[k]]
    for period in periods:
        assert set(period) == {"start", "end"}
        dt.date.fromisoformat(period["start"])
        assert period["end"] is None or dt.date.fromisoformat(period["end"])


def test_info_text_shows_the_local_areas_period_as_days():
    """The text of ``info`` printed the JSON form of the period (``{'start': ...}``)."""
    out = io.StringIO()
    assert main(["info"], stdout=out) == 0
    line = next(x for x in out.getvalue().splitlines() if x.startswith("Local area: "))
    assert line.endswith("(2023-01-31 to 2025-03-31)")


def test_a_command_name_not_known_is_shown_a_personal_value_is_not():
    """``svduty compare`` said "invalid choice (not shown)", hiding even a command's name
    (a new user's review); a value of an unsafe shape stays hidden."""
    code, _, err = run("compare")
    assert code == 2
    assert "invalid choice: 'compare'" in err
    code, _, err = run("classify", "--format", "Jane Smith")
    assert code == 2
    assert "Jane" not in err
    assert "invalid choice (not shown)" in err


@pytest.mark.parametrize("dropped", ["maximum_penalty", "impact_on_community"])
def test_validate_warns_of_an_s13_6_factor_not_weighed(tmp_path, dropped):
    import shutil

    bundle = tmp_path / "b"
    shutil.copytree(EXAMPLE, bundle)
    d = bundle / "definition.toml"
    text = d.read_text()
    at = text.index(f'factor = "{dropped}"\nweighed = true')
    d.write_text(text[:at] + text[at:].replace("weighed = true", "weighed = false", 1))
    code, out, err = run("validate", str(bundle))
    assert (code, err) == (0, "")
    line, ok = _without_made_up_codes(out)
    assert ok == f"{bundle}: ok"
    assert line.startswith(f"warning: {d}: S13-6-FACTORS: ")  # the file as typed (users55)
    assert f"({dropped}): s.13(6)(" in line


def test_options_are_not_abbreviated_and_the_error_names_the_option_meant():
    # "--part" worked as --partnership: a script's abbreviation would change meaning the
    # day an option sharing its prefix is added
    code, _, err = run("info", "--part", "examplshire")
    assert code == 2
    assert "(did you mean --partnership? options are not abbreviated)" in err


def test_classify_takes_its_inputs_format_as_input_format_and_as_format():
    month = str(svduty.sample_path("policeuk-month"))
    for option in ("--input-format", "--format"):
        code, out, _ = run("classify", month, option, "police-uk", "--summary", "json")
        assert code == 0
        assert json.loads(out)["rows_in"] == 4586


def test_standard_input_is_refused_by_name_where_it_is_not_read():
    code, _, err = run("governance", "--scenario", "-")
    assert code == 1
    assert "--scenario -: a scenario is not read from standard input" in err
    code, _, err = run("funding", "--split", "-")
    assert code == 1
    assert "--split: expected a split TOML file (a split is not read from standard input)" in err
    code, _, err = run("governance", "--scenario", "Jane")
    assert "no scenario of that name (a string of 4 characters, not shown)" in err


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (("explain", "a.jsonl", "b.jsonl"), "(explain takes one INPUT)"),
        (("init", "d1", "d2", "--area", "Rugby"), "(init takes one DIR)"),
        (("validate", "a", "b"), "(validate takes one NAME|PATH)"),  # users52b: PATH
    ],
)
def test_a_second_value_for_a_command_of_one_says_it_takes_one(argv, hint):
    # "1 value (not shown)" alone did not say explain reads one file (classify reads many)
    code, _, err = run(*argv)
    assert code == 2
    assert err.rstrip().endswith(f"unrecognized arguments: 1 value (not shown) {hint}")


def _without_made_up_codes(err: str) -> list[str]:
    """The warnings but Examplshire's own: its codes are made up (``BUNDLE-ONS``)."""
    made_up = ("BUNDLE-ONS: E0700090", "BUNDLE-ONS: E10000901")  # its districts, its county
    return [line for line in err.splitlines() if not any(m in line for m in made_up)]


def test_report_prints_every_caution_on_its_numbers(tmp_path):
    """The terminal showed the first caution only: a month outside the local area's period
    was not said when rows were also rejected (a new user's review, 38th session)."""
    import shutil
    from pathlib import Path

    from svduty.io import sample_police_uk

    folder = tmp_path / "months"
    folder.mkdir()
    shutil.copy(Path("/work/shared/data/policeuk/2019-01-warwickshire-street.csv"), folder)
    lines = sample_police_uk().read_text(encoding="utf-8").splitlines(keepends=True)
    bad = lines[1].split(",")
    bad[1] = "Jun-25"  # a month as a spreadsheet shows it: rejected
    (folder / "2025-06.csv").write_text("".join([*lines, ",".join(bad)]), encoding="utf-8")
    code, out, err = run("report", str(folder), "-o", str(tmp_path / "r.html"))
    assert code == 0, err
    said = out + err
    assert "1 of " in said
    assert "rows were rejected" in said
    assert "months outside the period of the partnership's local area" in said
    assert "LSOA codes of" not in said  # the deprivation section's own, on the page
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Months outside the period" in page
    assert "rows were rejected" in page
