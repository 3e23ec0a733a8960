"""A new user outside Warwickshire, and the CLI leftovers of the hostile-input review.

Each test is one defect found by following the docs for another area (a London borough,
the City of London, a Welsh county, a mayoral police area) or left by the last review:
``validate`` runs the governance checks, ``funding --split`` refuses an amount with a year,
errors name the folder and the how-to, ``init`` speaks the command line's words, ``-o``
on every command that writes a file, the rejection sample by (file, row), empty and
foreign files in an input folder.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import svduty
from svduty.cli import build_parser

from ..cli_run import run, run_once

WARWICKSHIRE = Path(str(resources.files("svduty") / "data" / "warwickshire"))
HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\n"
)
LEEDS_ROW = (
    "a1,2025-06,West Yorkshire Police,West Yorkshire Police,-1.5,53.8,On or near X,"
    "E01011264,Leeds 011A,Violence and sexual offences,Under investigation,\n"
)


def init(tmp_path: Path, area: str, name: str = "b") -> Path:
    code, _, err = run("init", tmp_path / name, "--area", area)
    assert code == 0, err
    return tmp_path / name


def authorities(bundle: Path) -> dict[str, dict[str, object]]:
    data = tomllib.loads((bundle / "authorities.toml").read_text())
    return {a["category"] + ":" + a["id"]: a for a in data["authorities"]}


def by_category(bundle: Path, category: str) -> list[dict[str, object]]:
    return [a for k, a in authorities(bundle).items() if k.startswith(category + ":")]


# --- validate runs the governance checks ------------------------------------------------


def cyclic_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "cycle"
    shutil.copytree(WARWICKSHIRE, bundle)
    with (bundle / "governance.toml").open("a") as f:
        f.write(
            '\n[[relations]]\nkind = "oversees"\nsource = "rugby-vpog"\n'
            'target = "safer-warwickshire-partnership-board"\n'
            'citation = { source = "warwickshire-partnership-agreement", '
            'provision = "Governance Structure" }\n'
        )
    return bundle


def test_validate_finds_an_oversight_cycle_that_governance_validate_finds(tmp_path):
    bundle = cyclic_bundle(tmp_path)
    assert svduty.validate_bundle(bundle) == []  # the files are good ...
    code, out, err = run("validate", bundle)
    assert code == 1  # ... but the governance is not
    assert "governance.toml: GOV-CYCLE: oversight cycle" in out  # listed as governance lists it
    assert "1 problem(s)" in err  # standard error says there are problems
    code_g, out_g, err_g = run("governance", "--partnership", bundle, "--validate")
    assert code_g == 1
    assert "error GOV-CYCLE: oversight cycle" in out_g  # the report lists it
    assert "1 governance error(s)" in err_g  # standard error says there are errors
    code, out, _ = run("validate", bundle, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["ok"] is False
    assert [p["field"] for p in data["problems"]] == ["GOV-CYCLE"]


def test_validate_prints_governance_warnings_without_failing():
    code, out, err = run_once("validate", "warwickshire")
    assert (code, err) == (0, "")
    assert re.fullmatch(r"warwickshire: ok, \d+ to fill in or confirm", out.splitlines()[-1])
    assert "warning: governance.toml: GOV-ISOLATED: chief-officers-group has no relations" in out
    code, out, _ = run_once("validate", "warwickshire", "--format", "json")
    data = json.loads(out)
    assert data["ok"] is True
    assert data["problems"] == []
    assert "GOV-ISOLATED" in {w["field"] for w in data["warnings"]}


def test_validate_of_a_bundle_without_governance_is_unchanged(tmp_path):
    code, out, err = run("validate", init(tmp_path, "Cardiff"))
    assert (code, err) == (0, "")
    assert re.fullmatch(r".*/b: ok, \d+ to fill in or confirm", out.splitlines()[-1])


def test_the_reference_says_validate_runs_the_governance_checks():
    parser = build_parser(load=("validate",))
    text = " ".join(parser._subparsers._group_actions[0].choices["validate"].description.split())  # type: ignore[union-attr]
    assert "governance checks of 'svduty governance --validate'" in text


# --- funding --split: an amount and a year ------------------------------------------------


@pytest.mark.parametrize("extra", ['year = "2024/25"\n', 'category = "labour"\n'])
def test_split_refuses_an_amount_with_a_year_or_category(tmp_path, extra):
    f = tmp_path / "split.toml"
    f.write_text('amount = "1000"\nmethod = "equal"\n' + extra)
    code, out, err = run("funding", "--split", f)
    assert (code, out) == (1, "")
    assert "split.toml" in err
    assert "either amount, or year (and category), not both" in err


def test_split_by_year_alone_still_works(tmp_path):
    f = tmp_path / "split.toml"
    f.write_text('year = "2024/25"\nmethod = "equal"\n')
    code, out, _ = run("funding", "--split", f)
    assert code == 0
    assert "Split of £234,637.86 (equal)" in out


# --- a fresh bundle: governance and funding point at the how-to ---------------------------


@pytest.mark.parametrize(
    ("command", "file"), [("governance", "governance"), ("funding", "funding")]
)
def test_a_fresh_bundle_points_at_the_how_to(tmp_path, command, file):
    code, _, err = run(command, "--partnership", init(tmp_path, "Leeds"))
    assert code == 1
    assert f"has no {file}.toml; write one as the how-to 'Write a bundle for another area'" in err
    assert "section 'Governance and funding'" in err
    howto = Path(__file__).parents[2] / "docs" / "howto" / "write-a-bundle.rst"
    assert "Governance and funding" in howto.read_text()  # the pointer points somewhere


# --- an empty folder is named -------------------------------------------------------------


def test_validate_an_empty_folder_names_it(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("validate", empty)
    assert code == 1
    assert err.startswith(f"svduty validate: error: {empty}: not a bundle folder: no bundle.toml")
    assert f"svduty init {empty} --area CODE" in err


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "-",
            "-: NAME|PATH: expected a bundle folder or a packaged bundle's name (validate reads no "
            "standard input)",
        ),
        ("nosuch", "nosuch: NAME|PATH: no such folder, and not a packaged bundle; "),
    ],
)
def test_validate_says_what_it_cannot_check_as_the_other_commands_say_errors(given, said):
    """cli.rst: errors are one line each as ``svduty COMMAND: error: ...`` (a review's find)."""
    code, out, err = run("validate", given)
    assert code == 1
    assert out == ""
    assert err.startswith(f"svduty validate: error: {said}")
    assert len(err.splitlines()) == 1
    code, out, _ = run("validate", given, "--format", "json")  # a JSON reader gets its answer
    assert (code, json.loads(out)["ok"]) == (1, False)


def test_validate_a_file_says_it_is_no_bundle_folder_as_an_error(tmp_path, monkeypatch):
    """A file (not a folder) was told without the ``svduty validate: error:`` prefix."""
    file = tmp_path / "notes.txt"
    file.write_text("x")
    code, _, err = run("validate", file)
    assert code == 1
    assert err == (
        f"svduty validate: error: {file}: not a bundle folder: a file; expected a bundle "
        "(to start one: svduty init FOLDER --area CODE)\n"
    )
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(file))
    code, _, err = run("validate")
    assert err.startswith(f"svduty validate: error: {file}: SVDUTY_PARTNERSHIP: not a bundle")


@pytest.mark.parametrize("option", ["--definition", "--partnership"])
def test_an_empty_folder_as_an_option_is_named(tmp_path, option):
    empty = tmp_path / "empty"
    empty.mkdir()
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"offence_code": "8N"}\n')
    code, out, err = run("classify", incidents, option, empty)
    assert (code, out) == (1, "")
    assert f"svduty classify: error: {empty}: {option}: not a bundle folder" in err


# --- init speaks like the other commands --------------------------------------------------


def test_init_errors_have_the_prefix_and_the_options_names(tmp_path):
    init(tmp_path, "Leeds", "leeds")
    code, _, err = run("init", tmp_path / "leeds", "--area", "Leeds")
    assert code == 1
    folder = tmp_path / "leeds"
    assert err == (
        f"svduty init: error: {folder}: bundle.toml: expected an empty folder (or --force)\n"
    )
    code, _, err = run("init", tmp_path / "x", "--area", "Leeds", "--area", "E12000001")
    assert code == 1
    assert err.startswith("svduty init: error: --area #2: E12000001 (North East) is a region;")
    assert not (tmp_path / "x").exists()


def test_init_suggests_the_ons_name_of_an_area(tmp_path):
    code, _, err = run("init", tmp_path / "x", "--area", "Bristol")
    assert code == 1
    assert "did you mean 'Bristol, City of' (E06000023, E22000002)?" in err
    assert "no area named 'Bristol'; " in err  # the text given said beside it (users60)
    code, _, err = run("init", tmp_path / "x", "--area", "Qwxzv Upon Nothing")
    assert code == 1
    assert "did you mean" not in err


# --- -o on every command that writes a file -----------------------------------------------


def test_every_output_option_has_the_short_form(tmp_path):
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        for action in sub._actions:
            if "--output" in action.option_strings:
                assert "-o" in action.option_strings, name
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"id": "a", "offence_code": "8N"}\n')
    code, _, err = run("classify", incidents, "-o", tmp_path / "out.csv")
    assert code == 0, err
    assert (tmp_path / "out.csv").read_text().count("\n") == 2


# --- the rejection sample, by (file, row) -------------------------------------------------


def test_the_rejection_sample_and_the_rejected_file_are_in_row_order(tmp_path):
    lines = []
    for i in range(1, 61):
        if i <= 10:
            lines.append(json.dumps({"id": f"r{i}", "offence_code": "8N", "victim_age": -5}))
        elif 42 <= i <= 51:
            lines.append("{not json")
        else:
            lines.append(json.dumps({"id": f"r{i}", "offence_code": "8N"}))
    f = tmp_path / "order.jsonl"
    f.write_text("\n".join(lines) + "\n")
    rejected = tmp_path / "rejected.csv"
    code, _, err = run(
        "classify", f, "-o", tmp_path / "o.csv", "--rejected", rejected, "--summary", "json"
    )
    assert code == 0, err
    code, out, _ = run("classify", f, "-o", tmp_path / "o2.csv", "--summary", "json")
    summary = json.loads(out)
    rows = [r["row"] for r in summary["rejections"]]
    assert rows == [*range(1, 11), *range(42, 52)]
    with rejected.open() as fh:
        streamed = [int(r["row"]) for r in csv.DictReader(fh)]
    assert streamed == rows  # an analyst's review: the stages' order read as disorder
    _, text, _ = run("classify", f, "-o", tmp_path / "o3.csv")
    shown = [line for line in text.splitlines() if line.startswith("  ") and "row" in line]
    assert shown[0].startswith(f"  {f}: row 1: ")


# --- empty and foreign files in an input folder -------------------------------------------


def police_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "months"
    folder.mkdir()
    (folder / "2025-06-west-yorkshire-street.csv").write_text(HEADER + LEEDS_ROW)
    return folder


def test_an_empty_csv_in_a_folder_is_zero_rows(tmp_path):
    folder = police_folder(tmp_path)
    (folder / "2025-07-west-yorkshire-street.csv").write_text("")
    code, out, err = run("classify", folder, "-o", tmp_path / "out.csv")
    assert code == 0, err
    assert "rows in: 1\n" in out
    assert f"skipped: {folder / '2025-07-west-yorkshire-street.csv'} (an empty file: 0 rows)" in out
    code, out, err = run("report", folder, "-o", tmp_path / "r.html")
    assert code == 0, err
    assert "(an empty file: 0 rows)" in out


def test_an_empty_file_alone_is_refused(tmp_path):
    """An empty CSV named alone has no header: unusable (see tests/cli/test_empty_inputs.py)."""
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    code, out, err = run("classify", empty)
    assert (code, out) == (1, "")
    assert f"{empty}: row 1: header: expected a header row, not an empty file" in err
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"id": "a", "offence_code": "8N"}\n')
    empty_jsonl = tmp_path / "e.jsonl"
    empty_jsonl.write_text("")
    code, _, err = run("classify", empty_jsonl, incidents)  # an empty JSON Lines file: 0 rows
    assert code == 0
    assert "rows in: 1\n" in err


def test_a_foreign_csv_in_a_folder_is_named_and_nothing_is_written(tmp_path):
    folder = police_folder(tmp_path)
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    out_file, rejected = tmp_path / "out.csv", tmp_path / "rejected.csv"
    code, out, err = run("classify", folder, "-o", out_file, "--rejected", rejected)
    assert (code, out) == (1, "")
    assert f"svduty classify: error: {folder / 'notes.csv'}: row 1: header:" in err
    assert "every .csv file in an input folder is read as a police.uk month" in err
    assert "a,b" not in err
    assert "1,2" not in err
    assert not out_file.exists()
    assert not rejected.exists()


# --- starting bundles outside Warwickshire ------------------------------------------------


def test_a_london_borough_has_mopac_and_the_commissioner(tmp_path):
    bundle = init(tmp_path, "E09000007")  # Camden
    (lpb,) = by_category(bundle, "local_policing_body")
    assert lpb["name"] == "Mayor's Office for Policing and Crime"
    assert lpb["citation"]["confidence"] == "secondary"  # type: ignore[index]
    (chief,) = by_category(bundle, "chief_officer_of_police")
    assert chief["name"] == "Commissioner of Police of the Metropolis"
    (fire,) = by_category(bundle, "fire_and_rescue_authority")
    assert fire["name"] == "London Fire Commissioner"
    assert "2018" in fire["citation"]["doubt"]  # type: ignore[index]
    assert svduty.validate_bundle(bundle) == []


def test_the_city_of_london_is_its_own_police_area_and_authority(tmp_path):
    bundle = init(tmp_path, "City of London")
    (lpb,) = by_category(bundle, "local_policing_body")
    assert lpb["name"] == "Common Council of the City of London (as police authority)"
    assert lpb["same_body_as"] == "city-of-london-council"
    (chief,) = by_category(bundle, "chief_officer_of_police")
    assert chief["name"] == "Commissioner of Police for the City of London"
    assert chief["id"] == "city-of-london-police"
    p = svduty.load_partnership(bundle)
    assert p.authorities.get("city-of-london-local-policing-body").same_body_as == (
        "city-of-london-council"
    )


def test_a_mayoral_police_area_names_the_mayor(tmp_path):
    bundle = init(tmp_path, "E23000005")  # Greater Manchester
    (lpb,) = by_category(bundle, "local_policing_body")
    assert lpb["name"] == "Mayor of Greater Manchester (police and crime commissioner functions)"
    assert lpb["citation"]["confidence"] == "unconfirmed"  # type: ignore[index]


def test_elsewhere_the_local_policing_body_is_a_pcc_to_confirm(tmp_path):
    bundle = init(tmp_path, "Kent")
    (lpb,) = by_category(bundle, "local_policing_body")
    assert lpb["name"] == "Police and Crime Commissioner for Kent"
    assert "a mayor may exercise those functions" in lpb["citation"]["doubt"]  # type: ignore[index]


def test_a_welsh_bundle_records_the_nation_of_both_nation_authorities(tmp_path):
    bundle = init(tmp_path, "Cardiff")
    p = svduty.load_partnership(bundle)
    nations = {a.category.value: a.nation_of.value for a in p.authorities if a.nation_of}
    assert nations == {
        "welsh_county_council": "wales",
        "chief_officer_of_police": "wales",
        "local_policing_body": "wales",
        "fire_and_rescue_authority": "wales",
        "local_health_board": "wales",
        "provider_of_probation_services": "wales",
        "youth_offending_team": "wales",
    }
    assert "integrated_care_board" not in {a.category.value for a in p.authorities}


def test_an_english_bundle_records_england(tmp_path):
    p = svduty.load_partnership(init(tmp_path, "Leeds"))
    police = [a for a in p.authorities if a.category.value == "chief_officer_of_police"]
    assert [a.nation_of.value for a in police] == ["england"]  # type: ignore[union-attr]


def test_ons_inverted_names_are_written_plainly(tmp_path):
    bundle = init(tmp_path, "E06000023")  # "Bristol, City of"
    names = {a["name"] for a in authorities(bundle).values()}
    assert "City of Bristol Council" in names
    assert "City of Bristol youth offending team (youth justice service to name)" in names
    assert not any(", City of" in n for n in names)  # type: ignore[operator]


def test_info_for_wales_shows_the_local_health_board_not_icbs(tmp_path):
    code, out, _ = run("info", "--partnership", init(tmp_path, "Cardiff"))
    assert code == 0
    assert "Local Health Boards (1):" in out
    assert "Cardiff and Vale University Health Board" in out
    assert "Integrated care boards" not in out
    assert "police area W15000003" in out  # the force's area when no command area is known
    code, out, _ = run("info", "--partnership", init(tmp_path, "Cardiff", "c2"), "--format", "json")
    data = json.loads(out)
    assert [b["id"] for b in data["local_health_boards"]] == ["W11000029"]
    assert data["districts"][0]["police_force_area"] == "W15000003"


def test_info_for_warwickshire_keeps_its_command_areas():
    code, out, _ = run("info")
    assert code == 0
    assert "police area warwickshire-police-north" in out
    assert "Integrated care boards (1):" in out
    assert "Local Health Boards" not in out


def test_a_bundle_without_a_definition_as_definition_says_so(tmp_path):
    bundle = init(tmp_path, "Cardiff")
    incidents = tmp_path / "i.jsonl"
    incidents.write_text('{"offence_code": "8N"}\n')
    code, out, err = run("explain", incidents, "--definition", bundle)
    assert (code, out) == (1, "")
    assert f"{bundle}: --definition: the bundle has no definition.toml" in err
    assert "pcsc-s13, applies to it" in err
    code, _, _ = run("explain", incidents, "--partnership", bundle)  # the default: the statute's
    assert code == 0


def test_in_folder_notes_only_the_files_of_the_folders():
    from svduty._commands._paths import in_folder
    from svduty.errors import InputFormatError, Problem

    exc = InputFormatError(
        [
            Problem(file="june/a.csv", message="unreadable"),
            Problem(file="elsewhere/b.csv", expected="a police.uk file"),
            Problem(message="no file"),
        ]
    )
    a, b, c = in_folder(exc, ["june"]).problems
    assert a.message.startswith("unreadable; every .csv file in an input folder")
    assert b == exc.problems[1]
    assert c == exc.problems[2]


def test_suggestions_of_nothing_and_of_a_misspelling():
    from svduty.areas import Geography
    from svduty.io._new_bundle import suggestions

    geo = Geography.england_and_wales()
    assert suggestions(geo, "  ") == []
    # found by its words and again by its spelling (listed once), then a close spelling
    assert suggestions(geo, "Leeds") == [
        "'Leeds' (E08000035, E22000345)",
        "'Lewes' (E07000063, E22000298)",
    ]
    assert suggestions(geo, "Cardif")[0].startswith("'Cardiff' (")


def test_the_isles_of_scilly_council_is_its_fire_and_rescue_authority(tmp_path):
    p = svduty.load_partnership(init(tmp_path, "E06000053"))
    fire = p.authorities.get("isles-of-scilly-fire-and-rescue-authority")
    assert fire.name == "Council of the Isles of Scilly (as fire and rescue authority)"
    assert fire.same_body_as == "isles-of-scilly-council"
    assert p.authorities.get("isles-of-scilly-council").category.value == (
        "council_of_the_isles_of_scilly"
    )


def test_a_population_split_without_populations_says_so(tmp_path):
    bundle = tmp_path / "nopop"
    shutil.copytree(WARWICKSHIRE, bundle)
    text = (bundle / "funding.toml").read_text()
    cut = text.index("[[populations]]")
    (bundle / "funding.toml").write_text(text[:cut])  # the populations are the file's tail
    f = tmp_path / "split.toml"
    f.write_text('year = "2024/25"\n')
    code, out, err = run("funding", "--partnership", bundle, "--split", f)
    assert (code, out) == (1, "")
    assert "split.toml: method: expected populations in the bundle's funding.toml" in err
    f.write_text('year = "2024/25"\nmethod = "weights"\nweights = { a = 1, b = 1 }\n')
    code, out, _ = run("funding", "--partnership", bundle, "--split", f)
    assert code == 0
    assert "£117,318.93" in out


@pytest.mark.parametrize(
    ("argv", "usage", "said"),
    [
        (
            ["classify", "june.csv", "--sumary", "json"],
            "usage: svduty classify ",
            "svduty classify: error: unrecognized arguments: --sumary, 1 value (not shown) "
            "(did you mean --summary?)",
        ),
        (
            ["info", "--partnershp=warwickshire"],
            "usage: svduty info ",
            "svduty info: error: unrecognized arguments: --partnershp "
            "(did you mean --partnership?)",
        ),
        (["info", "--zzz"], "usage: svduty info ", "unrecognized arguments: --zzz\n"),
        (["--zzz"], "usage: svduty [-h]", "svduty: error: unrecognized arguments: --zzz\n"),
        (  # a hostile review: values given are never repeated (they may be personal data)
            ["info", "--victim=Jane07700900123", "x07700900123"],
            "usage: svduty info ",
            "unrecognized arguments: --victim, 1 value (not shown)\n",
        ),
        (
            ["info", "--format", "Jane"],
            "usage: svduty info ",
            "argument --format: invalid choice (not shown) (choose from 'text', 'json')",
        ),
        (
            ["--partnership=x", "info"],
            "usage: svduty info ",
            "unrecognized arguments: --partnership (give --partnership after the command's name)",
        ),
    ],
)
def test_an_unknown_option_is_shown_with_the_commands_usage(argv, usage, said):
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err.startswith(usage)
    assert said in err
    assert "Jane" not in err
    assert "0770" not in err


def test_an_incident_csv_whose_header_spells_a_field_otherwise_is_refused(tmp_path):
    f = tmp_path / "mis.csv"
    f.write_text("id,Offence Code,victim age\n1,8N,30\n", encoding="utf-8")
    code, out, err = run("classify", f)
    assert (code, out) == (1, "")
    assert "Offence Code: expected the field's own name, offence_code (or --map " in err
    code, _, err = run("classify", f, "--map", "Offence Code=offence_code", "--summary", "json")
    assert code == 1
    assert "victim age: expected the field's own name, victim_age" in err


def test_police_uk_columns_read_as_incidents_say_so(tmp_path):
    """A police.uk month after an incident file, or saved as Parquet, was told to have
    'exactly the 12 columns' it has (a hostile review)."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from svduty.io import sample_police_uk

    first = tmp_path / "a.jsonl"
    first.write_text('{"id": "a"}\n')
    pq.write_table(pacsv.read_csv(sample_police_uk()), tmp_path / "m.parquet")
    for argv, said in (
        # named after an incident file: refused before any row is read (users51)
        (["classify", str(first), str(sample_police_uk())], "police.uk street-level months"),
        (["classify", str(tmp_path / "m.parquet")], "police.uk's 12 columns, read as incidents"),
    ):
        code, _, err = run(*argv)
        assert code == 1
        assert said in err
