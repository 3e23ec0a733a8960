"""The walk behind ``given_only`` finds each node's fields once, and finds what asking each did.

``_fact_groups._read`` asked every node for its ``fields()`` (each asking its parts, and
theirs): the national rules' 515 nodes were walked some 60,000 times, ~6 ms of the first
batch. It now joins each node's parts' sets once (speed54d). The answer must be the one the
plain walk gives, for the packaged rule sets and for random trees of shared nodes, nodes
whose ``reads`` differ from their ``fields`` (``BelowAtDeath``, ``DeathIn``, ``Given``) and
nodes holding others (``Fact``).
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from svduty.definitions import DEFINITIONS
from svduty.definitions._age_at_death import BelowAtDeath
from svduty.definitions._atoms import Below, Fact, Given, Has, In, IsTrue
from svduty.definitions._classify import ruleset
from svduty.definitions._expr import All, Any_, Expr, Not
from svduty.definitions._fact_groups import CANDIDATES, _fields_of, _parts, _read, given_only
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE

from .helpers import every_node


def _plain_read(roots: tuple[Expr, ...]) -> frozenset[str]:
    """The walk as it was before speed54d: every node asked for its own fields."""
    read: set[str] = set()
    for node in every_node(roots):
        parts = _parts(node)
        held = {f for p in parts for f in p.fields()}
        read.update(f for f in node.reads() if f not in held or not parts)
    return frozenset(read)


def _roots(rs: object) -> tuple[Expr, ...]:
    roots = [r.expr for r in (*rs.rules.values(), *rs.reportable, rs.definition)]  # type: ignore[attr-defined]
    return (*roots, *rs.kinds.values())  # type: ignore[attr-defined]


def test_the_packaged_rule_sets_read_what_the_plain_walk_says() -> None:
    for definition in DEFINITIONS.values():
        rs = ruleset(definition, OWHR_PILOT_AS_MADE)
        roots = _roots(rs)
        assert _read.__wrapped__(roots) == _plain_read(roots)
        assert given_only(rs) == CANDIDATES - _plain_read(roots)


_leaves = st.sampled_from(
    [
        Given("location"),
        Given("date"),
        IsTrue("died"),
        Has("context", "gang"),
        Below("victim_age", 18),
        BelowAtDeath(18),
        BelowAtDeath(18, at_most=15),
        In("location", frozenset({"E01031012"})),
        In("district", frozenset({"E08000025"})),
        In("date", frozenset({"2024-01"})),
        Fact(IsTrue("died"), "death"),
    ]
)


@st.composite
def _trees(draw: st.DrawFn) -> tuple[Expr, ...]:
    """Roots over a pool of nodes that later nodes share (a DAG, as rule sets are)."""
    pool: list[Expr] = draw(st.lists(_leaves, min_size=1, max_size=4))
    for _ in range(draw(st.integers(0, 12))):
        how = draw(st.sampled_from(["all", "any", "not"]))
        parts = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
        pool.append(Not(parts[0]) if how == "not" else (All if how == "all" else Any_)(*parts))
    return tuple(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4)))


@given(roots=_trees())
def test_random_shared_trees_read_what_the_plain_walk_says(roots: tuple[Expr, ...]) -> None:
    assert _read.__wrapped__(roots) == _plain_read(roots)
    for node in roots:  # and each node's fields, as it says them itself
        assert _fields_of(node, {}) == frozenset(node.fields())


def test_a_node_with_fields_of_its_own_is_asked() -> None:
    """A class overriding ``fields`` (not ``All``'s or ``Not``'s) is asked, not joined."""

    @attrs.frozen(slots=True, eq=False, init=False)
    class Also(All):
        def fields(self) -> tuple[str, ...]:
            return (*super().fields(), "victim_age")

    node = Also(IsTrue("died"))
    assert _fields_of(node, {}) == {"died", "victim_age"}
    assert _read.__wrapped__((Not(node),)) == _plain_read((Not(node),)) == {"died", "victim_age"}
