"""A what-if leaving two fire and rescue authorities, asked of no day, is one error (law51).

law51 made the s.11(6) answer asked of no day name two records that meet as a
contradiction (FRSA 2004 s.1(1); Police Act 1996 s.2(1)). ``GOV-SCHEDULE-1`` already
reports that as an error per area (``one_per_area``): the contradiction must not come back
as a second finding, a warning "not known: whether ... has which of ...". A guard for
law51's own change (it passed before, when the no-day answer named no contradiction).
"""

from __future__ import annotations

import svduty
from svduty.authorities import Authority, AuthorityCategory
from svduty.governance import CreateAuthority, Scenario
from svduty.sources import cite

SECOND = {
    AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY: ("E10000031", "'Fire and rescue' table"),
    AuthorityCategory.CHIEF_OFFICER_OF_POLICE: ("E23000017", "'Police' table"),
}


def test_a_second_authority_is_one_error_per_area_and_no_warning() -> None:
    p = svduty.warwickshire()
    for category, (area, table) in SECOND.items():
        extra = Authority(
            "second",
            "A second one",
            category,
            (area,),
            cite("pcsc-act-2022", "Sch 1"),
            nation="england",
        )
        w = p.what_if(Scenario("twice", "Twice", [CreateAuthority(extra)]))
        found = [f for f in w.findings if f.rule == "GOV-SCHEDULE-1"]
        assert [f.severity.value for f in found] == ["error"] * 5, [f.message for f in found]
        assert all(f.get("table") == table for f in found)
