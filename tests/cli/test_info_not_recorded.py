"""``svduty info`` says which relevant authorities (Sch 2) a bundle neither names nor rules out."""

from __future__ import annotations

import io
import json
from pathlib import Path

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
    for where, said, whole in (
        (None, None, False),
        ("E07000105", "No prison authority in Ashford [confirmed]", False),
        ("E07000110", "No prison authority other than those named in Maidstone [confirmed]", True),
    ):
        if where is not None:
            absent = f"""
[[absences]]
category = "prison_authority"
areas = ["{where}"]
citation = {{ source = "pcsc-act-2022", provision = "Sch 2" }}
"""
            path.write_text(path.read_text(encoding="utf-8") + absent, encoding="utf-8")
        text = _info("--partnership", str(folder))
        assert (unwhole in text) is not whole
        assert said is None or said in text
        data = json.loads(_info("--partnership", str(folder), "--format", "json"))
        expected = [] if whole else [{"category": "prison_authority", "areas": ["E07000110"]}]
        assert data["authorities"]["not_whole"] == expected
