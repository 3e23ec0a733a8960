"""GOV-CSP-RESPONSIBLE for a combined authority that is the fire and rescue authority (law45).

The Crime and Disorder Act 1998 s.5(1)(d) makes "every fire and rescue authority any part of
whose area so lies" a responsible authority, and s.5(5) says what that is: "a fire and rescue
authority constituted by a scheme under section 2 of the Fire and Rescue Services Act 2004 or
a scheme to which section 4 of that Act applies; a fire and rescue authority created by an
order under section 4A of that Act; a metropolitan county fire and civil defence authority;
or the London Fire Commissioner" (revised text, legalize-dev/legalize-uk
``uk/ukpga-1998-37.md``). The Greater Manchester Combined Authority, the fire and rescue
authority since 8 May 2017 by an order under Part 6 of LDEDCA 2009 (SI 2017/469 art 3), is
none of these by the words; whether the order's transfer of functions makes it one was not
settled. Before, svduty said it is one, confidently: an error where a board cited to s.5(1)
dropped or lacked it. Now the finding says "not known", a warning citing s.5(1)(d)
unconfirmed with the doubt; the police and the council stay errors.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty.authorities import Authority, AuthorityCategory
from svduty.findings import Finding, Severity
from svduty.governance import ChangeBody, Scenario
from svduty.governance._responsible_parts import transferred_by
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


def test_dropping_the_combined_authority_is_not_known_not_an_error(
    manchester: Partnership,
) -> None:
    (f,) = lost(manchester, FIRE)
    assert f.severity is Severity.WARNING
    assert f.message.startswith("not known: whether ")
    assert "SI 2017/469 art 3" in f.message
    assert "none of those s.5(5) names" in f.message
    (s5,) = [c for c in f.citations if c.source.id == "cda-1998" and c.provision != "s.5(1)"]
    assert s5.provision == "s.5(1)(d)"
    assert s5.confidence is Confidence.UNCONFIRMED
    assert s5.doubt is not None
    assert "Part 6" in s5.doubt


@pytest.mark.parametrize("member", ["greater-manchester-police", "manchester-council"])
def test_the_police_and_the_council_stay_errors(manchester: Partnership, member: str) -> None:
    (f,) = lost(manchester, member)
    assert f.severity is Severity.ERROR
    (s5,) = [c for c in f.citations if c.source.id == "cda-1998" and c.provision != "s.5(1)"]
    assert s5.confidence is Confidence.CONFIRMED


def test_a_board_lacking_the_combined_authority_is_not_known(tmp_path: Path) -> None:
    p = _bundle(tmp_path / "mcr", [m for m in MEMBERS if m != FIRE])
    found = [f for f in p.validate_governance(on="2025-01-01").findings if f.rule == RULE]
    (f,) = found
    assert f.subjects[:2] == (CSP, FIRE)
    assert f.severity is Severity.WARNING
    assert f.message.startswith("not known: whether ")
    assert "SI 2017/469 art 3" in f.message


@given(
    area=st.sampled_from(["E31000040", "E31000027", "E31000046", "W25000003"]),
    start=st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_only_a_record_from_the_transfer_on_is_in_doubt(area: str, start: dt.date) -> None:
    """The order is named exactly for a record of the two areas from the day of transfer."""
    a = Authority(
        "f",
        "F",
        AuthorityCategory.FIRE_AND_RESCUE_AUTHORITY,
        (area,),
        cite("pcsc-act-2022", "Sch 1"),
        valid=Period(start.isoformat()),
    )
    day = {"E31000040": dt.date(2017, 5, 8), "E31000027": dt.date(2024, 5, 7)}.get(area)
    assert (transferred_by(a) is not None) == (day is not None and start >= day)
    council = attrs.evolve(a, category=AuthorityCategory.COUNTY_COUNCIL)
    assert transferred_by(council) is None
