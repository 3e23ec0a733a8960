"""Every combined authority users54 listed names its establishing instrument (review54a).

users54's constituent councils were written from memory with no Order cited. Each entry now
names its statutory instrument, the day it was established where that was read, and what
was not confirmed in the instrument's text, written down beside it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from svduty.io._combined_areas import _COUNCILS, _ORDERS


def test_every_combined_authority_has_its_instrument() -> None:
    assert set(_ORDERS) == set(_COUNCILS)


@pytest.mark.parametrize("place", sorted(_ORDERS))
def test_an_instrument_is_cited_by_number_and_its_doubt_written_down(place: str) -> None:
    order, start, doubt = _ORDERS[place]
    assert re.fullmatch(r"SI 20\d\d/\d{1,4}(, (art|reg) \d+)?", order)
    if start:
        day = dt.date.fromisoformat(start)
        assert dt.date(2011, 4, 1) <= day <= dt.date(2025, 12, 31)
        assert order[3:7] in {str(day.year), str(day.year - 1)}
    else:
        assert "start" in doubt  # a day not read says so
    if not doubt:  # confirmed: the provision naming the councils is cited
        assert ", art " in order or ", reg " in order


def test_the_north_east_before_2024_is_said_not_to_be_answered() -> None:
    assert _ORDERS["north east"][1] == "2024-05-07"
    assert "abolished 7 May 2024" in _ORDERS["north of tyne"][2]
