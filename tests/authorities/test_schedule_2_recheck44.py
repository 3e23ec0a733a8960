"""Schedule 2 and s.12(2) for records built in Python and loaded alike (recheck44).

Sch 2, first table, second column: "Each local government area in which the school is
located" ("... in which the Academy is located"); s.12(2): an educational authority "is an
authority for the local government area or (as the case may be) each local government area
listed in the corresponding entry in the second column"; s.11(4): in England "a district, a
London borough, the City of London or the Isles of Scilly", in Wales "a county or county
borough". ``BUNDLE-CATEGORY-AREA`` refused a school recorded against its county when a
bundle was validated (law44), but the join itself still made the school an educational
authority for every district of the county: an ``Authority`` built in Python, or a bundle
loaded without validating, listed it among the authorities s.8(4) requires be consulted
for districts it does not stand in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import svduty
from svduty.authorities import Authorities, Authority, AuthorityCategory
from svduty.errors import AreaError
from svduty.io import load_partnership, validate_bundle
from svduty.sources import cite

SCH2 = cite("pcsc-act-2022", "Sch 2")
WARWICKSHIRE, POLICE_AREA, CSP, LSOA = "E10000031", "E23000017", "E22000359", "E01031010"


def _school(*areas: str) -> Authority:
    return Authority("st-x", "St X", AuthorityCategory.EDUCATIONAL_AUTHORITY, areas, SCH2)


def _authorities(school: Authority) -> Authorities:
    geo = svduty.warwickshire().geography
    return Authorities((school,)).with_districts_within(geo.district_codes_within)


@pytest.mark.parametrize("area", [WARWICKSHIRE, POLICE_AREA, CSP, LSOA])
def test_a_school_built_in_python_against_a_wider_area_is_refused_not_joined(area):
    auths = _authorities(_school("E07000220", area))
    with pytest.raises(AreaError) as caught:
        auths.local_government_areas("st-x")
    text = str(caught.value)
    assert "st-x.areas[1]" in text
    assert "each local government area in which the school or Academy is located" in text
    assert "name the district or districts" in text
    with pytest.raises(AreaError):
        auths.relevant_for("E07000222")  # not listed for a district it does not stand in


@pytest.mark.parametrize(
    "area",
    ["E07000220", "E06000052", "E06000065", "E06000053", "E09000001", "E09000033", "W06000015"],
)
def test_a_school_named_by_a_local_government_area_joins_to_it(area):
    """A district, a unitary county (Cornwall; North Yorkshire from 2023), the Isles of
    Scilly, the City of London, a London borough, a Welsh county (s.11(4))."""
    geo = svduty.warwickshire().geography
    auths = Authorities((_school(area),)).with_districts_within(geo.district_codes_within)
    assert auths.local_government_areas("st-x") == (area,)


def test_a_district_merged_in_a_what_if_joins_to_the_one_area_it_becomes():
    """A school recorded against a district a scenario merges stands in the new area."""
    geo = svduty.warwickshire().geography
    merged = {"E07000219": ("north",), "E07000220": ("north",)}
    auths = Authorities((_school("E07000219", "E07000220"),)).with_districts_within(
        lambda code: merged.get(code) or geo.district_codes_within(code)
    )
    assert auths.local_government_areas("st-x") == ("north",)


def test_a_prison_against_a_county_is_left_to_its_unconfirmed_row():
    prison = Authority("p", "P", AuthorityCategory.PRISON_AUTHORITY, (WARWICKSHIRE,), SCH2)
    geo = svduty.warwickshire().geography
    auths = Authorities((prison,)).with_districts_within(geo.district_codes_within)
    assert len(auths.local_government_areas("p")) == 5


def test_a_loaded_bundle_is_refused_alike_and_validation_still_reports(tmp_path: Path):
    bundle = tmp_path / "b"
    shutil.copytree(Path(svduty.__file__).parent / "data" / "warwickshire", bundle)
    with (bundle / "authorities.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[authorities]]\nid = "st-x"\nname = "St X"\ncategory = "educational_authority"'
            f'\nareas = ["{WARWICKSHIRE}"]\n'
            'citation = { source = "pcsc-act-2022", provision = "Sch 2" }\n'
        )
    problems = [str(p) for p in validate_bundle(bundle)]
    assert len(problems) == 1
    assert "BUNDLE-CATEGORY-AREA" in problems[0]
    with pytest.raises(AreaError):
        load_partnership(bundle).authorities.relevant_for("E07000222")


def _partner(pid: str, name: str) -> Authority:
    return Authority(
        pid, name, AuthorityCategory.OTHER_PARTNER, (), cite("pcsc-act-2022", "s.11(1)")
    )


def test_another_partner_may_be_invited_without_being_prescribed():
    """s.8(6), s.9(6): the specified authorities "may invite participation from" a person
    of a description prescribed under s.5(3) of the Crime and Disorder Act 1998, whether or
    not regulations under s.10 prescribe it: "a role only if prescribed" said too much."""
    from svduty.authorities import role_of

    answer = role_of(_partner("c", "Charity"))
    assert (answer.verdict.value, answer.value) == ("yes", "other_partner")
    (s10,) = [r for r in answer.reasons if r.rule == "s.10"]
    assert "only if prescribed" not in s10.says
    assert "s.8(6)" in s10.says
    assert "Crime and Disorder Act 1998" in s10.says
    assert s10.citation.doubt


def test_s10_2_cannot_reach_a_disclosure_between_two_partners_it_does_not_list():
    """s.10(2) authorises a disclosure "by a prescribed person to any person listed in
    subsection (3)" or "by any person listed in subsection (3) to a prescribed person":
    between two partners neither of which s.10(3) lists, only other powers remain
    (s.10(7), s.16(7)); the reason named the recipient alone and said s.10(2) might."""
    from svduty.authorities import InformationFacts, may_disclose

    facts = InformationFacts(held_for_own_functions=True, for_recipient_functions=True)
    answer = may_disclose(_partner("a", "Charity A"), _partner("b", "Charity B"), facts)
    assert answer.verdict.value == "no"
    (s10,) = [r for r in answer.reasons if r.rule == "s.10(2)"]
    assert "Charity A" in s10.says
    assert "Charity B" in s10.says
    assert "neither" in s10.says
    assert "s.16(7)" in s10.says


def test_s10_2_reason_names_its_own_limits():
    """s.10(6): regulations under s.10(2) "must not authorise (a) the disclosure of patient
    information, or (b) the disclosure of personal information by a specified authority
    which is a health or social care authority"."""
    from svduty.authorities import InformationFacts, may_disclose

    icb = Authority("icb", "ICB", AuthorityCategory.INTEGRATED_CARE_BOARD, ("E54000018",), SCH2)
    facts = InformationFacts(held_for_own_functions=True, for_recipient_functions=True)
    (s10,) = [
        r for r in may_disclose(icb, _partner("c", "Charity"), facts).reasons if r.rule == "s.10(2)"
    ]
    assert "s.10(6)" in s10.says
    assert "patient information" in s10.says
