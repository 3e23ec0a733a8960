"""The Isles of Scilly's youth offending team is Cornwall Council's (recheck47b).

Crime and Disorder Act 1998, as in force (legalize-dev/legalize-uk uk/ukpga-1998-37.md,
revised to 5 February 2025): s.39(1) "it shall be the duty of each local authority ... to
establish for their area one or more youth offending teams"; s.42(1) "'local authority'
(except in section 39A) means—in relation to England, a county council, a district council
whose district does not form part of an area that has a county council, a London borough
council or the Common Council of the City of London; ..."; s.42(2) "For the purposes of
those provisions, the Isles of Scilly form part of the county of Cornwall ..."; s.42(2A)
excepts only s.39A. ``svduty init --area E06000053`` wrote a team established by the
Council of the Isles of Scilly, and validate and the answers accepted it (a reading no
text read supports); Cornwall's team, recorded as reaching the islands, was refused
(``BUNDLE-YOT-AREAS``: "reach E06000053, not theirs").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import svduty
from svduty.authorities import specified_authorities_for


def _records(folder: Path) -> dict[str, dict[str, object]]:
    data = tomllib.loads((folder / "authorities.toml").read_text(encoding="utf-8"))
    return {r["id"]: r for r in data["authorities"]}


def _rules(folder: Path) -> list[str]:
    return [str(p) for p in svduty.validate_bundle(folder)]


def test_init_for_scilly_writes_cornwall_councils_team(tmp_path: Path) -> None:
    folder = Path(svduty.new_bundle(tmp_path / "b", ["E06000053"]))
    records = _records(folder)
    teams = [r for r in records.values() if r["category"] == "youth_offending_team"]
    assert [(t["established_by"], t["areas"]) for t in teams] == [
        (["cornwall-council"], ["E06000052", "E06000053"])
    ]
    cornwall = records["cornwall-council"]
    assert cornwall["citation"]["confidence"] == "unconfirmed"  # type: ignore[index]
    assert "s.42(2)" in cornwall["citation"]["doubt"]  # type: ignore[index]
    assert _rules(folder) == []
    auths = svduty.load_partnership(folder).authorities
    ans = specified_authorities_for(auths, "E06000053", on="2024-01-01")
    assert ans.verdict.value == "yes"
    assert "cornwall-youth-justice-service" in ans.subjects
    assert "cornwall-council" not in ans.subjects  # Cornwall's council: not Scilly's (Sch 1)


def test_cornwalls_team_reaches_scilly(tmp_path: Path) -> None:
    folder = Path(svduty.new_bundle(tmp_path / "b", ["E06000052", "E06000053"]))
    records = _records(folder)
    assert "isles-of-scilly-youth-justice-service" not in records
    assert records["cornwall-youth-justice-service"]["areas"] == ["E06000052", "E06000053"]
    assert _rules(folder) == []


def test_a_team_of_cornwall_leaving_out_scilly_is_refused(tmp_path: Path) -> None:
    folder = Path(svduty.new_bundle(tmp_path / "b", ["E06000052"]))
    path = folder / "authorities.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "cornwall-youth-justice-service"')
    head, _, tail = text[start:].partition('    "E06000053",\n')
    path.write_text(text[:start] + head + tail, encoding="utf-8")
    problems = _rules(folder)
    assert any("BUNDLE-YOT-AREAS" in p and "leave out E06000053" in p for p in problems), problems


def test_a_team_established_by_the_council_of_the_isles_of_scilly_is_refused(
    tmp_path: Path,
) -> None:
    folder = Path(svduty.new_bundle(tmp_path / "b", ["E06000053"]))
    path = folder / "authorities.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"cornwall-council",\n]', '"isles-of-scilly-council",\n]')
    text = text.replace('    "E06000052",\n    "E06000053",\n', '    "E06000053",\n')
    path.write_text(text, encoding="utf-8")
    problems = _rules(folder)
    assert any(
        "BUNDLE-YOT-COUNCIL" in p and "isles-of-scilly-council" in p and "s.42(2)" in p
        for p in problems
    ), problems
    auths = svduty.load_partnership(folder).authorities
    ans = specified_authorities_for(auths, "E06000053", on="2024-01-01")
    assert ans.verdict.value == "undetermined"  # the record is wrong: no evidence of no team
    assert "cornwall-youth-justice-service" not in ans.subjects
    assert any("youth offending team" in m for m in ans.missing)
    (why,) = [r for r in ans.reasons if "isles-of-scilly-council" in r.says]
    assert why.citation.provision == "s.42(1), (2)"
    assert "Cornwall" in why.says
