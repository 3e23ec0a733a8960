"""Which columns are grouped only by whether they are given is derived from the rules.

``_fact_groups`` evaluates each group of rows on its first row. A rule set holding a node
that reads the value of ``location``, ``district`` or ``date`` (a ``RuleSet`` built in
code, a definition's own rule) must have those columns grouped by value, else every row of
a group silently gets its first row's answer (review53b).
"""

from __future__ import annotations

from typing import Any

import attrs
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svduty.definitions import DEFINITIONS, _columnar
from svduty.definitions._atoms import Given, Has, In
from svduty.definitions._classify import ruleset
from svduty.definitions._columns import prepare
from svduty.definitions._expr import All, Any_, ArrowEnv, Expr, Not
from svduty.definitions._fact_groups import CANDIDATES, FEWEST, _parts, fact_groups, given_only
from svduty.definitions._owhr import OWHR_PILOT_AS_MADE

from .helpers import every_node, to_table
from .strategies import RESOLVE

_PLACES = ["E01031012", "W01001234", "E08000025", None]
_DAYS = ["2024-01-15", "2024-01-16", "2024-02", None]


def _verdicts(table: Any, rs: Any, grouped: bool) -> dict[str, Any]:
    if grouped:
        return _columnar._verdicts(table, rs, RESOLVE)
    with pytest.MonkeyPatch.context() as m:  # the same rows, evaluated one by one
        m.setattr(_columnar, "fact_groups", lambda *a, **k: None)
        return _columnar._verdicts(table, rs, RESOLVE)


def _reading(field: str, values: list[str]) -> Expr:
    return In(field, frozenset(v for v in values if v is not None))


_leaves = st.one_of(
    st.builds(_reading, st.just("location"), st.lists(st.sampled_from(_PLACES[:3]), min_size=1)),
    st.builds(_reading, st.just("district"), st.just(["E08000025", "W06000015"])),
    st.builds(_reading, st.just("date"), st.lists(st.sampled_from(_DAYS[:3]), min_size=1)),
    st.sampled_from([Given("location"), Given("date"), Given("district"), Has("context", "gang")]),
)


def _combined(parts: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    """``parts``, or a Not, All or Any_ of them (no st.recursive: its check misfires)."""
    some = st.lists(parts, min_size=1, max_size=3)
    return st.one_of(
        parts,
        st.builds(Not, parts),
        some.map(lambda p: All(*p)),
        some.map(lambda p: Any_(*p)),
    )


_exprs = _combined(_combined(_leaves))


@settings(max_examples=40, deadline=None)
@given(
    kinds=st.lists(_exprs, min_size=1, max_size=3),
    places=st.lists(st.sampled_from(_PLACES), min_size=FEWEST, max_size=FEWEST + 16),
    days=st.lists(st.sampled_from(_DAYS), min_size=1, max_size=4),
    which=st.sampled_from(sorted(DEFINITIONS)),
)
def test_grouped_equals_row_by_row_when_rules_read_places_and_days(
    kinds: list[Expr], places: list[str | None], days: list[str | None], which: str
) -> None:
    rs = ruleset(DEFINITIONS[which], OWHR_PILOT_AS_MADE)
    rs = attrs.evolve(rs, kinds={**rs.kinds, **{f"own{i}": k for i, k in enumerate(kinds)}})
    rows = []
    for i, place in enumerate(places):
        row: dict[str, Any] = {"police_uk_category": "Robbery", "victim_age": 30}
        if place is not None:
            row["location"] = place
        if days[i % len(days)] is not None:
            row["date"] = days[i % len(days)]
        rows.append(row)
    table = to_table(rows, all_columns=False)
    got, want = _verdicts(table, rs, True), _verdicts(table, rs, False)
    for name in ("violence", "in_scope", "homicide_review", "basis", "kinds", "reasons"):
        assert got[name].to_pylist() == want[name].to_pylist(), name


def test_a_kind_reading_location_is_not_the_first_rows() -> None:
    rs = ruleset(DEFINITIONS["pcsc-s13"], OWHR_PILOT_AS_MADE)
    rs = attrs.evolve(rs, kinds={**rs.kinds, "here": In("location", frozenset({"E01031012"}))})
    rows = [{"police_uk_category": "Robbery", "location": p} for p in _PLACES[:2] * 40]
    table = to_table(rows, all_columns=False)
    kinds = _verdicts(table, rs, True)["kinds"].to_pylist()
    assert ["here" in k for k in kinds[:2]] == [True, False]


def test_the_national_rules_read_no_candidate_value() -> None:
    """The derived set is today's for every packaged definition: the bench groups alike."""
    for definition in DEFINITIONS.values():
        rs = ruleset(definition, OWHR_PILOT_AS_MADE)
        assert given_only(rs) == CANDIDATES
    rs = ruleset(DEFINITIONS["pcsc-s13"], OWHR_PILOT_AS_MADE)
    by_day = attrs.evolve(rs, kinds={**rs.kinds, "d": Not(In("date", frozenset({"2024-01"})))})
    assert given_only(by_day) == CANDIDATES - {"date"}
    cols = {"date": pa.array(["2024-01-15", "2024-01-16"] * 40)}
    alike, by_value = (
        fact_groups(cols, 80, given_only(rs)),
        fact_groups(cols, 80, given_only(by_day)),
    )
    assert alike is not None
    assert by_value is not None
    assert alike[1].to_pylist() == [0]
    assert by_value[1].to_pylist() == [0, 1]


class _Recording(ArrowEnv):
    """An environment that notes every column a node asks for."""

    asked: list[str]

    def col(self, field: str) -> Any:
        self.asked.append(field)
        return super().col(field)


def test_no_node_reads_a_candidate_it_does_not_say() -> None:
    """Each leaf of the packaged rule sets asks only for the candidates its ``reads`` names.

    ``given_only`` trusts ``Expr.reads``; a leaf asking for ``location``, ``district`` or
    ``date`` that it does not say it reads (a ``Given`` asks, to say whether it is given)
    would be evaluated on a group's first row.
    """
    prepared, facts, _ = prepare(
        to_table([{"police_uk_category": "Robbery", "date": "2024-01", "location": "E01031012"}]),
        RESOLVE,
    )
    checked = 0
    for definition in DEFINITIONS.values():
        rs = ruleset(definition, OWHR_PILOT_AS_MADE)
        roots: list[Expr] = [r.expr for r in rs.rules.values()] + list(rs.kinds.values())
        for node in every_node(roots):
            if _parts(node) or isinstance(node, Given):
                continue
            env = _Recording(prepared, facts, rs.rules, 1, presumed=rs.presumed)
            env.asked = []
            node._arrow(env)
            checked += 1
            assert set(env.asked) & CANDIDATES <= set(node.reads()), type(node).__name__
    assert checked > 20
