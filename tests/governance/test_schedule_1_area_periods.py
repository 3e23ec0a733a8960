"""GOV-SCHEDULE-1 when the geography records the districts a scenario replaces as ending.

A reorganisation order abolishes the districts on vesting day, and a bundle may record
their areas as ending that day. The Schedule 1 check compares what each district had
before the changes with what the new area has after them, on the scenario's day: the
districts' own records ending that day is the change itself, not a reason to find that
they had nothing (s.11(4) asks whether an area is a local government area; the
recheck41 review). Kept areas carry their periods through :func:`reorganise`.
"""

from __future__ import annotations

import attrs

import svduty
from svduty.authorities import specified_authorities_for
from svduty.findings import Severity
from svduty.governance import reorganise, schedule_1_findings
from svduty.periods import Period

P = svduty.warwickshire()
DISTRICTS = P.local_area.districts
SCENARIO = P.scenarios["lgr-two-unitaries"]
VESTING = SCENARIO.effective


def _ending(code: str) -> tuple[Period, ...]:
    return (Period("2009-04-01", VESTING),) if code in DISTRICTS else ()


def test_districts_recorded_as_ending_on_vesting_day_still_show_what_the_scenario_takes() -> None:
    packaged = schedule_1_findings(
        P.authorities, reorganise(P.authorities, DISTRICTS, SCENARIO), on=VESTING
    )
    ending = P.authorities.with_area_periods(_ending)
    found = schedule_1_findings(ending, reorganise(ending, DISTRICTS, SCENARIO), on=VESTING)
    errors = [f.message for f in packaged if f.severity is Severity.ERROR]
    assert len(errors) == 4, errors
    assert [f.message for f in found if f.severity is Severity.ERROR] == errors
    assert [f.message for f in found] == [f.message for f in packaged]


def test_reorganise_keeps_the_periods_of_the_areas_it_keeps() -> None:
    ending = P.authorities.with_area_periods(_ending)
    after = reorganise(ending, DISTRICTS, P.scenarios["jag-to-sv-strategic-board"])
    gone = specified_authorities_for(after.authorities, "E07000220", on=VESTING)
    assert gone.verdict.value == "no", gone.explain()
    assert gone.reasons[0].rule == "s.11(4)"
    two = reorganise(ending, DISTRICTS, SCENARIO)  # a new area's periods are the scenario's
    assert two.authorities.area_periods is not None
    # law42: from the scenario's day (it had none, and an area with no record now leaves
    # whether it was a local government area on a day among the missing facts)
    new = tuple(two.authorities.area_periods("north-warwickshire-unitary"))
    assert new == (Period(VESTING),)
    undated = attrs.evolve(SCENARIO, effective=None)
    none = reorganise(ending, DISTRICTS, undated).authorities.area_periods
    assert none is not None
    assert tuple(none("north-warwickshire-unitary")) == ()
    assert schedule_1_findings(ending, after, on=VESTING) == ()
