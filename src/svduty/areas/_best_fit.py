"""The 2011 LSOA -> district bridge: the district of the most of a code's 2021 pieces.

Also the district each 2021 LSOA lies in, where the 2024 ward table's best fit and the
2022 table's exact fit differ (:func:`lsoa_districts`), and the ward table with that
district (:func:`lsoa21_table`): every LSOA -> district look-up reads it, the bundles'
areas, classification's and ``explain``'s alike.

Example:
    >>> best_fit(pa.array(["a"]), pa.array(["x"])).to_pydict()
    {'old': ['a'], 'lad': ['x']}
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from svduty import _arrays
from svduty import _compute as pc
from svduty._data import data
from svduty.areas._tables import read_table

__all__ = ["best_fit", "lsoa21_table", "lsoa_districts"]


def best_fit(old: Any, lad: Any, named: Any = None) -> pa.Table:
    """For each 2011 code of ``old``, the district (of ``lad``) of the most of its pieces.

    Ties go to the district its 2011 name names (``named``: whether the row's district is
    the one the 2011 LSOA's name begins with; "Welwyn Hatfield 014C", whose two pieces lie
    one in St Albans, one in Welwyn Hatfield), then to the first district code. The
    codes with one district come first, in order
    of first appearance; then the few split across districts, by code. Neither column
    holds nulls (every 2021 piece has its district). Counted in numpy,
    not with ``Table.group_by`` (which imports ``pyarrow.acero``, ``pyarrow.dataset`` and
    ``pyarrow.parquet`` on first use: about 0.01 s of every ``svduty classify``).

    Example:
        >>> old = pa.array(["b", "a", "a", "a", "b"])
        >>> best_fit(old, pa.array(["x", "y", "z", "z", "x"])).to_pydict()
        {'old': ['b', 'a'], 'lad': ['x', 'z']}
        >>> tie = pa.array(["a", "a"])
        >>> best_fit(tie, pa.array(["x", "y"])).to_pydict()["lad"]
        ['x']
        >>> best_fit(tie, pa.array(["x", "y"]), pa.array([False, True])).to_pydict()["lad"]
        ['y']
    """
    old, lad = _arrays.one_array(old), _arrays.one_array(lad)
    o, _ = _arrays.numbered(old)
    d, n_lad = _arrays.numbered(lad)
    pair, _ = _arrays.numbered(o * max(n_lad, 1) + d)  # (code, district), first seen first
    first = _arrays.first_rows(pair)  # a row of each pair
    pair_old = o[first]
    split = np.bincount(pair_old)[pair_old] > 1  # the pair's code lies in several districts
    one, several = _arrays.array(first[~split]), _arrays.array(first[split])
    unnamed = (
        [True] * len(several)
        if named is None
        else pc.invert(pc.fill_null(pc.take(_arrays.one_array(named), several), False)).to_pylist()
    )
    ranked = sorted(
        zip(
            pc.take(old, several).to_pylist(),
            (-np.bincount(pair)[split]).tolist(),
            unnamed,
            pc.take(lad, several).to_pylist(),
            strict=True,
        )
    )
    best = dict(reversed([(code, district) for code, _n, _u, district in ranked]))
    codes = sorted(best)
    return pa.concat_tables(
        [
            pa.table([pc.take(old, one), pc.take(lad, one)], schema=_BRIDGE),
            pa.table({"old": codes, "lad": [best[c] for c in codes]}, schema=_BRIDGE),
        ]
    )


_BRIDGE = pa.schema([("old", pa.string()), ("lad", pa.string())])


@functools.cache
def _bridge(touching: tuple[str, ...] | None = None) -> pa.Table:
    """2011 code -> district (2024) of its 2021 best fit, one row per 2011 code.

    For the few 2011 LSOAs whose 2021 pieces lie in several districts, the district of
    the most pieces (then the first code) is taken. With ``touching`` (district codes),
    only the 2011 LSOAs with a piece in one of them (a partnership's few hundred, not
    the 35,000 of England and Wales: the answer for each is the same).
    """
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))
    if touching is None:
        return _fitted(read_table("lsoa11-lsoa21-lad22", _BRIDGE_COLUMNS), t21)
    # the few rows first: hash sets of hundreds of codes, not 35,000
    lads = pa.array(touching, pa.string())
    inside = pc.filter(t21, pc.is_in(t21.column("ltla24_code"), value_set=lads))
    bridge = read_table("lsoa11-lsoa21-lad22", _BRIDGE_COLUMNS)
    near = pc.filter(bridge, pc.is_in(bridge.column("lsoa21_code"), value_set=inside[0]))
    return _fits_of(near[0])


_BRIDGE_COLUMNS = ("lsoa11_code", "lsoa21_code", "lsoa11_name", "ltla22_name")


def _fits_of(codes: Any) -> pa.Table:
    """:func:`_bridge`'s rows for the 2011 codes among ``codes`` only (the same answers).

    A code's best fit depends on its own 2021 pieces alone, so a batch's few codes are
    answered without the whole table's (about 20 ms of a run that meets one).
    """
    bridge = read_table("lsoa11-lsoa21-lad22", _BRIDGE_COLUMNS)
    bridge = pc.filter(bridge, pc.is_in(bridge.column("lsoa11_code"), value_set=codes))
    t21 = lsoa21_table(("lsoa21_code", "ltla24_code"))
    t21 = pc.filter(t21, pc.is_in(t21.column("lsoa21_code"), value_set=bridge[1]))
    return _fitted(bridge, t21)


def _fitted(bridge: pa.Table, t21: pa.Table) -> pa.Table:
    """:func:`best_fit` of ``bridge``'s rows, each 2021 piece's district taken from ``t21``."""
    at = pc.index_in(bridge.column("lsoa21_code"), value_set=t21.column("lsoa21_code"))
    lad = pc.take(t21.column("ltla24_code"), at)
    # "Welwyn Hatfield 014C": the 2011 name is its district's, then a 5-character suffix
    named = pc.equal(
        pc.utf8_slice_codeunits(bridge.column("lsoa11_name"), 0, -5), bridge.column("ltla22_name")
    )
    return best_fit(bridge.column("lsoa11_code"), lad, named)


@functools.cache
def lsoa_districts() -> tuple[Any, Any]:
    """Each 2021 LSOA and the district (2024) it lies in: (codes, districts), aligned.

    The 2024 ward table places each LSOA in a ward, and so a district, by a best fit; the
    2022 table (``lsoa11-lsoa21-lad22``) gives the district each 2021 LSOA was built in,
    an exact fit (2021 LSOAs lie within the districts of 2021). The districts of 2022 that
    are still districts in 2024 kept their boundaries (the 2023 changes joined whole
    districts into new ones, SI 2022/328, 329, 331), so where the two tables name two
    such districts, the 2022 table's is taken: one LSOA, "West Northamptonshire 048E"
    (E01027305), which the ward table files under a Cherwell ward. A 2022 district
    abolished since gives the ward table's (its successor's). Those LSOAs are listed, when
    the tables are packaged, in ``lsoa21-lies-in.csv`` (``tools/make_national_tables.py``;
    a test checks it against the two tables): read here instead of joining the two tables
    of 35,000 rows in every process.

    Example:
        >>> lad = dict(zip(*(a.to_pylist() for a in lsoa_districts()), strict=True))
        >>> lad["E01027305"]  # West Northamptonshire, not Cherwell (E07000177)
        'E06000062'
        >>> lad["E01019279"]  # Copeland's: in Cumberland since 1 April 2023
        'E06000063'
    """
    t21 = read_table("lsoa21-ward24-lad24", ("lsoa21_code", "ltla24_code"))
    codes, ward_lads = t21.column("lsoa21_code"), t21.column("ltla24_code")
    with data("ons", "national", "lsoa21-lies-in.csv").open("rb") as f:
        lies_in = pacsv.read_csv(f, read_options=_ONE_THREAD, convert_options=_STRINGS)
    at = pc.index_in(codes, value_set=lies_in.column(0).combine_chunks())  # a few codes
    lads = pc.coalesce(pc.take(lies_in.column(1), at), ward_lads)
    return codes, lads


_ONE_THREAD = pacsv.ReadOptions(use_threads=False)
_STRINGS = pacsv.ConvertOptions(
    column_types={"lsoa21_code": pa.string(), "ltla24_code": pa.string()}
)


_WARD_COLUMNS = ("ward24_code", "ward24_name")


@functools.cache
def lsoa21_table(columns: tuple[str, ...]) -> pa.Table:
    """Columns of the 2024 ward table, ``ltla24_code`` the district each LSOA lies in.

    The one table every LSOA -> district look-up reads (a partnership's LSOAs, the national
    look-ups of classification and ``explain``, the 2011 best fit): the district of
    :func:`lsoa_districts`, not the ward's where the two differ, and then no ward (the
    ward lies in the other district). Built once a process, for each set of columns.

    Example:
        >>> t = lsoa21_table(("lsoa21_code", "ward24_code", "ltla24_code"))
        >>> t.num_rows
        35672
        >>> [r for r in t.to_pylist() if r["lsoa21_code"] == "E01027305"]
        [{'lsoa21_code': 'E01027305', 'ward24_code': None, 'ltla24_code': 'E06000062'}]
    """
    table = read_table("lsoa21-ward24-lad24", columns)
    if "ltla24_code" not in columns:
        return table
    _codes, lads = lsoa_districts()  # aligned with the table's rows
    at = columns.index("ltla24_code")
    moved = pc.not_equal(lads, table.column(at))
    table = table.set_column(at, "ltla24_code", lads)
    none = pa.nulls(table.num_rows, pa.string())  # (pa.scalar(None) would import pandas)
    for j, name in enumerate(columns):
        if name in _WARD_COLUMNS:
            table = table.set_column(j, name, pc.if_else(moved, none, table.column(j)))
    return table
