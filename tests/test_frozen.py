"""Values shared by every caller cannot be changed by one (a developer's review)."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import svduty
from svduty._frozen import FrozenMap, frozen_map
from svduty.sources import CATALOGUE


def test_a_partnerships_scenarios_cannot_be_changed():
    p = svduty.warwickshire()
    with pytest.raises(TypeError):
        del p.scenarios["lgr-two-unitaries"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        p.scenarios["x"] = p.scenarios["lgr-two-unitaries"]  # type: ignore[index]
    assert "lgr-two-unitaries" in svduty.warwickshire().scenarios


def test_partnerships_and_catalogues_hash_as_they_compare():
    p = svduty.warwickshire()
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert hash(again) == hash(p)
    assert hash(CATALOGUE) == hash(copy.deepcopy(CATALOGUE))
    assert {CATALOGUE, CATALOGUE.extend([])} == {CATALOGUE}


@given(st.dictionaries(st.text(max_size=3), st.integers()))
def test_a_frozen_map_is_its_items(items: dict[str, int]):
    m = frozen_map(items)
    assert m == items
    assert dict(m) == items
    assert len(m) == len(items)
    assert all(k in m for k in items)
    assert frozen_map(m) is m
    assert hash(m) == hash(FrozenMap(list(items.items())))
    assert pickle.loads(pickle.dumps(m)) == m
    assert repr(m) == f"FrozenMap({items!r})"
    assert m != [1]
