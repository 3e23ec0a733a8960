"""GOV-SCHEDULE-1's breach names the area by its ONS name and code (users58).

A Welsh partnership (``svduty init`` for Cardiff and the Vale of Glamorgan) whose what-if
abolished the Vale's youth offending team was told "W06000014 has no specified authority
of the 'Criminal justice' table": a code to look up. As GOV-CSP-COVERAGE and validate's
funding check now say it: "Vale of Glamorgan (W06000014)". An area a what-if creates
(not in the national table) is named by its id, as before.
"""

from __future__ import annotations

import svduty
from svduty.governance import AbolishAuthority, Scenario


def test_an_area_left_without_its_schedule_1_authority_is_named_by_name_and_code() -> None:
    p = svduty.warwickshire()
    w = p.what_if(Scenario("s", "S", (AbolishAuthority("rugby-borough-council"),)))
    (f,) = [f for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"]
    assert f.message.startswith("Rugby (E07000220) has no specified authority of the")
    assert f.subjects[0] == "E07000220"  # the subjects are ids, unchanged


def test_an_area_a_what_if_creates_is_named_by_its_id() -> None:
    w = svduty.warwickshire().what_if("lgr-two-unitaries")
    found = [f.message for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"]
    assert found
    assert all(m.startswith(("north-warwickshire-unitary ", "south-")) for m in found)
