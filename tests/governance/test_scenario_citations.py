"""What a scenario's findings and changed records cite (a policy review).

Adding one member re-cited the whole membership with the scenario's (confirmed) source, so
an unconfirmed membership was "confirmed" by a what-if about someone else; a Schedule 1
gap cited the rows still served instead of its own.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import svduty
from svduty.governance import AbolishAuthority, ChangeBody, Scenario, TransferFunctions
from svduty.sources import Confidence

P = svduty.warwickshire()
JAG = "soc-joint-action-group"
AGREEMENT = next(r for r in P.governance_rules if r.id == "GOV-PATH").citation
X = attrs.evolve(AGREEMENT, provision="x", confidence=Confidence.CONFIRMED, doubt=None)


def test_adding_a_member_keeps_the_doubt_of_the_members_kept():
    before = P.governance.get(JAG).members_citation
    assert before is not None
    assert before.confidence is Confidence.UNCONFIRMED
    s = Scenario(
        "s",
        "S",
        [ChangeBody(JAG, add_members=("warwickshire-pcc",))],
        citation=X,
    )
    w = P.what_if(s)
    after = w.governance.get(JAG).members_citation
    assert (after.source.id, after.provision) == ("warwickshire-partnership-agreement", "x")
    assert after.confidence is Confidence.UNCONFIRMED
    assert after.doubt.startswith(f"the members kept ({len(P.governance.get(JAG).members)})")
    unconfirmed = [f for f in w.findings.warnings if "unconfirmed membership" in f.message]
    assert unconfirmed  # GOV-SPECIFIED's warning stays: the what-if confirmed nothing


def test_a_membership_replaced_whole_takes_the_scenarios_citation():
    members = P.governance.get(JAG).members
    s = Scenario(
        "s",
        "S",
        [ChangeBody(JAG, remove_members=members, add_members=("warwickshire-pcc",))],
        citation=X,
    )
    after = P.what_if(s).governance.get(JAG).members_citation
    assert after.confidence is Confidence.CONFIRMED  # no member kept: nothing to doubt


def _doubts(authority: str) -> list[str]:
    w = P.what_if(Scenario("s", "S", [AbolishAuthority(authority)]))
    f = next(f for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1")
    return [c.doubt or "" for c in f.citations]


def test_a_schedule_1_gap_cites_its_own_row_not_the_rows_still_served():
    probation = _doubts("warwickshire-probation-delivery-unit")
    assert not any("police row" in d or "fire and rescue row" in d for d in probation)
    assert any("police row" in d for d in _doubts("warwickshire-police"))


def test_a_member_added_and_removed_again_leaves_the_membership_as_it_was():
    """A review of the session: the chair's fix did not cover members (the diff showed
    the membership's citation changed, its doubt nested on the second change)."""
    pcc = ("warwickshire-pcc",)
    there_and_back = [ChangeBody(JAG, add_members=pcc), ChangeBody(JAG, remove_members=pcc)]
    w = P.what_if(Scenario("s", "S", there_and_back, citation=X))
    assert w.governance.get(JAG) == P.governance.get(JAG)
    assert str(w.diff) == "no differences"
    police = ("warwickshire-police",)
    twice = [ChangeBody(JAG, add_members=pcc), ChangeBody(JAG, remove_members=police)]
    doubt = P.what_if(Scenario("s", "S", twice, citation=X)).governance.get(JAG)
    assert doubt.members_citation.doubt.count("the members kept") == 1


def test_the_findings_text_says_the_doubt_of_an_unconfirmed_citation():
    """A review of the session: the ``cites:`` lines showed no doubt, so a Schedule 1
    gap's row citations read as three near-identical lines."""
    w = P.what_if(Scenario("s", "S", [AbolishAuthority("warwickshire-police")]))
    text = w.findings.text()
    assert "(unconfirmed: the police row's local government area wording is not" in text


def test_a_misspelt_body_or_authority_id_names_the_one_meant():
    """A policy review: a misspelt body id got no "did you mean", as a scenario name does."""
    import pytest

    from svduty.errors import ScenarioError
    from svduty.governance import RemoveBody

    with pytest.raises(
        ScenarioError, match=r"no body with id 'schoools' \(did you mean schools\?\)"
    ):
        P.what_if(Scenario("s", "S", [RemoveBody("schoools")]))
    typo = ChangeBody(JAG, add_members=("warwickshire-polic",))
    with pytest.raises(ScenarioError, match=r"\(did you mean warwickshire-police\?\)"):
        P.what_if(Scenario("s", "S", [typo]))
    # abolished, its functions transferred, a chair or a host (the twenty-sixth session)
    for change, field in [
        (AbolishAuthority("warwickshire-polic"), "authority"),
        (TransferFunctions("warwickshire-polic", "warwickshire-county-council"), "source"),
        (TransferFunctions("warwickshire-police", "warwickshire-county-councl"), "target"),
        (ChangeBody(JAG, chair="warwickshire-polic"), "chair"),
        (ChangeBody(JAG, host="warwickshire-polic"), "host"),
    ]:
        with pytest.raises(ScenarioError, match=rf"\.{field}: no .*\(did you mean warwickshire-"):
            P.what_if(Scenario("s", "S", [change]))


def test_a_diff_says_a_what_if_citation_is_unconfirmed():
    """The diff printed a scenario's unconfirmed citation as if it were the agreement's (a
    policy review): a changed citation that is unconfirmed says so, with its doubt."""
    from svduty.governance._diff_lines import BodyChange
    from svduty.sources import Confidence, cite

    what_if = cite("pcsc-act-2022", "s.8", confidence=Confidence.UNCONFIRMED, doubt="a what-if")
    said = str(BodyChange("board", "coverage_citation", None, what_if))
    assert said.endswith("(unconfirmed: a what-if)")
    assert "(unconfirmed" not in str(BodyChange("b", "citation", None, cite("pcsc-act-2022")))


def test_a_member_leaving_leaves_the_members_kept_as_sure_as_their_source():
    """A policy review (forty-fourth session): "the ICB leaves the partnership", written as
    ``remove_members`` on each board it sits on, made every other member's seat on those
    boards unconfirmed, so the what-if reported seven new ``GOV-SPECIFIED`` warnings ("the
    county council takes part only through unconfirmed membership; see changes[0]...")
    that the ICB's leaving did not cause. No one joins: the members kept are those the old
    source states, as sure as before, with or without a (what-if's) citation."""
    icb = "coventry-and-warwickshire-icb"
    boards = [b.id for b in P.governance if icb in b.members]
    assert len(boards) > 1
    leaves = [ChangeBody(b, remove_members=[icb]) for b in boards]
    what_if = attrs.evolve(AGREEMENT, confidence=Confidence.UNCONFIRMED, doubt="a what-if")
    before = {(f.rule, f.subjects) for f in P.validate_governance()}
    for cited in (None, what_if):
        w = P.what_if(Scenario("icb-leaves", "The ICB leaves", leaves, citation=cited))
        for b in boards:
            assert w.governance.get(b).members_citation == P.governance.get(b).members_citation
        new = [f for f in w.findings if (f.rule, f.subjects) not in before]
        # and, since the forty-fourth session's csp44 review, the ICB each community
        # safety partnership loses: statute makes it a responsible authority there (Crime
        # and Disorder Act 1998 s.5(1)(e)), whatever a board's membership says
        csps = [b for b in boards if P.governance.get(b).kind == "community_safety_partnership"]
        responsible = [
            ("GOV-CSP-RESPONSIBLE", (b, icb, *P.governance.get(b).districts)) for b in csps
        ]
        assert len(csps) == 4
        # and, since law58a, s.8(1): no body records the ICB with the other specified
        # authorities for the area, so whether it collaborates is not known (a warning)
        collaborates = ("GOV-S8-COLLABORATE", (icb, P.local_area.districts[0]))
        assert sorted((f.rule, f.subjects) for f in new) == sorted(
            [("GOV-SPECIFIED", (icb,)), *responsible, collaborates]
        )
        assert {c.field for c in w.diff.bodies_changed} == {"members"}


_SEATS = sorted((b.id, m) for b in P.governance for m in b.members)


@given(st.frozensets(st.sampled_from(_SEATS), min_size=1, max_size=4))
@settings(max_examples=25, deadline=None)
def test_members_leaving_never_makes_another_members_seat_less_sure(seats):
    """Taking members off boards (no one joining) can leave an authority off every board,
    never make a member kept there less sure: ``GOV-SPECIFIED``'s findings about the
    authorities still seated are the partnership's own, before the scenario."""
    leaving: dict[str, list[str]] = {}
    for board, member in seats:
        leaving.setdefault(board, []).append(member)
    changes = [ChangeBody(b, remove_members=ms) for b, ms in sorted(leaving.items())]
    w = P.what_if(Scenario("leave", "Members leave", changes))
    seated = {m for b in w.governance for m in b.members}
    own = P.validate_governance()
    before = {(f.severity, f.subjects) for f in own if f.rule == "GOV-SPECIFIED"}
    after = {
        (f.severity, f.subjects)
        for f in w.findings
        if f.rule == "GOV-SPECIFIED" and f.message.split()[2] in seated
    }
    assert after <= before
