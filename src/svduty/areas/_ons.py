"""The packaged ONS tables: LSOAs (2011 and 2021) with their districts, wards and boundaries.

Read once, lazily, and cached. The tables cover the districts svduty ships data for; a
geography keeps the rows of its own districts.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.csv as pacsv

__all__ = ["LsoaRow", "boundary_features", "lsoa_rows"]

LSOA11_TABLE = "warwickshire-lsoa11-ward19-lookup.csv"
LSOA21_TABLE = "warwickshire-lsoa21.csv"


def _ons_dir() -> Traversable:
    return resources.files("svduty").joinpath("data", "ons")


@attrs.frozen(slots=True)
class LsoaRow:
    """One LSOA of one vintage, as the ONS tables give it.

    Example:
        >>> LsoaRow("E01031180", "Rugby 010E", "E07000220", 2011).vintage
        2011
    """

    code: str
    name: str
    district: str
    vintage: int
    ward: str | None = None
    ward_name: str | None = None


def _read(name: str, columns: list[str]) -> pa.Table:
    with _ons_dir().joinpath(name).open("rb") as fh:
        opts = pacsv.ConvertOptions(
            include_columns=columns, column_types=dict.fromkeys(columns, pa.string())
        )
        return pacsv.read_csv(fh, convert_options=opts)


@functools.cache
def lsoa_rows() -> tuple[LsoaRow, ...]:
    """Every packaged LSOA row, 2011 then 2021 (read once).

    Example:
        >>> rows = lsoa_rows()
        >>> sum(r.vintage == 2011 for r in rows), sum(r.vintage == 2021 for r in rows)
        (339, 354)
    """
    t11 = _read(LSOA11_TABLE, ["LSOA11CD", "LSOA11NM", "WD19CD", "WD19NM", "LAD19CD"])
    t21 = _read(LSOA21_TABLE, ["LSOA21CD", "LSOA21NM", "LAD_CD"])
    rows = [
        LsoaRow(c, n, d, 2011, w, wn)
        for c, n, w, wn, d in zip(
            *(t11.column(k).to_pylist() for k in t11.column_names), strict=True
        )
    ]
    rows += [
        LsoaRow(c, n, d, 2021)
        for c, n, d in zip(*(t21.column(k).to_pylist() for k in t21.column_names), strict=True)
    ]
    return tuple(rows)


@functools.cache
def boundary_features(district: str) -> tuple[dict[str, Any], ...]:
    """The packaged LSOA (2021) boundary features of one district (none if not packaged).

    Example:
        >>> len(boundary_features("E07000220")), boundary_features("E07999999")
        (67, ())
    """
    f = _ons_dir().joinpath("boundaries", "lsoa21", f"{district}.geojson")
    if not f.is_file():
        return ()
    with f.open("rb") as fh:
        doc = json.load(fh)
    return tuple(doc["features"])
