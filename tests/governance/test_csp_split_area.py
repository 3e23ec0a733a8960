"""A local government area a what-if makes of districts, left split between CSPs.

The Crime and Disorder Act 1998 s.5(1): the functions of s.6 "shall be exercisable in
relation to each local government area by the responsible authorities": one partnership
for the whole area. A what-if that merges districts and keeps their partnerships apart
was read as the districts it replaced, each covered by one: no finding (policy42).
"""

from __future__ import annotations

import attrs

import svduty
from svduty.governance import AddBody, ChangeDistricts, CreateArea, Merge, Scenario

P = svduty.warwickshire()
RUGBY_NUNEATON = CreateArea("rugby-and-nuneaton", "R and N", ("E07000219", "E07000220"))


def _coverage(w: object) -> list[object]:
    return [f for f in w.findings.errors if f.rule == "GOV-CSP-COVERAGE"]  # type: ignore[attr-defined]


def test_a_new_area_split_between_partnerships_is_an_error_citing_cda_s5():
    w = P.what_if(Scenario("split", "Split", [RUGBY_NUNEATON]))
    (f,) = _coverage(w)
    assert f.subjects[1:] == ("nuneaton-and-bedworth-csp-board", "rugby-csp-board")
    assert f.subjects[0] == "rugby-and-nuneaton"
    assert "split between 2 community safety partnerships" in f.message
    assert "nuneaton-and-bedworth-csp-board (E07000219)" in f.message
    assert [c.provision for c in f.citations] == ["s.5(1), (1A)-(1BA)"]
    assert f.citations[0].source.id == "cda-1998"


def test_the_two_unitaries_without_their_csp_mergers_is_split_three_ways():
    lgr = P.scenarios["lgr-two-unitaries"]
    kept = [c for c in lgr.changes if not isinstance(c, (Merge, AddBody))]
    w = P.what_if(attrs.evolve(lgr, name="no-csp-merge", changes=kept))
    (f,) = _coverage(w)
    assert f.subjects[0] == "north-warwickshire-unitary"
    assert "split between 3" in f.message


def test_one_partnership_for_the_new_area_is_no_finding():
    merged = Merge("rugby-csp-board", "nuneaton-and-bedworth-csp-board")
    assert _coverage(P.what_if(Scenario("one", "One", [RUGBY_NUNEATON, merged]))) == []
    moved = ChangeDistricts("rugby-csp-board", ("rugby-and-nuneaton",))
    gone = ChangeDistricts("nuneaton-and-bedworth-csp-board", ())
    assert _coverage(P.what_if(Scenario("one", "One", [RUGBY_NUNEATON, moved, gone]))) == []
    assert _coverage(P.what_if("lgr-two-unitaries")) == []


def test_a_partnership_whose_record_lapsed_by_the_day_is_not_a_split():
    """Partnerships ended the day before vesting and one for the new area from it (recheck42).

    The scenario is checked on its effective day; ``GOV-CSP-COVERAGE`` reads the records
    holding then, and a record's end is not known to be the body's (a lapse is ``not
    known``, never a breach). The split check counted the lapsed boards: an error.
    """
    from svduty.periods import Period

    g = P.governance
    ended = ("rugby-csp-board", "nuneaton-and-bedworth-csp-board")
    bodies = [
        attrs.evolve(b, valid=Period("2020-01-01", "2028-04-01")) if b.id in ended else b
        for b in g.bodies
    ]
    p = attrs.evolve(P, governance=type(g).of(bodies, (*g.relations, *g.dangling), strict=False))
    (rugby,) = [b for b in g.bodies if b.id == "rugby-csp-board"]
    new = attrs.evolve(
        rugby,
        id="rn-csp-board",
        name="R and N CSP",
        districts=("rugby-and-nuneaton",),
        area=None,
        valid=Period("2028-04-01"),
    )
    sc = Scenario("c", "C", [RUGBY_NUNEATON, AddBody(new)], effective="2028-04-01")
    assert _coverage(p.what_if(sc)) == []
    (w,) = [f for f in p.what_if(sc).findings.warnings if f.rule == "GOV-CSP-COVERAGE"]
    assert w.message.startswith("not known: rugby-and-nuneaton")
    assert _coverage(p.what_if(sc, strict=True))  # strict: not known is an error
