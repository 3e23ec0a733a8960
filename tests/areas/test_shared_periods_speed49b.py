"""The national LSOA areas share their periods (speed49b).

Every LSOA of the national tables is valid from the 2011 or the 2021 census, or from the
one to the other: three periods. ``lsoa_areas`` made one ``Period`` an area, so a
partnership's geography in the command's cache pickled (and every warm start read back,
one Python ``__setstate__`` call each) some 470 periods of three values. The areas now
share three objects; their values are unchanged.
"""

from __future__ import annotations

import datetime as dt
import pickle

from svduty.areas import AreaKind
from svduty.areas._national_lsoas import lsoa_areas, lsoa_records
from svduty.io import load_sections
from svduty.periods import Period

_2011, _2021 = dt.date(2011, 3, 27), dt.date(2021, 3, 21)


def test_the_lsoas_of_a_district_share_three_periods() -> None:
    areas = lsoa_areas(["E07000220", "E07000222"])
    assert len(areas) > 100
    assert len({id(a.valid) for a in areas}) == 3


def test_each_lsoa_keeps_its_period() -> None:
    """The values are what the tables say: the census an LSOA began at, and ended at."""
    districts = ["E07000218", "E07000220"]
    both = {r.code for r in lsoa_records(districts) if r.both}
    for a in lsoa_areas(districts):
        if a.kind is AreaKind.WARD:
            expected = Period(_2021)
        elif a.kind is AreaKind.LSOA2011:
            expected = Period(_2011, _2021)
        else:
            expected = Period(_2011 if a.id in both else _2021)
        assert a.valid == expected, a.id


def test_a_cached_geography_reads_back_few_periods() -> None:
    """What the command's cache holds: the pickled areas section, read back."""
    parts = pickle.loads(pickle.dumps(load_sections("warwickshire", "areas"), protocol=5))
    areas = parts.geography.all()
    assert len(areas) > 400
    assert len({id(a.valid) for a in areas}) < 30
