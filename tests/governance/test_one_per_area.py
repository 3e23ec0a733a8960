"""A what-if that leaves an area two chief officers of police, or two fire authorities.

Police Act 1996 s.2(1): "A police force shall be maintained for every police area";
s.101(1): its chief officer of police is "the chief constable". Fire and Rescue Services
Act 2004 s.1(1): "The fire and rescue authority for an area is the authority determined
under this section" (combination schemes and commissioner orders replace it, s.1(4)). A
second chief officer over Warwickshire's police area was accepted without a word
(policy42b).
"""

from __future__ import annotations

import attrs

import svduty
from svduty.authorities import Authority, AuthorityCategory
from svduty.governance import AbolishAuthority, CreateAuthority, Scenario
from svduty.governance._one_per_area import one_per_area
from svduty.periods import Period
from svduty.sources import cite

P = svduty.warwickshire()
DISTRICTS = ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")
SECOND_POLICE = Authority(
    "second-police",
    "Chief Constable of a second force",
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
    ("E23000017",),
    cite("pcsc-act-2022", "Sch 1"),
    nation="england",
)
PCC_FRA = Authority(
    "pcc-fire-authority",
    "Police and Crime Commissioner for Warwickshire as fire and rescue authority",
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
    ("E10000031",),
    cite("pcsc-act-2022", "Sch 1"),
    nation="england",
)


def _twice(changes: list[object], table: str) -> list[object]:
    w = P.what_if(Scenario("twice", "Twice", changes))
    return [
        f
        for f in w.findings.errors
        if f.rule == "GOV-SCHEDULE-1" and f.get("table") == table and "at once" in f.message
    ]


def test_a_second_chief_officer_of_police_is_an_error_in_each_district_citing_s2():
    found = _twice([CreateAuthority(SECOND_POLICE)], "'Police' table")
    assert [f.subjects for f in found] == [
        (d, "warwickshire-police", "second-police") for d in DISTRICTS
    ]
    f = found[0]
    assert "one police force, and its chief constable, for each police area" in f.message
    assert "see changes[0] (create_authority)" in f.message
    cited = [(c.source.id, c.provision) for c in f.citations]
    assert ("police-act-1996", "s.2(1)") in cited
    assert ("police-act-1996", "s.101(1), 'chief officer of police', (a)") in cited
    assert cited[0] == ("pcsc-act-2022", "s.11 and Sch 1")


def test_the_force_replaced_is_no_finding_and_no_schedule_1_gap():
    changes = [CreateAuthority(SECOND_POLICE), AbolishAuthority("warwickshire-police")]
    w = P.what_if(Scenario("replace", "Replace", changes))
    assert [f for f in w.findings if f.rule == "GOV-SCHEDULE-1"] == []


def test_a_commissioner_fire_authority_beside_the_county_one_is_an_error_citing_frsa_s1():
    found = _twice([CreateAuthority(PCC_FRA)], "'Fire and rescue' table")
    assert [f.subjects[1:] for f in found] == [
        ("warwickshire-fire-and-rescue-authority", "pcc-fire-authority")
    ] * len(DISTRICTS)
    assert ("frsa-2004", "s.1(1), (4)") in [(c.source.id, c.provision) for c in found[0].citations]
    abolished = [
        CreateAuthority(PCC_FRA),
        AbolishAuthority("warwickshire-fire-and-rescue-authority"),
    ]
    assert _twice(abolished, "'Fire and rescue' table") == []


def test_one_legal_body_twice_and_records_that_do_not_meet_are_no_finding():
    same = attrs.evolve(PCC_FRA, same_body_as="warwickshire-county-council")
    assert _twice([CreateAuthority(same)], "'Fire and rescue' table") == []
    earlier = attrs.evolve(SECOND_POLICE, valid=Period("2020-01-01", "2023-01-31"))
    assert _twice([CreateAuthority(earlier)], "'Police' table") == []


def test_two_before_the_changes_are_not_the_changes_doing():
    auth = P.authorities
    two = attrs.evolve(auth, items=(*auth.items, attrs.evolve(SECOND_POLICE)))
    assert one_per_area(two, two, "E07000220", ["E07000220"]) == ()
    assert len(one_per_area(auth, two, "E07000220", ["E07000220"])) == 1
