"""Bad bundles fail ``svduty validate`` naming the file and the field (issue 12, items 4, 9).

Each test mutates a copy of the packaged Warwickshire bundle (or the example bundle) and
checks that the problem is reported where it is, in words a person can act on.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from svduty.cli import main
from svduty.errors import BundleError
from svduty.io import (
    SECTIONS,
    load_areas,
    load_partnership,
    read_toml,
    validate_bundle,
    warwickshire,
)
from svduty.io._converter import make_converter, structural_problems

from .bundles import WARWICKSHIRE, mutate, report

EXAMPLE = Path(__file__).parents[1] / "data" / "example-bundle"
FILES = [spec.file for spec in SECTIONS.values() if (WARWICKSHIRE / spec.file).exists()]


def _data(file: str) -> dict[str, Any]:
    return tomllib.loads((WARWICKSHIRE / file).read_text(encoding="utf-8"))


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any, Any, Any]]:
    """(path, parent, key, value) for every value in plain data."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
        yield here, value, key, child
        if isinstance(child, dict | list):
            yield from walk(child, here)


def string_lists(data: dict[str, Any]) -> list[tuple[str, Any, Any, Any]]:
    return [
        w
        for w in walk(data)
        if isinstance(w[3], list) and w[3] and all(isinstance(v, str) for v in w[3])
    ]


def tables(data: dict[str, Any], key: str) -> list[tuple[str, list[dict[str, Any]]]]:
    return [
        (path, value)
        for path, _, _, value in walk(data)
        if isinstance(value, list)
        and value
        and all(isinstance(v, dict) and key in v for v in value)
    ]


# -- a string where a list is expected -------------------------------------------------


@pytest.mark.parametrize("file", [f for f in FILES if string_lists(_data(f))])
def test_a_string_where_a_list_is_expected_is_never_split_into_characters(bundle, file):
    data = tomllib.loads((bundle / file).read_text(encoding="utf-8"))
    found = string_lists(data)
    for _, parent, key, value in found:
        parent[key] = value[0]
    (bundle / file).write_text(tomli_w.dumps(data), encoding="utf-8")
    problems = validate_bundle(bundle)
    named = {p.field for p in problems if p.file == file}
    for path, _, _, _ in found:
        assert path in named, f"{file}: {path} not reported"
    for p in problems:
        if p.field in {path for path, *_ in found}:
            assert "expected a list" in str(p)


def test_districts_as_a_string_is_reported_not_split():
    data = read_toml(WARWICKSHIRE / "areas.toml")
    data["local_area"]["districts"] = "E07000218"
    problems = structural_problems(data)  # the structure itself is fine ...
    assert problems == []
    with pytest.raises(BundleError) as info:  # ... but the list is not
        load_areas(data, file="areas.toml", converter=make_converter(warwickshire().sources))
    assert [str(p) for p in info.value.problems] == [
        "areas.toml: local_area.districts: expected a list [...] (even of one item) "
        "(got a string of 9 characters, not shown)"
    ]


def test_a_table_where_a_list_is_expected(bundle):
    mutate(bundle, "areas.toml", lambda d: d["local_area"].update(districts={"a": "b"}))
    assert report(bundle) == [
        "areas.toml: local_area.districts: expected a list [...] (even of one item) "
        "(got a table of 1 key)"
    ]


# -- duplicate and empty ids -----------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "key"), [(f, k) for f in FILES for k in ("id", "recipient") if tables(_data(f), k)]
)
def test_a_second_table_with_one_id_is_reported(bundle, file, key):
    data = tomllib.loads((bundle / file).read_text(encoding="utf-8"))
    arrays = tables(data, key)
    for _, array in arrays:
        array.append(dict(array[0]))
    (bundle / file).write_text(tomli_w.dumps(data), encoding="utf-8")
    found = report(bundle)
    for path, array in arrays:
        where = f"{file}: {path}[{len(array) - 1}].{key}: a{'n' * (key == 'id')} {key} given twice"
        assert any(line.startswith(where) for line in found), (where, found)


def test_a_second_population_for_rugby_no_longer_replaces_the_first(bundle):
    def twice(d):
        rugby = next(p for p in d["populations"] if p["recipient"] == "rugby")
        d["populations"].append({**rugby, "name": "Rugby again"})

    mutate(bundle, "funding.toml", twice)
    found = report(bundle)
    assert found[0] == (
        "funding.toml: populations[4].recipient: a recipient given twice "
        "(first at populations[2]) (got 'rugby')"
    )
    # and its district, under two recipients, would weigh twice (funding42)
    assert found[1:] == [
        "funding.toml: populations[4].parts[0].district: given twice: first at "
        "populations[2].parts[0].district; expected each district under one recipient only "
        "(its people would weigh twice in a population split)"
    ]


@pytest.mark.parametrize("file", [f for f in FILES if tables(_data(f), "id")])
def test_empty_ids_are_reported(bundle, file):
    data = tomllib.loads((bundle / file).read_text(encoding="utf-8"))
    arrays = tables(data, "id")
    for _, array in arrays:
        array[0]["id"] = "  "
    (bundle / file).write_text(tomli_w.dumps(data), encoding="utf-8")
    found = report(bundle)
    for path, _ in arrays:
        assert f"{file}: {path}[0].id: expected a non-empty id" in found


# -- citations of any TOML type ----------------------------------------------------------

ODD_VALUES: list[Any] = [7, 1.5, True, ["a"], {"a": 1}, tomllib.loads("d = 2023-01-01")["d"]]


@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("key", ["provision", "url", "doubt", "as_at", "confidence", "source"])
def test_citation_fields_of_any_type(bundle, key, value):
    def change(d):
        d["local_area"]["citation"][key] = value

    mutate(bundle, "areas.toml", change)
    found = report(bundle)
    if key == "as_at" and not isinstance(value, list | dict | bool | int | float):
        assert found == []  # a TOML date is a date
        return
    assert len(found) == 1
    assert found[0].startswith(f"areas.toml: local_area.citation.{key}: ") or found[0].startswith(
        "areas.toml: local_area.citation: "
    )
    assert "object" not in found[0]
    assert "Traceback" not in found[0]


@pytest.mark.parametrize("value", [*ODD_VALUES[:4], ODD_VALUES[5], "Jane Citizen"], ids=repr)
def test_a_citation_that_is_not_a_table(bundle, value):
    mutate(bundle, "areas.toml", lambda d: d["local_area"].update(citation=value))
    (line,) = report(bundle)
    assert line.startswith("areas.toml: local_area.citation: expected a table")
    assert "Jane" not in line


# -- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("score", ["NaN", "Infinity", "-Infinity", "1e999999999", "-5", "5,3x"])
def test_needs_scores_must_be_plain_numbers_of_zero_or_more(bundle, score):
    mutate(bundle, "strategy.toml", lambda d: d["needs"]["areas"][0].update(scores=[score, 1, 2]))
    (line,) = report(bundle)
    assert line.startswith("strategy.toml: needs.areas[0].scores[0]: expected ")


def test_a_huge_integer_amount_is_refused(bundle):
    mutate(bundle, "funding.toml", lambda d: d["stated_totals"][0].update(amount=10**40))
    (line,) = report(bundle)
    assert line.startswith("funding.toml: stated_totals[0].amount: ")


# -- office holders ----------------------------------------------------------------------


def test_overlapping_office_holders(bundle):
    def overlap(d):
        a = next(a for a in d["authorities"] if a.get("holders"))
        h = dict(a["holders"][0])
        a["holders"].append({**h, "name": "Someone Else"})

    mutate(bundle, "authorities.toml", overlap)
    (line,) = report(bundle)
    assert line.endswith("overlaps holders[0].valid: one office has one holder at a time")
    assert "Someone" not in line


# -- files that are not files ------------------------------------------------------------


@pytest.mark.parametrize("section", ["funding.toml", "timetable.toml", "definition.toml"])
def test_an_optional_section_that_is_a_dangling_link(bundle, section):
    (bundle / section).unlink()
    (bundle / section).symlink_to(bundle / "no-such-file.toml")
    assert report(bundle) == [f"{section}: a broken symbolic link"]


def test_an_optional_section_that_is_a_looping_link(bundle):
    (bundle / "timetable.toml").unlink()
    (bundle / "timetable.toml").symlink_to(bundle / "timetable.toml")
    (line,) = report(bundle)
    assert line.startswith("timetable.toml: cannot be read (")


def test_a_folder_where_a_file_should_be(bundle):
    (bundle / "strategy.toml").unlink()
    (bundle / "strategy.toml").mkdir()
    assert report(bundle) == ["strategy.toml: a folder where a file is expected"]


def test_a_file_where_the_scenarios_folder_should_be(bundle):
    shutil.rmtree(bundle / "scenarios")
    (bundle / "scenarios").write_text("")
    assert report(bundle) == ["scenarios: a file where a folder is expected"]


def test_a_folder_named_like_a_scenario_file(bundle):
    (bundle / "scenarios" / "odd.toml").mkdir()
    assert report(bundle) == ["scenarios/odd.toml: a folder where a file is expected"]


def test_a_bundle_root_that_is_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("")
    assert report(f) == [f"{f}: not a bundle folder: a file"]


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 1000 + "]" * 1000,
        "x = " + "{ a = " * 1000 + "1" + " }" * 1000,
        "x = " + "[" * 100 + "]" * 100,
        "".join(f"[{'a.' * k}b]\n" for k in range(1, 3)) + "[" + "a." * 100 + "b]\n",
    ],
    ids=["arrays-1000", "tables-1000", "arrays-100", "dotted-100"],
)
def test_toml_nested_deeply_is_a_problem_not_a_recursion_error(bundle, text):
    (bundle / "timetable.toml").write_text(text)
    (line,) = report(bundle)
    assert line.startswith("timetable.toml: ")
    assert "nested" in line


# -- every problem of every file in one run ----------------------------------------------


def test_every_problem_of_every_file_in_one_run(bundle):
    mutate(bundle, "areas.toml", lambda d: d["local_area"].update(districts="E07000218"))
    mutate(bundle, "funding.toml", lambda d: d["stated_totals"][0].update(amount="NaN"))
    mutate(bundle, "timetable.toml", lambda d: d["reviews"][0].update(id=""))
    mutate(bundle, "strategy.toml", lambda d: d["needs"]["areas"][0].update(scores=["-5", 1, 2]))
    first = sorted((bundle / "scenarios").glob("*.toml"))[0]
    mutate(bundle, f"scenarios/{first.name}", lambda d: d.update(surprise=1))
    (bundle / "scenarios" / "zz-broken.toml").write_text("x = \n")
    files = {p.file for p in validate_bundle(bundle)}
    assert files == {
        "areas.toml",
        "funding.toml",
        "timetable.toml",
        "strategy.toml",
        f"scenarios/{first.name}",
        "scenarios/zz-broken.toml",
    }
    out = io.StringIO()  # a bundle's findings are the command's output
    assert main(["validate", str(bundle)], stdout=out, stderr=io.StringIO()) == 1
    assert len(out.getvalue().splitlines()) >= 6


def test_a_bad_manifest_does_not_hide_the_other_files(bundle):
    mutate(bundle, "bundle.toml", lambda d: d.update(title=5))
    mutate(bundle, "timetable.toml", lambda d: d["reviews"][0].update(id=""))
    assert report(bundle) == [
        "bundle.toml: title: expected a string (text in quotes)",
        "timetable.toml: reviews[0].id: expected a non-empty id",
    ]


def test_a_bad_source_in_the_manifest_keeps_the_good_ones(bundle):
    mutate(bundle, "bundle.toml", lambda d: d["sources"].append({"id": "x"}))
    found = report(bundle)
    assert found
    assert all(line.startswith("bundle.toml: sources[") for line in found)


def test_validate_json_lists_every_problem(bundle):
    mutate(bundle, "timetable.toml", lambda d: d["reviews"][0].update(id=""))
    out = io.StringIO()
    code = main(["validate", str(bundle), "--format", "json"], stdout=out, stderr=io.StringIO())
    assert code == 1
    doc = json.loads(out.getvalue())
    assert doc["ok"] is False
    assert doc["problems"] == [
        {
            "file": "timetable.toml",
            "row": None,
            "field": "reviews[0].id",
            "problem": "expected a non-empty id",
        }
    ]


# -- messages (item 9) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid", "field"),
    [
        ({"start": "2023-13-01"}, "start"),
        ({"start": "2023-01-01", "end": "someday"}, "end"),
        ({"start": "2023-01-01", "last_day": "2022-12-30"}, "last_day"),
        ({"start": "2023-01-01", "end": "2022-12-30"}, "end"),
    ],
)
def test_period_problems_name_the_key_that_is_wrong(bundle, valid, field):
    mutate(bundle, "areas.toml", lambda d: d["areas"][0].update(valid=valid))
    (line,) = report(bundle)
    assert line.startswith(f"areas.toml: areas[0].valid.{field}: expected ")


@pytest.mark.parametrize("value", ["text", 5, ["a"], True])
def test_no_python_internals_in_messages(bundle, value):
    mutate(bundle, "areas.toml", lambda d: d.update(local_area=value))
    (line,) = report(bundle)
    assert line.startswith("areas.toml: local_area: expected a table")
    for internal in ("object", "attribute", "keys", "NoneType", "Error"):
        assert internal not in line


def test_unknown_keys_are_named_only_when_they_look_like_keys(bundle):
    mutate(bundle, "areas.toml", lambda d: d["local_area"].update({"colour": 1, "Jane Doe": 2}))
    (line,) = report(bundle)
    assert line == (
        "areas.toml: local_area: unknown field(s) colour and 1 key not shown (of 8 characters)"
    )


def test_the_example_bundle_and_warwickshire_stay_valid():
    assert validate_bundle(EXAMPLE) == []
    assert validate_bundle(WARWICKSHIRE) == []
    assert load_partnership(EXAMPLE).name


def test_structural_problems_pass_a_deep_but_legal_path():
    data: dict[str, Any] = {}
    node = data
    for _ in range(60):
        node["a"] = {}
        node = node["a"]
    assert structural_problems(data) == []
    assert os.sep  # (a path of 60 keys is within the limit of 64)


def test_a_date_and_time_where_a_date_is_expected_is_refused(bundle):
    """TOML's 2024-04-01T09:00:00 is a date-time: its time was dropped silently."""

    def timed(d):
        d["areas"][0]["valid"]["start"] = dt.datetime(2023, 1, 31, 9, 0)

    mutate(bundle, "areas.toml", timed)
    (line,) = report(bundle)
    assert line.startswith("areas.toml: areas[0].valid.start: expected a date YYYY-MM-DD")
    assert "without a time of day" in line


@pytest.mark.parametrize(
    ("key", "value"),
    [("name", "Bad Name"), ("name", "a_b"), ("name", 5), ("title", "a\nb"), ("title", "")],
)
def test_a_manifest_name_or_title_of_the_wrong_shape_is_refused(tmp_path, key, value):
    from svduty._data import data
    from svduty.io import validate_bundle

    root = tmp_path / "b"
    shutil.copytree(data("warwickshire"), root)
    manifest = tomllib.loads((root / "bundle.toml").read_text())
    manifest[key] = value
    (root / "bundle.toml").write_text(tomli_w.dumps(manifest))
    problems = validate_bundle(root)
    assert [(p.file, p.field) for p in problems if p.field == key] == [("bundle.toml", key)]


def test_a_date_and_time_in_a_citation_as_at_is_refused(bundle):
    """A citation's ``as_at`` was read by its own hook, which dropped the time silently."""

    def timed(d):
        d["areas"][8]["citation"]["as_at"] = dt.datetime(2018, 12, 1, tzinfo=dt.UTC)

    mutate(bundle, "areas.toml", timed)
    (line,) = report(bundle)
    assert line == (
        "areas.toml: areas[8].citation.as_at: expected a date YYYY-MM-DD, without a time of "
        "day (TOML date-time)"
    )


@pytest.mark.parametrize(
    ("file", "where", "path"),
    [
        ("funding.toml", ("funding_period", "start"), "funding_period.start"),
        ("areas.toml", ("areas", 8, "citation", "as_at"), "areas[8].citation.as_at"),
        ("timetable.toml", ("milestones", 0, "due"), "milestones[0].due"),
    ],
)
def test_a_time_of_day_where_a_date_is_expected_is_refused(bundle, file, where, path):
    """TOML's ``09:00:00`` is a local time: no day at all; the error says what it is."""

    def timed(d):
        node = d
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = dt.time(9, 0)

    mutate(bundle, file, timed)
    (line,) = report(bundle)
    assert line == (
        f"{file}: {path}: expected a date YYYY-MM-DD, not a time of day (TOML local time)"
    )


def test_a_scenario_named_unlike_its_file_is_an_error(bundle):
    """--scenario NAME finds a scenario by its file's name: two scenarios whose names clash
    would apply the wrong what-if (fresh hostile review)."""
    mutate(
        bundle,
        "scenarios/lgr-two-unitaries.toml",
        lambda d: d.update(name="lgr-single-unitary"),
    )
    assert report(bundle) == [
        "scenarios/lgr-two-unitaries.toml: name: not the name of its file; expected "
        "lgr-two-unitaries, the file's name without .toml (got 'lgr-single-unitary')"
    ]


def test_a_scenario_change_naming_no_body_is_found_by_validate(bundle):
    """A body a change acts on is known only once the earlier changes are applied:
    validate applies each scenario (before, 'ok', then governance --scenario failed)."""

    def absorb_nothing(d: dict[str, Any]) -> None:
        merge = next(c for c in d["changes"] if c["op"] == "merge")
        merge["absorb"] = "no-such-board"

    mutate(bundle, "scenarios/lgr-single-unitary.toml", absorb_nothing)
    problems = report(bundle)
    assert len(problems) == 1
    assert problems[0].startswith("scenarios/lgr-single-unitary.toml: changes[")
    assert problems[0].endswith("absorb: merge: no body with id 'no-such-board'")


def test_a_key_nested_too_deep_is_not_named_when_it_could_be_data():
    """Found by the scenario fuzz test: a key 'Jane Citizen' over a list nested 65 levels
    deep was named in full in the error's field path."""
    deep: object = 0
    for _ in range(70):
        deep = [deep]
    problems = structural_problems({"title": "T", "Jane Citizen": deep}, "what-if.toml")
    assert len(problems) == 1
    said = str(problems[0])
    assert "Citizen" not in said
    assert said.startswith("what-if.toml: (a key of 12 characters, not shown)[0][0]")
    assert said.endswith("nested more than 64 levels deep")
    kept = structural_problems({"stated_totals": deep}, "funding.toml")
    assert str(kept[0]).startswith("funding.toml: stated_totals[0]")  # a field's name: shown
