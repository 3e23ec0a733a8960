"""A GOV-SCHEDULE-1 finding names the Schedule 1 entry that decides it in its citations.

Its citations were the rule's "s.11 and Sch 1", then the row's "Sch 1" and
"s.11(6), Sch 1": three lines for one provision, none naming the table or entry the
message is about (policy42: removing the probation service).
"""

from __future__ import annotations

import svduty
from svduty.governance import AbolishAuthority, Scenario

P = svduty.warwickshire()


def _provisions(authority: str) -> set[tuple[str, ...]]:
    w = P.what_if(Scenario("x", "X", [AbolishAuthority(authority)], effective="2026-06-01"))
    found = [f for f in w.findings.errors if f.rule == "GOV-SCHEDULE-1"]
    assert found
    return {tuple(c.provision for c in f.citations) for f in found}


def test_probation_cites_its_entry_and_its_second_column():
    assert _provisions("warwickshire-probation-delivery-unit") == {
        (
            "s.11 and Sch 1",
            "Sch 1, 'Criminal justice' table, first column: provider of probation services",
            "s.11(6), Sch 1, 'Criminal justice' table, second column: provider of probation "
            "services",
        )
    }


def test_each_citation_of_a_finding_is_a_different_provision():
    for authority in (
        "warwickshire-police",
        "coventry-and-warwickshire-icb",
        "rugby-borough-council",
    ):
        for provisions in _provisions(authority):
            assert len(set(provisions)) == len(provisions) == 3
            assert all("table" in p for p in provisions[1:])
