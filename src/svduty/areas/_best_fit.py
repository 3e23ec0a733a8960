"""The 2011 LSOA -> district bridge's choice: the district of the most of its 2021 pieces.

Example:
    >>> best_fit(pa.array(["a"]), pa.array(["x"])).to_pydict()
    {'old': ['a'], 'lad': ['x']}
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from svduty import _arrays
from svduty import _compute as pc

__all__ = ["best_fit"]


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
