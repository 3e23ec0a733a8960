"""A funded project's pillars, levels and tiers carry their own source (law58a).

law57 found them svduty's reading of each project's description for every project but
local delivery (whose pillars the agreement states: "programmes are assessed on the
three pillars"), with no field to say so: every fact carries a citation, a reading in
doubt its doubt.
"""

from __future__ import annotations

import svduty
from svduty.sources import Confidence

P = svduty.warwickshire()
STATED = {"local-delivery"}  # tagged in the agreement's own words


def test_every_reading_of_a_projects_tags_is_cited_in_doubt() -> None:
    tagged = [p for p in P.funding.projects if p.pillars or p.levels or p.tiers]  # type: ignore[union-attr]
    assert len(tagged) > len(STATED)
    for project in tagged:
        if project.id in STATED:
            assert project.tags_citation is None  # its own citation states them
            continue
        cited = project.tags_citation
        assert cited is not None, project.id
        assert cited.confidence is Confidence.UNCONFIRMED
        assert cited.doubt is not None
        assert "svduty's reading" in cited.doubt


def test_an_untagged_project_has_no_tags_source() -> None:
    untagged = [p for p in P.funding.projects if not (p.pillars or p.levels or p.tiers)]  # type: ignore[union-attr]
    assert untagged
    assert all(p.tags_citation is None for p in untagged)
