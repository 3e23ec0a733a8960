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


def _errors() -> list[Exception]:
    from svduty import errors as e

    made: list[Exception] = [
        e.UnknownAreaError("E09999999", "a hint"),
        e.UnknownAreaError("Jane Smith 07700900123"),
        e.UnknownBodyError("x-body"),
        e.UnknownSourceError("no-such-act", ["a", "b"]),
        e.NotInForceError("not in force on 2020-01-01"),
    ]
    for kind in (e.DataError, e.ArgumentError, e.BundleError, e.ConflictError, e.AreaError):
        made.append(kind.single("f.csv", "age", expected="0 to 130", got="131", row=3))
    return made


@pytest.mark.parametrize("error", _errors(), ids=lambda x: type(x).__name__)
def test_errors_pickle_and_copy_as_they_are(error: Exception):
    """A developer's review: UnknownAreaError, UnknownBodyError and UnknownSourceError came
    back from pickle (Dask, multiprocessing) as 'a string of N characters, not shown'."""
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert again.problems == error.problems  # type: ignore[attr-defined]
        assert vars(again) == vars(error)
    assert "Jane Smith" not in str(pickle.loads(pickle.dumps(_errors()[1])))
