"""What ``governance.toml``, ``timetable.toml`` and scenarios name must exist, each once.

A body's members, host and chair are authorities (or, for a chair, a body), its area an
area and its districts local government areas; a timetable names bodies of the graph; a
scenario's districts are local government areas or areas it creates. Each unknown or
repeated reference is a problem naming the file and the field path, never showing a
value that could be personal data (hostile-input review, sections 5 and 13).
"""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty._ids import EXPECTED_AREA, EXPECTED_ID
from svduty.cli import main
from svduty.errors import SAFE_SHAPE, ScenarioError
from svduty.io import load_scenario, validate_bundle

from .bundles import WARWICKSHIRE, mutate, report

PERSONAL = "Jane Smith 07700900123"
GOV = tomllib.loads((WARWICKSHIRE / "governance.toml").read_text(encoding="utf-8"))
# the first body with members, one with districts, one with a host and one with a chair
MEMBERS = next(i for i, b in enumerate(GOV["bodies"]) if b.get("members"))
DISTRICTS = next(i for i, b in enumerate(GOV["bodies"]) if b.get("districts"))
HOST = next(i for i, b in enumerate(GOV["bodies"]) if b.get("host"))
CHAIR = next(i for i, b in enumerate(GOV["bodies"]) if b.get("chair"))


def test_the_packaged_bundles_name_only_what_exists():
    assert validate_bundle("warwickshire") == []
    assert validate_bundle("examplshire") == []


def test_a_member_that_is_no_authority_is_an_error(bundle: Path):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][MEMBERS]["members"].__setitem__(0, "no-such-authority"),
    )
    assert report(bundle) == [
        f"governance.toml: bodies[{MEMBERS}].members[0]: no authority with this id; expected "
        "the id of an authority of the partnership (authorities.toml) (got 'no-such-authority')"
    ]


def test_a_member_given_twice_is_an_error(bundle: Path):
    def twice(d: dict[str, Any]) -> None:
        members = d["bodies"][MEMBERS]["members"]
        members.append(members[0])

    mutate(bundle, "governance.toml", twice)
    n = len(GOV["bodies"][MEMBERS]["members"])
    assert report(bundle) == [
        f"governance.toml: bodies[{MEMBERS}].members[{n}]: repeats members[0]; "
        "expected each member once"
    ]


@pytest.mark.parametrize("value", ["bogus", "warwickshire-police-north"])
def test_a_district_that_is_no_local_government_area_is_an_error(bundle: Path, value: str):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][DISTRICTS]["districts"].__setitem__(0, value),
    )
    got = report(bundle)
    assert len(got) == 1
    assert got[0].startswith(
        f"governance.toml: bodies[{DISTRICTS}].districts[0]: not a local government area; "
        "expected the GSS code of a local government area"
    )


def test_a_district_that_is_not_even_an_area_id_is_refused_and_not_shown(bundle: Path):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][DISTRICTS]["districts"].__setitem__(0, PERSONAL),
    )
    assert report(bundle) == [
        f"governance.toml: bodies[{DISTRICTS}].districts[0]: expected {EXPECTED_AREA} "
        "(got a string of 22 characters, not shown)"
    ]


def test_a_district_given_twice_is_an_error(bundle: Path):
    def twice(d: dict[str, Any]) -> None:
        districts = d["bodies"][DISTRICTS]["districts"]
        districts.append(districts[-1])

    mutate(bundle, "governance.toml", twice)
    n = len(GOV["bodies"][DISTRICTS]["districts"])
    assert report(bundle) == [
        f"governance.toml: bodies[{DISTRICTS}].districts[{n}]: repeats districts[{n - 1}]; "
        "expected each district once"
    ]


def test_free_text_as_a_member_is_refused_and_not_shown(bundle: Path):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][MEMBERS]["members"].__setitem__(1, PERSONAL),
    )
    (got,) = report(bundle)
    assert got == (
        f"governance.toml: bodies[{MEMBERS}].members[1]: expected {EXPECTED_ID} "
        "(got a string of 22 characters, not shown)"
    )


@pytest.mark.parametrize(
    ("index", "field", "message"),
    [
        (HOST, "host", "no authority with this id"),
        (CHAIR, "chair", "no authority or body with this id"),
        (DISTRICTS, "area", "not an area of the partnership"),
    ],
)
def test_an_unknown_host_chair_or_area_is_an_error(
    bundle: Path, index: int, field: str, message: str
):
    mutate(
        bundle, "governance.toml", lambda d: d["bodies"][index].__setitem__(field, "no-such-thing")
    )
    (got,) = report(bundle)
    assert got.startswith(f"governance.toml: bodies[{index}].{field}: {message}; expected ")
    assert got.endswith("(got 'no-such-thing')")


def test_a_chair_may_be_a_body(bundle: Path):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][CHAIR].__setitem__("chair", GOV["bodies"][0]["id"]),
    )
    assert report(bundle) == []


def test_every_bad_reference_of_the_file_is_reported_in_one_run(bundle: Path):
    def both(d: dict[str, Any]) -> None:
        d["bodies"][MEMBERS]["members"][0] = "no-such-authority"
        d["bodies"][DISTRICTS]["districts"][0] = "bogus"

    mutate(bundle, "governance.toml", both)
    assert len(report(bundle)) == 2


def test_the_cli_fails_and_names_the_field(bundle: Path):
    mutate(
        bundle,
        "governance.toml",
        lambda d: d["bodies"][MEMBERS]["members"].__setitem__(0, "no-such-authority"),
    )
    err = io.StringIO()
    assert main(["validate", str(bundle)], stdout=err, stderr=io.StringIO()) == 1  # findings
    assert f"governance.toml: bodies[{MEMBERS}].members[0]: no authority" in err.getvalue()


def test_an_unknown_body_of_the_timetable_is_reported_against_the_timetable(bundle: Path):
    tt = tomllib.loads((WARWICKSHIRE / "timetable.toml").read_text(encoding="utf-8"))
    i = next(n for n, m in enumerate(tt["milestones"]) if m.get("body"))
    mutate(
        bundle, "timetable.toml", lambda d: d["milestones"][i].__setitem__("body", "no-such-body")
    )
    assert report(bundle) == [
        f"timetable.toml: milestones[{i}].body: no body with this id; expected the id of a body "
        "of the partnership's governance (governance.toml) (got 'no-such-body')"
    ]
    mutate(bundle, "timetable.toml", lambda d: d["reviews"][0].__setitem__("body", "no-body"))
    got = report(bundle)
    assert got[1].startswith("timetable.toml: reviews[0].body: no body with this id")
    mutate(bundle, "timetable.toml", lambda d: d["reviews"][0].__setitem__("body", PERSONAL))
    assert report(bundle) == [  # not an id: the references are not looked up
        f"timetable.toml: reviews[0].body: expected {EXPECTED_ID} "
        "(got a string of 22 characters, not shown)"
    ]


# --- scenarios ---------------------------------------------------------------------------


def _scenario(*changes: dict[str, Any]) -> dict[str, Any]:
    return {"name": "s", "title": "S", "changes": list(changes)}


def _districts(*codes: str) -> dict[str, Any]:
    return {"op": "change_districts", "body": "rugby-csp-board", "districts": list(codes)}


def test_a_scenario_s_districts_must_be_districts(tmp_path: Path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_scenario(_districts("E07000220", "bogus", "E07000220")), file="s.toml")
    assert [str(p) for p in caught.value.problems] == [
        "s.toml: changes[0].districts[1]: not a local government area, and no change creates "
        "it; expected the GSS code of a local government area, such as E07000220 (got "
        "'bogus')",
        "s.toml: changes[0].districts[2]: repeats districts[0]; expected each district once",
    ]
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_scenario(_districts("E07000220", PERSONAL)), file="s.toml")
    assert [str(p) for p in caught.value.problems] == [
        f"s.toml: changes[0].districts[1]: expected {EXPECTED_AREA} (got a string of 22 "
        "characters, not shown)"
    ]


def test_a_scenario_may_name_an_area_it_creates():
    create = {
        "op": "create_area",
        "code": "rugby-unitary",
        "name": "Rugby",
        "replaces": ["E07000220"],
    }
    s = load_scenario(_scenario(create, _districts("rugby-unitary")))
    assert s.changes[1].districts == ("rugby-unitary",)


@pytest.mark.parametrize("code", ["bogus", "E07999999", "E10000031"])
def test_the_cli_refuses_a_scenario_file_naming_no_district(tmp_path: Path, code: str):
    path = tmp_path / "s.toml"
    path.write_text(tomli_w.dumps(_scenario(_districts(code))), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["governance", "--scenario", str(path)], stdout=out, stderr=err) == 1
    assert f"{path}: changes[0].districts[0]: not a local government area" in err.getvalue()
    assert out.getvalue() == ""


def test_what_if_checks_the_members_of_a_body_a_scenario_adds():
    p = svduty.warwickshire()
    body = dict(GOV["bodies"][MEMBERS], id="new-board", members=["no-such-authority"])
    s = load_scenario(_scenario({"op": "add_body", "body": body}), converter=_conv(p))
    with pytest.raises(ScenarioError, match=r"changes\[0\]\.body\.members\[0\]: no authority"):
        p.what_if(s)


def _conv(p: svduty.Partnership) -> Any:
    from svduty.io._converter import make_converter

    return make_converter(p.sources)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=30) | st.from_regex(r"[EWSNK][0-9]{8}", fullmatch=True))
def test_a_district_is_accepted_only_if_it_has_the_shape_of_a_gss_code(text: str):
    if re.fullmatch(r"[EWSNK][0-9]{8}", text, re.ASCII):
        assert load_scenario(_scenario(_districts(text))).changes[0].districts == (text,)
        return
    with pytest.raises(ScenarioError) as caught:
        load_scenario(_scenario(_districts(text)))
    if not SAFE_SHAPE.fullmatch(text):  # shown only when it has the shape of a code or id
        assert repr(text) not in str(caught.value)
