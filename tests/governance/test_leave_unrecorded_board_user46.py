"""A what-if taking a member off a board whose membership the bundle does not record.

Policy staff trying "the probation delivery unit leaves the Safer Warwickshire Partnership
Board" were told it "is not a member" of the board: the seed lists none of that board's
members, so whether probation sits on it is not known (facts are an open world), and the
message must say so and how to record the membership, not assert a fact it does not hold.
Where a membership is recorded, the message names who the members are.
"""

from __future__ import annotations

import pytest

import svduty
from svduty.errors import ScenarioError
from svduty.governance import ChangeBody, Scenario


@pytest.fixture(scope="module")
def p():
    return svduty.warwickshire()


def _refusal(p, change: ChangeBody) -> str:
    with pytest.raises(ScenarioError) as e:
        p.what_if(Scenario("leaves", "A body leaves", (change,)))
    return str(e.value)


def test_leaving_a_board_whose_members_are_not_recorded_says_not_known(p):
    board = p.governance.get("safer-warwickshire-partnership-board")
    assert board.members == ()  # the seed lists none of the board's members
    probation = "warwickshire-probation-delivery-unit"
    said = _refusal(p, ChangeBody(board.id, remove_members=[probation]))
    assert "changes[0].remove_members[0]" in said
    assert "is not a member" not in said
    assert "records none of its members" in said
    assert "not known" in said
    assert "governance.toml" in said


def test_leaving_a_board_one_is_not_on_names_its_members(p):
    board = p.governance.get("rugby-csp-board")
    said = _refusal(p, ChangeBody(board.id, remove_members=["warwickshire-pcc"]))
    assert "'warwickshire-pcc' is not a member of 'rugby-csp-board'" in said
    assert all(m in said for m in board.members)
