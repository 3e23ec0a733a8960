"""An abolish_authority's log line names the bodies it still chairs or hosts (users58).

Abolishing the authority that chairs a board (the Police and Crime Commissioner chairing
a Welsh partnership's board, ``svduty init`` for Cardiff and the Vale of Glamorgan) was
logged "governance: no body names it" while the validation under it said the board "is
chaired by ... which changes[0] abolishes": the log contradicted the finding. The chair
and host are kept named on purpose (``GOV-REF`` asks who follows); the log now says so.
"""

from __future__ import annotations

import svduty
from svduty.governance import AbolishAuthority, ChangeBody, Scenario

P = svduty.warwickshire()


def test_the_log_names_the_body_the_abolished_authority_still_chairs() -> None:
    result = P.what_if(Scenario("s", "t", (AbolishAuthority("rugby-borough-council"),)))
    message = result.log.entries[0].message
    assert "no body names it" not in message
    assert "governance: rugby-csp-board, soc-joint-action-group changed" in message  # left
    assert "still chaired by it: rugby-csp-board" in message
    assert "the scenario does not say who follows" in message


def test_the_log_names_the_body_the_abolished_authority_still_hosts() -> None:
    result = P.what_if(Scenario("s", "t", (AbolishAuthority("warwickshire-county-council"),)))
    message = result.log.entries[0].message
    assert "still hosted by it: case-management-east" in message


def test_an_authority_no_body_names_is_still_said_so() -> None:
    yjs = "warwickshire-youth-justice-service"
    leave = ChangeBody("soc-joint-action-group", remove_members=(yjs,))
    result = P.what_if(Scenario("s", "t", (leave, AbolishAuthority(yjs))))
    assert result.log.entries[1].message.endswith("governance: no body names it")


def test_an_authority_only_a_member_is_said_to_leave_and_no_more() -> None:
    yjs = "warwickshire-youth-justice-service"
    result = P.what_if(Scenario("s", "t", (AbolishAuthority(yjs),)))
    assert result.log.entries[0].message.endswith("governance: soc-joint-action-group changed")
