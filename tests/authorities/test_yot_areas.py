"""A youth offending team's areas are those of the councils that established it (Sch 1).

Schedule 1: a youth offending team is a specified authority for "each local government
area which is, or which falls within, the area of each local authority that established
the team". The s.11(6) join reads the team's own ``areas``; the check
``youth_offending_team_findings`` finds a team whose areas are not its establishing
councils' (legal review of session 6, finding 9).
"""

from __future__ import annotations

import attrs
import pytest

import svduty
from svduty.authorities import AuthorityCategory
from svduty.authorities._authority import YOT_AREAS, Authority, youth_offending_team_findings
from svduty.errors import ArgumentError
from svduty.findings import Severity
from svduty.sources import cite

P = svduty.warwickshire()
WITHIN = P.geography.district_codes_within
AUTHS = list(P.authorities)
YOT = next(a for a in AUTHS if a.category is AuthorityCategory.YOUTH_OFFENDING_TEAM)
RUGBY, WARWICK, COVENTRY = "E07000220", "E07000222", "E08000026"


def _with(team: Authority, *others: Authority) -> tuple[Authority, ...]:
    return (*(a for a in AUTHS if a.id != team.id), team, *others)


def test_warwickshire_youth_justice_service_covers_the_county_council_area():
    assert YOT.established_by == ("warwickshire-county-council",)
    assert youth_offending_team_findings(AUTHS, WITHIN) == ()


def test_a_team_named_for_one_district_leaves_out_the_rest_of_the_county():
    team = attrs.evolve(YOT, areas=(RUGBY,))
    (finding,) = youth_offending_team_findings(_with(team), WITHIN)
    assert finding.rule == YOT_AREAS
    assert finding.severity is Severity.ERROR
    assert "leave out E07000218, E07000219, E07000221, E07000222" in finding.message
    assert "reach" not in finding.message
    assert finding.subjects == (YOT.id, "warwickshire-county-council")
    assert finding.where == f"authorities.toml: authorities[{len(AUTHS) - 1}].areas"
    assert finding.citations[0].provision == "Sch 1"


def test_a_team_that_reaches_beyond_its_councils_is_found():
    team = attrs.evolve(YOT, areas=("E10000031", COVENTRY))
    (finding,) = youth_offending_team_findings(_with(team), WITHIN)
    assert f"reach {COVENTRY}, not theirs" in finding.message
    assert "leave out" not in finding.message


def test_a_joint_team_covers_every_establishing_council():
    c = cite("pcsc-act-2022", "Sch 1")
    coventry = Authority(
        "coventry-city-council", "Coventry", AuthorityCategory.DISTRICT_COUNCIL, (COVENTRY,), c
    )
    joint = attrs.evolve(YOT, established_by=(*YOT.established_by, coventry.id))
    assert youth_offending_team_findings(_with(joint, coventry), WITHIN) != ()
    whole = attrs.evolve(joint, areas=("E10000031", COVENTRY))
    assert youth_offending_team_findings(_with(whole, coventry), WITHIN) == ()


def test_a_team_without_known_establishing_councils_is_not_checked_here():
    for established_by in ((), ("no-such-council",)):
        team = attrs.evolve(YOT, areas=(RUGBY,), established_by=established_by)
        assert youth_offending_team_findings(_with(team), WITHIN) == ()


def test_other_authorities_are_not_youth_offending_teams():
    council = next(a for a in AUTHS if a.id == "warwickshire-county-council")
    odd = attrs.evolve(council, id="x", areas=(RUGBY,))
    assert youth_offending_team_findings([*AUTHS, odd], WITHIN) == ()
    with pytest.raises(ArgumentError):  # only a team records who established it (mend47)
        attrs.evolve(odd, established_by=(council.id,))
