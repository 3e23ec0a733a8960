"""A youth offending team recorded as established by a council on days it was none.

Crime and Disorder Act 1998 s.39(1): "it shall be the duty of each local authority ... to
establish for their area one or more youth offending teams"; Schedule 1 of the 2022 Act
joins the team to "each local government area which is, or which falls within, the area
of" the authority that established it. Cumbria County Council, Harrogate Borough Council
and the other councils abolished on 1 April 2023 (the Cumbria, North Yorkshire and Somerset
structural change orders) had no area after that day. svduty counted a team recorded as
established by Cumbria County Council among Cumberland's specified authorities in 2024,
and validate accepted it (recheck47b).
"""

from __future__ import annotations

from pathlib import Path

import svduty
from svduty.authorities import specified_authorities_for


def _named_by(folder: Path, team: str, body: str) -> None:
    path = folder / "authorities.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id = "{team}"')
    head, sep, tail = text[start:].partition("established_by = [\n")
    _, _, tail = tail.partition("]")
    path.write_text(text[:start] + head + sep + f'    "{body}",\n' + "]" + tail, encoding="utf-8")


def _bundle(tmp_path: Path, area: str, team: str, body: str) -> Path:
    folder = Path(svduty.new_bundle(tmp_path / "b", [area]))
    _named_by(folder, team, body)
    return folder


def test_a_team_of_the_abolished_county_council_is_refused(tmp_path: Path) -> None:
    folder = _bundle(
        tmp_path, "E06000063", "cumberland-youth-justice-service", "cumbria-county-council"
    )
    problems = [str(p) for p in svduty.validate_bundle(folder)]
    assert any(
        "BUNDLE-YOT-COUNCIL" in p and "cumbria-county-council" in p and "2023-03-31" in p
        for p in problems
    ), problems


def test_the_answer_leaves_it_out_after_vesting_day(tmp_path: Path) -> None:
    folder = _bundle(
        tmp_path, "E06000063", "cumberland-youth-justice-service", "cumbria-county-council"
    )
    auths = svduty.load_partnership(folder).authorities
    for day in ("2023-04-01", "2024-06-01"):
        ans = specified_authorities_for(auths, "E06000063", on=day)
        assert ans.verdict.value == "undetermined", ans.explain()
        assert "cumberland-youth-justice-service" not in ans.subjects
        (why,) = [r for r in ans.reasons if "cumbria-county-council" in r.says]
        assert why.citation.provision == "s.39(1), s.42(1)"
        assert "2023-01-31 to 2023-03-31" in why.says
        assert "cumberland-youth-justice-service" not in {
            a.id for a in auths.specified_for("E06000063", on=day)
        }


def test_a_team_of_an_abolished_district_council_is_refused(tmp_path: Path) -> None:
    folder = _bundle(
        tmp_path, "E06000065", "north-yorkshire-youth-justice-service", "harrogate-council"
    )
    problems = [str(p) for p in svduty.validate_bundle(folder)]
    assert any("BUNDLE-YOT-COUNCIL" in p and "harrogate-council" in p for p in problems)
    auths = svduty.load_partnership(folder).authorities
    ans = specified_authorities_for(auths, "E06000065", on="2024-06-01")
    assert "north-yorkshire-youth-justice-service" not in ans.subjects


def test_the_successors_team_stands(tmp_path: Path) -> None:
    folder = Path(svduty.new_bundle(tmp_path / "b", ["E06000063"]))
    assert [str(p) for p in svduty.validate_bundle(folder)] == []
    auths = svduty.load_partnership(folder).authorities
    ans = specified_authorities_for(auths, "E06000063", on="2023-04-01")
    assert "cumberland-youth-justice-service" in ans.subjects


def test_a_team_of_a_predecessor_two_tier_district_before_vesting_day_is_refused(
    tmp_path: Path,
) -> None:
    # init files Harrogate's council and North Yorkshire County Council under the unitary's
    # code for the days before 1 April 2023: the district of a county with a county council
    # (CDA s.42(1)), though its record's area is coded E06
    folder = _bundle(
        tmp_path, "E06000065", "north-yorkshire-county-youth-justice-service", "harrogate-council"
    )
    problems = [str(p) for p in svduty.validate_bundle(folder)]
    assert any(
        "BUNDLE-YOT-COUNCIL" in p and "harrogate-council" in p and "county council" in p
        for p in problems
    ), problems
