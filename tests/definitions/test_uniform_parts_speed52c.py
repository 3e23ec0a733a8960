"""A part the same in every row settles the rules without an Arrow call (speed52c).

Each evaluation of the rule tree (a batch's new combinations) cost about 1,700 Arrow calls,
whatever its rows: 9.0 ms for one row, 10.9 ms for 710. Most of its parts are the same in
every row (facts no row gives), and Kleene AND / OR, NOT and the missing facts' masks of
such a part are known without asking Arrow. The values are Arrow's, row for row.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from svduty import _compute
from svduty.definitions import STATUTE, Incident, _expr, _missing_columns, classify, classify_table
from svduty.definitions._expr import _kleene
from svduty.definitions._missing_columns import _any, missing_columns

from .strategies import RESOLVE

ANSWERS = ("violence", "in_scope", "domestic_abuse", "qualifying_homicide", "homicide_review")
_VALUE = st.sampled_from([True, False, None])


def _bools(n: int) -> st.SearchStrategy[pa.Array]:
    """A boolean array of ``n`` rows: mixed, or one value in every row, maybe a slice."""
    mixed = st.lists(_VALUE, min_size=n, max_size=n)
    same = _VALUE.map(lambda v: [v] * n)
    return st.tuples(st.one_of(mixed, same), st.integers(0, 2)).map(
        lambda p: pa.array([None] * p[1] + p[0], pa.bool_()).slice(p[1])
    )


def _masks(n: int) -> st.SearchStrategy[pa.Array]:
    """A mask (no nulls) of ``n`` rows."""
    mixed = st.lists(st.booleans(), min_size=n, max_size=n)
    return st.one_of(mixed, st.booleans().map(lambda v: [v] * n)).map(
        lambda v: pa.array(v, pa.bool_())
    )


@given(st.integers(0, 6).flatmap(lambda n: st.tuples(_bools(n), _bools(n))), st.booleans())
def test_kleene_of_two_parts_is_arrows(parts: tuple[pa.Array, pa.Array], either: bool) -> None:
    a, b = parts
    want = pc.or_kleene(a, b) if either else pc.and_kleene(a, b)
    got = _kleene(a, b, either)
    assert got.type == want.type
    assert got.to_pylist() == want.to_pylist()


@given(st.integers(1, 6).flatmap(lambda n: st.lists(st.one_of(st.none(), _masks(n)), max_size=4)))
def test_any_of_masks_is_their_or(masks: list[Any]) -> None:
    given_ = [m for m in masks if m is not None]
    got = _any(masks)
    if not given_:
        assert got is None
        return
    want = given_[0]
    for m in given_[1:]:
        want = pc.or_(want, m)
    assert got.to_pylist() == want.to_pylist()


class _Counted:
    """``svduty._compute`` with the Arrow calls named in ``names`` counted."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        real = getattr(_compute, name)
        if name not in self.names:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return real(*args, **kwargs)

        return call


_ROWS = [
    {"offence_code": "8N", "victim_age": 30, "date": "2023-06-15", "location": "E07000222"},
    {"police_uk_category": "Burglary", "date": "2024-01"},
    {"offence_code": "1", "died": True, "victim_age": 17, "relationship": "married"},
    {},
]


def test_rows_alike_are_classified_without_a_kleene_call(monkeypatch: Any) -> None:
    """Rows alike (as a batch's new combination may be): every part is the same in each."""
    logic = _Counted(("and_kleene", "or_kleene"))
    masks = _Counted(("and_", "or_"))
    monkeypatch.setattr(_expr, "pc", logic)
    monkeypatch.setattr(_missing_columns, "pc", masks)
    for data in _ROWS:
        table = pa.Table.from_pylist([data] * 3) if data else pa.table({"id": ["a", "b", "c"]})
        out = classify_table(table, STATUTE, resolve_district=RESOLVE)
        missing = missing_columns(table, STATUTE, resolve_district=RESOLVE)
        c = classify(Incident.from_json(data), resolve_district=RESOLVE)
        for answer in ANSWERS:
            assert out.column(answer).to_pylist() == [getattr(c, answer).value] * 3
            open_ = getattr(c, answer).value == "undetermined"
            facts = sorted(set(c.missing_for(answer))) if open_ else None
            assert missing[answer].to_pylist() == [facts] * 3, answer
        assert out.column("reasons").to_pylist() == [[r.rule for r in c.reasons]] * 3
    assert logic.calls == []  # before: 2,284 Kleene calls for these four tables
    assert masks.calls == []  # before: 1,339 calls of and_ / or_
