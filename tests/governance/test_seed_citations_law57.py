"""The Warwickshire bundle against the sentences of its seed it cites (law57's review).

The seed (shared/seed: the Nuneaton and Bedworth cabinet report of 21 June 2023, Appendix A
the strategy, Appendix B the partnership agreement) is not in the repository; these tests
pin what the review found there, each against the sentence quoted.
"""

from __future__ import annotations

import pytest

import svduty
from svduty.sources import Confidence

P = svduty.warwickshire()


@pytest.mark.parametrize("table", ["high", "increase"])
def test_each_needs_table_is_cited_by_its_caption(table: str) -> None:
    """The strategy has two tables labelled "Table 2": "Map 3 and Table 2 - Areas in
    Warwickshire which had a risk score increase of 3 or more" and, later, "Table 2:
    Households who presented as homeless as a result of Domestic Abuse". The increase
    areas cited "Table 2" alone, which names either; each table is now cited by its
    caption's "Map N and Table N"."""
    caption = {"high": "Map 2 and Table 1", "increase": "Map 3 and Table 2"}[table]
    areas = [a for a in P.strategy.needs.areas if a.table == table]
    assert areas
    for a in areas:
        assert a.citation.provision.startswith(caption), (a.name, a.citation.provision)


def test_the_lead_sponsor_reports_to_the_home_office_only_as_a_reading() -> None:
    """Partnership agreement, Lead Authority: the Lead Sponsor acts "reporting to relevant
    boards at District, Borough and partners agencies. They will lead in the response to
    the Home Office assessment process in relation to the Duty". Leading a response is not
    stated as a reporting line: the relation was cited as the agreement's word."""
    (line,) = [
        r
        for r in P.governance.relations
        if (r.source, r.target, r.kind.value) == ("lead-sponsor", "home-office", "reports_to")
    ]
    assert line.citation.confidence is Confidence.UNCONFIRMED
    assert line.citation.doubt is not None
    assert "lead in the response to the Home Office assessment process" in line.citation.doubt
    # the boards the agreement does name keep their own citations
    boards = [
        r
        for r in P.governance.relations
        if r.source == "lead-sponsor" and r.target.endswith("-csp-board")
    ]
    assert len(boards) == 4


def test_the_police_command_areas_start_day_is_a_reading() -> None:
    """The three local policing areas began "from April 2023" (the force's news item); the
    agreement, in force from 31 January 2023, already names "the 3 area Police Command
    Structure, (North, East and South)". The records' start, 1 April 2023, was cited as the
    source's word."""
    areas = [a for a in P.geography.areas if a.kind.value == "police_command_area"]
    assert len(areas) == 3
    for a in areas:
        assert str(a.valid.start) == "2023-04-01"
        assert a.citation.confidence is Confidence.UNCONFIRMED, a.id
        assert a.citation.doubt is not None
        assert "from April 2023" in a.citation.doubt
        assert "3 area Police Command Structure" in a.citation.doubt
