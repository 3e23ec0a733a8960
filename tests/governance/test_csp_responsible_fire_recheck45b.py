"""GOV-CSP-RESPONSIBLE: a combined authority that is the fire and rescue authority (recheck45b).

The Crime and Disorder Act 1998 s.5(5) defines "fire and rescue authority" by four limbs
(revised text, legalize-dev/legalize-uk ``uk/ukpga-1998-37.md``), none naming a combined
authority. But each order that made one the fire and rescue authority modifies s.5(5) for
it. The Greater Manchester Combined Authority (Fire and Rescue Functions) Order 2017 (SI
2017/469), art 14: "Schedule 2 makes modifications of enactments in their application to the
GMCA as a fire and rescue authority"; Sch 2 para 4(2): "In the definition of 'fire and
rescue authority' in section 5(5) (authorities responsible for strategies), the reference in
paragraph (b) to a 'metropolitan county fire and rescue authority' is to apply as if it
included a reference to 'the GMCA as a fire and rescue authority'" (in force 8 May 2017,
art 1(3)). The York and North Yorkshire Combined Authority Order 2023 (SI 2023/1432), art
46(2): "The modifications of enactments set out in Schedule 7 have effect for the purpose of
the application of those enactments to the Combined Authority as a fire and rescue
authority"; Sch 7 para 4(2), in the same words, "... as if it included a reference to 'the
Combined Authority as a fire and rescue authority'" (both orders read as in legalize-uk,
``uk/uksi-2017-469.md``, ``uk/uksi-2023-1432.md``).

law45 read s.5(5) alone and made these bodies "not known", a warning. By the orders they
are responsible authorities under s.5(1)(d): a board cited to s.5(1) that drops or lacks
one conflicts with the statute, an error, and the finding cites the modification.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import svduty
from svduty.findings import Finding, Severity
from svduty.governance import ChangeBody, Scenario
from svduty.partnership import Partnership
from svduty.sources import Citation, Confidence

from ..cli_run import run as run_cli

RULE = "GOV-CSP-RESPONSIBLE"
CSP = "csp"
GM_FIRE = "greater-manchester-combined-authority-fire-and-rescue-authority"
NY_FIRE = "north-yorkshire-fire-and-rescue-authority"
NY_PFCC_FIRE = "north-yorkshire-commissioner-fire-and-rescue-authority"
AREAS = {
    "E08000003": [
        "manchester-council",
        "greater-manchester-police",
        GM_FIRE,
        "nhs-greater-manchester-integrated-care-board",
        "probation-service",
    ],
    "E06000065": [
        "north-yorkshire-council",
        "north-yorkshire-police",
        NY_FIRE,
        NY_PFCC_FIRE,
        "nhs-humber-and-north-yorkshire-integrated-care-board",
        "nhs-lancashire-and-south-cumbria-integrated-care-board",
        "nhs-west-yorkshire-integrated-care-board",
        "probation-service",
    ],
}
MODIFIED = {
    GM_FIRE: ("si-2017-469", "Sch 2 para 4(2)", "SI 2017/469"),
    NY_FIRE: ("si-2023-1432", "Sch 7 para 4(2)", "SI 2023/1432"),
}


def _bundle(d: Path, area: str, members: list[str]) -> Partnership:
    code, _, err = run_cli("init", "--area", area, d)
    assert code == 0, err
    listed = ", ".join(f'"{m}"' for m in members)
    law = 'citation = { source = "cda-1998", provision = "s.5(1)" }'
    (d / "governance.toml").write_text(
        f'[[bodies]]\nid = "{CSP}"\nname = "Community Safety Partnership"\n'
        'kind = "community_safety_partnership"\nlevel = "local"\ntier = "strategic"\n'
        f'area = "{area}"\ndistricts = ["{area}"]\n{law}\nmembers = [{listed}]\n'
        f"members_{law}\n"
    )
    return svduty.load_partnership(d)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Partnership]:
    root = tmp_path_factory.mktemp("recheck45b")
    return {area: _bundle(root / area, area, members) for area, members in AREAS.items()}


def _order(f: Finding, fire: str) -> Citation:
    source, provision, _ = MODIFIED[fire]
    (c,) = [c for c in f.citations if c.source.id == source]
    assert c.provision == provision
    return c


def _is_the_error(f: Finding, fire: str) -> None:
    assert f.severity is Severity.ERROR, f.message
    assert not f.message.startswith("not known")
    (s5,) = [c for c in f.citations if c.source.id == "cda-1998" and c.provision != "s.5(1)"]
    assert s5.provision == "s.5(1)(d)"
    assert s5.confidence is Confidence.CONFIRMED
    assert _order(f, fire).confidence is Confidence.CONFIRMED
    _, provision, si = MODIFIED[fire]
    assert f"s.5(5) as modified by {si} {provision}" in f.message


@pytest.mark.parametrize(("area", "fire"), [("E08000003", GM_FIRE), ("E06000065", NY_FIRE)])
def test_the_fixture_stands_with_no_finding(
    bundles: dict[str, Partnership], area: str, fire: str
) -> None:
    v = bundles[area].validate_governance(on="2025-01-01")
    assert [f for f in v.findings if f.rule == RULE] == []


@pytest.mark.parametrize(("area", "fire"), [("E08000003", GM_FIRE), ("E06000065", NY_FIRE)])
def test_dropping_the_combined_authority_is_an_error_citing_the_order(
    bundles: dict[str, Partnership], area: str, fire: str
) -> None:
    s = Scenario("s", "S", [ChangeBody(CSP, remove_members=[fire])], effective="2025-01-01")
    (f,) = [f for f in bundles[area].what_if(s).findings if f.rule == RULE]
    assert f.subjects[:2] == (CSP, fire)
    _is_the_error(f, fire)


@pytest.mark.parametrize(("area", "fire"), [("E08000003", GM_FIRE), ("E06000065", NY_FIRE)])
def test_a_board_lacking_the_combined_authority_is_an_error_citing_the_order(
    tmp_path: Path, area: str, fire: str
) -> None:
    p = _bundle(tmp_path / area, area, [m for m in AREAS[area] if m != fire])
    (f,) = [f for f in p.validate_governance(on="2025-01-01").findings if f.rule == RULE]
    assert f.subjects[:2] == (CSP, fire)
    _is_the_error(f, fire)


def test_the_commissioner_before_the_combined_authority_is_within_s5_5_unmodified(
    tmp_path: Path,
) -> None:
    """Before 7 May 2024 North Yorkshire's fire and rescue authority was the police, fire and
    crime commissioner's, "a fire and rescue authority created by an order under section 4A"
    (s.5(5)): an error, citing no order."""
    members = [m for m in AREAS["E06000065"] if m != NY_PFCC_FIRE]
    p = _bundle(tmp_path / "ny", "E06000065", members)
    (f,) = [f for f in p.validate_governance(on="2023-06-01").findings if f.rule == RULE]
    assert f.subjects[:2] == (CSP, NY_PFCC_FIRE)
    assert f.severity is Severity.ERROR
    assert not {c.source.id for c in f.citations} & {"si-2017-469", "si-2023-1432"}
    assert "as modified by" not in f.message
