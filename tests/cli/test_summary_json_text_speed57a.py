"""The JSON summary's text is ``json.dumps(indent=2, default=str)``'s, written faster (speed57a).

``indented_json`` writes a dict or list of scalars with the C encoder in one call and walks
the rest; anything not plain JSON goes to ``json.dumps`` whole. With ``sort`` it sorts the
keys below the top dict as ``versioned(sort=True)`` did before. Every tree must give the
same text, byte for byte, as the command wrote before.
"""

from __future__ import annotations

import datetime
import decimal
import json
from collections import OrderedDict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from svduty._commands import _classify_summary, _json
from svduty._commands._classify_summary import indented_json
from svduty._commands._json import versioned

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
)
TREES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)
ODD = st.sampled_from(
    [decimal.Decimal("1.10"), datetime.date(2025, 6, 1), {1: "a"}, {None: 1}, {2.5: [1]}]
)


def expected(value: Any) -> str:
    return json.dumps(value, indent=2, default=str)


@settings(max_examples=400, deadline=None)
@given(TREES)
def test_plain_trees_same_text(value: Any) -> None:
    assert indented_json(value) == expected(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(TREES, max_size=3), ODD, st.integers(min_value=0, max_value=3))
def test_odd_values_and_keys_same_text(items: list[Any], odd: Any, at: int) -> None:
    """A key not a string, or a value JSON writes through ``default=str``, anywhere."""
    items.insert(min(at, len(items)), odd)
    tree = {"rows": items, "deep": {"x": [items]}}
    assert indented_json(tree) == expected(tree)


def before(data: dict[str, Any]) -> str:
    """What ``svduty classify --summary json`` wrote before (speed57a)."""
    return json.dumps(versioned("summary", data, sort=True), indent=2, default=str)


def now(data: dict[str, Any]) -> str:
    """What it writes now (``svduty._commands.classify._run``)."""
    top = {k: data[k] for k in sorted(data)}
    return indented_json(versioned("summary", top), sort=True)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=5), TREES, max_size=5))
def test_sorted_summary_same_text(data: dict[str, Any]) -> None:
    assert now(data) == before(data)


@settings(max_examples=200, deadline=None)
@given(st.lists(TREES, max_size=3), ODD, st.integers(min_value=0, max_value=3))
def test_sorted_odd_values_same_text(items: list[Any], odd: Any, at: int) -> None:
    items.insert(min(at, len(items)), odd)
    data = {"z": items, "a": {"y": [items], "x": 1}}
    assert now(data) == before(data)


def test_sorted_tuples_and_subclasses_as_before() -> None:
    """``versioned(sort=True)`` sorted a dict subclass's keys, not those of a dict in a tuple."""
    data = {
        "t": ({"b": 1, "a": {"d": 0, "c": [1]}},),
        "o": OrderedDict(b=[{"y": 1, "x": 2}], a=1),
        "l": [{"b": 1, "a": ({"q": 1, "p": 2},)}],
    }
    assert now(data) == before(data)


def test_subclasses_go_the_long_way() -> None:
    """A dict or int subclass is not taken for its base type (json.dumps decides its text)."""

    class Count(int):
        def __repr__(self) -> str:  # json.dumps writes int.__repr__: not this
            return "many"

    tree = {"a": OrderedDict(b=1), "n": [Count(3)], "t": (1, (2, [])), "e": {}}
    assert indented_json(tree) == expected(tree)


def test_containers_of_scalars_are_one_encoder_call(monkeypatch: Any) -> None:
    """The rows of the bounded counts (dicts of scalars) are written by the C encoder whole.

    The walk descends into a container only if some value in it is itself a container:
    counted here, so that the fast path cannot silently stop being taken.
    """
    walked: list[Any] = []
    given_write = _classify_summary._write

    def write(value: Any, newline: str, out: list[str], **how: Any) -> None:
        walked.append(value)
        given_write(value, newline, out, **how)

    monkeypatch.setattr(_classify_summary, "_write", write)
    rows = [{"certain": i, "csp_name": f"CSP {i}", "possible": i * 2.5} for i in range(50)]
    tree = {"bounded": {"by": {"csp": rows}}, "rows_in": 100}
    assert indented_json(tree) == expected(tree)
    assert len(walked) == 1 + 1 + 1 + 1 + 50 + 1  # tree, bounded, by, csp, each row, rows_in


def test_summary_of_the_sample_same_text() -> None:
    """A real summary's data (the packaged sample's bounded counts)."""
    from svduty.io import BoundedCounts, default_pipeline, read_police_uk, sample_police_uk

    bounds = BoundedCounts()
    pipeline = default_pipeline()
    for batch in read_police_uk(sample_police_uk()):
        bounds.add(pipeline(batch))
    tree = {"bounded": bounds.to_json(), "svduty_schema": "summary/1"}
    assert indented_json(tree) == expected(tree)


@settings(max_examples=100, deadline=None)
@given(st.lists(TREES, max_size=3), ODD)
def test_sorted_list_at_the_top(items: list[Any], odd: Any) -> None:
    """Below a list at the top, every dict's keys are sorted as ``versioned(sort=True)`` sorts."""
    for tree in ([{"b": items, "a": 1}], [{"b": odd, "a": [{"d": 1, "c": items}]}]):
        want = json.dumps(_json.sorted_keys(tree), indent=2, default=str)
        assert indented_json(tree, sort=True) == want
