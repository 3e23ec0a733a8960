"""``svduty info`` says which relevant authorities (Sch 2) a bundle neither names nor rules out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from svduty.cli import main


def _info(*argv: str) -> str:
    out = io.StringIO()
    assert main(["info", *argv], stdout=out, stderr=io.StringIO()) == 0
    return out.getvalue()


def test_a_new_bundle_says_its_relevant_authorities_are_not_recorded(tmp_path: Path) -> None:
    """An init bundle names no school, prison or youth custody authority: info said nothing
    (a research review: Kent has five prisons), while who must be consulted is undetermined."""
    folder = tmp_path / "kent"
    assert main(["init", str(folder), "--area", "E10000016"], stdout=io.StringIO()) == 0
    text = _info("--partnership", str(folder))
    assert "Not recorded (Sch 2): educational authorities, prison authorities" in text
    data = json.loads(_info("--partnership", str(folder), "--format", "json"))
    assert data["authorities"]["not_recorded"] == [
        "educational_authority",
        "prison_authority",
        "youth_custody_authority",
    ]


def test_a_recorded_absence_is_not_unrecorded() -> None:
    data = json.loads(_info("--format", "json"))  # Warwickshire records no prison, no YOI
    assert data["authorities"]["not_recorded"] == ["educational_authority"]
    assert {x["category"] for x in data["authorities"]["absent"]} >= {"prison_authority"}


def test_a_list_of_relevant_authorities_is_whole_only_with_an_absence_of_others(
    tmp_path: Path,
) -> None:
    """s.8(4): "each" prison authority: one prison named is not all there are, until an
    absence of the category for its district says so; an absence for another district
    says nothing of it (the fortieth session's legal reviews)."""
    folder = tmp_path / "kent"
    assert main(["init", str(folder), "--area", "E10000016"], stdout=io.StringIO()) == 0
    prison = """
[[authorities]]
id = "hmp-maidstone"
name = "Governor of HMP Maidstone"
category = "prison_authority"
areas = ["E07000110"]
nation = "england"
citation = { source = "pcsc-act-2022", provision = "Sch 2" }
"""
    path = folder / "authorities.toml"
    path.write_text(path.read_text(encoding="utf-8") + prison, encoding="utf-8")
    unwhole = "Not known to be all there are (Sch 2): the prison authorities named for Maidstone"
    for where, beside, said, whole in (
        (None, None, None, False),
        ("E07000105", "[]", "No prison authority in Ashford [confirmed]", False),
        (  # an absence that does not list the prison named contradicts it: not whole
            "E07000110",
            "[]",
            "No prison authority in Maidstone [confirmed]",
            False,
        ),
        (
            "E07000110",
            '["hmp-maidstone"]',
            "No prison authority other than hmp-maidstone in Maidstone [confirmed]",
            True,
        ),
    ):
        if where is not None:
            text = path.read_text(encoding="utf-8").split("\n[[absences]]")[0]
            path.write_text(text, encoding="utf-8")  # one absence at a time
            absent = f"""
[[absences]]
category = "prison_authority"
areas = ["{where}"]
beside = {beside}
citation = {{ source = "pcsc-act-2022", provision = "Sch 2" }}
"""
            path.write_text(path.read_text(encoding="utf-8") + absent, encoding="utf-8")
        text = _info("--partnership", str(folder))
        assert (unwhole in text) is not whole
        assert said is None or said in text
        data = json.loads(_info("--partnership", str(folder), "--format", "json"))
        expected = [] if whole else [{"category": "prison_authority", "areas": ["E07000110"]}]
        assert data["authorities"]["not_whole"] == expected


def test_validate_reports_an_absence_an_authority_named_contradicts(tmp_path: Path) -> None:
    """A county-wide 'no prison' beside a prison named in one of its districts: one of the
    two records is wrong (BUNDLE-ABSENCE); listing it in beside says the list is whole."""
    folder = tmp_path / "kent"
    assert main(["init", str(folder), "--area", "E10000016"], stdout=io.StringIO()) == 0
    path = folder / "authorities.toml"
    base = path.read_text(encoding="utf-8") + (
        '\n[[authorities]]\nid = "hmp-maidstone"\nname = "Governor of HMP Maidstone"\n'
        'category = "prison_authority"\nareas = ["E07000110"]\nnation = "england"\n'
        'citation = { source = "pcsc-act-2022", provision = "Sch 2" }\n'
    )
    for beside, ok in (("[]", False), ('["hmp-maidstone"]', True)):
        path.write_text(
            base + '\n[[absences]]\ncategory = "prison_authority"\nareas = ["E10000016"]\n'
            f'beside = {beside}\ncitation = {{ source = "pcsc-act-2022", provision = "Sch 2" }}\n',
            encoding="utf-8",
        )
        out = io.StringIO()
        code = main(["validate", str(folder), "--format", "json"], stdout=out, stderr=io.StringIO())
        problems = json.loads(out.getvalue())["problems"]
        said = [p for p in problems if p["problem"].startswith("BUNDLE-ABSENCE")]
        assert (code == 0, said == []) == (ok, ok), (code, said)
        if not ok:
            assert said[0]["field"] == "absences[0].beside"
            assert "names hmp-maidstone for them, which it does not list" in said[0]["problem"]


def test_an_id_an_absence_lists_must_be_an_id(tmp_path: Path) -> None:
    """beside holds ids: free text there (a name and a number) is refused where it is read,
    never shown, as every id of a bundle is (hostile review 6)."""
    import shutil

    import svduty

    folder = tmp_path / "wb"
    shutil.copytree(svduty.sample_path("warwickshire-bundle"), folder)
    path = folder / "authorities.toml"
    text = path.read_text(encoding="utf-8")
    old = 'category = "prison_authority"\nareas = ["E10000031"]'
    assert old in text
    path.write_text(text.replace(old, old + '\nbeside = ["Jane Smith 07700900123"]'), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(folder)], stdout=out, stderr=err) == 1
    said = out.getvalue() + err.getvalue()
    assert "absences[0].beside[0]: expected an id" in said
    assert "Jane" not in said


@pytest.mark.parametrize(("code", "said"), [("E01023972", "an LSOA"), ("E05009861", "a ward")])
def test_a_school_named_by_an_lsoa_or_a_ward_is_refused(code: str, said: str) -> None:
    """A school located by its LSOA joined to no local government area: invisible to the
    consultation rules and to BUNDLE-ABSENCE, a silent wrong yes (the final re-check of
    the fortieth session). Schedule 2 makes it one for the area in which it is located."""
    from svduty.areas import Geography
    from svduty.authorities import Authority, AuthorityCategory
    from svduty.authorities._areas_served import area_problems
    from svduty.sources import cite

    school = Authority(
        "s", "S", AuthorityCategory.EDUCATIONAL_AUTHORITY, (code,), cite("pcsc-act-2022", "Sch 2")
    )
    ((rule, message),) = area_problems(Geography.england_and_wales(), school, code)
    assert rule == "BUNDLE-CATEGORY-AREA"
    assert f"{code} is {said}, within a local government area" in message
    assert message.endswith(", E07000105") is (code == "E01023972")


def test_not_recorded_is_worked_out_district_by_district(tmp_path: Path) -> None:
    """A prison absence for Ashford alone said nothing of Kent's eleven other districts,
    yet info no longer listed prisons as not recorded (the final re-check, session 40)."""
    folder = tmp_path / "kent"
    assert main(["init", str(folder), "--area", "E10000016"], stdout=io.StringIO()) == 0
    path = folder / "authorities.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[absences]]\ncategory = "prison_authority"\nareas = ["E07000105"]\n'
        'citation = { source = "pcsc-act-2022", provision = "Sch 2" }\n',
        encoding="utf-8",
    )
    data = json.loads(_info("--partnership", str(folder), "--format", "json"))
    assert "prison_authority" in data["authorities"]["not_recorded"]
