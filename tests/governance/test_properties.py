"""Property tests: scenarios never mutate, diff is exact, JSON round-trips."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import assume, given
from hypothesis import strategies as st

import svduty
from svduty.errors import ScenarioError
from svduty.governance import (
    AddBody,
    AddRelation,
    Body,
    BodyKind,
    Cadence,
    ChangeBody,
    ChangeCadence,
    ChangeDistricts,
    GovernanceGraph,
    Level,
    MoveUnder,
    Relation,
    RelationKind,
    RemoveBody,
    RemoveRelation,
    Rename,
    Scenario,
    Tier,
)
from svduty.io import (
    dump_governance,
    dump_scenario,
    dump_timetable,
    load_governance,
    load_scenario,
    load_timetable,
)
from svduty.io._converter import make_converter
from svduty.periods import date


def _wg():
    graph = svduty.warwickshire().governance
    assert graph is not None
    return graph


def warwickshire_timetable():
    timetable = svduty.warwickshire().timetable
    assert timetable is not None
    return timetable


G = _wg()
# the partnership's own documents are in its bundle's sources, not the national catalogue
LOCAL_SOURCES = svduty.warwickshire().sources
LOCAL = make_converter(LOCAL_SOURCES)
C = LOCAL_SOURCES.cite("warwickshire-partnership-agreement", "Governance Structure")
DISTRICTS = ("E07000218", "E07000219", "E07000220", "E07000221", "E07000222")
OPS = (
    "rename",
    "cadence",
    "districts",
    "add_body",
    "remove_body",
    "remove_relation",
    "add_relation",
)


@st.composite
def scenarios(draw):
    """A random valid scenario on Warwickshire plus the diff it must produce."""
    ops = draw(st.lists(st.sampled_from(OPS), min_size=0, max_size=8))
    ids = draw(st.permutations([b.id for b in G.bodies]))
    pool = list(ids)
    changes = []
    exp = {k: set() for k in ("added", "removed", "renamed", "changed", "coverage", "radd", "rrem")}
    removed: set[str] = set()
    touched_rel: set[tuple[str, str, str]] = set()
    for i, op in enumerate(ops):
        if op == "add_body":
            new = Body(f"new-body-{i}", f"New body {i}", BodyKind.GROUP, Level.COUNTYWIDE, C)
            changes.append(AddBody(new))
            exp["added"].add(new.id)
            continue
        if op in ("remove_relation", "add_relation"):
            continue
        if not pool:
            break
        b = G.get(pool.pop())
        if op == "rename":
            changes.append(Rename(b.id, b.name + " (renamed)"))
            exp["renamed"].add(b.id)
        elif op == "cadence":
            new_c = draw(st.sampled_from([c for c in Cadence if c is not b.cadence]))
            changes.append(ChangeCadence(b.id, new_c))
            exp["changed"].add((b.id, "cadence"))
            if b.cadence_citation != C:  # the new cadence cites the scenario (law58a)
                exp["changed"].add((b.id, "cadence_citation"))
        elif op == "districts":
            ds = draw(
                st.sets(st.sampled_from(DISTRICTS)).filter(lambda s, b=b: s != set(b.districts))
            )
            changes.append(ChangeDistricts(b.id, tuple(sorted(ds))))
            exp["coverage"].add(b.id)
            if b.coverage_citation != C:  # the new coverage cites the scenario
                exp["changed"].add((b.id, "coverage_citation"))
        elif op == "move_under":
            if not pool:
                break
            parent = pool.pop()
            if G.relation(parent, b.id, "oversees"):
                continue
            changes.append(MoveUnder(b.id, parent))
            old = {r.key for r in G.relations_of(b.id) if r.kind == "oversees" and r.target == b.id}
            exp["rrem"] |= old
            touched_rel.update(old)
            exp["radd"].add((parent, b.id, "oversees"))
        elif op == "remove_body":
            changes.append(RemoveBody(b.id))
            exp["removed"].add(b.id)
            removed.add(b.id)
    # relation changes among bodies that are not removed
    live = [
        r
        for r in G.relations
        if r.source not in removed and r.target not in removed and r.key not in touched_rel
    ]
    n_rem = ops.count("remove_relation")
    for r in draw(st.permutations(live))[:n_rem]:
        changes.append(RemoveRelation(r.source, r.target, r.kind))
        exp["rrem"].add(r.key)
        touched_rel.add(r.key)
    # relations of removed bodies go too; remove_body comes first in the list, so apply
    # relation changes before removals to keep every change valid
    for body_id in removed:
        exp["rrem"] |= {r.key for r in G.relations_of(body_id)}
    keep_ids = [x for x in ids if x not in removed]
    for _ in range(ops.count("add_relation")):
        s, t = draw(st.sampled_from(keep_ids)), draw(st.sampled_from(keep_ids))
        key = (s, t, RelationKind.CONSULTS.value)
        if s == t or key in touched_rel or G.relation(s, t, "consults"):
            continue
        changes.append(AddRelation(Relation(RelationKind.CONSULTS, s, t, C)))
        exp["radd"].add(key)
        touched_rel.add(key)
    # removals of bodies last, so earlier relation changes still find their bodies
    ordered = [c for c in changes if not isinstance(c, RemoveBody)]
    ordered += [c for c in changes if isinstance(c, RemoveBody)]
    return Scenario("random", "Random", tuple(ordered), citation=C), exp


@given(scenarios())
def test_apply_never_mutates_and_diff_is_exact(case):
    scenario, exp = case
    before = dump_governance(G)
    try:
        g2, log = G.apply(scenario)
    except ScenarioError as exc:  # a move under a body's own subordinate: a real cycle
        if "oversight cycle" not in str(exc):
            raise
        assume(False)
    assert dump_governance(G) == before
    assert len(log) == len(scenario.changes)
    d = G.diff(g2)
    assert {b.id for b in d.bodies_added} == exp["added"]
    assert {b.id for b in d.bodies_removed} == exp["removed"]
    assert {r.body for r in d.bodies_renamed} == exp["renamed"]
    assert {(c.body, c.field) for c in d.bodies_changed} == exp["changed"]
    assert {c.body for c in d.coverage} == exp["coverage"]
    assert {r.key for r in d.relations_added} == exp["radd"]
    assert {r.key for r in d.relations_removed} == exp["rrem"]
    assert d.relations_changed == ()
    assert d.empty == (not scenario.changes)


@given(scenarios())
def test_diff_with_itself_is_empty_and_json_round_trips(case):
    scenario, _ = case
    g2, _ = G.apply(scenario)
    assert g2.diff(g2).empty
    assert str(g2.diff(g2)) == "no differences"
    assert load_governance(json.loads(json.dumps(dump_governance(g2))), converter=LOCAL) == g2
    plain = json.loads(json.dumps(dump_scenario(scenario)))
    assert load_scenario(plain, converter=LOCAL) == scenario
    # dumped with the converter it is loaded with: each change kept its op (it was lost)
    plain = json.loads(json.dumps(dump_scenario(scenario, converter=LOCAL)))
    assert load_scenario(plain, converter=LOCAL) == scenario


@given(
    st.lists(st.sampled_from(sorted(b.id for b in G.bodies)), min_size=2, max_size=2, unique=True)
)
def test_diff_is_antisymmetric(pair):
    a, b = pair
    g2, _ = G.apply(Scenario("r", "R", (RemoveBody(a), RemoveBody(b))))
    fwd, back = G.diff(g2), g2.diff(G)
    assert {x.id for x in fwd.bodies_removed} == {x.id for x in back.bodies_added} == {a, b}
    assert {r.key for r in fwd.relations_removed} == {r.key for r in back.relations_added}


def test_tier_and_graph_helpers_are_consistent():
    # a small sanity check for the generator's assumptions
    assert all(isinstance(b.tier, Tier | None) for b in G.bodies)
    assert GovernanceGraph.of(G.bodies, G.relations) == G


TT = warwickshire_timetable()


@given(st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_timetable_answers_are_consistent(day):
    d = date(day)
    nxt = TT.next_reviews(d)
    assert list(nxt) == sorted(nxt)
    assert all(r.date > d for r in nxt)
    assert all(TT.in_force(r.date) for r in nxt)
    due = TT.due_by(d)
    assert all(m.due <= d for m in due)
    assert set(due) | {m for m in TT.milestones if m.due > d} == set(TT.milestones)
    assert TT.in_force(d) == (date("2023-01-31") <= d <= date("2025-03-31"))
    limited = TT.next_reviews(d, limit=3)
    assert limited == nxt[:3]


def test_timetable_round_trips():
    assert load_timetable(json.loads(json.dumps(dump_timetable(TT))), converter=LOCAL) == TT


# --- reorganisation: the Schedule 1 re-check ------------------------------------------------

from svduty.authorities import AuthorityCategory, category_info  # noqa: E402
from svduty.governance import AbolishAuthority, reorganise, schedule_1_findings  # noqa: E402

_P = svduty.warwickshire()
_SPECIFIED = _P.specified_authority_ids()


def _gaps(abolished: frozenset[str]) -> set[tuple[str, str]]:
    s = Scenario("a", "A", tuple(AbolishAuthority(a) for a in sorted(abolished)))
    after = reorganise(_P.authorities, _P.local_area.districts, s)
    return {
        (f.subjects[0], f.get("table") or f.message, f.get("before") is not None)
        for f in schedule_1_findings(_P.authorities, after)
    }


@given(st.frozensets(st.sampled_from(_SPECIFIED), max_size=4))
def test_abolishing_more_never_closes_a_gap(abolished):
    fewer = frozenset(sorted(abolished)[:-1])

    def keys(gaps: set[tuple[str, str, bool]]) -> set[tuple[str, str]]:
        # a lost county council row of the 'Local government' table becomes the whole
        # table when the district councils go too: compare by table
        lg = "'Local government' table"
        return {(area, lg if t.startswith(lg) else t) for area, t, _ in gaps}

    assert keys(_gaps(fewer)) <= keys(_gaps(abolished))


@given(st.frozensets(st.sampled_from(_SPECIFIED), max_size=4))
def test_a_table_is_lost_exactly_when_every_authority_that_filled_it_is_gone(abolished):
    # an independent oracle: the join before the change, with the abolished (and the same
    # body's other capacities, and YOTs only they established) taken out
    before = _P.authorities
    gone = set(abolished)
    gone |= {a.id for a in before if a.same_body_as in abolished}
    gone |= {a.id for a in before if a.established_by and set(a.established_by) <= gone}
    expected = set()
    for lga in _P.local_area.districts:
        tables: dict[str, set[str]] = {}
        for a in before.specified_for(lga):
            info = category_info(a.category)
            key = f"'{info.table}' table"
            if info.table == "Criminal justice":
                key += f" ({a.category.value.replace('_', ' ')})"
            tables.setdefault(key, set()).add(a.id)
        expected |= {(lga, t) for t, ids in tables.items() if ids <= gone}
        # s.11(6): a district (E07) needs a district council AND a county council, so
        # either row of the 'Local government' table can be lost on its own
        lg = "'Local government' table"
        if (lga, lg) not in expected:
            for kind in (AuthorityCategory.COUNTY_COUNCIL, AuthorityCategory.DISTRICT_COUNCIL):
                ids = {a.id for a in before.specified_for(lga) if a.category is kind}
                if ids and ids <= gone:
                    expected.add((lga, f"{lg} ({kind.value.replace('_', ' ')})"))
    found = {(area, t) for area, t, lost in _gaps(frozenset(abolished)) if lost}
    assert found == expected
    # reorganising never changes the authorities it was given
    assert [a.id for a in _P.authorities] == [a.id for a in before]


def _unordered(g: object) -> object:
    """The graph's bodies and relations, each body's members and aliases as sets."""
    import attrs as _attrs

    bodies = {
        b.id: _attrs.evolve(b, members=tuple(sorted(b.members)), aliases=tuple(sorted(b.aliases)))
        for b in g.bodies  # type: ignore[attr-defined]
    }
    return bodies, set(g.relations)  # type: ignore[attr-defined]


@given(scenarios(), st.sampled_from(sorted(b.id for b in G.bodies if b.members)))
def test_the_diff_is_empty_exactly_when_nothing_but_order_changed(case, board):
    """A chair changed and changed back kept the new chair_citation, and the diff (which
    left that field out) was empty; a member removed and added again changed only the
    order, and the diff listed both whole lists (a policy review)."""
    scenario, _ = case
    body = next(b for b in G.bodies if b.id == board)
    chair_back = (
        ChangeBody(board, chair="warwickshire-police"),
        ChangeBody(board, chair=body.chair or "warwickshire-county-council"),
    )
    member_back = (
        ChangeBody(board, remove_members=body.members[:1]),
        ChangeBody(board, add_members=body.members[:1]),
    )
    for changes in (scenario.changes, chair_back, member_back):
        try:
            g2, _ = G.apply(Scenario("r", "R", changes, citation=C))
        except ScenarioError:
            assume(False)
        assert G.diff(g2).empty == (_unordered(G) == _unordered(g2))
