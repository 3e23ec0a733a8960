"""GOV-CSP-RESPONSIBLE for a combined authority that is the fire and rescue authority (law45).

The Crime and Disorder Act 1998 s.5(1)(d) makes "every fire and rescue authority any part of
whose area so lies" a responsible authority, and s.5(5) says what that is: "a fire and rescue
authority constituted by a scheme under section 2 of the Fire and Rescue Services Act 2004 or
a scheme to which section 4 of that Act applies; a fire and rescue authority created by an
order under section 4A of that Act; a metropolitan county fire and civil defence authority;
or the London Fire Commissioner" (revised text, legalize-dev/legalize-uk
``uk/ukpga-1998-37.md``). law45 read the Greater Manchester Combined Authority as none of
these and made it "not known"; recheck45b found that the order making it the fire and rescue
authority modifies s.5(5) for it (SI 2017/469 Sch 2 para 4(2)), so it is an error again
(``test_csp_responsible_fire_recheck45b.py``). Here: the police and the council stay errors,
and only a record of the two combined-authority fire areas from the day of transfer names
an order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import svduty
from svduty.authorities import Authority, AuthorityCategory
from svduty.findings import Finding, Severity
from svduty.governance import ChangeBody, Scenario
from svduty.governance._responsible_parts import modified_by
from svduty.partnership import Partnership
from svduty.periods import Period
from svduty.sources import Confidence, cite

from ..cli_run import run as run_cli

RULE = "GOV-CSP-RESPONSIBLE"
CSP = "manchester-csp"
FIRE = "greater-manchester-combined-authority-fire-and-rescue-authority"
MEMBERS = [
    "manchester-council",
    "greater-manchester-police",
    FIRE,
    "nhs-greater-manchester-integrated-care-board",
    "probation-service",
]


def _bundle(d: Path, members: list[str]) -> Partnership:
    code, _, err = run_cli("init", "--area", "E08000003", d)
    assert code == 0, err
    listed = ", ".join(f'"{m}"' for m in members)
    law = 'citation = { source = "cda-1998", provision = "s.5(1)" }'
    (d / "governance.toml").write_text(
        f'[[bodies]]\nid = "{CSP}"\nname = "Community Safety Partnership"\n'
        'kind = "community_safety_partnership"\nlevel = "local"\ntier = "strategic"\n'
        f'area = "E08000003"\ndistricts = ["E08000003"]\n{law}\nmembers = [{listed}]\n'
        f"members_{law}\n"
    )
    return svduty.load_partnership(d)


@pytest.fixture(scope="module")
def manchester(tmp_path_factory: pytest.TempPathFactory) -> Partnership:
    return _bundle(tmp_path_factory.mktemp("law45") / "mcr", MEMBERS)


def lost(p: Partnership, member: str) -> list[Finding]:
    s = Scenario("s", "S", [ChangeBody(CSP, remove_members=[member])], effective="2025-01-01")
    return [f for f in p.what_if(s).findings if f.rule == RULE]


def test_the_fixture_stands_with_no_finding(manchester: Partnership) -> None:
    v = manchester.validate_governance(on="2025-01-01")
    assert [f for f in v.findings if f.rule == RULE] == []


@pytest.mark.parametrize("member", ["greater-manchester-police", "manchester-council"])
def test_the_police_and_the_council_stay_errors(manchester: Partnership, member: str) -> None:
    (f,) = lost(manchester, member)
    assert f.severity is Severity.ERROR
    (s5,) = [c for c in f.citations if c.source.id == "cda-1998" and c.provision != "s.5(1)"]
    assert s5.confidence is Confidence.CONFIRMED


@given(
    area=st.sampled_from(["E31000040", "E31000027", "E31000046", "W25000003"]),
    start=st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)),
)
@example(area="E31000027", start=dt.date(2024, 1, 1))  # in doubt: SI 2023/1432 read literally
@example(area="E31000027", start=dt.date(2023, 12, 19))  # the day before the order
def test_only_a_record_from_the_transfer_on_names_the_order(area: str, start: dt.date) -> None:
    """The order's modification is named exactly for a record of the two areas from the first
    day the combined authority may have been the fire and rescue authority: Greater
    Manchester's transfer (8 May 2017), North Yorkshire's 20 December 2023, when SI 2023/1432
    Sch 7 (art 46(2)) came into force with art 41(2) (art 1(2)); whether the combined
    authority was the fire and rescue authority before 7 May 2024 is the record's doubt
    (area49; recheck49b: the property still said 7 May 2024 and failed on those days)."""
    a = Authority(
        "f",
        "F",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        (area,),
        cite("pcsc-act-2022", "Sch 1"),
        valid=Period(start.isoformat()),
    )
    day = {"E31000040": dt.date(2017, 5, 8), "E31000027": dt.date(2023, 12, 20)}.get(area)
    named = modified_by(a)
    assert (named is not None) == (day is not None and start >= day)
    if named is not None:  # the order's modification of s.5(5), confirmed: no doubt
        assert named[0].confidence is Confidence.CONFIRMED
    council = attrs.evolve(a, category=AuthorityCategory.COUNTY_COUNCIL)
    assert modified_by(council) is None
