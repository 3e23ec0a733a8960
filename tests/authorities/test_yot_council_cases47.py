"""A youth offending team established by a body the 1998 Act does not let establish one.

Schedule 1 (PCSC Act 2022): "A youth offending team established under section 39 of the
Crime and Disorder Act 1998". Section 39(1): "each local authority ... shall ... establish
for their area one or more youth offending teams"; s.42(1): "'local authority' means—in
relation to England, a county council, a district council whose district does not form
part of an area that has a county council, a London borough council or the Common Council
of the City of London; in relation to Wales, a county council or a county borough council"
(legalize-dev/legalize-uk, uk/ukpga-1998-37.md). ``svduty validate`` refused a team whose
areas were not its council's (``BUNDLE-YOT-AREAS``) but accepted one "established by"
Rugby Borough Council (a district of Warwickshire, which has a county council) or by the
chief constable, and counted it among Rugby's specified authorities (cases47).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty


def _bundle(tmp_path: Path, area: str) -> Path:
    return Path(svduty.new_bundle(tmp_path / "b", [area]))


def _established_by(folder: Path, team: str, body: str, areas: str | None = None) -> None:
    path = folder / "authorities.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id = "{team}"')
    end = text.find("[[authorities]]", start)
    end = len(text) if end == -1 else end
    record = text[start:end]
    head, _, tail = record.partition("established_by = [")
    _, _, tail = tail.partition("]")
    record = f'{head}established_by = [\n    "{body}",\n]{tail}'
    if areas is not None:
        before, _, after = record.partition("areas = [")
        _, _, after = after.partition("]")
        record = f'{before}areas = [\n    "{areas}",\n]{after}'
    path.write_text(text[:start] + record + text[end:], encoding="utf-8")


def _rules(folder: Path | str) -> list[str]:
    return [str(p) for p in svduty.validate_bundle(folder)]


def test_a_team_established_by_a_two_tier_district_council_is_refused(tmp_path: Path) -> None:
    folder = _bundle(tmp_path, "E07000220")  # Rugby, in Warwickshire
    _established_by(
        folder, "warwickshire-youth-justice-service", "rugby-council", areas="E07000220"
    )
    problems = _rules(folder)
    assert any("BUNDLE-YOT-COUNCIL" in p and "rugby-council" in p for p in problems), problems
    assert not any("BUNDLE-YOT-AREAS" in p for p in problems)  # its areas are Rugby's


def test_a_team_established_by_the_chief_constable_is_refused(tmp_path: Path) -> None:
    folder = _bundle(tmp_path, "E08000026")  # Coventry
    _established_by(folder, "coventry-youth-justice-service", "west-midlands-police")
    problems = _rules(folder)
    assert any("BUNDLE-YOT-COUNCIL" in p and "west-midlands-police" in p for p in problems)


@pytest.mark.parametrize(
    "area",
    [
        "E10000031",  # Warwickshire: the county council's team
        "E08000026",  # Coventry: a metropolitan district council (no county council)
        "E06000052",  # Cornwall: a county council with no districts
        "E06000060",  # Buckinghamshire: a unitary district council (SI 2019/957)
        "E09000007",  # Camden: a London borough council
        "E09000001",  # the City: the Common Council
        "W06000015",  # Cardiff: a Welsh county council
        "W06000013",  # Bridgend: a Welsh county borough council
        "E06000063",  # Cumberland: Cumbria County Council's team until 1 April 2023
    ],
)
def test_init_writes_teams_of_local_authorities(tmp_path: Path, area: str) -> None:
    assert not any("BUNDLE-YOT-COUNCIL" in p for p in _rules(_bundle(tmp_path, area)))


def test_the_packaged_bundles_teams_are_of_local_authorities() -> None:
    for name in ("warwickshire", "examplshire"):
        assert _rules(name) == []  # loaded, and nothing to say


def test_the_answer_leaves_such_a_team_out_and_waits_for_the_right_one(tmp_path: Path) -> None:
    """Loaded without validating, the team is no specified authority: the table is missing."""
    from svduty.authorities import specified_authorities_for

    folder = _bundle(tmp_path, "E07000220")
    _established_by(
        folder, "warwickshire-youth-justice-service", "rugby-council", areas="E07000220"
    )
    auths = svduty.load_partnership(folder).authorities
    answer = specified_authorities_for(auths, "E07000220", on="2024-01-01")
    assert answer.verdict.value == "undetermined"  # not no: the record is wrong, not absent
    assert "warwickshire-youth-justice-service" not in answer.subjects
    assert any("(youth offending team)" in m for m in answer.missing)
    (why,) = [r for r in answer.reasons if "s.42(1)" in r.says]
    assert why.citation.provision == "s.42(1)"
    listed = {a.id for a in auths.specified_for("E07000220", on="2024-01-01")}
    assert "warwickshire-youth-justice-service" not in listed


def test_a_joint_team_with_one_local_authority_stands() -> None:
    """s.39(2): two or more local authorities may act together; one right body suffices."""
    from svduty.authorities import Authorities, Authority, AuthorityCategory
    from svduty.authorities._yot_councils import not_established
    from svduty.sources import cite

    c = cite("pcsc-act-2022", "Sch 1")
    county = Authority("cc", "County", AuthorityCategory.COUNTY_COUNCIL, ("E10000031",), c)
    police = Authority("p", "Police", AuthorityCategory.CHIEF_OFFICER_OF_POLICE, ("E23000017",), c)
    yot = Authority(
        "yot",
        "Team",
        AuthorityCategory.YOUTH_OFFENDING_TEAM,
        ("E10000031",),
        c,
        established_by=("cc", "p"),
    )
    auths = Authorities((county, police, yot)).with_districts_within(lambda code: (code,))
    assert not_established(yot, auths.items) is None
    assert not_established(yot, [yot]) is None  # a body not recorded: not known to be wrong
