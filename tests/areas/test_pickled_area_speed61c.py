"""An area pickles as its fields' values (speed61c).

The command's cache unpickles a partnership's areas at every start-up (Warwickshire's
496). attrs pickles a frozen slotted class as a mapping of its fields' names to values,
read back name by name in Python; an area is now made again from its values in the
fields' order (``Area.__reduce__``): the same area, 0.3 ms cheaper a start-up.
"""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from svduty.areas import Area, AreaKind
from svduty.io import load_sections
from svduty.periods import Period
from svduty.sources import cite

_CITATION = cite("ons-lsoa11-ward19")


def _areas() -> list[Area]:
    parts = load_sections("warwickshire", "areas")
    return list(parts.geography.all())


def test_every_area_of_a_partnership_reads_back_the_same() -> None:
    areas = _areas()
    again = pickle.loads(pickle.dumps(areas, protocol=pickle.HIGHEST_PROTOCOL))
    assert len(areas) > 400
    assert again == areas
    for a, b in zip(areas, again, strict=True):
        assert attrs.astuple(a, recurse=False) == attrs.astuple(b, recurse=False)
        assert hash(a) == hash(b)


def test_an_area_pickles_as_its_values_not_its_fields_names() -> None:
    """attrs' state named every field in every area; the values alone are pickled now."""
    area = Area(
        code="E07000220",
        name="Rugby",
        kind=AreaKind.DISTRICT,
        parents=("E10000031",),
        valid=Period("2009-04-01"),
        citation=_CITATION,
    )
    data = pickle.dumps(area, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"parents" not in data
    assert b"citation" not in data
    assert pickle.loads(data) == area
    assert copy.copy(area) == area
    assert copy.deepcopy(area) == area


def test_a_pickle_short_of_a_value_is_refused_not_half_an_area() -> None:
    """A pickle of another layout is an error (the cache's miss), never an area half set."""
    from svduty.areas._model import _unpickled_area

    values = (AreaKind.DISTRICT, "E07000220", "E07000220", "Rugby", (), Period("2009-04-01"))
    with pytest.raises(ValueError, match="shorter"):
        _unpickled_area(*values)


_slug = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)


@given(
    slug=_slug,
    name=st.text(min_size=1, max_size=20).filter(str.strip),
    parents=st.lists(_slug, max_size=3),
)
def test_an_area_without_a_code_reads_back_the_same(
    slug: str, name: str, parents: list[str]
) -> None:
    area = Area(
        id=slug,
        name=name,
        kind=AreaKind.POLICE_COMMAND_AREA,
        parents=tuple(p for p in parents if p != slug),
        valid=Period("2020-01-01"),
        citation=_CITATION,
    )
    again = pickle.loads(pickle.dumps(area))
    assert again == area
    assert (again.code, again.id, again.parents) == (None, slug, area.parents)
