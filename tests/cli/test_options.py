"""--partnership and --definition: on every command, one default, recorded in the output."""

from __future__ import annotations

import io
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

import svduty
from svduty._commands._options import chosen, resolve_definition
from svduty.cli import build_parser, main
from svduty.definitions import STATUTE, WHO_2002
from svduty.errors import DefinitionError

from ..cli_run import run

WARWICKSHIRE = Path(str(resources.files("svduty") / "data" / "warwickshire"))

INCIDENTS = [
    {"id": "a", "offence_code": "8N", "location": "E07000222"},
    {"id": "b", "behaviours": ["economic"], "relationship": "none", "location": "E01031005"},
    {"id": "c", "offence_code": "46"},
    {"id": "d", "police_uk_category": "Robbery", "location": "E08000026"},
    {"id": "e", "behaviours": ["controlling_or_coercive"], "relationship": "married"},
    {"id": "f", "weapon": "knife", "harms": ["injury"], "intentional": True},
]


def bundle_without_definition(tmp_path: Path) -> Path:
    bundle = tmp_path / "nodef"
    shutil.copytree(WARWICKSHIRE, bundle)
    (bundle / "definition.toml").unlink()
    return bundle


@pytest.mark.parametrize(
    "command", ["classify", "explain", "info", "governance", "funding", "report"]
)
def test_every_command_takes_partnership_and_says_the_default(command, capsys):
    code = main([command, "--help"])
    assert code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--partnership NAME|PATH" in text
    assert (
        "(default: the environment variable SVDUTY_PARTNERSHIP if set, else warwickshire)" in text
    )


@pytest.mark.parametrize("command", ["classify", "explain", "report"])
def test_classifying_commands_take_definition_and_say_the_default(command, capsys):
    main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--definition ID|PATH" in text
    assert "default: the partnership's own definition" in text
    assert "pcsc-s13" in text


def test_resolve_definition_by_id_bundle_folder_and_file(tmp_path):
    p = chosen(build_parser().parse_args(["info"])).partnership
    assert resolve_definition(None, p).id == "warwickshire"
    assert resolve_definition("who-2002", p) is WHO_2002
    assert resolve_definition("warwickshire", p).id == "warwickshire"
    assert resolve_definition(str(WARWICKSHIRE), p).id == "warwickshire"
    assert resolve_definition(str(WARWICKSHIRE / "definition.toml"), p).id == "warwickshire"
    lone = tmp_path / "mine.toml"
    lone.write_text(
        'id = "mine"\ntitle = "Mine"\ncitation = { source = "pcsc-act-2022" }\n'
        '[[include]]\nkind = "who_violence"\ncitation = { source = "pcsc-act-2022" }\n'
    )
    assert resolve_definition(str(lone), p).id == "mine"
    with pytest.raises(DefinitionError, match="--definition"):
        resolve_definition(str(tmp_path / "nothing-here"), p)
    with pytest.raises(DefinitionError, match="--definition"):
        resolve_definition(str(bundle_without_definition(tmp_path)), p)


def test_a_partnership_without_a_definition_defaults_to_the_statute(tmp_path):
    bundle = bundle_without_definition(tmp_path)
    args = build_parser().parse_args(["classify", "x.csv", "--partnership", str(bundle)])
    assert chosen(args).definition is STATUTE


def write_incidents(path: Path) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in INCIDENTS))
    return path


def in_scope_of_classify(*argv: str) -> dict[str, str]:
    code, out, err = run("classify", *argv)
    assert code == 0, err
    return {row["id"]: row["in_scope"] for row in map(json.loads, out.splitlines())}


def in_scope_of_explain(*argv: str) -> dict[str, str]:
    code, out, err = run("explain", *argv, "--format", "json")
    assert code == 0, err
    return {row["id"]: row["in_scope"] for row in map(json.loads, out.splitlines())}


def test_classify_and_explain_agree_with_no_options(tmp_path):
    f = str(write_incidents(tmp_path / "in.jsonl"))
    classified = in_scope_of_classify(f)
    assert classified == in_scope_of_explain(f)
    assert set(classified) == {i["id"] for i in INCIDENTS}
    # the default is the partnership's definition, which counts financial abuse (b)
    assert classified != in_scope_of_classify(f, "--definition", "pcsc-s13")


@pytest.mark.parametrize("definition", ["pcsc-s13", "who-2002", "warwickshire"])
def test_classify_and_explain_agree_for_every_definition(tmp_path, definition):
    f = str(write_incidents(tmp_path / "in.jsonl"))
    assert in_scope_of_classify(f, "--definition", definition) == in_scope_of_explain(
        f, "--definition", definition
    )


def test_classify_against_a_bundle_folder_records_what_was_used(tmp_path):
    f = str(write_incidents(tmp_path / "in.jsonl"))
    bundle = bundle_without_definition(tmp_path)
    out_file = tmp_path / "o.jsonl"
    code, out, err = run(
        "classify", f, "--partnership", str(bundle), "--output", str(out_file), "--summary", "json"
    )
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["partnership"], summary["definition"]) == ("warwickshire", "pcsc-s13")
    code, out, _ = run("classify", f, "--output", str(out_file))
    assert out.splitlines()[-2:] == ["partnership: warwickshire", "definition: warwickshire"]


def test_explain_records_partnership_and_definition(tmp_path):
    f = str(write_incidents(tmp_path / "in.jsonl"))
    code, out, _ = run("explain", f, "--definition", "who-2002")
    assert code == 0
    assert out.splitlines()[0] == "Partnership warwickshire; definition who-2002"
    code, out, _ = run("explain", f, "--format", "json")
    first = json.loads(out.splitlines()[0])
    assert (first["partnership"], first["definition"]) == ("warwickshire", "warwickshire")


def test_info_governance_and_funding_record_the_partnership():
    for argv, key, value in (
        (("info", "--format", "json"), "definition", "warwickshire"),
        (("governance", "--format", "json"), "partnership", "warwickshire"),
        (("funding", "--format", "json"), "partnership", "warwickshire"),
    ):
        code, out, _ = run(*argv)
        assert code == 0
        assert json.loads(out)[key] == value
    code, out, _ = run("info")
    assert "Definition of serious violence: warwickshire" in out


def test_a_bad_definition_is_exit_1_with_a_message(tmp_path):
    f = str(write_incidents(tmp_path / "in.jsonl"))
    for command in ("classify", "explain"):
        code, _, err = run(command, f, "--definition", "nowhere")
        assert code == 1
        assert "--definition: expected a national definition id" in err


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--partnership", "Warwickshire", "(did you mean warwickshire?)"),
        ("--definition", "WHO-2002", "(did you mean who-2002?)"),
        ("--definition", "pcsc-13", "(did you mean pcsc-s13?)"),
    ],
)
def test_a_name_nearly_right_is_named(option: str, value: str, hint: str) -> None:
    """Names are exact (a folder may be called anything); the near one is suggested."""
    err = io.StringIO()
    month = str(svduty.sample_path("policeuk-month"))
    assert main(["classify", month, option, value], stderr=err) == 1
    assert err.getvalue().rstrip().endswith(hint)


def test_a_partnership_or_map_typed_with_personal_data_is_not_shown(tmp_path):
    """``--area`` and ``--definition`` hid what they refused; ``--partnership`` and
    ``--map`` printed it (a hostile-input review)."""
    import io

    from svduty.cli import main

    f = tmp_path / "plain.csv"
    f.write_text("id,offence_code\na,8N\n", encoding="utf-8")
    secret = "Jane Smith 07700900123"
    for argv in (
        ["classify", str(f), "--format", "incidents", "--map", f"{secret}=id"],
        ["classify", "--partnership", secret, str(f)],
    ):
        err = io.StringIO()
        assert main(argv, stdout=io.StringIO(), stderr=err) == 1
        assert secret not in err.getvalue()
        assert "22 characters, not shown" in err.getvalue()
    err = io.StringIO()
    main(["classify", "--partnership", "warwickshir", str(f)], stderr=err)
    assert "svduty init warwickshir --area" in err.getvalue()  # a plain name is shown


def test_svduty_partnership_names_the_default_partnership(tmp_path, monkeypatch):
    """A partnership other than Warwickshire's sets its bundle once in its shell, and every
    command uses it without --partnership (an explicit --partnership still wins)."""
    shutil.copytree(resources.files("svduty") / "data" / "examplshire", tmp_path / "ex")
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(tmp_path / "ex"))
    code, out, _ = run("info", "--format", "json")
    assert code == 0
    assert json.loads(out)["name"] == "examplshire"
    code, out, _ = run("info", "--format", "json", "--partnership", "warwickshire")
    assert code == 0
    assert json.loads(out)["name"] == "warwickshire"
    # a variable naming no bundle is told as the variable, not as an option never given
    _refused_by_variable(monkeypatch, tmp_path, ["info"], ["classify", _sample_month()])
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", "  ")  # blank: refused, not the default (contract45)
    code, out, err = run("info", "--format", "json")
    assert (code, out) == (1, "")
    assert "SVDUTY_PARTNERSHIP: set but empty" in err


def test_a_packaged_bundles_name_given_without_its_option_is_told_how(tmp_path, monkeypatch):
    """``svduty info examplshire`` said only "unrecognized arguments: 1 value (not shown)"."""
    monkeypatch.chdir(tmp_path)  # no folder of that name here: the packaged bundle
    for command in ("info", "funding", "governance"):
        code, _, err = run(command, "examplshire")
        assert code == 2
        assert "(a packaged bundle: give it as --partnership examplshire)" in err
    assert "packaged" not in run("info", "data")[2]  # a folder of svduty's data, no bundle
    assert "packaged" not in run("info", "../data/warwickshire")[2]  # a name, not a path


def test_a_bundle_folder_given_without_its_option_is_told_how(tmp_path):
    shutil.copytree(resources.files("svduty") / "data" / "examplshire", tmp_path / "ex")
    for command in ("info", "governance"):
        code, _, err = run(command, tmp_path / "ex")
        assert code == 2
        assert "1 value (not shown) (a bundle folder: give it as --partnership PATH)" in err
    assert "a bundle folder" not in run("info", tmp_path / "nothing")[2]
    # validate takes the folder either way, once
    assert run("validate", "--partnership", tmp_path / "ex")[0] == 0
    code, _, err = run("validate", tmp_path / "ex", "--partnership", tmp_path / "ex")
    assert code == 2
    assert "give NAME|PATH or --partnership NAME|PATH: not both" in err  # users52b: PATH
    assert run("validate")[0] == 2


def test_validate_reads_svduty_partnership_too_and_names_it(tmp_path, monkeypatch):
    shutil.copytree(resources.files("svduty") / "data" / "examplshire", tmp_path / "ex")
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(tmp_path / "ex"))
    code, out, _ = run("validate")
    assert code == 0
    assert out.endswith(": ok\n")
    _refused_by_variable(monkeypatch, tmp_path, ["validate"], ["validate"])


def _sample_month() -> str:
    return str(svduty.sample_path("policeuk-month"))


def _refused_by_variable(monkeypatch, tmp_path, missing: list[str], empty: list[str]) -> None:
    """SVDUTY_PARTNERSHIP naming no folder (then an empty one): each command exits 1 and
    names the variable."""
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(tmp_path / "missing"))
    code, _, err = run(*missing)
    assert code == 1
    assert "SVDUTY_PARTNERSHIP: no such folder" in err
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("SVDUTY_PARTNERSHIP", str(tmp_path / "empty"))
    code, _, err = run(*empty)
    assert code == 1
    assert "SVDUTY_PARTNERSHIP: not a bundle folder" in err


def test_a_file_named_minus_is_still_not_read_as_a_scenario(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("", encoding="utf-8")
    code, _, err = run("governance", "--scenario", "-")
    assert code == 1
    assert "a scenario is not read from standard input" in err


@pytest.mark.parametrize("given", ["john.smith@example.com", "Jane Doe", "x" * 300])
def test_a_missing_bundle_typed_by_hand_is_described_not_shown(given, monkeypatch):
    # validate printed it whole (other commands described it); a name longer than the
    # system takes gave "File name too long" with the whole name
    code, out, err = run("validate", given, "--format", "json")
    assert code == 1
    assert given not in out + err
    assert "not shown" in out
    for command in ("validate", "info"):
        monkeypatch.setenv("SVDUTY_PARTNERSHIP", given)
        code, out, err = run(command)
        assert code == 1
        assert given not in out + err
        assert "SVDUTY_PARTNERSHIP: no such folder" in err


@pytest.mark.parametrize(
    ("argv", "near"),
    [
        (["clasify", "x.csv"], " (did you mean classify?)"),
        (["classify", "x.csv", "--input-format", "incident"], " (did you mean incidents?)"),
        (["Jane"], ""),  # nothing near: nothing said (and the value is not shown)
    ],
)
def test_a_misspelt_command_or_choice_is_told_the_nearest(argv: list[str], near: str) -> None:
    """A CLI review: options got "did you mean", misspelt commands and choices did not."""
    from svduty.cli import main

    err = io.StringIO()
    assert main(argv, stdout=io.StringIO(), stderr=err) == 2
    last = err.getvalue().splitlines()[-1]
    assert last.endswith(")" + near)
    assert "Jane" not in last


def test_a_suggested_command_can_be_pasted(tmp_path: Path) -> None:
    """A CLI review: init's "then run: svduty validate bün dle" and validate's hint named a
    folder with a space or a leading dash unquoted: pasted, they did something else."""
    from svduty.cli import main

    out = io.StringIO()
    folder = tmp_path / "bün dle"
    assert main(["init", str(folder), "--area", "Leeds"], stdout=out) == 0
    assert out.getvalue().rstrip().endswith(f"then run: svduty validate '{folder}'")
    empty = tmp_path / "my dir"
    empty.mkdir()
    err = io.StringIO()
    assert main(["validate", str(empty)], stdout=io.StringIO(), stderr=err) == 1
    assert f"(to start one: svduty init '{empty}' --area CODE)" in err.getvalue()
