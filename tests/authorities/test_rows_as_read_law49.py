"""Answers that rest on a row of Schedule 1 or 2 carry that row's doubt (law49).

No copy of Schedule 1's police, fire and rescue and Local Health Board rows, nor of
Schedule 2's second and third tables, could be read (legalize-uk's tables are empty;
crimeline.co.uk's copies stop earlier; guidance para 4-5 restates them). ``category_info``
records each row's doubt, and ``specified_authorities_for`` cited it; three rules did not:

- s.16(4)(b) / s.17(6)(b): a Local Health Board's ``no`` rests on its being listed in the
  table headed "Health and social care" (s.10(10)), a row not read, but was cited as
  confirmed;
- s.8(4)(b)-(c) and s.9(4)(b)-(d): each prison or youth custody authority "for the area"
  (s.12(2)) was listed citing s.8(4) alone; s.9 re-cited every reason of the Act, a
  recorded absence's unconfirmed citation included, to a confirmed s.9(4);
- s.9(4)(a): "every other specified authority for the area" was listed citing s.9(4)
  alone, a fire and rescue authority or a Local Health Board too.
"""

from __future__ import annotations

from svduty.areas import Geography
from svduty.authorities import (
    Authority,
    AuthorityCategory,
    InformationFacts,
    may_require_information,
    must_consult_s9,
    role_of,
)
from svduty.authorities._areas_served import area_problems
from svduty.sources import Confidence, cite

from .test_cases import AUTHS, GEOGRAPHY

UNCONFIRMED = Confidence.UNCONFIRMED


def _within(code: str) -> list[str]:
    return GEOGRAPHY.get(code, [code])


def test_s9_a_cites_each_other_specified_authoritys_row_as_read() -> None:
    answer = must_consult_s9(AUTHS, ["W06000901", "E07000901"], ["wcc", "d1"])
    rows = {r.says.split(" (")[0]: r.citation for r in answer.reasons if r.rule == "s.11(6)"}
    assert rows["Welsh Local Health Board"].confidence is UNCONFIRMED
    assert rows["Welsh Fire and Rescue Authority"].confidence is UNCONFIRMED
    assert rows["Chief Constable of Exampleshire Police"].confidence is UNCONFIRMED
    # the county council's and the probation provider's rows are read (crimeline.co.uk)
    assert rows["Exampleshire County Council"].confidence is Confidence.CONFIRMED
    assert rows["Exampleshire Probation Delivery Unit"].confidence is Confidence.CONFIRMED
    # one reason of a row for each authority to consult under s.9(4)(a), no more
    consulted = [r for r in answer.reasons if r.rule == "s.9(4)(a)"]
    assert len(consulted) == len(rows)


def test_s9_keeps_a_recorded_absences_own_citation() -> None:
    # E07000901's recorded absence of youth custody authorities is unconfirmed ("confirm
    # with partners"): re-cited to s.9(4), its doubt was lost from the reasons
    answer = must_consult_s9(AUTHS, ["E07000901", "E07000902"], ["d1", "d2"])
    absences = [r for r in answer.reasons if "recorded absence" in r.says]
    assert absences
    doubted = [r for r in absences if r.citation.confidence is UNCONFIRMED]
    assert [r.citation.doubt for r in doubted] == ["confirm with partners"]
    # the Act's own words of s.8(4) still read as s.9(4)'s
    assert any(r.citation.provision == "s.9(4)" for r in answer.reasons)


def test_s17_6_b_for_a_local_health_board_carries_the_rows_doubt() -> None:
    c = cite("pcsc-act-2022", "Sch 1")
    lpb = Authority("wpcc", "Welsh PCC", AuthorityCategory.LOCAL_POLICING_BODY, ("W23000901",), c)
    facts = InformationFacts(
        for_section_14_functions=True,
        held_by_and_relates_to_recipient=True,
        patient_information=False,
        personal_information=True,
        breaches_data_protection=False,
        breaches_investigatory_powers=False,
    )
    answer = may_require_information(lpb, AUTHS.get("lhb"), facts, districts_within=_within)
    assert answer.verdict.value == "no", answer.explain()
    (carve_out,) = [r for r in answer.reasons if r.rule == "s.17(6)(b)"]
    assert carve_out.citation.confidence is UNCONFIRMED
    assert carve_out.citation.doubt is not None
    assert "Health and social care" in carve_out.citation.doubt
    assert "Local Health Board row" in carve_out.citation.doubt


def test_the_british_transport_police_is_no_specified_authority_by_a_police_area() -> None:
    # Recorded as another partner, it is neither a specified nor a relevant authority
    # (s.11(1), s.12(1)); svduty's police row is "a chief officer of police for a police
    # area" (unconfirmed), and a chief officer's record must name a police force area.
    btp = Authority(
        "btp",
        "Chief Constable of the British Transport Police Force",
        AuthorityCategory.OTHER_PARTNER,
        (),
        cite("pcsc-act-2022", "s.11(1)"),
    )
    assert role_of(btp).value == "other_partner"
    as_police = Authority(
        "btp",
        "Chief Constable of the British Transport Police Force",
        AuthorityCategory.CHIEF_OFFICER_OF_POLICE,
        ("E92000001",),
        cite("pcsc-act-2022", "Sch 1"),
    )
    problems = list(area_problems(Geography.england_and_wales(), as_police, "E92000001"))
    assert [rule for rule, _ in problems] == ["BUNDLE-CATEGORY-AREA"]
