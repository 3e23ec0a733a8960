"""The national geography records cite columns their tables have (law57's review).

``svduty init`` writes each area's record with the national table and column it was read
from. The countries cited a ``country`` column that neither table has (``lad24-region24``:
``ltla24_name, ltla24_code, region24_name, region24_code``; ``lad21-lhb22``: ``ltla21_code,
ltla21_name, lhb22_code, lhb22_name``): each table names one country's areas only.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

import pytest

from svduty.areas import AreaKind
from svduty.areas._national import national_areas

_COLUMN = re.compile(r"^[a-z]+[0-9]{2}_(code|name)$")


@cache
def columns(source_id: str) -> tuple[str, ...]:
    table = source_id.removeprefix("ons-")
    folder = resources.files("svduty") / "data" / "ons" / "national"
    for name in (f"{table}.csv",):
        path = folder / name
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                return tuple(next(csv.reader(f)))
    return ()  # an Arrow table: its columns are read by the code itself


@pytest.mark.parametrize("code", ["E92000001", "W92000004"])
def test_a_country_cites_no_column_its_table_lacks(code: str) -> None:
    (country,) = [a for a in national_areas() if a.id == code]
    assert country.kind is AreaKind.COUNTRY
    header = columns(country.citation.source.id)
    assert header, country.citation.source.id
    assert "country" not in header
    assert country.citation.provision.startswith("every row"), country.citation.provision


def test_every_column_a_record_cites_is_in_its_table() -> None:
    for a in national_areas():
        header = columns(a.citation.source.id)
        word = a.citation.provision.split(" ")[0]
        if header and _COLUMN.match(word):
            assert word in header, (a.id, a.citation.source.id, word)
