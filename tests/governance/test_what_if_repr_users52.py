"""A what-if at a Python prompt is one line, not its whole data (users52).

A policy officer typing ``w = p.what_if("lgr-two-unitaries"); w`` at a Python prompt got
attrs' generated repr: about 110,000 characters of every authority, citation and relation.
"""

from __future__ import annotations

import svduty
from svduty.governance import RemoveBody, Scenario


def test_the_repr_is_one_short_line_counting_changes_and_findings():
    p = svduty.warwickshire()
    w = p.what_if("lgr-two-unitaries")
    said = repr(w)
    assert "\n" not in said
    assert len(said) < 200
    f = w.findings
    n = len(w.scenario.changes)
    assert said == (
        f"<WhatIf lgr-two-unitaries: {n} changes; {len(f.errors)} errors, "
        f"{len(f.warnings)} warnings (print it to read them)>"
    )
    assert str(w).startswith("scenario lgr-two-unitaries:")  # print: the whole text


def test_one_change_and_no_finding_are_counted_in_the_singular():
    p = svduty.warwickshire()
    w = p.what_if(Scenario("cut", "Close the isolated group", [RemoveBody("chief-officers-group")]))
    assert repr(w).startswith("<WhatIf cut: 1 change; 0 errors, ")
