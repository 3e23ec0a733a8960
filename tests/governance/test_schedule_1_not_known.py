"""GOV-SCHEDULE-1: an authority a scenario takes away is a breach; one never recorded, not known.

The s.11(6) answer is ``undetermined`` for a Schedule 1 table no recorded authority fills:
that is a fact not known (find out), reported as a warning naming what is missing, not an
error claiming the area has no authority. A table a recorded authority filled before the
scenario and nothing fills after is a breach the scenario makes: an error.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import attrs
import pytest

import svduty
from svduty.authorities import Authorities
from svduty.cli import main
from svduty.findings import Severity
from svduty.governance import AbolishAuthority, Scenario, reorganise, schedule_1_findings
from svduty.io._governance import WARWICKSHIRE

P = svduty.warwickshire()
DISTRICTS = P.local_area.districts
PROBATION = "warwickshire-probation-delivery-unit"
NO_PROBATION = Authorities(
    tuple(a for a in P.authorities if a.id != PROBATION),
    P.authorities.absences,
    districts_within=P.authorities.districts_within,
)


def test_a_table_no_authority_was_ever_recorded_for_is_not_known_not_absent():
    gaps = schedule_1_findings(NO_PROBATION, reorganise(NO_PROBATION, DISTRICTS, None))
    assert [f.subjects for f in gaps] == [(d,) for d in DISTRICTS]
    assert {f.severity for f in gaps} == {Severity.WARNING}
    f = gaps[0]
    assert f.message == (
        "not known: whether E07000218 has a specified authority of the 'Criminal justice' "
        "table (provider of probation services) of Schedule 1 (none is recorded), missing: a "
        "specified authority of the 'Criminal justice' table (provider of probation services) "
        "for E07000218 (Sch 1)"
    )
    assert f.get("table") == "'Criminal justice' table (provider of probation services)"
    assert "has no" not in f.message  # never claims the absence it does not know


def test_the_partnership_with_an_unrecorded_authority_validates_with_warnings():
    p = attrs.evolve(P, authorities=NO_PROBATION)
    res = p.validate_governance()
    assert res.ok
    assert sum(f.rule == "GOV-SCHEDULE-1" for f in res.warnings) == len(DISTRICTS)
    strict = p.validate_governance(strict=True)
    assert sum(f.rule == "GOV-SCHEDULE-1" for f in strict.errors) == len(DISTRICTS)


def test_a_scenario_that_takes_a_recorded_authority_away_breaks_the_rule():
    s = Scenario("s", "S", (AbolishAuthority("rugby-borough-council"),))
    gaps = schedule_1_findings(P.authorities, reorganise(P.authorities, DISTRICTS, s))
    assert [(f.severity, f.message) for f in gaps] == [
        (
            Severity.ERROR,
            "Rugby (E07000220) has no specified authority of the 'Local government' table "
            "(district council) of Schedule 1 (before: rugby-borough-council)",
        )
    ]
    assert gaps[0].subjects == ("E07000220", "rugby-borough-council")
    assert gaps[0].get("before") == "rugby-borough-council"


def test_a_breach_and_a_fact_not_known_in_one_area_are_told_apart():
    s = Scenario("s", "S", (AbolishAuthority("warwickshire-county-council"),))
    gaps = schedule_1_findings(NO_PROBATION, reorganise(NO_PROBATION, DISTRICTS, s))
    rugby = {f.get("table"): f for f in gaps if f.subjects[0] == "E07000220"}
    assert {t: f.severity.value for t, f in rugby.items()} == {
        "'Criminal justice' table (provider of probation services)": "warning",
        "'Criminal justice' table (youth offending team)": "error",
        "'Fire and rescue' table": "error",
        "'Local government' table (county council)": "error",
    }
    county = rugby["'Local government' table (county council)"]
    assert county.get("before") == "warwickshire-county-council"


def test_cli_exits_0_for_a_fact_not_known_and_says_so(tmp_path: Path):
    bundle = tmp_path / "b"
    shutil.copytree(Path(str(WARWICKSHIRE)), bundle)
    auths = bundle / "authorities.toml"
    text = auths.read_text(encoding="utf-8")
    block = re.search(r'\[\[authorities\]\]\nid = "' + PROBATION + r'".*?\n\n', text, re.S)
    assert block is not None
    auths.write_text(text.replace(block.group(0), ""), encoding="utf-8")
    gov = bundle / "governance.toml"  # no record: no body lists it as a member either
    text = gov.read_text(encoding="utf-8")
    gov.write_text(re.sub(rf',\s*"{PROBATION}"|"{PROBATION}",\s*', "", text), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["governance", "--partnership", str(bundle), "--validate"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert "0 error(s), 7 warning(s)" in out.getvalue()
    assert "warning GOV-SCHEDULE-1: not known: whether E07000220" in out.getvalue()


@pytest.mark.parametrize("strict", [False, True])
def test_strict_counts_a_fact_not_known_as_an_error(strict: bool):
    p = attrs.evolve(P, authorities=NO_PROBATION)
    res = p.validate_governance(strict=strict)
    assert res.ok is not strict
