"""GOV-CSP-RESPONSIBLE for a Welsh community safety partnership, and the strategy group (wales44).

The fixture: the bundle ``svduty init --area W06000015`` writes for Cardiff, with a
``governance.toml`` holding one community safety partnership whose members are cited to
the Crime and Disorder Act 1998 s.5(1) and are the council (s.5(1)(a)), the chief officer
of South Wales Police (b), the South Wales fire and rescue authority (d: a combined
authority, s.5(5)), Cardiff and Vale University Health Board (f: "if the local government
area is in Wales, every Local Health Board the whole or any part of whose area so lies")
and the probation service (aa).

The strategy group regulations (read as made in legalize-dev/legalize-uk): in Wales the
Crime and Disorder (Formulation and Implementation of Strategy) (Wales) Regulations 2007
(SI 2007/3076, ``uk/uksi-2007-3076.md``; "These Regulations apply in relation to Wales",
reg 1(2)), whose reg 3 the (Wales) (Amendment) Regulations 2011 (SI 2011/2702 reg 3,
``uk/uksi-2011-2702.md``, from 5 December 2011) substituted: "(2) Subject to paragraph (3)
the strategy group shall consist of two or more persons appointed by one or more of the
responsible authorities in the area." England's SI 2007/1830 reg 3 was substituted in the
same words by SI 2011/1230 reg 3 (``uk/uksi-2011-1230.md``, from 1 June 2011). Before,
a Welsh finding cited no strategy group regulation, and an English one quoted reg 3(2) as
made ("one or more persons appointed from each responsible authority"), not in force
since 2011.
"""

from __future__ import annotations

import attrs
import pytest

import svduty
from svduty.findings import Finding, Severity
from svduty.governance import ChangeBody, Scenario
from svduty.partnership import Partnership

from ..cli_run import run as run_cli

RULE = "GOV-CSP-RESPONSIBLE"
CSP = "safer-cardiff"
MEMBERS = {
    "cardiff-council": "s.5(1)(a)",
    "south-wales-police": "s.5(1)(b)",
    "south-wales-fire-and-rescue-authority": "s.5(1)(d)",
    "cardiff-and-vale-university-health-board": "s.5(1)(f)",
    "probation-service": "s.5(1)(aa)",
}
WELSH = "'two or more persons appointed by one or more of the responsible authorities in the area'"
WELSH_REG = "in Wales, SI 2007/3076 reg 3(2), as substituted by SI 2011/2702 reg 3"
AS_MADE = "one or more persons appointed from each responsible authority"


@pytest.fixture(scope="module")
def cardiff(tmp_path_factory: pytest.TempPathFactory) -> Partnership:
    d = tmp_path_factory.mktemp("wales44") / "cardiff"
    code, _, err = run_cli("init", "--area", "W06000015", d)
    assert code == 0, err
    with (d / "bundle.toml").open("a") as f:  # the partnership's own document
        f.write(
            '\n[[sources]]\nid = "safer-cardiff-terms"\ntitle = "Safer Cardiff terms"\n'
            'kind = "agreement"\npublisher = "Safer Cardiff"\ndate = "2024-06-01"\n'
        )
    members = ", ".join(f'"{m}"' for m in MEMBERS)
    law = 'citation = { source = "cda-1998", provision = "s.5(1)" }'
    (d / "governance.toml").write_text(
        f'[[bodies]]\nid = "{CSP}"\nname = "Safer Cardiff"\n'
        'kind = "community_safety_partnership"\nlevel = "local"\ntier = "strategic"\n'
        f'area = "W14000015"\ndistricts = ["W06000015"]\n{law}\nmembers = [{members}]\n'
        f"members_{law}\n"
    )
    return svduty.load_partnership(d)


def lost(p: Partnership, member: str) -> list[Finding]:
    s = Scenario("s", "S", [ChangeBody(CSP, remove_members=[member])], effective="2025-01-01")
    return [f for f in p.what_if(s).findings if f.rule == RULE]


def test_the_welsh_fixture_stands_with_no_finding(cardiff: Partnership) -> None:
    v = cardiff.validate_governance(on="2025-01-01")
    assert RULE in v.checked
    assert [f for f in v.findings if f.rule == RULE] == []


@pytest.mark.parametrize("member", sorted(MEMBERS))
def test_each_welsh_responsible_authority_cites_the_welsh_regulations(
    cardiff: Partnership, member: str
) -> None:
    [f] = lost(cardiff, member)
    provision = MEMBERS[member]
    probation = provision == "s.5(1)(aa)"
    assert f.severity is (Severity.WARNING if probation else Severity.ERROR)
    assert (f.subjects, f.get("provision")) == ((CSP, member, "W06000015"), provision)
    law = [(c.source.id, c.provision) for c in f.citations]
    assert law == [("cda-1998", "s.5(1)"), ("cda-1998", provision), ("cdsr-wales-2007", "reg 3(2)")]
    # the Welsh regulations, as substituted in 2011; never England's, nor the as-made words
    assert f"{WELSH} ({WELSH_REG})" in f.message
    assert "1830" not in f.message
    assert "cdsr-2007" not in {c.source.id for c in f.citations}
    assert AS_MADE not in f.message
    if member == "cardiff-and-vale-university-health-board":
        assert "every Local Health Board" in f.message
        assert "integrated care" not in f.message


def test_a_welsh_csp_cited_to_s5_that_lacks_the_health_board_cites_the_welsh_rule(
    cardiff: Partnership,
) -> None:
    board = cardiff.governance.get(CSP)
    kept = tuple(m for m in board.members if m != "cardiff-and-vale-university-health-board")
    bodies = [
        attrs.evolve(b, members=kept) if b.id == CSP else b for b in cardiff.governance.bodies
    ]
    p = attrs.evolve(cardiff, governance=cardiff.governance.with_changes(bodies, ()))
    [f] = [f for f in p.validate_governance(on="2025-01-01").findings if f.rule == RULE]
    assert (f.severity, f.get("provision")) == (Severity.ERROR, "s.5(1)(f)")
    assert [c.source.id for c in f.citations][-1] == "cdsr-wales-2007"
    assert WELSH_REG in f.message
    assert AS_MADE not in f.message


def test_attendance_in_wales_says_the_group_need_not_seat_each(cardiff: Partnership) -> None:
    documents = cardiff.sources.cite("safer-cardiff-terms", "Membership")
    board = attrs.evolve(cardiff.governance.get(CSP), members_citation=documents)
    bodies = [board if b.id == CSP else b for b in cardiff.governance.bodies]
    p = attrs.evolve(cardiff, governance=cardiff.governance.with_changes(bodies, ()))
    [f] = lost(p, "south-wales-police")
    assert f.severity is Severity.WARNING
    assert f"not known: whether {CSP} is the area's strategy group, which need consist" in f.message
    assert f"{WELSH} ({WELSH_REG})" in f.message


def test_england_quotes_reg_3_2_as_substituted_in_2011() -> None:
    p = svduty.warwickshire()
    s = Scenario(
        "s", "S", [ChangeBody("rugby-csp-board", remove_members=["coventry-and-warwickshire-icb"])]
    )
    [f] = [f for f in p.what_if(s).findings if f.rule == RULE]
    assert AS_MADE not in f.message
    assert f"{WELSH} (SI 2007/1830 reg 3(2), as substituted by SI 2011/1230 reg 3)" in f.message
    assert "SI 2007/3076" not in f.message
