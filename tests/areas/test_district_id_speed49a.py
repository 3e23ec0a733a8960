"""speed49a: an LSOA code's first look-up finds its district without sorting its ancestors.

A summary's first batch resolves a few hundred LSOA codes, each once a run
(``Resolving._code_outcome``): each went through ``Geography.district_of``, which sorts
every ancestor of the LSOA (ward, district, county, CSP, police, ICB...) to take the
first local government area. ``Index.district_id`` takes the least of those by the same
order. Counted, never timed; the districts must stay ``district_of``'s.
"""

from __future__ import annotations

import pyarrow as pa
import pytest

import svduty
from svduty.areas import Geography
from svduty.areas._model import AreaKind

LSOAS = (AreaKind.LSOA2011, AreaKind.LSOA2021)


def _lsoas(geo: Geography) -> list[str]:
    return [a.id for kind in LSOAS for a in geo.all(kind)]


def test_every_lsoa_of_a_partnership_has_the_district_district_of_gives() -> None:
    """Each of Warwickshire's 2011 and 2021 LSOAs (in a district, the county, CSPs...)."""
    geo = svduty.load_partnership("warwickshire").geography
    ids = _lsoas(geo)
    assert ids
    for area_id in ids:
        assert geo._index.district_id(area_id) == geo.district_of(area_id).id, area_id


def test_an_area_in_no_district_has_none() -> None:
    geo = svduty.warwickshire().geography
    county = next(a for a in geo.all() if a.kind is AreaKind.REGION or a.kind is AreaKind.COUNTRY)
    assert geo._index.district_id(county.id) is None


def test_new_codes_are_resolved_without_sorting_their_ancestors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    geo = svduty.load_partnership("warwickshire").geography  # a geography of its own: no memo
    codes = _lsoas(geo)[:200]
    sorted_: list[int] = []
    real = Geography._sorted

    def counted(self: Geography, areas: object) -> object:
        sorted_.append(1)
        return real(self, areas)  # type: ignore[arg-type]

    monkeypatch.setattr(Geography, "_sorted", counted)
    out = geo.resolve_lsoas(pa.array(codes, pa.string()))
    monkeypatch.undo()
    expected = [geo.district_of(c).code for c in codes]
    assert out.column("district_code").to_pylist() == expected
    assert len(sorted_) < len(codes) // 10, len(sorted_)
